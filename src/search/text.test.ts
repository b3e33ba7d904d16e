import { describe, expect, it } from 'vitest';
import { expandQuery, readings } from './expand.js';
import { closest, editDistance, maxEdits } from './fuzzy.js';
import { parseQuery } from './query.js';
import { highlightAll, lead, snippet } from './snippets.js';
import { indexText, termOf, wordTokens } from './text.js';
import { toCyrillic, toLatin } from './translit.js';
import { loadDefaultRegister } from '../model/register.js';

describe('index terms', () => {
  it('stem English with Snowball and fold diacritics', () => {
    expect(['diplomacy', 'Diplomacies', 'learning', 'People’s', "don't", 'Ströbel', 'Łódź', 'ÉCOLE'].map(termOf)).toEqual([
      'diplomaci',
      'diplomaci',
      'learn',
      'peopl',
      'dont',
      'strobel',
      'lodz',
      'ecol',
    ]);
  });

  it('stem Russian with Snowball, treating ё as е and dropping stress marks', () => {
    expect(['революция', 'революции', 'Твёрдой', 'твердой', 'доро́гой'].map(termOf)).toEqual([
      'революц',
      'революц',
      'тверд',
      'тверд',
      'дорог',
    ]);
  });

  it('give one term per word, so phrases keep their positions', () => {
    expect(indexText('We have to learn diplomacy.[1] Anti-Soviet')).toBe('we have to learn diplomaci 1 anti soviet');
    expect(wordTokens('the “Bulletins”, No. 33').map((t) => t.surface)).toEqual(['the', 'Bulletins', 'No', '33']);
  });

  it('collect names: capitalised inside a sentence, never in lower case', () => {
    const caps = new Set<string>();
    const lower = new Set<string>();
    indexText('The Mussavatists rose. Baku fell to the Turks, and the turks left.', caps, lower);
    expect([...caps].filter((t) => !lower.has(t)).sort()).toEqual(['mussavatist']);
  });
});

describe('transliteration (BGN/PCGN, ASCII)', () => {
  it('romanizes Russian as English editions spell it', () => {
    expect(['Шаумян', 'Центрокаспий', 'Ельцин', 'Щедрин', 'Ильич', 'объём'].map(toLatin)).toEqual([
      'shaumyan',
      'tsentrokaspiy',
      'yeltsin',
      'shchedrin',
      'ilich',
      'obyem',
    ]);
  });

  it('reads Latin spellings (BGN, scholarly, ISO 9) back as Russian', () => {
    expect(['Shaumyan', 'Šaumjan', 'Šaumân', 'revolyutsiya', 'Trotskiy', 'tverdoy', 'eto'].map(toCyrillic)).toEqual([
      'шаумян',
      'шаумян',
      'шаумян',
      'революция',
      'троцкий',
      'твердой',
      'это',
    ]);
    expect(toCyrillic('Straße')).toBeUndefined();
  });

  it('gives every word its readings in both scripts', () => {
    expect(readings('Шаумян')).toEqual(['шаумя', 'шаумян', 'shaumyan']);
    expect(readings('revolyutsiya')).toEqual(['revolyutsiya', 'революц', 'революция']);
  });
});

describe('query expansion', () => {
  it('adds the register’s spellings of a person the word names', () => {
    const { expansions } = expandQuery(parseQuery('Shaumyan'), { register: loadDefaultRegister() });
    expect(expansions[0]!.aliases).toEqual(expect.arrayContaining(['Shahumyan', 'Shaumian', 'Шаумян']));
    expect(expansions[0]!.terms).toEqual(expect.arrayContaining(['shaumyan', 'shahumyan', 'шаумя']));
  });

  it('highlights only what is searched positively', () => {
    const { highlight } = expandQuery(parseQuery('baku -war "learn diplomacy" diplom*'));
    expect([...highlight.terms]).toEqual(['baku', 'бак', 'баку']);
    expect(highlight.phrases).toEqual([
      ['learn', 'diplomaci'],
      ['леарн', 'дипломац'],
    ]);
    expect(highlight.prefixes).toEqual(['diplom', 'диплом']);
  });
});

describe('fuzzy matching', () => {
  it('counts edits, transpositions included, and stops early', () => {
    expect(editDistance('shahumyan', 'shaumian', 2)).toBe(2);
    expect(editDistance('mussavatist', 'musavatist', 2)).toBe(1);
    expect(editDistance('diplomaci', 'dipolmaci', 2)).toBe(1);
    expect(editDistance('revolut', 'reaction', 2)).toBe(3);
    expect([4, 5, 7, 8].map(maxEdits)).toEqual([0, 1, 1, 2]);
  });

  it('picks the closest candidates first', () => {
    expect(closest('shaumyan', ['shaumian', 'shahumyan', 'shaumyan', 'sherman'], 2, 5)).toEqual(['shahumyan', 'shaumian']);
  });
});

describe('snippets', () => {
  const h = (terms: string[], phrases: string[][] = [], prefixes: string[] = []) => ({ terms: new Set(terms), phrases, prefixes });

  it('show the best window, escaped, with exactly the matched words marked', () => {
    const text = `${'Filler words here. '.repeat(20)}We delight in <firm> & resolute diplomacy; diplomats learn.`;
    expect(snippet(text, h(['diplomaci']), 12)).toBe(
      '… here. Filler words here. We delight in &lt;firm&gt; &amp; resolute <mark>diplomacy</mark>; diplomats learn.',
    );
    expect(snippet(text, h([], [['diplomat', 'learn']]), 12)).toContain('<mark>diplomats learn</mark>.');
    expect(snippet(text, h([], [], ['diplom']), 12)).toContain('<mark>diplomacy</mark>; <mark>diplomats</mark>');
    expect(snippet(text, h(['zebra']))).toBeUndefined();
  });

  it('mark titles in full and give a lead when nothing matched', () => {
    expect(highlightAll('To S. G. Shahumyan', h(['shahumyan']))).toBe('To S. G. <mark>Shahumyan</mark>');
    expect(lead('One two three four five', 3)).toBe('One two three …');
  });
});

describe('name variants', () => {
  it('allow the edits spellings of one name differ by, and no others', async () => {
    const { nameDistance } = await import('./fuzzy.js');
    expect(nameDistance('shahumyan', 'shaumian', 2)).toBe(2);
    expect(nameDistance('mussavatist', 'musavatist', 2)).toBe(1);
    expect(nameDistance('plekhanov', 'plechanov', 2)).toBe(1);
    expect(nameDistance('kautski', 'kautsky', 2)).toBe(1);
    expect(nameDistance('soviet', 'societ', 1)).toBe(2);
    expect(nameDistance('lenin', 'lewin', 1)).toBe(2);
    expect(nameDistance('engel', 'edgel', 1)).toBe(2);
  });
});
