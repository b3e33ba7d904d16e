// The FTS5 index and its side tables (facet values, vocabulary), written by the SQLite store inside the same transaction as
// each upsert and delete (a SqliteIndexer). Text columns hold index terms (see ../text.ts), so the
// table is contentless: the words themselves are read from the works table when snippets are made.
import type Database from 'better-sqlite3';
import type { Work } from '../../model/work.js';
import { loadDefaultRegister, type PeopleRegister } from '../../model/register.js';
import type { SqliteIndexer } from '../../store/sqlite/index.js';
import type { Migration } from '../../store/sqlite/migrations.js';
import { indexDocument, type IndexDoc } from '../document.js';

export const searchMigrations: Migration[] = [
  {
    version: 100,
    name: 'search: FTS5 index, facets, vocabulary',
    up: `
      CREATE TABLE search_docs (
        docid INTEGER PRIMARY KEY,
        work_id TEXT NOT NULL UNIQUE,
        date_start TEXT,
        date_end TEXT
      );
      CREATE INDEX search_docs_date ON search_docs(date_start, date_end);
      CREATE TABLE search_facets (
        facet TEXT NOT NULL,
        value TEXT NOT NULL,
        docid INTEGER NOT NULL,
        label TEXT NOT NULL,
        PRIMARY KEY (facet, value, docid)
      ) WITHOUT ROWID;
      CREATE INDEX search_facets_doc ON search_facets(docid);
      CREATE TABLE search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE VIRTUAL TABLE search_fts USING fts5(
        title, body, notes, people, places, names,
        content='', contentless_delete=1, tokenize='ascii'
      );
      CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row');
      CREATE VIRTUAL TABLE search_vocab_col USING fts5vocab(search_fts, 'col');
    `,
  },
];

// Writes by this process bump a counter per connection, so caches built from the index notice them;
// writes by other processes show in PRAGMA data_version.
const writes = new WeakMap<Database.Database, number>();
export const localWrites = (db: Database.Database): number => writes.get(db) ?? 0;
const bump = (db: Database.Database) => writes.set(db, localWrites(db) + 1);

function statements(db: Database.Database) {
  return {
    docid: db.prepare('SELECT docid FROM search_docs WHERE work_id = ?').pluck(),
    insertDoc: db.prepare('INSERT INTO search_docs (work_id, date_start, date_end) VALUES (?, ?, ?)'),
    updateDoc: db.prepare('UPDATE search_docs SET date_start = ?, date_end = ? WHERE docid = ?'),
    deleteDoc: db.prepare('DELETE FROM search_docs WHERE docid = ?'),
    deleteFts: db.prepare('DELETE FROM search_fts WHERE rowid = ?'),
    insertFts: db.prepare('INSERT INTO search_fts (rowid, title, body, notes, people, places, names) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    deleteFacets: db.prepare('DELETE FROM search_facets WHERE docid = ?'),
    insertFacet: db.prepare('INSERT OR IGNORE INTO search_facets (facet, value, docid, label) VALUES (?, ?, ?, ?)'),
    term: db.prepare('INSERT OR IGNORE INTO search_terms (term) VALUES (?)'),
  };
}
type Statements = ReturnType<typeof statements>;
const prepared = new WeakMap<Database.Database, Statements>();
const stmts = (db: Database.Database): Statements => {
  let s = prepared.get(db);
  if (!s) prepared.set(db, (s = statements(db)));
  return s;
};

// The vocabulary (search_terms) feeds spelling suggestions. fts5vocab could list it too, but it
// counts every term's documents while listing, which is far too slow for that. Terms are written
// once: the set of terms already written is kept per connection.
const knownTerms = new WeakMap<Database.Database, Set<string>>();

function recordTerms(db: Database.Database, doc: IndexDoc, s: Statements): void {
  let known = knownTerms.get(db);
  if (!known) knownTerms.set(db, (known = new Set(db.prepare('SELECT term FROM search_terms').pluck().all() as string[])));
  for (const field of Object.values(doc.fields)) {
    for (const t of field.split(' ')) {
      if (t && !known.has(t)) { known.add(t); s.term.run(t); }
    }
  }
}

/** Write one document's rows (the caller holds the transaction). */
export function writeDoc(db: Database.Database, doc: IndexDoc): void {
  const s = stmts(db);
  recordTerms(db, doc, s);
  let docid = s.docid.get(doc.workId) as number | undefined;
  if (docid === undefined) {
    docid = Number(s.insertDoc.run(doc.workId, doc.dateStart ?? null, doc.dateEnd ?? null).lastInsertRowid);
  } else {
    s.updateDoc.run(doc.dateStart ?? null, doc.dateEnd ?? null, docid);
    s.deleteFts.run(docid);
    s.deleteFacets.run(docid);
  }
  const f = doc.fields;
  s.insertFts.run(docid, f.title, f.body, f.notes, f.people, f.places, doc.names);
  for (const x of doc.facets) s.insertFacet.run(x.facet, x.value, docid, x.label);
  bump(db);
}

export function removeDoc(db: Database.Database, workId: string): void {
  const s = stmts(db);
  const docid = s.docid.get(workId) as number | undefined;
  if (docid === undefined) return;
  s.deleteFts.run(docid);
  s.deleteFacets.run(docid);
  s.deleteDoc.run(docid);
  bump(db);
}

export interface SearchIndexerOptions {
  register?: PeopleRegister;
}

/** The indexer the SQLite store installs by default. */
export function createSearchIndexer(opts: SearchIndexerOptions = {}): SqliteIndexer {
  return {
    migrations: searchMigrations,
    upsert: (db, work: Work) => writeDoc(db, indexDocument(work, opts.register ?? loadDefaultRegister())),
    remove: (db, id) => removeDoc(db, id),
  };
}

/** Empty the index and build it again from the stored works (after a change of tokenizer or register). */
export function rebuildIndex(db: Database.Database, register: PeopleRegister = loadDefaultRegister()): number {
  db.transaction(() => {
    db.exec('DELETE FROM search_fts; DELETE FROM search_facets; DELETE FROM search_docs; DELETE FROM search_terms;');
    knownTerms.delete(db);
    bump(db);
  })();
  const n = catchUp(db, register);
  db.exec("INSERT INTO search_fts(search_fts) VALUES('optimize')");
  return n;
}

/**
 * Index the works the index does not know yet, and drop documents whose work is gone (archives
 * created before the index existed). Returns the number of works indexed.
 */
export function catchUp(db: Database.Database, register: PeopleRegister = loadDefaultRegister()): number {
  const works = db.prepare('SELECT COUNT(*) FROM works').pluck().get() as number;
  const docs = db.prepare('SELECT COUNT(*) FROM search_docs').pluck().get() as number;
  if (works === docs) return 0;
  let n = 0;
  db.transaction(() => {
    const gone = db.prepare('SELECT work_id FROM search_docs d WHERE NOT EXISTS (SELECT 1 FROM works w WHERE w.id = d.work_id)').pluck().all() as string[];
    for (const id of gone) removeDoc(db, id);
    const missing = db.prepare('SELECT id FROM works w WHERE NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.work_id = w.id)').pluck().all() as string[];
    const json = db.prepare('SELECT json FROM works WHERE id = ?').pluck();
    for (const id of missing) {
      writeDoc(db, indexDocument(JSON.parse(json.get(id) as string) as Work, register));
      n++;
    }
  })();
  return n;
}
