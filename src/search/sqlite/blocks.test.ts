// Stored texts make exactly the snippets the whole text makes, reading only some of its blocks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../../../test/support/seed.js';
import type { Highlight } from '../expand.js';
import { lead, snippet } from '../snippets.js';
import { indexText, termOf, wordTokens } from '../text.js';
import { readMap, splitText, storedLead, storedSnippet, type BlockReader } from './blocks.js';

const DIR = join(CORPUS, 'plaintext-marx-engels');
const texts = ['marx-communist-manifesto.txt', 'The Eighteenth Brumaire of Louis Bonaparte.txt'].map((f) =>
  readFileSync(join(DIR, f), 'utf8')
    .replace(/^\ufeff/, '')
    .replace(/\r\n/g, '\n'),
);

const terms = (...t: string[]): Highlight => ({ terms: new Set(t), prefixes: [], phrases: [] });
const phrase = (...t: string[]): Highlight => ({ terms: new Set(), prefixes: [], phrases: [t] });

function stored(text: string, withTerms: boolean) {
  const t = indexText(text);
  const { blocks, map } = splitText(text, withTerms ? (t ? t.split(' ') : []) : undefined);
  const reads: number[] = [];
  const read: BlockReader = (a, z) => {
    for (let b = a; b <= z; b++) reads.push(b);
    return blocks.slice(a, z + 1);
  };
  return { blocks, m: readMap(map), read, reads };
}

/** Highlights made from the text's own words: frequent and rare words, pairs, prefixes, and a word it lacks. */
function highlights(text: string): Highlight[] {
  const words = wordTokens(text).map((w) => w.surface);
  const count = new Map<string, number>();
  for (const w of words) count.set(termOf(w), (count.get(termOf(w)) ?? 0) + 1);
  const byFreq = [...count].sort((a, b) => b[1] - a[1]).map(([t]) => t);
  const out: Highlight[] = [
    terms('zanzibarit'),
    terms(...byFreq.slice(0, 3)),
    { terms: new Set(), prefixes: ['revol', 'bourg'], phrases: [] },
  ];
  for (let i = 0; i < 40; i++) {
    out.push(terms(byFreq[Math.floor((i / 40) * byFreq.length)]!));
    const at = Math.floor((i / 40) * (words.length - 3));
    out.push(phrase(termOf(words[at]!), termOf(words[at + 1]!)));
  }
  return out;
}

describe('stored texts', () => {
  it('cut the text into blocks that are exactly the text, with its length in the map', () => {
    for (const text of [...texts, '', 'a', 'word '.repeat(30_000)]) {
      const s = stored(text, true);
      expect(s.blocks.join('')).toBe(text);
      expect(s.m.chars).toBe(text.length);
      expect(s.m.chunkFirst.length - 1).toBeGreaterThanOrEqual(Math.ceil(text.length / 25_000));
    }
  });

  it('make the same snippets and leads as the whole text, with the index terms given or not', () => {
    for (const text of texts) {
      const [given, read] = [stored(text, true), stored(text, false)];
      expect(Buffer.from(given.m.buf).equals(Buffer.from(read.m.buf))).toBe(true);
      for (const h of highlights(text)) {
        for (const size of [30, 8]) expect(storedSnippet(given.m, given.read, h, size)).toBe(snippet(text, h, size));
      }
      expect(storedLead(given.m, given.read)).toBe(lead(text));
    }
    expect(storedLead(stored('', true).m, () => [])).toBeUndefined();
  });

  it('read only the blocks that can hold a rare word', () => {
    const text = texts[1]!;
    const counts = new Map<string, number>();
    for (const w of wordTokens(text)) counts.set(termOf(w.surface), (counts.get(termOf(w.surface)) ?? 0) + 1);
    const rare = [...counts]
      .filter(([, n]) => n === 1)
      .map(([t]) => t)
      .slice(0, 20);
    for (const t of rare) {
      const s = stored(text, true);
      expect(storedSnippet(s.m, s.read, terms(t))).toBe(snippet(text, terms(t)));
      expect(s.reads.length).toBeLessThan(s.blocks.length / 10);
    }
  });
});
