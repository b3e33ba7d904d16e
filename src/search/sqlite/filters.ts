// Filters (author:, place:, year:, …) and per-document checks, evaluated on the in-memory facet
// arrays; which values a filter selects is decided by the neutral ../filters.ts.
import type { PeopleRegister } from '../../model/register.js';
import type { MatchNode } from '../expand.js';
import { FACET_OF } from '../facets.js';
import { resolveFilter } from '../filters.js';
import { hasAny, type IndexCache } from './cache.js';

export type Pred = (docid: number) => boolean;

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
      const wanted = new Set(
        resolveFilter(n.field, n.value, cache.dicts.get(FACET_OF[n.field]), ctx.register).map((v) => col.code.get(v)!),
      );
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
