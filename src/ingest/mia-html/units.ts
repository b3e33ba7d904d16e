// The page body as a flat, ordered list of block units (paragraphs, headings, rules, data tables,
// lists, loose text runs). Layout wrappers (div.border, layout tables, blockquote frames, anchors
// that swallowed blocks) are walked through, so what is left is content in reading order.
import {
  attr,
  classes,
  containsBlock,
  descendants,
  find,
  hasClass,
  isElement,
  isText,
  lineOf,
  tag,
  textOf,
  type DomElement,
  type DomNode,
} from './dom.js';
import { pageBreakNumber } from './inlines.js';

export type UnitKind = 'p' | 'h' | 'hr' | 'table' | 'list' | 'pre' | 'loose';

export interface Unit {
  kind: UnitKind;
  /** The element (for loose runs: the container the run sits in). */
  el: DomElement;
  /** Inline content nodes (p/h children, or the loose run). */
  nodes: DomNode[];
  cls: string[];
  level?: number;
  /** Inside a <blockquote> that quotes rather than frames the page. */
  inQuote: boolean;
  line?: number;
  text: string;
}

const SKIP = new Set(['script', 'style', 'head', 'noscript', 'map', 'object', 'embed', 'iframe', 'select', 'button', 'input', 'textarea']);
const CONTAINERS = new Set([
  'div',
  'center',
  'td',
  'th',
  'tr',
  'tbody',
  'thead',
  'tfoot',
  'form',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'dl',
  'dd',
  'dt',
  'figure',
  'figcaption',
  'caption',
  'li',
  'body',
  'html',
  'address',
]);

/** Nav tables of the Lenin pages (t2h-foot/t2h-toc), and tables that are nothing but links. */
const isNavTable = (t: DomElement) => /t2h-(foot|toc)/.test(attr(t, 'class') ?? '');

/** A table of text content: no nested tables or blocks in cells, at least two columns and two rows. */
export function isDataTable(t: DomElement): boolean {
  if (isNavTable(t)) return false;
  const rows = [...descendants(t)].filter((d) => tag(d) === 'tr');
  if (rows.length < 2) return false;
  if (find(t, (d) => tag(d) === 'table')) return false;
  let maxCols = 0;
  for (const r of rows) {
    const cells = r.children.filter((c): c is DomElement => isElement(c) && /^t[dh]$/.test(tag(c)));
    maxCols = Math.max(maxCols, cells.length);
    if (cells.some((c) => find(c, (d) => /^(p|h[1-6]|ul|ol|div|blockquote|table|pre)$/.test(tag(d))))) return false;
  }
  if (maxCols < 2) return false;
  const all = textOf(t);
  const linked = [...descendants(t)]
    .filter((d) => tag(d) === 'a' && attr(d, 'href'))
    .map(textOf)
    .join('').length;
  return all.length > 0 && linked / all.length < 0.5;
}

/** A blockquote that frames the page (MIA's <blockquote><div class="border">) rather than quoting. */
const isFrame = (bq: DomElement) =>
  !!find(
    bq,
    (d) =>
      (tag(d) === 'div' && hasClass(d, 'border')) ||
      /^h[1-3]$/.test(tag(d)) ||
      tag(d) === 'hr' ||
      (tag(d) === 'p' && (hasClass(d, 'title') || hasClass(d, 'footer'))),
  );

export function flattenUnits(body: DomElement): Unit[] {
  const units: Unit[] = [];
  let run: DomNode[] = [];
  let runParent: DomElement = body;
  let runQuote = false;
  const flush = () => {
    const meaningful = run.some(
      (n) =>
        (isText(n) && n.data.trim() !== '') ||
        (isElement(n) &&
          (textOf(n) !== '' || (tag(n) === 'a' && !!pageBreakNumber(n)) || (tag(n) === 'a' && !!(attr(n, 'name') || attr(n, 'id'))))),
    );
    if (meaningful) {
      const first = run.find(isElement);
      units.push({
        kind: 'loose',
        el: runParent,
        nodes: run,
        cls: [],
        inQuote: runQuote,
        line: lineOf(first ?? runParent),
        text: run
          .map((n) => (isText(n) ? n.data : isElement(n) ? textOf(n) : ''))
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      });
    }
    run = [];
  };
  const add = (kind: UnitKind, el: DomElement, inQuote: boolean, extra: Partial<Unit> = {}) => {
    flush();
    units.push({ kind, el, nodes: el.children, cls: classes(el), inQuote, line: lineOf(el), text: textOf(el), ...extra });
  };
  const walk = (container: DomElement, inQuote: boolean) => {
    for (const n of container.children) {
      if (isText(n)) {
        if (!run.length) {
          runParent = container;
          runQuote = inQuote;
        }
        run.push(n);
        continue;
      }
      if (!isElement(n) || n.type !== 'tag') continue;
      const t = tag(n);
      if (SKIP.has(t)) continue;
      if (t === 'p') {
        if (containsBlock(n)) {
          flush();
          walk(n, inQuote);
          flush();
        } else add('p', n, inQuote);
      } else if (/^h[1-6]$/.test(t)) add('h', n, inQuote, { level: +t[1]! });
      else if (t === 'hr') add('hr', n, inQuote);
      else if (t === 'pre') add('pre', n, inQuote);
      else if (t === 'ul' || t === 'ol') add('list', n, inQuote);
      else if (t === 'table') {
        if (isNavTable(n)) {
          flush();
          continue;
        }
        if (isDataTable(n)) add('table', n, inQuote);
        else {
          flush();
          walk(n, inQuote);
          flush();
        }
      } else if (t === 'blockquote') {
        flush();
        walk(n, inQuote || !isFrame(n));
        flush();
      } else if (CONTAINERS.has(t) || containsBlock(n)) {
        flush();
        walk(n, inQuote);
        flush();
      } else {
        if (!run.length) {
          runParent = container;
          runQuote = inQuote;
        }
        run.push(n);
      }
    }
  };
  walk(body, false);
  flush();
  return units;
}

