// The FTS5 index and its side tables (facet values, vocabulary, texts for snippets), written by the SQLite store inside the same transaction as
// each upsert and delete (a SqliteIndexer). Text columns hold index terms (see ../text.ts), so the
// FTS5 table is contentless; search_text and search_blocks keep what a hit shows (title, people,
// date, and its plain texts in blocks with a map of where the query's terms may be: ./blocks.ts), so
// a page of hits is made without reading and rendering the works.
import type Database from 'better-sqlite3';
import type { Work } from '../../model/work.js';
import { loadDefaultRegister, type PeopleRegister } from '../../model/register.js';
import type { SqliteIndexer } from '../../store/sqlite/index.js';
import type { Migration } from '../../store/sqlite/migrations.js';
import { indexDocument, type IndexDoc } from '../document.js';
import { workHeading } from '../../model/summary.js';
import { bodyText, headerText, notesText } from '../../model/text.js';
import { scanWords } from '../text.js';
import { splitText } from './blocks.js';
import { pack } from './pack.js';
import { CHUNK } from '../snippets.js';

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
  {
    version: 101,
    name: 'search: texts for snippets',
    // search_text: what a hit shows (HitFields as JSON, the header's statements), the maps of its
    // body and notes, and the body's first block (every hit reads it; a letter has no other);
    // search_blocks: the other blocks, keyed by docid · 2^22 + field · 2^21 + block (see
    // ./blocks.ts). Archives indexed before this migration fill them at their next catch-up
    // (search_pending).
    up: `
      CREATE TABLE search_text (
        docid INTEGER PRIMARY KEY,
        hit TEXT NOT NULL,
        header TEXT NOT NULL,
        notes_map BLOB NOT NULL,
        body_map BLOB NOT NULL,
        body0 TEXT NOT NULL
      );
      CREATE TABLE search_blocks (key INTEGER PRIMARY KEY, text TEXT NOT NULL);
      CREATE TABLE search_pending (what TEXT PRIMARY KEY) WITHOUT ROWID;
      INSERT INTO search_pending SELECT 'texts' WHERE EXISTS (SELECT 1 FROM search_docs);
    `,
  },
  {
    version: 102,
    name: 'search: packed texts of works of ordinary length',
    // packed: the hit, header, body and notes of a work whose texts fit one snippet chunk, compressed
    // (./pack.ts); its other columns are then empty and it has no blocks. Rows written before keep
    // their layout until the work is indexed again (octavo reindex rewrites them all).
    up: 'ALTER TABLE search_text ADD COLUMN packed BLOB;',
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
    putText: db.prepare(
      'INSERT OR REPLACE INTO search_text (docid, hit, header, notes_map, body_map, body0, packed) VALUES (?, ?, ?, ?, ?, ?, NULL)',
    ),
    putPacked: db.prepare(
      "INSERT OR REPLACE INTO search_text (docid, hit, header, notes_map, body_map, body0, packed) VALUES (?, '', '', x'', x'', '', ?)",
    ),
    deleteText: db.prepare('DELETE FROM search_text WHERE docid = ?'),
    putBlock: db.prepare('INSERT INTO search_blocks (key, text) VALUES (?, ?)'),
    deleteBlocks: db.prepare('DELETE FROM search_blocks WHERE key >= ? AND key < ?'),
    bookTitles: db.prepare('SELECT path, title FROM collections WHERE path IN (SELECT value FROM json_each(?))'),
    inCollection: db.prepare('SELECT w.json FROM work_collections c JOIN works w ON w.id = c.work_id WHERE c.path = ?').pluck(),
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
      if (t && !known.has(t)) {
        known.add(t);
        s.term.run(t);
      }
    }
  }
}

/** search_blocks keys: docid · 2^22 + field · 2^21 + block (field 0 the body, 1 the notes; the body's block 0 is in search_text). */
export const blockKey = (docid: number, field: 0 | 1, block: number): number => docid * 2 ** 22 + field * 2 ** 21 + block;

function deleteText(s: Statements, docid: number): void {
  s.deleteText.run(docid);
  s.deleteBlocks.run(blockKey(docid, 0, 0), blockKey(docid + 1, 0, 0));
}

/** The words of a text. */
function wordCount(text: string): number {
  let n = 0;
  scanWords(text, () => {
    n++;
  });
  return n;
}

/**
 * A document's row of search_text and its blocks: what its hit shows, and the texts of its
 * snippets. With the document's fields, the terms of the body and notes are taken from them.
 */
function writeText(s: Statements, docid: number, hit: string, t: NonNullable<IndexDoc['texts']>, fields?: IndexDoc['fields']): void {
  // Also for a new docid: rows of a document deleted by other means (tests, older versions) may remain.
  deleteText(s, docid);
  // Texts a snippet reads whole anyway (one chunk each) are packed into the row; longer ones are kept in blocks.
  if (t.body.length <= CHUNK && t.notes.length <= CHUNK) {
    s.putPacked.run(docid, pack([hit, t.header, t.body, t.notes]));
    return;
  }
  const split = (x: string) => (x ? x.split(' ') : []);
  // The notes field holds the notes' terms, then the header's.
  const notesTerms = fields && t.notes ? split(fields.notes).slice(0, wordCount(t.notes)) : undefined;
  const body = splitText(t.body, fields ? split(fields.body) : undefined);
  const notes = splitText(t.notes, notesTerms);
  body.blocks.forEach((text, b) => {
    if (b > 0) s.putBlock.run(blockKey(docid, 0, b), text);
  });
  notes.blocks.forEach((text, b) => {
    s.putBlock.run(blockKey(docid, 1, b), text);
  });
  s.putText.run(docid, hit, t.header, notes.map, body.map, body.blocks[0] ?? '');
}

