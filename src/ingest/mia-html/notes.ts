// Notes: markers in the text (<sup class="enote"><a href="#n1">[1]</a></sup>, <a href="#fn1">,
// sup.anote, sup.ednote...) and the note texts they point at (p.endnote, p.information with
// <a name="n1">, <a name="1"></a> before a paragraph...), continued across following paragraphs.
import type { Note } from '../../model/work.js';
import { attr, descendants, isElement, isText, tag, textOf, type DomElement, type DomNode } from './dom.js';
import type { Unit } from './units.js';

export interface NoteDef {
  id: string;
  /** The anchor name or id as written in the page. */
  anchor: string;
  label: string;
  /** Units [start, end) hold the note's text. */
  start: number;
  end: number;
  anchorEl?: DomElement;
  referenced: boolean;
  kind?: Note['kind'];
}

export interface NoteMarker {
  note: string;
  label: string;
  /** The link is a word ("<a href="#nf">Chartists</a>"): keep the word, then the note reference. */
  keepText?: boolean;
}

export interface NoteMap {
  defs: NoteDef[];
  /** Marker elements (the link, and a <sup> wrapping it) → the note they reference. */
  markers: Map<DomElement, NoteMarker>;
  /** Unit indexes that belong to notes or to "Notes" headings: not body. */
  consumed: Set<number>;
  /** Markers whose target is missing or was re-linked, for warnings. */
  problems: { unit: number; message: string }[];
}

const LABEL = /^[[(]?\s*(\d{1,3}[a-z]?|[A-Za-z]{1,2}|\*{1,3}|†|‡|§|[ivxlc]{1,6})\s*[\])]?\.?$/;
export const NOTES_HEADING =
  /^(?:(?:foot|end)?notes?|(?:author|editor|translator|transcriber)[’']?s?[’']?\s+notes?|editorial notes?|notes? (?:by|of) the \w+|footnotes?)$/i;

export const labelOf = (text: string): string | undefined => {
  const m = text.replace(/\s+/g, ' ').trim().match(LABEL);
  return m ? m[1] : undefined;
};

function anchorName(el: DomElement): string | undefined {
  return attr(el, 'name') ?? attr(el, 'id');
}

const elementsMemo = new WeakMap<Unit, DomElement[]>();
/** The unit's elements and their descendants in document order: one iterative walk, kept for the passes that follow. */
function unitElements(u: Unit): DomElement[] {
  let out = elementsMemo.get(u);
  if (out) return out;
  out = [];
  const todo: DomNode[] = [];
  for (let k = u.nodes.length - 1; k >= 0; k--) todo.push(u.nodes[k]!);
  while (todo.length) {
    const n = todo.pop()!;
    if (!isElement(n)) continue;
    out.push(n);
    for (let k = n.children.length - 1; k >= 0; k--) todo.push(n.children[k]!);
  }
  elementsMemo.set(u, out);
  return out;
}

/** First meaningful node of a unit: skips whitespace and empty elements. */
function leadingElement(u: Unit): DomElement | undefined {
  for (const n of u.nodes) {
    if (isText(n)) {
      if (n.data.trim()) return undefined;
      continue;
    }
    if (isElement(n) && n.type === 'tag') return n;
  }
  return undefined;
}

