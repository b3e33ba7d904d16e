// The static site's search index, in pieces a browser loads only as a query needs them (the way
// Pagefind splits its index): a manifest with the range table of the term chunks; content-hashed
// term chunks (term → documents and scores) and, beside them, position chunks (read for "phrases"
// only); one value table per facet (values, labels, name keys) with each value's document list in
// its own file; document facet shards, for counting facets; and one result fragment per document.
// Every file is a script calling `octavoSearch.load(key, data)`, so the search works from file://,
// where fetch() of a local file is refused.
//
// The terms are made at build time by the same normaliser as Octavo's own search (src/search/
// document.ts and text.ts: diacritics folded, both scripts stemmed, the register's spellings of
// every author and recipient indexed with the work), so the client only folds the query the same
// way (src/site/client/fold.ts, bundled for the browser).
import { createHash } from 'node:crypto';
import { nameKey, type PeopleRegister } from '../model/register.js';
import { bodyText } from '../model/text.js';
import type { Work } from '../model/work.js';
import { workHeading } from '../model/summary.js';
import { FIELD_WEIGHTS, indexDocument, TEXT_FIELDS } from '../search/document.js';
import type { Output } from './output.js';

/** Target size of a term chunk, in characters. */
const CHUNK_CHARS = 12_000;
/** Documents per facet shard. */
const SHARD_DOCS = 500;
/** Values per page of a facet's value table. */
const FACET_PAGE = 100;
/** The facets whose values the shards keep per document (those the search page shows). */
const SHOWN_FACETS = new Set(['kind', 'author', 'recipient', 'year', 'language', 'collection']);
/** Gap between fields in the position space, so a phrase never runs from one field into the next. */
const FIELD_GAP = 8;
const EXCERPT_CHARS = 320;
const FILTER_FACETS: Record<string, string> = {
  author: 'author',
  recipient: 'recipient',
  place: 'place',
  kind: 'kind',
  language: 'lang',
  collection: 'collection',
  year: 'year',
};

interface Postings {
  /** "docDelta.score" entries, space separated (base 36). */
  docs: string[];
  /** Per document, its positions as base-36 deltas, comma separated. */
  pos: string[];
  last: number;
}

interface FacetValues {
  ids: Map<string, number>;
  values: { value: string; label: string; docs: number[] }[];
}

const b36 = (n: number) => n.toString(36);
const hashOf = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 12);
const jsonp = (key: string, data: unknown) => `octavoSearch.load(${JSON.stringify(key)},${JSON.stringify(data)});\n`;

export class StaticIndex {
  private readonly terms = new Map<string, Postings>();
  private readonly facets = new Map<string, FacetValues>();
  /** Per document, its facet values as [facet index, value index] pairs. */
  private readonly docFacets: number[][] = [];
  private readonly fragments: unknown[] = [];
  private readonly facetOrder: string[] = [];

  constructor(
    private readonly register: PeopleRegister | undefined,
    private readonly books: ReadonlyMap<string, string>,
  ) {}

  get size(): number {
    return this.fragments.length;
  }

  /** Adds a work, its page at `url` (relative to the site root). */
  add(work: Work, url: string): void {
    const doc = this.fragments.length;
    const idx = indexDocument(work, this.register, this.books);
    // Positions run through the fields in one space, title first; each term's score is the sum of
    // its fields' weights (a word in the title or a person's name counts most).
    const seen = new Map<string, { score: number; pos: number[] }>();
    let base = 0;
    for (const field of TEXT_FIELDS) {
      const text = idx.fields[field];
      if (!text) continue;
      const words = text.split(' ');
      const weight = FIELD_WEIGHTS[field];
      for (let i = 0; i < words.length; i++) {
        const t = words[i]!;
        if (!t) continue;
        let e = seen.get(t);
        if (!e) seen.set(t, (e = { score: 0, pos: [] }));
        e.score += weight;
        e.pos.push(base + i);
      }
      base += words.length + FIELD_GAP;
    }
    for (const [t, e] of seen) {
      let p = this.terms.get(t);
      if (!p) this.terms.set(t, (p = { docs: [], pos: [], last: 0 }));
      // Score as an integer (tenths of weight, with diminishing returns on repeats).
      const score = Math.max(1, Math.round(10 * Math.sqrt(e.score)));
      p.docs.push(`${b36(doc - p.last)}.${b36(score)}`);
      p.last = doc;
      let prev = 0;
      p.pos.push(
        e.pos
          .map((x) => {
            const d = x - prev;
            prev = x;
            return b36(d);
          })
          .join(','),
      );
    }

    const pairs: number[] = [];
    for (const f of idx.facets) {
      let fv = this.facets.get(f.facet);
      if (!fv) {
        this.facets.set(f.facet, (fv = { ids: new Map(), values: [] }));
        this.facetOrder.push(f.facet);
      }
      let v = fv.ids.get(f.value);
      if (v === undefined) {
        v = fv.values.length;
        fv.ids.set(f.value, v);
        fv.values.push({ value: f.value, label: f.label, docs: [] });
      }
      const list = fv.values[v]!.docs;
      if (list[list.length - 1] !== doc) list.push(doc);
      if (SHOWN_FACETS.has(f.facet)) pairs.push(this.facetOrder.indexOf(f.facet), v);
    }
    this.docFacets.push(pairs);

    const h = workHeading(work);
    const body = bodyText(work).replace(/\s+/g, ' ').trim();
    this.fragments.push({
      u: url,
      t: h.title,
      k: h.kind,
      ...(h.dateText || h.date ? { d: h.dateText ?? h.date } : {}),
      ...(h.date ? { s: h.date } : {}),
      a: h.authors.map((a) => a.name),
      r: h.recipients.map((r) => r.name),
      x: body.length > EXCERPT_CHARS ? `${body.slice(0, EXCERPT_CHARS).replace(/\s+\S*$/, '')} …` : body,
    });
  }

