// A prefix standing for more words than MAX_PREFIX_TERMS is searched by those in the most works, and
// the answer says so: the expansions list them, a note tells how many the prefix stands for, and the
// count is marked approximate (the page says "About"). A narrower prefix is searched as it is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWork } from '../../../test/support/seed.js';
import { openArchive, type Archive } from '../../archive/open.js';
import type { Work } from '../../model/work.js';
import { resultsHtml } from '../../render/html/pages/search.js';
import { MAX_PREFIX_TERMS } from '../expand.js';
import { termOf } from '../text.js';

/** The i-th made-up word beginning "quorn" (quornaak, quornabk, …: the stemmer leaves them as they are). */
const word = (i: number) => `quorn${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}k`;
const COMMON = MAX_PREFIX_TERMS;
const RARE = 5;

function letter(n: number, w: string): Work {
  const seed = seedWork();
  return {
    ...seed,
    id: `test/prefix/${n}`,
    title: `Letter ${n}`,
    body: [{ type: 'paragraph', content: [{ type: 'text', text: `A short letter about the ${w} question.` }] }],
    notes: [],
    provenance: { ...seed.provenance, file: `test/prefix/${n}.json`, checksum: `prefix-${n}` },
  };
}

describe('prefixes of many words', () => {
  let archive: Archive;
  beforeAll(async () => {
    archive = await openArchive(':memory:');
    // The first COMMON words are in two letters each, the RARE others in one.
    const works: Work[] = [];
    for (let i = 0; i < COMMON; i++) works.push(letter(2 * i, word(i)), letter(2 * i + 1, word(i)));
    for (let i = COMMON; i < COMMON + RARE; i++) works.push(letter(COMMON + i, word(i)));
    await archive.store.upsertWorks(works);
  });
  afterAll(() => archive.close());

  it('are searched by their most frequent words, with a note and an approximate count', async () => {
    expect(new Set(Array.from({ length: COMMON + RARE }, (_, i) => termOf(word(i)))).size).toBe(COMMON + RARE);
    const r = await archive.search.search({ q: 'quorn*', pageSize: 100 });
    expect(r.error).toBeUndefined();
    // (Its reading in the other script, which no work holds, is searched as a prefix beside them.)
    const terms = r.expansions.find((e) => e.word === 'quorn*')!.terms.filter((t) => t.startsWith('quorn'));
    expect(terms).toHaveLength(COMMON);
    expect(terms).toEqual(expect.arrayContaining(Array.from({ length: COMMON }, (_, i) => word(i))));
    expect(r.total).toBe(2 * COMMON);
    expect(r.approximate).toBe(true);
    expect(r.notes).toEqual([expect.stringContaining(`quorn* stands for ${COMMON + RARE} words`)]);
    expect(r.notes![0]).toContain(`the ${COMMON} found in the most works`);
    // Only words the query searched are marked.
    for (const h of r.hits) expect(h.snippets[0]!.html).toMatch(/<mark>quorn[a-z]{2}k<\/mark>/);
    const html = resultsHtml(r, false);
    expect(html).toContain(`About ${2 * COMMON} works`);
    expect(html).toContain('<p class="search-note">quorn* stands for');
  });

  it('standing for few words are searched as they are, with an exact count', async () => {
    const r = await archive.search.search({ q: 'quornb*' });
    expect(r.expansions.find((e) => e.word === 'quornb*')!.terms).toContain('quornb*');
    expect(r.total).toBe(2 * (COMMON - 26) + 2);
    expect(r.approximate).toBeUndefined();
    expect(r.notes).toBeUndefined();
    expect(resultsHtml(r, false)).not.toContain('About');
  });
});
