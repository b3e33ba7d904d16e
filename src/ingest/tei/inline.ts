// Inline TEI (hi, persName, ref, lb, pb, note, del/add, choice...) → Inline[] with marks, in order.
import type { Element, Node } from '@xmldom/xmldom';
import type { Inline, Mark } from '../../model/work.js';
import { attr, childElements, isElement, isText, normText, TEI_NS } from './dom.js';
import { ENTITY_ELEMENTS, entityKindFromType, marksFromRend, marksFromStyle, type EntityKind } from '../../formats/tei/mapping.js';
import { warnOnce, type WalkContext } from './context.js';
import { noteBlocks } from './body.js';

/** Joins the words around an lb break="no"; removed by normalizeInlines. */
const JOIN: Inline = Object.freeze({ type: 'text', text: '' }) as Inline;

/** Elements whose text is kept as it stands (no mark, no warning). */
const TRANSPARENT = new Set([
  'add',
  'c',
  'g',
  'w',
  'pc',
  'seg',
  's',
  'phr',
  'cl',
  'm',
  'date',
  'time',
  'num',
  'measure',
  'term',
  'mentioned',
  'soCalled',
  'foreign',
  'title',
  'bibl',
  'biblStruct',
  'q',
  'quote',
  'said',
  'cit',
  'name',
  'forename',
  'surname',
  'roleName',
  'addName',
  'nameLink',
  'genName',
  'country',
  'region',
  'district',
  'bloc',
  'idno',
  'label',
  'stamp',
  'affiliation',
  'email',
  'gi',
  'att',
  'val',
  'tag',
  'unclear',
  'damage',
  'secl',
  'sic',
  'corr',
  'orig',
  'reg',
  'abbr',
  'expan',
  'ex',
  'am',
  'subst',
  'restore',
  'mod',
  'retrace',
  'distinct',
  'gloss',
  'emph',
  'hi',
  'p',
  'ab',
  'salute',
  'signed',
  'dateline',
  'opener',
  'closer',
  'postscript',
  'head',
  'item',
  'list',
  'trailer',
  'byline',
  'docAuthor',
  'docDate',
  'epigraph',
  'floatingText',
  'body',
  'div',
  'geo',
  'location',
  'offset',
  'geogFeat',
  'ptr',
  'ref',
  'lg',
  'l',
  'address',
  'addrLine',
  'street',
  'postCode',
  'postBox',
  'code',
  'author',
  'editor',
  'publisher',
  'pubPlace',
  'imprint',
  'biblScope',
  'citedRange',
  'edition',
  'series',
  'monogr',
  'analytic',
  'resp',
  'respStmt',
  'settlement',
  'geogName',
  'persName',
  'placeName',
  'orgName',
  'rs',
  'sp',
  'speaker',
  'stage',
  'table',
  'row',
  'cell',
]);
/** Elements that leave no reading text. */
const SILENT = new Set([
  'del',
  'surplus',
  'cb',
  'milestone',
  'handShift',
  'fw',
  'figure',
  'graphic',
  'figDesc',
  'metamark',
  'index',
  'interp',
  'interpGrp',
  'link',
  'linkGrp',
  'span',
  'spanGrp',
  'certainty',
  'precision',
  'respons',
  'addSpan',
  'delSpan',
  'damageSpan',
  'listPerson',
  'listPlace',
  'listOrg',
  'listEvent',
  'listBibl',
  'listRelation',
  'facsimile',
  'media',
  'binaryObject',
  'alt',
  'altGrp',
  'join',
  'joinGrp',
  'timeline',
  'notatedMusic',
  'formula',
  'substJoin',
  'redo',
  'undo',
  'anchor',
  'pb',
  'lb',
  'note',
  'gap',
  'space',
]);

const CHOICE_ORDER = ['corr', 'reg', 'expan', 'ex', 'seg'];

/** How a step hands on work: the children of an element, one node, or something to do once what was handed on is done. */
interface Kont {
  children(el: Element, marks: Mark[]): void;
  node(n: Node, marks: Mark[]): void;
  after(f: () => void): void;
}

/**
 * Run the inline steps from `first` with an explicit stack instead of recursion, so spans nested as
 * deep as the import's limit allows never grow the call stack; the order is the recursive one.
 */