/** Does the unit sit inside (or consist of) an element matching `pred`? */
function isInside(u: Unit, pred: (e: DomElement) => boolean): boolean {
  if (u.kind === 'loose' && u.nodes.some((n) => isElement(n) && (pred(n) || !!find(n, pred)))) return true;
  for (let e: DomElement | null = u.el; e; e = e.parent) if (e.type === 'tag' && pred(e)) return true;
  return false;
}

export const hasCls = (u: Unit, ...cs: string[]) => cs.some((c) => u.cls.includes(c));

/** Links of a unit (href as written). */
export function unitLinks(u: Unit): { el: DomElement; href: string; text: string }[] {
  const out: { el: DomElement; href: string; text: string }[] = [];
  const visit = (n: DomNode) => {
    if (!isElement(n)) return;
    if (tag(n) === 'a' && attr(n, 'href')) out.push({ el: n, href: attr(n, 'href')!, text: textOf(n) });
    for (const c of n.children) visit(c);
  };
  for (const n of u.nodes) visit(n);
  return out;
}

const NAV_WORDS =
  /^(next|previous|prev|index|contents|table of contents|back|forward|backward|top|home|up|[<>«»]+|next chapter|previous chapter|chapter \w+|part \w+|section \w+|works index|\W*)$/i;

/**
 * Navigation rather than content: breadcrumbs (p.title), footers, next/previous rows, "last updated",
 * and short runs made only of links.
 */
export function isNavUnit(u: Unit, heuristic = true): boolean {
  if (hasCls(u, 'title', 'footer', 'next', 'skip', 'updat', 'margin-bottom', 'pagenote')) return u.kind === 'p' || u.kind === 'loose';
  if (isInside(u, (e) => tag(e) === 'span' && hasClass(e, 'footer'))) return true;
  if (!heuristic) return false;
  if (hasCls(u, 'toc', 'index-list')) return u.kind === 'p' || u.kind === 'loose';
  if (u.kind !== 'p' && u.kind !== 'loose') return false;
  // In-page contents lists (Capital's "Section 1 - <a href="#S1">...</a>").
  if (u.cls.some((c) => /^index[a-d]?$/.test(c))) {
    const ls = unitLinks(u);
    if (ls.length && ls.every((l) => l.href.startsWith('#'))) return true;
  }
  if (!u.text) return !u.nodes.some((n) => isElement(n) && tag(n) === 'a' && !!pageBreakNumber(n));
  const links = unitLinks(u);
  // An in-page contents list in any paragraph style: several #links (not note markers) making up the text.
  const inPage = links.filter((l) => l.href.startsWith('#') && l.text.length > 3 && !/^[[(]?\s*[\dA-Za-z*]{1,3}\s*[\])]?\.?$/.test(l.text));
  if (inPage.length >= 2 && inPage.length === links.length && inPage.reduce((n, l) => n + l.text.length, 0) >= u.text.length * 0.6)
    return true;
  if (!links.length || u.text.length > 300) return false;
  const linked = links.map((l) => l.text).join('');
  const rest = u.text.replace(/[\s|•·\-–—:[\]()]+/g, '');
  const allLinks = rest.length <= linked.replace(/[\s|•·\-–—:[\]()]+/g, '').length;
  if (!allLinks) return false;
  return links.every(
    (l) => NAV_WORDS.test(l.text) || /(^|\/)index\.html?(#.*)?$/i.test(l.href) || /^\.\.\//.test(l.href) || /^#/.test(l.href),
  );
}
