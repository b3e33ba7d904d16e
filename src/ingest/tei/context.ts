// State shared while one TEI document's text is walked: diagnostics, entity mentions, notes.
import type { Element } from '@xmldom/xmldom';
import type { Diagnostic } from '../../model/diagnostics.js';
import type { Inline, Note } from '../../model/work.js';
import { attr, descendants, elementPath, lineOf } from './dom.js';
import type { EntityCollector } from './entities.js';
import { decodeXmlId, noteKindFromType } from '../../formats/tei/mapping.js';

export interface NoteInfo {
  id: string;
  label: string;
  kind?: Note['kind'];
  /** Outside the running text (back, standOff): placed by ref/ptr/anchor pointers instead. */
  detached: boolean;
}

/** Pre-assigns ids and labels to every note of the text so pointers can be resolved in one pass. */
export class NoteIndex {
  readonly byElement = new Map<Element, NoteInfo>();
  readonly byXmlId = new Map<string, NoteInfo>();
  /** anchor xml:id → note that points at it with @target/@corresp (detached notes only). */
  readonly byAnchor = new Map<string, NoteInfo>();
  readonly detached: Element[] = [];

  constructor(roots: Element[]) {
    const used = new Set<string>();
    let counter = 0;
    let seq = 0;
    for (const root of roots) {
      const inBack = root.localName === 'back' || root.localName === 'standOff';
      for (const n of descendants(root, 'note')) {
        if (inRecord(n, root)) continue;
        seq++;
        const xmlId = attr(n, 'xml:id');
        const label = attr(n, 'n') ?? String(++counter);
        let id = xmlId ? decodeXmlId(xmlId) : `n${seq}`;
        for (let k = 2; used.has(id); k++) id = `${xmlId ? decodeXmlId(xmlId) : `n${seq}`}-${k}`;
        used.add(id);
        const nested = hasNoteAncestor(n, root);
        const info: NoteInfo = { id, label, detached: inBack && !nested };
        const kind = noteKindFromType(attr(n, 'type'));
        if (kind) info.kind = kind;
        this.byElement.set(n, info);
        if (xmlId) this.byXmlId.set(xmlId, info);
        if (info.detached) {
          this.detached.push(n);
          for (const t of `${attr(n, 'target') ?? ''} ${attr(n, 'corresp') ?? ''}`.split(/\s+/).filter(Boolean)) {
            this.byAnchor.set(t.replace(/^#/, ''), info);
          }
        }
      }
    }
  }

  /** A noteRef for a pointer target such as "#n1", when it names a note. */
  refFor(target: string | undefined, label?: string): Inline | undefined {
    if (!target?.startsWith('#')) return undefined;
    const info = this.byXmlId.get(target.slice(1));
    return info ? { type: 'noteRef', note: info.id, label: label || info.label } : undefined;
  }
}

/** Notes that describe a list entry (a person's biography, a work's genre) are not notes to the text. */
const RECORDS = new Set([
  'listPerson',
  'listPlace',
  'listOrg',
  'listEvent',
  'listBibl',
  'listWit',
  'listRelation',
  'person',
  'place',
  'org',
  'event',
  'bibl',
  'biblStruct',
  'msDesc',
]);
function inRecord(n: Element, root: Element): boolean {
  if (root.localName !== 'back' && root.localName !== 'standOff') return false;
  for (let p = n.parentNode as Element | null; p && p !== root; p = p.parentNode as Element | null) {
    if (RECORDS.has(p.localName ?? '')) return true;
  }
  return false;
}

function hasNoteAncestor(n: Element, root: Element): boolean {
  for (let p = n.parentNode as Element | null; p && p !== root; p = p.parentNode as Element | null) {
    if (p.localName === 'note') return true;
  }
  return false;
}

export interface WalkContext {
  file: string;
  diagnostics: Diagnostic[];
  warned: Set<string>;
  entities: EntityCollector;
  notes: NoteIndex;
  /** Notes met in the running text, in reading order. */
  inlineNotes: Note[];
}

/** One warning per element name and file. */
export function warnOnce(ctx: WalkContext, e: Element, message: string): void {
  const key = `${e.namespaceURI ?? ''}|${e.localName ?? e.nodeName}`;
  if (ctx.warned.has(key)) return;
  ctx.warned.add(key);
  const line = lineOf(e);
  ctx.diagnostics.push({
    severity: 'warning',
    file: ctx.file,
    ...(line ? { line } : {}),
    element: elementPath(e),
    message,
  });
}
