// The storage contract. SQLite (default) and PostgreSQL implement it and pass one shared suite
// (store.contract.ts). Differences between backends are capabilities, not `if (kind === ...)`.
import type { Collection, Work } from '../model/work.js';

export type UpsertStatus = 'imported' | 'updated' | 'unchanged';

export interface WorkSummary {
  id: string;
  kind: Work['kind'];
  title: string;
  language: string;
  authors: { id: string; name: string }[];
  recipients: { id: string; name: string }[];
  /** ISO start day of the written date, for sorting; undefined when undated. */
  date?: string;
  dateText?: string;
  collections: Work['collections'];
  updatedAt: string;
}

export interface CollectionSummary {
  path: string[];
  title: string;
  count: number;
}

export interface Neighbours {
  previous?: WorkSummary;
  next?: WorkSummary;
}

export interface ListOptions {
  limit?: number;
  offset?: number;
  author?: string;
  recipient?: string;
  kind?: string;
  /** Collection path prefix. */
  collection?: string[];
  order?: 'date' | 'recent' | 'title';
}

export interface RevisionMeta {
  author?: string;
  message?: string;
}

/** A work's latest state for harvesters (OAI-PMH): present, or deleted with the time of deletion. */
export interface ChangeRecord {
  id: string;
  updatedAt: string;
  deleted: boolean;
  /** Collection paths (joined with "/") the work belongs to; for deleted works, those of its last version. */
  collections: string[];
}

export interface ChangeQuery {
  /** Inclusive ISO timestamps. */
  from?: string;
  until?: string;
  /** Collection path prefix (joined with "/"). */
  collection?: string;
  /** Resume after this (updatedAt, id) position. */
  after?: { updatedAt: string; id: string };
  limit: number;
}

export interface StoreCapabilities {
  /** Several processes may write at once (PostgreSQL), not just one (SQLite). */
  concurrentWriters: boolean;
}

export interface Store {
  readonly capabilities: StoreCapabilities;
  /** Insert or update a work in one transaction; unchanged checksum → 'unchanged', nothing written. */
  upsertWork(work: Work, meta?: RevisionMeta): Promise<UpsertStatus>;
  /** Several works in one transaction: all land or none do. */
  upsertWorks(works: Work[], meta?: RevisionMeta): Promise<UpsertStatus[]>;
  getWork(id: string): Promise<Work | undefined>;
  deleteWork(id: string, meta?: RevisionMeta): Promise<boolean>;
  listWorks(opts?: ListOptions): Promise<WorkSummary[]>;
  countWorks(opts?: ListOptions): Promise<number>;
  upsertCollection(c: Collection): Promise<UpsertStatus>;
  getCollection(path: string[]): Promise<Collection | undefined>;
  /** Collections known from index pages and from works' own collection refs, with member counts. */
  listCollections(): Promise<CollectionSummary[]>;
  /** Previous and next work within a collection, by position then date. */
  neighbours(id: string, collection: string[]): Promise<Neighbours>;
  /** Works and deletions in (updatedAt, id) order, for incremental harvesting. */
  listChanges(q: ChangeQuery): Promise<ChangeRecord[]>;
  /** The earliest datestamp in the archive (OAI-PMH Identify). */
  earliestChange(): Promise<string | undefined>;
  close(): Promise<void>;
}
