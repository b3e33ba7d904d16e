// A small structural view of the parsed page (cheerio/parse5 nodes) and helpers over it: text,
// classes, element paths and source lines for located messages.
import { clean } from '../mia-common/fields.js';
import * as cheerio from 'cheerio/slim';
import { DEFAULT_MAX_DEPTH, htmlDepthPast, type TooDeep } from '../limits.js';

export interface DomText {
  type: 'text' | 'comment' | 'cdata' | 'directive';
  data: string;
  parent: DomElement | null;
}
export interface DomElement {
  type: 'tag' | 'script' | 'style' | 'root';
  name: string;
  attribs: Record<string, string>;
  children: DomNode[];
  parent: DomElement | null;
  sourceCodeLocation?: { startLine: number; startCol: number } | null;
}
export type DomNode = DomText | DomElement;

export const isElement = (n: DomNode | null | undefined): n is DomElement =>
  !!n && (n.type === 'tag' || n.type === 'script' || n.type === 'style' || n.type === 'root');
export const isText = (n: DomNode | null | undefined): n is DomText => !!n && n.type === 'text';

export interface Page {
  $: cheerio.CheerioAPI;
  root: DomElement;
  body: DomElement;
  /** The decoded source text (after the self-closing-anchor repair), for line numbers. */
  html: string;
}

/**
 * Parse a page with htmlparser2 (HTML mode: implied </p>, lower-cased tags, entities decoded); it is
 * about four times faster than parse5 on these pages. `<a name="x" />` is written out as
 * `<a name="x"></a>` first: HTML parsers ignore the self-closing slash, and the open anchor would
 * otherwise swallow the rest of the page. Each element gets its source line for messages.
 */
export function loadPage(html: string, maxDepth = DEFAULT_MAX_DEPTH): Page | { tooDeep: TooDeep } {
  // (Linear: a lazy group before `\s*\/>` would retry every split of a long run of spaces.)
  const repaired = html.replace(/<a\b([^<>]*)>/gi, (m, attrs: string) =>
    attrs.endsWith('/') ? `<a${attrs.slice(0, -1).trimEnd()}></a>` : m,
  );
  // The parser's cost grows with depth and our walkers recurse: count the depth first, linearly.
  const deep = htmlDepthPast(repaired, maxDepth);
  if (deep) return { tooDeep: deep };
  const $ = cheerio.load(repaired, { xml: { xmlMode: false, withStartIndices: true, decodeEntities: true } });
  const root = $.root()[0] as unknown as DomElement;
  const past = addLines(root, repaired, maxDepth);
  if (past) return { tooDeep: { offset: 0, line: past.sourceCodeLocation?.startLine ?? 1, what: 'elements', element: `<${tag(past)}>` } };
  const body = ($('body')[0] as unknown as DomElement | undefined) ?? root;
  return { $, root, body, html: repaired };
}

/** Source line and column of every element, from the parser's start offsets; the first element deeper than `maxDepth`, if any. */
function addLines(root: DomElement, html: string, maxDepth: number): DomElement | undefined {
  const starts = [0];
  for (let i = html.indexOf('\n'); i >= 0; i = html.indexOf('\n', i + 1)) starts.push(i + 1);
  let past: DomElement | undefined;
  // Iterative, depth first: a tree as deep as the limit allows never grows the call stack.
  const todo: [DomElement, number][] = [[root, 0]];
  while (todo.length) {
    const [el, depth] = todo.pop()!;
    const at = (el as unknown as { startIndex?: number | null }).startIndex;
    if (typeof at === 'number') {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      el.sourceCodeLocation = { startLine: lo + 1, startCol: at - starts[lo]! + 1 };
    }
    if (depth > maxDepth && !past) past = el;
    for (let k = el.children.length - 1; k >= 0; k--) {
      const c = el.children[k]!;
      if (isElement(c)) todo.push([c, depth + 1]);
    }
  }
  return past;
}

export const tag = (el: DomElement): string => (el.name ?? '').toLowerCase();
export const classes = (el: DomElement): string[] => (el.attribs?.class ?? '').toLowerCase().split(/\s+/).filter(Boolean);
export const hasClass = (el: DomElement, c: string): boolean => classes(el).includes(c);
export const attr = (el: DomElement, name: string): string | undefined => el.attribs?.[name] ?? el.attribs?.[name.toLowerCase()];

/** Whitespace-collapsed text; no-break spaces become plain spaces. */
export { clean };

/** Raw text of a node (comments and scripts skipped). */
export function rawText(n: DomNode): string {
  let s = '';
  // Iterative, in document order (a stack of nodes still to read, last child pushed first).
  const todo: DomNode[] = [n];
  while (todo.length) {
    const m = todo.pop()!;
    if (isText(m)) s += m.data;
    else if (!isElement(m) || m.type === 'script' || m.type === 'style') continue;
    else if (tag(m) === 'br') s += '\n';
    else for (let k = m.children.length - 1; k >= 0; k--) todo.push(m.children[k]!);
  }
  return s;
}

export const textOf = (n: DomNode): string => clean(rawText(n));

/** Element descendants in document order (iterative: no generator chain as deep as the tree). */
export function* descendants(el: DomElement): Generator<DomElement> {
  const todo: DomNode[] = [];
  for (let k = el.children.length - 1; k >= 0; k--) todo.push(el.children[k]!);
  while (todo.length) {
    const c = todo.pop()!;
    if (!isElement(c)) continue;
    yield c;
    for (let k = c.children.length - 1; k >= 0; k--) todo.push(c.children[k]!);
  }
}

export function find(el: DomElement, pred: (e: DomElement) => boolean): DomElement | undefined {
  for (const d of descendants(el)) if (pred(d)) return d;
  return undefined;
}

/** 1-based source line of a node, when the parser recorded one. */
export function lineOf(n: DomNode | undefined): number | undefined {
  for (let p: DomNode | null | undefined = n; p; p = p.parent) {
    if (isElement(p) && p.sourceCodeLocation?.startLine) return p.sourceCodeLocation.startLine;
  }
  return undefined;
}

/** "body > p.information[2]": tag, first class and position among same-tag siblings. */
export function elementPath(el: DomElement): string {
  const parts: string[] = [];
  for (let e: DomElement | null = el; e && e.type !== 'root' && tag(e) !== 'html'; e = e.parent) {
    const cls = classes(e)[0];
    let part = tag(e) + (cls ? `.${cls}` : '');
    const sibs = (e.parent?.children ?? []).filter((s): s is DomElement => isElement(s) && tag(s) === tag(e));
    if (sibs.length > 1) part += `[${sibs.indexOf(e) + 1}]`;
    parts.unshift(part);
    if (tag(e) === 'body') break;
  }
  return parts.join(' > ');
}

export const BLOCK_TAGS = new Set([
  'p',
  'div',
  'blockquote',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'pre',
  'center',
  'form',
  'address',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'main',
  'aside',
  'figure',
  'figcaption',
  'caption',
  'map',
  'body',
  'html',
  'noscript',
]);

const blockMemo = new WeakMap<DomElement, boolean>();
/** Does the element hold block-level descendants (so it is a container, not an inline)? */
export function containsBlock(el: DomElement): boolean {
  let r = blockMemo.get(el);
  if (r === undefined) {
    r = el.children.some((c) => isElement(c) && (BLOCK_TAGS.has(tag(c)) || containsBlock(c)));
    blockMemo.set(el, r);
  }
  return r;
}
