// Facet values per document, held in memory as compact arrays (CSR: offsets + value codes per
// facet), so counting facets over a whole result set is a loop over integers. Rebuilt from the
// search_* tables whenever the index has changed (this process's writes or another's commits).
import type Database from 'better-sqlite3';
import type { PeopleRegister } from '../../model/register.js';
import { FACET_NAMES, type FacetName } from '../../model/search.js';
import { FACET_OF } from '../facets.js';
import { nameKeys, type FacetDictionary } from '../filters.js';
import { localWrites } from './indexer.js';

export interface FacetColumn {
  values: string[];
  labels: string[];
  code: Map<string, number>;
  /** Codes of doc d are codes[offsets[d] .. offsets[d + 1]). */
  offsets: Uint32Array;
  codes: Uint32Array;
}

export interface IndexCache {
  version: string;
  /** Live document ids, ascending. */
  docids: Int32Array;
  dateStart: (string | undefined)[];
  dateEnd: (string | undefined)[];
  facets: Record<FacetName, FacetColumn>;
  /** The filterable facets as dictionaries for filter resolution (author:, place:, kind:…). */
  dicts: Map<FacetName, FacetDictionary>;
}

const caches = new WeakMap<Database.Database, IndexCache>();

const dataVersion = new WeakMap<Database.Database, Database.Statement>();

export function indexVersion(db: Database.Database): string {
  let s = dataVersion.get(db);
  if (!s) dataVersion.set(db, (s = db.prepare('PRAGMA data_version').pluck()));
  return `${s.get() as number}:${localWrites(db)}`;
}

function buildColumn(rows: { value: string; docid: number; label: string }[], maxDoc: number): FacetColumn {
  const code = new Map<string, number>();
  const values: string[] = [];
  const labels: string[] = [];
  const counts = new Uint32Array(maxDoc + 2);
  for (const r of rows) {
    const c = code.get(r.value);
    // Rows come in (value, docid) order: the label of the latest document wins.
    if (c === undefined) {
      code.set(r.value, values.length);
      values.push(r.value);
      labels.push(r.label);
    } else labels[c] = r.label;
    counts[r.docid + 1]!++;
  }
  const offsets = new Uint32Array(maxDoc + 2);
  for (let d = 1; d < offsets.length; d++) offsets[d] = offsets[d - 1]! + counts[d]!;
  const fill = offsets.slice();
  const codes = new Uint32Array(rows.length);
  for (const r of rows) codes[fill[r.docid]!++] = code.get(r.value)!;
  return { values, labels, code, offsets, codes };
}

/** Each filterable facet as a dictionary the neutral filter resolution reads (../filters.ts). */
function dictionaries(facets: Record<FacetName, FacetColumn>, register: PeopleRegister | undefined): Map<FacetName, FacetDictionary> {
  const out = new Map<FacetName, FacetDictionary>();
  for (const field of ['author', 'recipient', 'place', 'collection', 'kind', 'lang'] as const) {
    const col = facets[FACET_OF[field]];
    const keys = field === 'kind' || field === 'lang' ? new Map<string, string[]>() : nameKeys(field, col.values, col.labels, register);
    out.set(FACET_OF[field], { has: (v) => col.code.has(v), values: col.values, keys });
  }
  return out;
}

function load(db: Database.Database, version: string, register: PeopleRegister | undefined): IndexCache {
  const docs = db.prepare('SELECT docid, date_start, date_end FROM search_docs ORDER BY docid').raw().all() as [
    number,
    string | null,
    string | null,
  ][];
  const maxDoc = docs.length ? docs[docs.length - 1]![0] : 0;
  const dateStart = new Array<string | undefined>(maxDoc + 1);
  const dateEnd = new Array<string | undefined>(maxDoc + 1);
  const docids = new Int32Array(docs.length);
  docs.forEach(([id, s, e], i) => {
    docids[i] = id;
    dateStart[id] = s ?? undefined;
    dateEnd[id] = e ?? undefined;
  });

  const byFacet = new Map<string, { value: string; docid: number; label: string }[]>();
  for (const [facet, value, docid, label] of db
    .prepare('SELECT facet, value, docid, label FROM search_facets')
    .raw()
    .iterate() as IterableIterator<[string, string, number, string]>) {
    let list = byFacet.get(facet);
    if (!list) byFacet.set(facet, (list = []));
    list.push({ value, docid, label });
  }
  const facets = Object.fromEntries(FACET_NAMES.map((f) => [f, buildColumn(byFacet.get(f) ?? [], maxDoc)])) as Record<
    FacetName,
    FacetColumn
  >;
  return { version, docids, dateStart, dateEnd, facets, dicts: dictionaries(facets, register) };
}

/** The cache for the index as it is now. */
export function indexCache(db: Database.Database, register?: PeopleRegister): IndexCache {
  const version = indexVersion(db);
  const cached = caches.get(db);
  if (cached?.version === version) return cached;
  const fresh = load(db, version, register);
  caches.set(db, fresh);
  return fresh;
}

/** Count facet values over a set of documents. */
export function countFacet(col: FacetColumn, docs: ArrayLike<number>): Uint32Array {
  const counts = new Uint32Array(col.values.length);
  const { offsets, codes } = col;
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!;
    for (let k = offsets[d]!, end = offsets[d + 1]!; k < end; k++) counts[codes[k]!]!++;
  }
  return counts;
}

/** Whether document d has any of the given value codes. */
export function hasAny(col: FacetColumn, d: number, wanted: Set<number>): boolean {
  for (let k = col.offsets[d]!, end = col.offsets[d + 1]!; k < end; k++) if (wanted.has(col.codes[k]!)) return true;
  return false;
}
