// Filters (author:, place:, year:, …) and per-document checks, evaluated on the in-memory facet
// arrays. Names are matched by the same keys the people register uses (transliterated, lowercase).
import { nameKey, type PeopleRegister } from '../../model/register.js';
import type { MatchNode } from '../expand.js';
import type { FilterField } from '../query.js';
import type { FacetName } from '../types.js';
import { hasAny, type IndexCache } from './cache.js';

export type Pred = (docid: number) => boolean;

const FACET_OF: Record<FilterField, FacetName> = {
  author: 'author', recipient: 'recipient', place: 'place', kind: 'kind', lang: 'language', collection: 'collection',
};

function containsWords(key: string, words: string[]): boolean {
  const have = key.split(' ');
  return words.every((w) => have.includes(w));
}

/** The facet values a filter selects. */
export function resolveFilter(cache: IndexCache, field: FilterField, value: string, register?: PeopleRegister): Set<string> {
  const col = cache.facets[FACET_OF[field]];
  const out = new Set<string>();
  const v = value.trim();
  if (col.code.has(v)) out.add(v);
  if (field === 'kind' || field === 'lang') return out;
  const lower = v.toLowerCase();
  if (col.code.has(lower)) out.add(lower);
  if (field === 'collection') {
    const path = lower.replace(/^\/+|\/+$/g, '');
    for (const p of col.values) if (`/${p}/`.includes(`/${path}/`)) out.add(p);
  }
  if ((field === 'author' || field === 'recipient') && register) {
    const person = register.lookup(v);
    if (person && col.code.has(person.id)) out.add(person.id);
  }
  const key = nameKey(v);
  const words = key.split(' ').filter(Boolean);
  if (words.length) {
    for (const [k, values] of cache.keys.get(FACET_OF[field]) ?? []) {
      if (k === key || containsWords(k, words)) for (const x of values) out.add(x);
    }
  }
  return out;
}

export interface PredContext {
  cache: IndexCache;
  register?: PeopleRegister;
  /** Document ids matching an FTS5 expression (for words inside OR/NOT mixed with filters). */
  ftsDocs(expr: string): Set<number>;
  ftsExpression(n: MatchNode): string | undefined;
}

export function predicate(n: MatchNode, ctx: PredContext): Pred {
  const { cache } = ctx;
  switch (n.type) {
    case 'filter': {
      const col = cache.facets[FACET_OF[n.field]];
      const wanted = new Set([...resolveFilter(cache, n.field, n.value, ctx.register)].map((v) => col.code.get(v)!));
      if (wanted.size === 0) return () => false;
      return (d) => hasAny(col, d, wanted);
    }
    case 'date': {
      const { from, to } = n;
      return (d) => {
        const s = cache.dateStart[d];
        return s !== undefined && s <= to && (cache.dateEnd[d] ?? s) >= from;
      };
    }
    case 'not': {
      const p = predicate(n.child, ctx);
      return (d) => !p(d);
    }
    case 'and': {
      const ps = n.children.map((c) => predicate(c, ctx));
      return (d) => ps.every((p) => p(d));
    }
    case 'or': {
      const ps = n.children.map((c) => predicate(c, ctx));
      return (d) => ps.some((p) => p(d));
    }
    default: {
      const expr = ctx.ftsExpression(n);
      if (!expr) return () => false;
      const set = ctx.ftsDocs(expr);
      return (d) => set.has(d);
    }
  }
}