  /** Writes the index under search/ and returns the manifest's name. */
  write(out: Output): void {
    const sorted = [...this.terms.keys()].sort();
    // Term chunks and position chunks each have their own range table: positions are many times the
    // size of the postings, so they are cut by their own size.
    const cut = (dir: string, text: (t: string) => string, target: number): [first: string, last: string, hash: string][] => {
      const table: [string, string, string][] = [];
      let part: Record<string, string> = {};
      let chars = 0;
      let first = '';
      let last = '';
      const flush = () => {
        if (!first) return;
        const body = JSON.stringify(part);
        const h = hashOf(body);
        out.write(`search/${dir}/${h}.js`, `octavoSearch.load("${dir}/${h}",${body});\n`);
        table.push([first, last, h]);
        part = {};
        chars = 0;
        first = '';
      };
      for (const t of sorted) {
        const v = text(t);
        if (!first) first = t;
        last = t;
        part[t] = v;
        chars += v.length + t.length;
        if (chars >= target) flush();
      }
      flush();
      return table;
    };
    const chunks = cut('i', (t) => this.terms.get(t)!.docs.join(' '), CHUNK_CHARS);
    const posChunks = cut('p', (t) => this.terms.get(t)!.pos.join(';'), CHUNK_CHARS);

    // Facets: a value table per facet (value, label, count, its document list's file, name keys), in
    // pages of FACET_PAGE values, so showing a facet loads only the pages of the values it shows.
    // The values most works have come first, so the values a facet shows are mostly on its first page.
    const facetFiles: Record<string, string[]> = {};
    const renumber: number[][] = [];
    for (const name of this.facetOrder) {
      const fv = this.facets.get(name)!;
      const order = fv.values.map((_, i) => i).sort((a, b) => fv.values[b]!.docs.length - fv.values[a]!.docs.length || a - b);
      const to: number[] = [];
      order.forEach((old, i) => {
        to[old] = i;
      });
      renumber.push(to);
      const rows = order
        .map((i) => fv.values[i]!)
        .map((v) => {
          let prev = 0;
          const list = v.docs
            .map((d) => {
              const x = d - prev;
              prev = d;
              return b36(x);
            })
            .join(' ');
          const h = hashOf(list);
          out.write(`search/v/${h}.js`, jsonp(`v/${h}`, list));
          const keys = new Set([nameKey(v.label), v.value.toLowerCase().replace(/[-_./]+/g, ' ')]);
          if ((name === 'author' || name === 'recipient') && this.register)
            for (const s of this.register.spellings(v.value)) keys.add(nameKey(s));
          return [v.value, v.label, v.docs.length, h, [...keys].filter(Boolean).join('|')];
        });
      facetFiles[name] = [];
      for (let at = 0; at < rows.length; at += FACET_PAGE) {
        const body = JSON.stringify(rows.slice(at, at + FACET_PAGE));
        const h = hashOf(body);
        out.write(`search/facet/${h}.js`, `octavoSearch.load("facet/${h}",${body});\n`);
        facetFiles[name].push(h);
      }
    }
    // Facet shards: per document, its [facet, value] pairs.
    const shards: string[] = [];
    for (let s = 0; s < this.docFacets.length; s += SHARD_DOCS) {
      const rows = this.docFacets.slice(s, s + SHARD_DOCS).map((p) => p.map((x, i) => b36(i % 2 ? renumber[p[i - 1]!]![x]! : x)).join('.'));
      const body = JSON.stringify(rows);
      const h = hashOf(body);
      out.write(`search/m/${h}.js`, `octavoSearch.load("m/${h}",${body});\n`);
      shards.push(h);
    }
    this.fragments.forEach((f, i) => {
      out.write(`search/r/${i}.js`, jsonp(`r/${i}`, f));
    });
    out.write(
      'search/manifest.js',
      jsonp('manifest', {
        version: 1,
        docs: this.fragments.length,
        chunks,
        posChunks,
        facets: this.facetOrder,
        facetFiles,
        facetPage: FACET_PAGE,
        filters: FILTER_FACETS,
        shardDocs: SHARD_DOCS,
        shards,
      }),
    );
  }
}