/**
 * Write one document's rows (the caller holds the transaction). `hit` is the work's HitFields as
 * JSON; without it (or without the document's texts) the work is read whenever it is a hit.
 */
export function writeDoc(db: Database.Database, doc: IndexDoc, hit?: string, textsKept = false): void {
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
  // The texts of a work indexed again for its collections' titles have not changed: they stay as they are.
  if (!textsKept) {
    if (hit && doc.texts) writeText(s, docid, hit, doc.texts, doc.fields);
    else deleteText(s, docid);
  }
  bump(db);
}

export function removeDoc(db: Database.Database, workId: string): void {
  const s = stmts(db);
  const docid = s.docid.get(workId) as number | undefined;
  if (docid === undefined) return;
  s.deleteFts.run(docid);
  s.deleteFacets.run(docid);
  deleteText(s, docid);
  s.deleteDoc.run(docid);
  bump(db);
}

// SQLite stores text as UTF-8, where an unpaired surrogate cannot be written: such a text would
// come back changed, so it is not stored (its hits are made from the work, as JSON keeps it).
const UNPAIRED = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const storable = (t: NonNullable<IndexDoc['texts']>) => !UNPAIRED.test(t.body) && !UNPAIRED.test(t.notes) && !UNPAIRED.test(t.header);

/** Index one work: its terms, facets and the texts of its snippets. */
/** The titles of the collections a work sits in, from their records (index pages), by path. */
function bookTitles(db: Database.Database, work: Work): Map<string, string> {
  if (!work.collections.length) return new Map();
  const rows = stmts(db).bookTitles.all(JSON.stringify(work.collections.map((c) => c.path.join('/')))) as {
    path: string;
    title: string;
  }[];
  return new Map(rows.map((r) => [r.path, r.title]));
}

/** A collection's record changed (its title, say): the works filed in it are indexed again. */
export function reindexCollection(db: Database.Database, path: string, register: PeopleRegister): void {
  for (const json of stmts(db).inCollection.all(path) as string[]) {
    const work = JSON.parse(json) as Work;
    // Its texts do not name its collections: only its terms and facets are written again.
    writeDoc(db, indexDocument(work, register, bookTitles(db, work)), undefined, true);
  }
}

export function indexWork(db: Database.Database, work: Work, register: PeopleRegister): void {
  const doc = indexDocument(work, register, bookTitles(db, work));
  writeDoc(db, doc, doc.texts && storable(doc.texts) ? JSON.stringify(workHeading(work)) : undefined);
}

export interface SearchIndexerOptions {
  register?: PeopleRegister;
}

/** The indexer the SQLite store installs by default. */
export function createSearchIndexer(opts: SearchIndexerOptions = {}): SqliteIndexer {
  return {
    migrations: searchMigrations,
    upsert: (db, work: Work) => indexWork(db, work, opts.register ?? loadDefaultRegister()),
    remove: (db, id) => removeDoc(db, id),
    collectionChanged: (db, path) => reindexCollection(db, path, opts.register ?? loadDefaultRegister()),
  };
}

/** Empty the index and build it again from the stored works (after a change of tokenizer or register). */
export function rebuildIndex(db: Database.Database, register: PeopleRegister = loadDefaultRegister()): number {
  db.transaction(() => {
    db.exec(
      'DELETE FROM search_fts; DELETE FROM search_facets; DELETE FROM search_docs; DELETE FROM search_terms; DELETE FROM search_text; DELETE FROM search_blocks; DELETE FROM search_pending;',
    );
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
  fillTexts(db);
  const works = db.prepare('SELECT COUNT(*) FROM works').pluck().get() as number;
  const docs = db.prepare('SELECT COUNT(*) FROM search_docs').pluck().get() as number;
  if (works === docs) return 0;
  let n = 0;
  db.transaction(() => {
    const gone = db
      .prepare('SELECT work_id FROM search_docs d WHERE NOT EXISTS (SELECT 1 FROM works w WHERE w.id = d.work_id)')
      .pluck()
      .all() as string[];
    for (const id of gone) removeDoc(db, id);
    const missing = db
      .prepare('SELECT id FROM works w WHERE NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.work_id = w.id)')
      .pluck()
      .all() as string[];
    const json = db.prepare('SELECT json FROM works WHERE id = ?').pluck();
    for (const id of missing) {
      indexWork(db, JSON.parse(json.get(id) as string) as Work, register);
      n++;
    }
  })();
  return n;
}

/** Archives indexed before search_text existed: store the texts of every indexed work, once. */
function fillTexts(db: Database.Database): void {
  if (!db.prepare("SELECT 1 FROM search_pending WHERE what = 'texts'").get()) return;
  const s = stmts(db);
  db.transaction(() => {
    const missing = db
      .prepare('SELECT docid FROM search_docs d WHERE NOT EXISTS (SELECT 1 FROM search_text t WHERE t.docid = d.docid)')
      .pluck()
      .all() as number[];
    const json = db.prepare('SELECT w.json FROM search_docs d JOIN works w ON w.id = d.work_id WHERE d.docid = ?').pluck();
    for (const docid of missing) {
      const row = json.get(docid) as string | undefined;
      if (row === undefined) continue; // its work is gone: catchUp drops the document
      const work = JSON.parse(row) as Work;
      const texts = { body: bodyText(work), notes: notesText(work), header: headerText(work) };
      // The body's terms are not at hand here: splitText reads them from the text.
      if (storable(texts)) writeText(s, docid, JSON.stringify(workHeading(work)), texts);
    }
    db.exec("DELETE FROM search_pending WHERE what = 'texts'");
    bump(db);
  })();
}
