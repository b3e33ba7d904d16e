import { describe, expect, it } from 'vitest';
import { agentKind } from './agents.js';

describe('agentKind', () => {
  it('tells newspapers and organisations from people', () => {
    expect(agentKind({ id: 'wiener-arbeiter-zeitung', name: 'Wiener Arbeiter-Zeitung' })).toBe('organisation');
    expect(agentKind({ id: 'vorwarts', name: 'Vorwärts' })).toBe('organisation');
    expect(agentKind({ id: 'x', name: 'Berliner Tageblatt' })).toBe('organisation');
    expect(agentKind({ id: 'x', name: 'The General Council of the International' })).toBe('organisation');
    expect(agentKind({ id: 'x', name: 'Progress Publishers' })).toBe('organisation');
  });
  it('keeps people, including one writing for a newspaper', () => {
    for (const name of ['Karl Marx', 'S. G. Shahumyan', 'Richard Beer-Hofmann', 'Louis F. Post', 'Werther', 'Hugo von Hofmannsthal']) {
      expect(agentKind({ id: 'p', name })).toBe('person');
    }
    expect(agentKind({ id: 'a-peddinghaus', name: 'A. Peddinghaus für die Bochumer Zeitung' })).toBe('person');
  });
  it('tells placeholders and test records', () => {
    expect(agentKind({ id: 'pn0001', name: 'PN0001' })).toBe('placeholder');
    expect(agentKind({ id: 'unknown', name: 'Unknown' })).toBe('placeholder');
    expect(agentKind({ id: 'test', name: 'Test' })).toBe('placeholder');
  });
});
