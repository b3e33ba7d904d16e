// One search suite every search backend must pass over its store (run by sqlite/sqlite-search.test.ts
// and postgres/postgres-search.test.ts): the "Done when" list on the seed letter, a Russian
// letter and a few hundred works made of real corpus paragraphs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../archive/open.js';
import type { Store } from '../store/store.js';
import type { SearchIndex } from './search.js';
import { workDate } from '../model/summary.js';
import type { Work } from '../model/work.js';
import { SEED_ID, seedWork } from '../../test/support/seed.js';
import { RUSSIAN_ID, testWorks } from './test-support.js';
import { FACET_NAMES, type FacetName, type SearchResponse } from '../model/search.js';

export const hitIds = (r: SearchResponse): string[] => r.hits.map((h) => h.id);
export const marks = (html: string): string[] => [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]!);

/** Every work id a query finds, page by page. */
export async function allIds(index: Pick<SearchIndex, 'search'>, q: string): Promise<string[]> {
  const out: string[] = [];
  for (let page = 1; ; page++) {
    const r = await index.search({ q, page, pageSize: 100, facets: [] });
    out.push(...hitIds(r));
    if (page >= r.pages) return out;
  }
}

/** Facet counts of a set of works, computed from the Work records themselves (not from any index). */
export function expectedFacets(ws: Work[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>(FACET_NAMES.map((f) => [f, new Map()]));
  const bump = (f: FacetName, v: string) => out.get(f)!.set(v, (out.get(f)!.get(v) ?? 0) + 1);
  for (const w of ws) {
    bump('kind', w.kind);
    bump('language', w.language.split('-')[0]!.toLowerCase());
    for (const v of new Set(w.authors.map((a) => a.id))) bump('author', v);
    for (const v of new Set(w.recipients.map((a) => a.id))) bump('recipient', v);
    for (const v of new Set([w.written?.place?.id, w.sentTo?.id].filter((x): x is string => !!x))) bump('place', v);
    for (const v of new Set(w.collections.map((c) => c.path.join('/')))) bump('collection', v);
    const d = workDate(w);
    if (d) {
      const [y0, y1] = [Number(d.start.slice(0, 4)), Number(d.end.slice(0, 4))];
      if (y1 - y0 < 12) for (let y = y0; y <= y1; y++) bump('year', String(y));
      if (Math.floor(y1 / 10) - Math.floor(y0 / 10) < 3)
        for (let c = Math.floor(y0 / 10); c <= Math.floor(y1 / 10); c++) bump('decade', String(c * 10));
    }
  }
  return out;
}

export function runSearchSuite(name: string, open: () => Promise<Archive>): void {
  describe(`Search contract: ${name}`, () => {
    let archive: Archive;
    let store: Store;
    let index: SearchIndex;
    let works: Work[];
    const ids = async (q: string) => hitIds(await index.search({ q }));

    beforeAll(async () => {
      archive = await open();
      ({ store, search: index } = archive);
      works = testWorks();
      await store.upsertWorks(works);
    });
    afterAll(async () => {
      await archive?.close();
    });

    describe('finding the seed letter', () => {
      it.each(['Шаумян', 'Shaumyan', 'Shahumyan', 'shahumyan', 'Šaumjan'])('%s finds it', async (q) => {
        const r = await index.search({ q });
        expect(r.error).toBeUndefined();
        expect(hitIds(r)).toContain(SEED_ID);
      });

      it('finds "learn diplomacy" as a phrase, and not the shuffled phrase', async () => {
        expect(await ids('"learn diplomacy"')).toContain(SEED_ID);
        expect(await ids('"diplomacy learn"')).not.toContain(SEED_ID);
        expect(await ids('diplomacy learn')).toContain(SEED_ID);
        // A negated phrase removes only the works holding the phrase, not those holding both words apart.
        expect(await ids('Shahumyan -"learn diplomacy"')).not.toContain(SEED_ID);
        expect(await ids('Shahumyan -"diplomacy learn"')).toContain(SEED_ID);
      });

      it('filters by recipient and year', async () => {
        expect(await ids('recipient:shahumyan year:1918')).toContain(SEED_ID);
        expect(await ids('recipient:shahumyan year:1917')).not.toContain(SEED_ID);
        expect(await ids('to:Шаумян date:1918-05..1918-05')).toContain(SEED_ID);
        expect(await ids('date:1918-06..1918-12 recipient:shahumyan')).not.toContain(SEED_ID);
      });

      it('finds the header (publication) and spelling variants of names', async () => {
        expect(await ids('Tsentrokaspy')).toContain(SEED_ID);
        const r = await index.search({ q: 'Musavatists' });
        expect(hitIds(r)).toContain(SEED_ID);
        expect(r.expansions[0]!.variants).toContain('mussavatist');
      });
    });

    describe('both scripts', () => {
      it('a Latin query finds Cyrillic text, and the reverse', async () => {
        expect(await ids('diplomatii')).toContain(RUSSIAN_ID);
        expect(await ids('Tsentrokaspiy')).toContain(RUSSIAN_ID);
        expect(await ids('"tverdoy politiki"')).toContain(RUSSIAN_ID);
        expect(await ids('Баку')).toContain(SEED_ID);
        expect(await ids('дипломатия')).toContain(RUSSIAN_ID);
      });

      it('marks the Cyrillic words a Latin query matched', async () => {
        const hit = (await index.search({ q: 'diplomatii' })).hits.find((h) => h.id === RUSSIAN_ID)!;
        expect(hit.snippets.flatMap((s) => marks(s.html))).toEqual(['дипломатии']);
      });
    });

    describe('snippets', () => {
      it('mark only the matched words, and say where they come from', async () => {
        const hit = (await index.search({ q: '"learn diplomacy"' })).hits.find((h) => h.id === SEED_ID)!;
        const body = hit.snippets.find((s) => s.field === 'body')!;
        expect(marks(body.html)).toEqual(['learn diplomacy']);
        expect(body.html).not.toMatch(/<mark>[^<]*cautious/);
        const notes = (await index.search({ q: 'Mussavatists' })).hits.find((h) => h.id === SEED_ID)!.snippets;
        expect(notes.map((s) => s.field)).toEqual(['notes']);
        expect(marks(notes[0]!.html)).toEqual(['Mussavatists']);
      });

      it('mark every matched form and nothing else', async () => {
        const r = await index.search({ q: 'diplomacy', pageSize: 50 });
        expect(r.total).toBeGreaterThan(1);
        for (const h of r.hits)
          for (const s of h.snippets) for (const m of marks(s.html)) expect(m.toLowerCase()).toMatch(/^diploma(cy|cies)$/);
      });

      it('escape the text', async () => {
        const evil = {
          ...seedWork(),
          id: 'test/evil',
          title: 'A <script>alert(1)</script> letter',
          body: [
            {
              type: 'paragraph' as const,
              content: [{ type: 'text' as const, text: 'Beware <img src=x onerror=alert(1)> of the zanzibarite.' }],
            },
          ],
        };
        await store.upsertWork(evil);
        const hit = (await index.search({ q: 'zanzibarite' })).hits[0]!;
        expect(hit.titleHtml).toBe('A &lt;script&gt;alert(1)&lt;/script&gt; letter');
        expect(hit.snippets[0]!.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
        expect(hit.snippets[0]!.html).toContain('<mark>zanzibarite</mark>');
        await store.deleteWork('test/evil');
      });
    });

    describe('malformed queries get a message, not an error', () => {
      it.each([
        ['"unclosed', /Unclosed quotation mark/, 0],
        ['AND OR', /"AND" needs a search term before it/, 0],
        ['date:1918..oops', /"oops" is not a date/, 0],
        ['lenin OR', /"OR" needs a search term after it/, 6],
        ['(baku', /Unclosed parenthesis/, 0],
        ['foo:bar', /Unknown filter "foo:"/, 0],
        ['kind:poster', /Unknown kind "poster"/, 0],
        ['year:19x8', /"19x8" is not a year/, 0],
      ])('%s', async (q, message, position) => {
        const r = await index.search({ q });
        expect(r.error?.message).toMatch(message);
        expect(r.error?.position).toBe(position);
        expect(r.error?.hint).toBeTruthy();
        expect(r.total).toBe(0);
      });

      it('odd but valid input is searched, not refused', async () => {
        for (const q of [
          "o'brien \\ back\\slash",
          "'; DROP TABLE works; --",
          'foo|bar !baz <-> qux&quux:*',
          '"a:1A b" (c)',
          'x'.repeat(900),
          'Ж'.repeat(990),
          '中'.repeat(900),
        ]) {
          const r = await index.search({ q });
          expect(r.error, q).toBeUndefined();
        }
        expect(await store.countWorks()).toBeGreaterThan(0);
      });
    });

    describe('results', () => {
      it('are paginated without overlap and sorted by relevance or date', async () => {
        const q = 'diplomacy OR court';
        const p1 = await index.search({ q, pageSize: 10 });
        const p2 = await index.search({ q, pageSize: 10, page: 2 });
        expect(p1.total).toBeGreaterThan(20);
        expect(hitIds(p1).filter((id) => hitIds(p2).includes(id))).toEqual([]);
        const scores = [...p1.hits, ...p2.hits].map((h) => h.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
        const byDate = await index.search({ q, sort: 'date', pageSize: 100 });
        const dates = byDate.hits.map((h) => h.date!);
        expect(dates).toEqual([...dates].sort());
        expect((await index.search({ q, sort: 'date-desc' })).hits[0]!.date).toBe([...dates].sort().at(-1));
      });

      it('show title, date, author and recipient', async () => {
        const hit = (await index.search({ q: 'Shahumyan' })).hits.find((h) => h.id === SEED_ID)!;
        expect(hit).toMatchObject({ title: 'To S. G. Shahumyan', date: '1918-05-14', kind: 'letter' });
        expect(hit.authors.map((a) => a.id)).toEqual(['lenin']);
        expect(hit.recipients.map((a) => a.id)).toEqual(['shaumyan-stepan']);
        expect(hit.titleHtml).toBe('To S. G. <mark>Shahumyan</mark>');
      });

      it('AND, OR, NOT, -word and prefix* combine as documented', async () => {
        const a = await allIds(index, 'diplomacy');
        const b = await allIds(index, 'court');
        expect(new Set(await allIds(index, 'diplomacy OR court'))).toEqual(new Set([...a, ...b]));
        expect(new Set(await allIds(index, 'diplomacy court'))).toEqual(new Set(a.filter((x) => b.includes(x))));
        expect(new Set(await allIds(index, 'diplomacy -court'))).toEqual(new Set(a.filter((x) => !b.includes(x))));
        expect(await allIds(index, 'diplomacy NOT court')).toEqual(await allIds(index, 'diplomacy -court'));
        expect(await allIds(index, 'diplom*')).toEqual(expect.arrayContaining(a));
        const letters = await allIds(index, 'kind:letter');
        expect(new Set(await allIds(index, 'kind:letter OR diplomacy'))).toEqual(new Set([...letters, ...a]));
        // Undated works are outside every date range, so NOT year: keeps them.
        const undated = works.filter((w) => !workDate(w)).map((w) => w.id);
        expect(await allIds(index, '-year:1918')).toEqual(expect.arrayContaining(undated));
      });
    });

    describe('facets', () => {
      async function check(q: string, expectedIds?: string[]) {
        const r = await index.search({ q, facetLimit: 200 });
        const found = await allIds(index, q);
        if (expectedIds) expect(new Set(found)).toEqual(new Set(expectedIds));
        expect(r.total).toBe(found.length);
        const byId = new Map(works.map((w) => [w.id, w]));
        const expected = expectedFacets(found.map((id) => byId.get(id)!));
        for (const f of r.facets) {
          const got = new Map(f.values.map((v) => [v.value, v.count]));
          expect([f.name, got]).toEqual([f.name, expected.get(f.name)]);
          expect(f.distinct).toBe(expected.get(f.name)!.size);
        }
        return r;
      }

      it('count the whole result set of a word query, not the page', async () => {
        const r = await check('bourgeois');
        expect(r.total).toBeGreaterThan(r.hits.length);
      });

      it('count a filter query whose results the test computes itself', async () => {
        const expected = works.filter(
          (w) => w.kind === 'letter' && !!workDate(w) && workDate(w)!.start <= '1880-12-31' && workDate(w)!.end >= '1870-01-01',
        );
        await check(
          'kind:letter year:1870..1880',
          expected.map((w) => w.id),
        );
        await check(
          'lang:de',
          works.filter((w) => w.language === 'de').map((w) => w.id),
        );
      });

      it('give the filter that refines by each value, and mark the ones in use', async () => {
        const r = await index.search({ q: 'diplomacy' });
        const kind = r.facets.find((f) => f.name === 'kind')!.values[0]!;
        const refined = await index.search({ q: `diplomacy ${kind.filter}` });
        expect(refined.total).toBe(kind.count);
        expect(refined.facets.find((f) => f.name === 'kind')!.values.find((v) => v.value === kind.value)!.selected).toBe(true);
        const year = r.facets.find((f) => f.name === 'year')!.values[0]!;
        expect((await index.search({ q: `diplomacy ${year.filter}` })).total).toBe(year.count);
      });
    });

    describe('the index stays in step with the store', () => {
      it('follows updates and deletions, and rolls back with a failed batch', async () => {
        const w = { ...seedWork(), id: 'test/step', title: 'Quetzalcoatl letter' };
        await store.upsertWork(w);
        expect(await ids('quetzalcoatl')).toEqual(['test/step']);
        await store.upsertWork({ ...w, title: 'Tlaloc letter' });
        expect(await ids('quetzalcoatl')).toEqual([]);
        expect(await ids('tlaloc')).toEqual(['test/step']);
        const bad = { ...w, id: 'test/bad', kind: 'nonsense' } as unknown as Work;
        await expect(store.upsertWorks([{ ...w, id: 'test/step2', title: 'Xochipilli' }, bad])).rejects.toThrow();
        expect((await index.search({ q: 'xochipilli' })).total).toBe(0);
        await store.deleteWork('test/step');
        expect((await index.search({ q: 'tlaloc' })).total).toBe(0);
      });
    });
  });
}