function drive(first: { node: Node; marks: Mark[] }[], ctx: WalkContext, out: Inline[]): void {
  const todo: ({ node: Node; marks: Mark[] } | (() => void))[] = [...first].reverse();
  const k: Kont = {
    children(el, marks) {
      for (let c: Node | null = el.lastChild; c; c = c.previousSibling) todo.push({ node: c, marks });
    },
    node(n, marks) {
      todo.push({ node: n, marks });
    },
    after(f) {
      todo.push(f);
    },
  };
  while (todo.length) {
    const t = todo.pop()!;
    if (typeof t === 'function') t();
    else step(t.node, t.marks, ctx, out, k);
  }
}

export function inlineChildren(el: Element, marks: Mark[], ctx: WalkContext, out: Inline[]): void {
  const first: { node: Node; marks: Mark[] }[] = [];
  for (let c: Node | null = el.firstChild; c; c = c.nextSibling) first.push({ node: c, marks });
  drive(first, ctx, out);
}

export function inlineNode(node: Node, marks: Mark[], ctx: WalkContext, out: Inline[]): void {
  drive([{ node, marks }], ctx, out);
}

function text(s: string, marks: Mark[], out: Inline[]): void {
  if (s) out.push(marks.length ? { type: 'text', text: s, marks: [...marks] } : { type: 'text', text: s });
}

function withMark(marks: Mark[], add: Mark[]): Mark[] {
  const out = [...marks];
  for (const m of add) if (!out.some((x) => JSON.stringify(x) === JSON.stringify(m))) out.push(m);
  return out;
}

function step(node: Node, marks: Mark[], ctx: WalkContext, out: Inline[], k: Kont): void {
  if (isText(node)) return text(node.nodeValue ?? '', marks, out);
  if (!isElement(node)) return;
  const el = node;
  if (el.namespaceURI !== TEI_NS) {
    warnOnce(ctx, el, `element <${el.nodeName}> is not TEI; its text is kept`);
    return k.children(el, marks);
  }
  const name = el.localName ?? '';
  switch (name) {
    case 'hi':
      return k.children(
        el,
        withMark(
          marks,
          [...marksFromRend(attr(el, 'rend')), ...marksFromStyle(attr(el, 'style'))].map((type) => ({ type })),
        ),
      );
    case 'emph':
      return k.children(el, withMark(marks, [{ type: 'emphasis' }, ...marksFromRend(attr(el, 'rend')).map((type) => ({ type }))]));
    case 'code':
      return k.children(el, withMark(marks, [{ type: 'code' }]));
    case 'persName':
    case 'placeName':
    case 'orgName':
    case 'geogName':
    case 'settlement':
    case 'rs':
    case 'name':
      return entity(el, name, marks, ctx, k);
    case 'ref':
    case 'ptr':
      return pointer(el, marks, ctx, out, k);
    case 'lb':
      if (attr(el, 'break') === 'no') out.push(JOIN);
      else out.push({ type: 'lineBreak' });
      return;
    case 'pb': {
      const n = attr(el, 'n');
      out.push(n ? { type: 'pageBreak', n } : { type: 'pageBreak' });
      return;
    }
    case 'anchor': {
      const info = ctx.notes.byAnchor.get(attr(el, 'xml:id') ?? '');
      if (info) out.push({ type: 'noteRef', note: info.id, label: info.label });
      return;
    }
    case 'note':
      return inlineNote(el, ctx, out);
    case 'space':
      return text(attr(el, 'unit') === 'line' ? ' ' : ' ', marks, out);
    case 'gap':
      return text('[…]', marks, out);
    case 'supplied':
      text('[', marks, out);
      k.after(() => text(']', marks, out));
      return k.children(el, marks);
    case 'choice': {
      const kids = childElements(el);
      const pick = CHOICE_ORDER.map((n) => kids.find((k) => k.localName === n)).find(Boolean) ?? kids[0];
      if (pick) k.node(pick, marks);
      return;
    }
    case 'seg':
      if (el.previousSibling && isElement(el.previousSibling) && el.previousSibling.localName === 'seg') text(' ', marks, out);
      return k.children(el, marks);
    case 'l':
    case 'addrLine':
      k.after(() => {
        if (el.nextSibling && hasFollowingElement(el, name)) out.push({ type: 'lineBreak' });
      });
      return k.children(el, marks);
  }
  if (SILENT.has(name)) return;
  if (!TRANSPARENT.has(name)) warnOnce(ctx, el, `unknown element <${name}>: its text is kept`);
  k.children(el, marks);
}

function hasFollowingElement(el: Element, name: string): boolean {
  for (let s = el.nextSibling; s; s = s.nextSibling) if (isElement(s) && s.localName === name) return true;
  return false;
}