function sanitizeId(anchor: string, used: Set<string>): string {
  let id =
    anchor
      .replace(/\*/g, 'star')
      .replace(/†/g, 'dagger')
      .replace(/‡/g, 'ddagger')
      .replace(/[^A-Za-z0-9_.-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'note';
  if (used.has(id)) {
    let k = 2;
    while (used.has(`${id}-${k}`)) k++;
    id = `${id}-${k}`;
  }
  used.add(id);
  return id;
}

const isContent = (u: Unit | undefined) =>
  !!u && (u.kind === 'p' || u.kind === 'loose' || u.kind === 'list' || u.kind === 'pre' || u.kind === 'table');

export function findNotes(units: Unit[], nav: Set<number>): NoteMap {
  // Every named anchor, and the unit it names. An anchor alone in its run names the next unit.
  const anchors = new Map<string, { unit: number; el: DomElement }>();
  units.forEach((u, i) => {
    for (const el of unitElements(u)) {
      const name = anchorName(el);
      if (!name || anchors.has(name)) continue;
      let unit = i;
      if (u.kind === 'loose' && !u.text) {
        unit = i + 1;
        while (unit < units.length && !isContent(units[unit]) && units[unit]!.kind !== 'h') unit++;
      }
      anchors.set(name, { unit, el });
    }
  });

  // Candidate markers: in-page links with a note-like label whose target comes later in the page.
  const cands: { a: DomElement; unit: number; target: string; label: string }[] = [];
  units.forEach((u, i) => {
    if (nav.has(i)) return;
    for (const el of unitElements(u)) {
      const href = tag(el) === 'a' ? attr(el, 'href') : undefined;
      if (!href?.startsWith('#') || href.length < 2) continue;
      let target = href.slice(1);
      try {
        target = decodeURIComponent(target);
      } catch {
        /* keep as written */
      }
      const label = labelOf(textOf(el));
      const hit = anchors.get(target);
      if (!label || !hit || hit.unit <= i || hit.unit >= units.length) continue;
      const tu = units[hit.unit]!;
      if (!isContent(tu) || nav.has(hit.unit)) continue;
      cands.push({ a: el, unit: i, target, label });
    }
  });

  const starts = new Map<number, { anchor: string; el?: DomElement; referenced: boolean }>();
  for (const c of cands) {
    const hit = anchors.get(c.target)!;
    if (!starts.has(hit.unit)) starts.set(hit.unit, { anchor: c.target, el: hit.el, referenced: true });
  }
  const regionStart = Math.min(...starts.keys());
  // Unreferenced notes inside the notes region: paragraphs that open with an anchor and a label.
  const opensNote = (i: number): boolean => {
    const u = units[i]!;
    if (starts.has(i) || !isContent(u) || nav.has(i)) return false;
    const lead = leadingElement(u);
    const name = lead ? (anchorName(lead) ?? [...descendants(lead)].map(anchorName).find(Boolean)) : undefined;
    if (!lead || !name) return false;
    const labelled = labelOf(textOf(lead)) !== undefined || /^\s*[[(]?\s*(\d{1,3}[a-z]?|\*{1,3}|[A-Z])\s*[\])]?\.?(\s|$)/.test(u.text);
    if (!labelled) return false;
    starts.set(i, { anchor: name, el: lead, referenced: false });
    return true;
  };
  if (Number.isFinite(regionStart)) {
    for (let i = regionStart + 1; i < units.length; i++) opensNote(i);
    // Earlier notes nobody references ("1." before the first marked note), back to the heading or rule
    // that opens the notes section.
    for (let i = regionStart - 1; i >= 0 && units[i]!.kind !== 'h' && units[i]!.kind !== 'hr'; i--) opensNote(i);
  }

  const order = [...starts.keys()].sort((a, b) => a - b);
  const used = new Set<string>();
  const defs: NoteDef[] = [];
  const consumed = new Set<number>();
  let kind: Note['kind'] | undefined;
  for (let k = 0; k < order.length; k++) {
    const start = order[k]!;
    const next = order[k + 1] ?? units.length;
    let end = start + 1;
    while (end < next && isContent(units[end]) && !nav.has(end)) end++;
    const s = starts.get(start)!;
    // A heading just before a note names its kind ("Editorial Notes", "Authors Notes").
    for (let h = start - 1; h >= 0 && (units[h]!.kind === 'h' || units[h]!.kind === 'hr'); h--) {
      const t = units[h]!.text;
      if (units[h]!.kind === 'h' && NOTES_HEADING.test(t)) {
        consumed.add(h);
        kind = /editor/i.test(t) ? 'editorial' : /author/i.test(t) ? 'author' : /translator/i.test(t) ? 'translator' : kind;
      }
    }
    const own =
      labelOf(textOf(s.el ?? units[start]!.el)) ??
      units[start]!.text.match(/^\s*[[(]?\s*(\d{1,3}[a-z]?|\*{1,3}|[A-Z])\s*[\])]?\.?(?=\s|$)/)?.[1] ??
      String(defs.length + 1);
    const def: NoteDef = {
      id: sanitizeId(s.anchor, used),
      anchor: s.anchor,
      label: own,
      start,
      end,
      referenced: s.referenced,
      ...(s.el ? { anchorEl: s.el } : {}),
    };
    const last = units[end - 1]!.text;
    def.kind =
      kind ??
      (/(progress publishers|[-–—]\s*ed\.?\]?|editor|institute|international publishers)\.?\s*$/i.test(last) ? 'editorial' : undefined);
    if (!def.kind) delete def.kind;
    defs.push(def);
    for (let u = start; u < end; u++) consumed.add(u);
  }

  // Markers → notes. A marker whose label disagrees with its target while another note carries that
  // label exactly was mis-linked in the source (73_06_20: "[*]" → #n2); link it to the matching note.
  const byUnit = new Map(defs.map((d) => [d.start, d]));
  const markers = new Map<DomElement, NoteMarker>();
  const problems: NoteMap['problems'] = [];
  for (const c of cands) {
    let def = byUnit.get(anchors.get(c.target)!.unit);
    if (!def) continue;
    if (def.label !== c.label) {
      const other = defs.find((d) => d.label === c.label && d !== def && !d.referenced);
      if (other) {
        problems.push({
          unit: c.unit,
          message: `note marker [${c.label}] points at #${c.target} (note ${def.label}); linked to note ${other.label} (#${other.anchor}), whose label matches`,
        });
        def = other;
        def.referenced = true;
      }
    }
    const m = { note: def.id, label: c.label };
    markers.set(c.a, m);
    const sup = c.a.parent;
    if (sup && isElement(sup) && tag(sup) === 'sup' && textOf(sup) === textOf(c.a)) markers.set(sup, m);
  }
  // Words linked to a note ("the working-class <a href="#nf">Chartists</a>") reference it too.
  units.forEach((u, i) => {
    if (nav.has(i) || consumed.has(i)) return;
    for (const el of unitElements(u)) {
      const href = tag(el) === 'a' ? attr(el, 'href') : undefined;
      if (!href?.startsWith('#') || markers.has(el)) continue;
      const hit = anchors.get(href.slice(1));
      const def = hit ? byUnit.get(hit.unit) : undefined;
      if (!def || !textOf(el) || hit!.unit <= i) continue;
      markers.set(el, { note: def.id, label: def.label, keepText: true });
      def.referenced = true;
    }
  });
  for (const d of defs) if (!d.referenced) d.label = d.label.replace(/\.$/, '');
  return { defs, markers, consumed, problems };
}

/** Elements at the start of a note's first unit that only repeat its label ("[1]", "1.", backlinks). */
export function labelElements(u: Unit, def: NoteDef): Set<DomElement> {
  const skip = new Set<DomElement>();
  const visit = (nodes: DomNode[]): boolean => {
    for (const n of nodes) {
      if (isText(n)) {
        if (!n.data.trim()) continue;
        return true; // real text reached
      }
      if (!isElement(n) || n.type !== 'tag') continue;
      const t = textOf(n);
      if (!t) {
        if (n === def.anchorEl) skip.add(n);
        continue;
      }
      if (labelOf(t)) {
        skip.add(n);
        continue;
      }
      if (visit(n.children)) return true;
    }
    return false;
  };
  visit(u.nodes);
  return skip;
}
