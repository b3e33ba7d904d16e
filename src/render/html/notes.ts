// Two-way note links. Before anything is rendered, every note gets an anchor ("note-1") and every
// marker an id ("ref-1", then "ref-1-2" for a second marker of the same note), so each note can
// link back to all of its markers and each marker down to its note.
import type { Block, Inline, Work } from '../../model/work.js';

export interface NoteAnchors {
  /** note id → fragment id of the note ("note-1"). */
  noteAnchor: Map<string, string>;
  /** note id → ids of its markers, in reading order. */
  markers: Map<string, string[]>;
  /** Hands out the next marker id for a note; call in the same order as `collect` walked. */
  nextMarker(noteId: string): string | undefined;
}

const token = (id: string) => id.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';

function* inlinesOf(blocks: Block[]): Generator<Inline> {
  for (const b of blocks) {
    if ('content' in b) yield* b.content;
    else if (b.type === 'list') for (const item of b.items) yield* item;
    else if (b.type === 'table') for (const row of b.rows) for (const cell of row) yield* cell;
  }
}

/** Walks the body, then the notes (notes may point at other notes), in document order. */
export function noteAnchors(work: Pick<Work, 'body' | 'notes'>): NoteAnchors {
  const noteAnchor = new Map<string, string>();
  const used = new Set<string>();
  const unique = (base: string) => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
  // Fragments follow what the reader sees (#note-1) when the labels tell the notes apart; else the ids.
  const labels = work.notes.map((n) => token(n.label));
  const byLabel = labels.every((l) => l !== 'x') && new Set(labels).size === labels.length;
  const keyOf = new Map<string, string>();
  for (const n of work.notes) {
    if (noteAnchor.has(n.id)) continue;
    const k = byLabel ? token(n.label) : token(n.id);
    keyOf.set(n.id, k);
    noteAnchor.set(n.id, unique(`note-${k}`));
  }

  const markers = new Map<string, string[]>();
  const walk = (blocks: Block[]) => {
    for (const node of inlinesOf(blocks)) {
      if (node.type !== 'noteRef' || !noteAnchor.has(node.note)) continue;
      const list = markers.get(node.note) ?? [];
      const k = keyOf.get(node.note)!;
      list.push(unique(list.length === 0 ? `ref-${k}` : `ref-${k}-${list.length + 1}`));
      markers.set(node.note, list);
    }
  };
  walk(work.body);
  for (const n of work.notes) walk(n.blocks);

  const handedOut = new Map<string, number>();
  return {
    noteAnchor,
    markers,
    nextMarker(noteId) {
      const i = handedOut.get(noteId) ?? 0;
      handedOut.set(noteId, i + 1);
      return markers.get(noteId)?.[i];
    },
  };
}