function entity(el: Element, name: string, marks: Mark[], ctx: WalkContext, k: Kont): void {
  const kind: EntityKind | undefined = ENTITY_ELEMENTS[name] ?? entityKindFromType(attr(el, 'type'));
  if (!kind) return k.children(el, marks);
  const ref = attr(el, 'ref');
  const id = ctx.entities.mention(kind, normText(el, NO_NOTES), ref, attr(el, 'key'));
  const mark: Mark = { type: 'entity', entity: kind, ...(id ? { id } : {}), ...(ref ? { ref } : {}) };
  k.children(el, withMark(marks, [mark]));
}
const NO_NOTES: ReadonlySet<string> = new Set(['note', 'del', 'fw']);

function pointer(el: Element, marks: Mark[], ctx: WalkContext, out: Inline[], k: Kont): void {
  const target = attr(el, 'target');
  const label = normText(el);
  const noteRef = ctx.notes.refFor(target, label);
  if (noteRef) {
    out.push(noteRef);
    return;
  }
  if (!target) return k.children(el, marks);
  const linked = withMark(marks, [{ type: 'link', href: target }]);
  // an empty pointer shows its target; only absolute addresses stay links (Schnitzler points at diary dates)
  if (el.localName === 'ptr' || !label) return text(target, /^[a-z][a-z0-9+.-]*:/i.test(target) ? linked : marks, out);
  k.children(el, linked);
}

function inlineNote(el: Element, ctx: WalkContext, out: Inline[]): void {
  const info = ctx.notes.byElement.get(el);
  if (!info) return;
  out.push({ type: 'noteRef', note: info.id, label: info.label });
  if (info.detached) return;
  const note = { id: info.id, label: info.label, ...(info.kind ? { kind: info.kind } : {}), blocks: [] as ReturnType<typeof noteBlocks> };
  ctx.inlineNotes.push(note);
  note.blocks = noteBlocks(el, ctx);
}

// ---- whitespace -------------------------------------------------------------------------------

function sameMarks(a: Inline, b: Inline): boolean {
  return JSON.stringify((a as { marks?: Mark[] }).marks ?? []) === JSON.stringify((b as { marks?: Mark[] }).marks ?? []);
}

/**
 * XML whitespace collapsed to single spaces (no-break spaces kept), trimmed at the block's edges and
 * around line breaks, page breaks transparent; adjacent runs with the same marks merged.
 */
export function normalizeInlines(xs: Inline[]): Inline[] {
  const out: Inline[] = [];
  let prevSpace = true;
  const trimBack = (): void => {
    for (let i = out.length - 1; i >= 0; i--) {
      const x = out[i]!;
      if (x.type === 'pageBreak') continue;
      if (x.type === 'text') x.text = x.text.replace(/(?<! ) +$/, '');
      return;
    }
  };
  for (const x of xs) {
    if (x === JOIN) {
      trimBack();
      prevSpace = true;
      continue;
    }
    if (x.type === 'text') {
      let s = x.text.replace(/[ \t\n\r]+/g, ' ');
      if (prevSpace) s = s.replace(/^ /, '');
      if (!s) continue;
      prevSpace = s.endsWith(' ');
      out.push({ ...x, text: s });
    } else if (x.type === 'lineBreak') {
      trimBack();
      out.push(x);
      prevSpace = true;
    } else if (x.type === 'noteRef') {
      out.push(x);
      prevSpace = false;
    } else out.push(x);
  }
  trimBack();
  const merged: Inline[] = [];
  for (const x of out) {
    const last = merged[merged.length - 1];
    if (x.type === 'text' && !x.text) continue;
    if (x.type === 'text' && last?.type === 'text' && sameMarks(last, x)) last.text += x.text;
    else merged.push(x.type === 'text' ? { ...x } : x);
  }
  // a line break at the edge of a block shows nothing but an empty line
  const seen = (x: Inline): boolean => x.type === 'text' || x.type === 'noteRef';
  const first = merged.findIndex(seen);
  let last = -1;
  for (let i = merged.length - 1; i >= 0; i--)
    if (seen(merged[i]!)) {
      last = i;
      break;
    }
  return merged.filter((x, i) => x.type !== 'lineBreak' || (i > first && i < last && first >= 0));
}

/** Inline content has something a reader sees (not only page breaks or whitespace). */
export function hasContent(xs: Inline[]): boolean {
  return xs.some((x) => (x.type === 'text' ? /[^ \t\n\r]/.test(x.text) : x.type === 'noteRef' || x.type === 'lineBreak'));
}
