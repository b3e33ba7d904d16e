// The static search's client run in Node (a vm context, no DOM): its index pieces read from the built
// folder, counting the bytes a browser would fetch for a query. Used by the tests and bench/site.bench.ts.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';

export interface StaticHit {
  url: string;
  title: string;
}
export interface StaticResponse {
  total: number;
  hits: StaticHit[];
  facets: { name: string; values: { value: string; label: string; count: number; filter: string }[] }[];
  notes: string[];
}

export function staticSearch(
  dir: string,
): (q: string) => Promise<{ res: StaticResponse; bytes: number; files: number; byPiece: Record<string, number> }> {
  const ctx: Record<string, unknown> = {};
  ctx.window = ctx;
  ctx.globalThis = ctx;
  ctx.document = { readyState: 'complete', currentScript: null, querySelector: () => null, getElementById: () => null };
  createContext(ctx);
  runInContext(readFileSync(join(dir, 'assets', 'octavo-fold.js'), 'utf8'), ctx);
  runInContext(readFileSync(join(dir, 'assets', 'static-search.js'), 'utf8'), ctx);
  const createCore = ctx.createCore as (
    get: (key: string) => Promise<unknown>,
    fold: unknown,
  ) => { search(q: string): Promise<StaticResponse> };
  // Each query starts with an empty cache, as a fresh page would; the fold script and client are
  // counted too (a browser loads them with the page).
  return async (q: string) => {
    const cache = new Map<string, unknown>();
    let bytes = statSync(join(dir, 'assets', 'octavo-fold.js')).size + statSync(join(dir, 'assets', 'static-search.js')).size;
    let files = 2;
    const byPiece: Record<string, number> = { scripts: bytes };
    const load = (ctx.octavoSearch as { load: (k: string, d: unknown) => void }).load;
    const get = async (key: string) => {
      if (cache.has(key)) return cache.get(key);
      const file = join(dir, 'search', `${key}.js`);
      const text = readFileSync(file, 'utf8');
      bytes += Buffer.byteLength(text);
      const piece = key.includes('/') ? key.slice(0, key.indexOf('/')) : key;
      byPiece[piece] = (byPiece[piece] ?? 0) + Buffer.byteLength(text);
      files++;
      let got: unknown;
      (ctx.octavoSearch as { load: unknown }).load = (_k: string, d: unknown) => {
        got = d;
      };
      runInContext(text, ctx);
      (ctx.octavoSearch as { load: unknown }).load = load;
      cache.set(key, got);
      return got;
    };
    const res = await createCore(get, ctx.octavoFold).search(q);
    return { res, bytes, files, byPiece };
  };
}
