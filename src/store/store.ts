// The storage contract. SQLite (default) and PostgreSQL implement it and pass one shared suite
// (store.contract.ts). Differences between backends are capabilities, not `if (kind === ...)`.
import type { RevisionInfo } from '../model/revision.js';
import type { CollectionSummary, Neighbours, WorkSummary } from '../model/summary.js';
import type { Collection, Work } from '../model/work.js';

export type UpsertStatus = 'imported' | 'updated' | 'unchanged';

/** A source key and what it names: a work or a collection. */
export type SourceMatch =
  | { key: string; workId: string; collectionPath?: never }
  | { key: string; collectionPath: string[]; workId?: never };

export interface ListOptions {
  limit?: number;
  offset?: number;
  author?: string;
  recipient?: string;
  kind?: string;
  /** Collection path prefix. */
  collection?: string[];
  /** Only these works (those that exist). */
  ids?: string[];
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
  /** The whole archive is one file the store can copy consistently while in use (`backupTo`). */
  fileBackup: boolean;
}

/**
 * A store that reads from replicas reads its own process's writes (it reads from the primary until a
 * replica has replayed them). Sibling processes serving the same clients (`octavo serve --workers`)
 * tell each other their writes' positions, so each reads the others' writes too.
 */
export interface WritePositions {
  /** `listener` hears the position of each write this process commits; the write completes once it has settled. */
  onWrite(listener: (position: string) => Promise<void> | void): void;
  /** Another process wrote up to `position`: reads here must see it too. */
  wrote(position: string): void;
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
  /**
   * The works and collections known by these source keys (src/model/sources.ts: archive URLs and
   * absolute file paths), so an index page's contents entries find what they point at.
   */
  findSources(keys: string[]): Promise<SourceMatch[]>;
  /** The collections whose contents entries point at these keys, with each entry's place (0-based). */
  findListings(keys: string[]): Promise<{ collectionPath: string[]; position: number }[]>;
  /** Previous and next work within a collection, by position then date. */
  neighbours(id: string, collection: string[]): Promise<Neighbours>;
  /**
   * The previous and next letter (or telegram) between `a` and `b`, either way round, by date then id
   * (undated last): keyset lookups, without reading the correspondence.
   */
  correspondenceNeighbours(id: string, a: string, b: string): Promise<Neighbours>;
  /** Works and deletions in (updatedAt, id) order, for incremental harvesting. */
  listChanges(q: ChangeQuery): Promise<ChangeRecord[]>;
  /** The earliest datestamp in the archive (OAI-PMH Identify). */
  earliestChange(): Promise<string | undefined>;
  /** A work's revisions, oldest first (backends that keep revisions). */
  listRevisions?(id: string): Promise<RevisionInfo[]>;
  /** One revision with the work as it was then (no work for a deletion). */
  getRevision?(id: string, n: number): Promise<Revision | undefined>;
  /** API tokens, kept hashed in the same database as the works. */
  readonly tokens?: TokenStore;
  /** Stores reading from replicas: where this process's writes are, to share with sibling processes. */
  readonly writePositions?: WritePositions;
  /** Every stored row in a fixed order, for lossless copies and backups. */
  dump?(): AsyncIterable<DumpRecord>;
  /** Write dumped rows as they are (timestamps, revisions, tokens) into an empty archive; returns the row count. */
  load?(records: AsyncIterable<DumpRecord>): Promise<number>;
  /** A consistent copy of the archive's file (stores with the fileBackup capability). */
  backupTo?(file: string): Promise<void>;
  close(): Promise<void>;
}

export type { RevisionInfo };

export interface Revision extends RevisionInfo {
  work?: Work;
}

export type TokenRole = 'reader' | 'editor' | 'admin';

export interface TokenRecord {
  name: string;
  role: TokenRole;
  /** sha256 hex of the secret; the secret itself is never stored. */
  hash: string;
  createdAt: string;
  revokedAt?: string;
}

export interface TokenStore {
  addToken(t: { name: string; role: TokenRole; hash: string }): Promise<TokenRecord>;
  /** The live (not revoked) token with this hash. */
  findToken(hash: string): Promise<TokenRecord | undefined>;
  listTokens(): Promise<TokenRecord[]>;
  revokeToken(name: string): Promise<boolean>;
}

/** Raw stored rows, the unit of `dump`/`load` (migrate-store, backups). */
export type DumpRecord =
  | { type: 'work'; id: string; checksum: string; json: string; createdAt: string; updatedAt: string }
  | { type: 'collection'; path: string; checksum: string; json: string; updatedAt: string }
  | {
      type: 'revision';
      workId: string;
      n: number;
      at: string;
      author: string | null;
      message: string | null;
      checksum: string | null;
      json: string | null;
      deleted: boolean;
    }
  | { type: 'token'; name: string; role: TokenRole; hash: string; createdAt: string; revokedAt: string | null };
