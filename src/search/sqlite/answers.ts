// Recent answers, per connection: a small LRU of whole responses keyed by the normalised request,
// valid for one index version only. Any write (by this connection or, through PRAGMA data_version,
// by another process) changes the version and empties it. OCTAVO_SEARCH_CACHE sets its size in
// answers: off unless set (`octavo serve` sets a default when it is not set; 0 turns it off there).
import type Database from 'better-sqlite3';
import type { PeopleRegister } from '../../model/register.js';
import type { SearchResponse } from '../../model/search.js';

export class AnswerCache {
  private readonly map = new Map<string, SearchResponse>();

  constructor(
    readonly version: string,
    readonly register: PeopleRegister,
    readonly size: number,
  ) {}

  get(key: string): SearchResponse | undefined {
    const r = this.map.get(key);
    if (r) {
      // Most recently used last.
      this.map.delete(key);
      this.map.set(key, r);
    }
    return r;
  }

  set(key: string, r: SearchResponse): void {
    this.map.set(key, r);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value!);
  }
}

export function answerCacheSize(): number {
  const v = process.env.OCTAVO_SEARCH_CACHE;
  if (v === undefined || v.trim() === '') return 0;
  const n = Math.floor(Number(v));
  return Number.isFinite(n) && n > 0 ? n : 0;
}

const caches = new WeakMap<Database.Database, AnswerCache>();

/** The answers kept for this index version (undefined when the cache is off). */
export function answerCache(db: Database.Database, version: string, register: PeopleRegister): AnswerCache | undefined {
  const size = answerCacheSize();
  if (size === 0) return undefined;
  let c = caches.get(db);
  if (!c || c.version !== version || c.register !== register || c.size !== size)
    caches.set(db, (c = new AnswerCache(version, register, size)));
  return c;
}
