// The hits of one result page: title, people and date with snippets, made from what was stored at
// index time (search_text: packed texts, ./pack.ts; or blocks, search_blocks: ./blocks.ts). Works without it (an archive opened
// read-only before it was stored, texts SQLite cannot keep as they are, rows that disagree with
// their map) are read and rendered instead, with the same result.
import type Database from 'better-sqlite3';
import type { WorkHeading } from '../../model/summary.js';
import type { Work } from '../../model/work.js';
import type { Highlight } from '../expand.js';
import { makeHit, toHit } from '../hits.js';
import { hitSnippets, snippetsOf } from '../snippets.js';
import type { SearchHit, Snippet } from '../../model/search.js';
import { readMap, StaleTextError, storedLead, storedSnippet, type BlockReader } from './blocks.js';
import { blockKey } from './indexer.js';
import { unpack } from './pack.js';

interface Statements {
  texts?: Database.Statement;
  blocks?: Database.Statement;
  works: Database.Statement;
}
const prepared = new WeakMap<Database.Database, Statements>();

function statements(db: Database.Database): Statements {
  let s = prepared.get(db);
  if (s) return s;
  s = {
    works: db
      .prepare(
        'SELECT d.docid, w.json FROM search_docs d JOIN works w ON w.id = d.work_id WHERE d.docid IN (SELECT value FROM json_each(?))',
      )
      .raw(),
  };
  // A read-only store over an archive from before search_text has no such table: every hit is read from its work.
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'search_text'").get()) {
    // Read-only over an archive from before packed texts: every row has its blocks.
    const packed = db.prepare("SELECT 1 FROM pragma_table_info('search_text') WHERE name = 'packed'").get() ? 't.packed' : 'NULL';
    s.texts = db
      .prepare(`SELECT t.docid, t.hit, t.header, t.notes_map, t.body_map, t.body0, d.work_id, ${packed} FROM search_text t
                          JOIN search_docs d ON d.docid = t.docid WHERE t.docid IN (SELECT value FROM json_each(?))`)
      .raw();
    s.blocks = db.prepare('SELECT text FROM search_blocks WHERE key >= ? AND key <= ? ORDER BY key').pluck();
  }
  prepared.set(db, s);
  return s;
}

type TextRow = [number, string, string, Uint8Array, Uint8Array, string, string, Uint8Array | null];

function storedSnippets(blocks: Database.Statement, [docid, , header, notesMap, bodyMap, body0]: TextRow, h: Highlight): Snippet[] {
  const body = readMap(bodyMap);
  const notes = readMap(notesMap);
  const reader =
    (field: 0 | 1): BlockReader =>
    (from, to) => {
      // The body's first block is in search_text.
      const first = field === 0 && from === 0 ? [body0] : [];
      const a = from + first.length;
      const rest = a <= to ? (blocks.all(blockKey(docid, field, a), blockKey(docid, field, to)) as string[]) : [];
      if (first.length + rest.length !== to - from + 1) throw new StaleTextError(`search_blocks lacks blocks of document ${docid}`);
      return [...first, ...rest];
    };
  return snippetsOf(
    {
      body: (x) => storedSnippet(body, reader(0), x),
      notes: (x) => storedSnippet(notes, reader(1), x),
      header,
      lead: () => storedLead(body, reader(0)),
    },
    h,
  );
}

/** The hits for these documents, in this order; `score` holds bm25 (lower is better) by document. */
export function loadHits(db: Database.Database, ids: number[], h: Highlight, score: Map<number, number>): SearchHit[] {
  if (!ids.length) return [];
  const s = statements(db);
  const relevance = (id: number) => (score.has(id) ? -score.get(id)! : 0);
  const hits = new Map<number, SearchHit>();
  for (const row of (s.texts?.all(JSON.stringify(ids)) ?? []) as TextRow[]) {
    // A row left by a document this docid once named (deleted by other means than the indexer) is
    // not used, nor texts whose blocks disagree with their map, nor packed texts that cannot be
    // read: those hits are made from the work.
    try {
      const packed = row[7] ? unpack(row[7], 4) : undefined;
      const f = JSON.parse(packed ? packed[0]! : row[1]) as WorkHeading;
      if (f.id !== row[6]) continue;
      const snippets = packed
        ? hitSnippets({ header: packed[1]!, body: packed[2]!, notes: packed[3]! }, h)
        : storedSnippets(s.blocks!, row, h);
      hits.set(row[0], makeHit(f, snippets, h, relevance(row[0])));
    } catch (e) {
      if (!(e instanceof StaleTextError)) throw e;
    }
  }
  const missing = ids.filter((id) => !hits.has(id));
  if (missing.length) {
    for (const [id, json] of s.works.all(JSON.stringify(missing)) as [number, string][])
      hits.set(id, toHit(JSON.parse(json) as Work, h, relevance(id)));
  }
  return ids.flatMap((id) => hits.get(id) ?? []);
}
