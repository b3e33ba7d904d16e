// Small DOM helpers over @xmldom/xmldom: parsing with located errors, TEI-namespace navigation.
import { lineAt } from '../../model/diagnostics.js';
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import type { Diagnostic } from '../../model/diagnostics.js';
import { DEFAULT_MAX_DEPTH, isEngineError, plainFailure, tooDeep, xmlDepthPast } from '../limits.js';

export const TEI_NS = 'http://www.tei-c.org/ns/1.0';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_NODE = 4;

export type ParseResult = { doc: Document; diagnostics: Diagnostic[] } | { doc?: undefined; diagnostics: Diagnostic[] };

/**
 * Parse XML; malformed input becomes error diagnostics with line and column, never an exception.
 * Elements nested deeper than `maxDepth` are refused by a linear scan before the parser (whose cost
 * grows with depth, and whose tree our recursive readers walk) sees the text.
 */
export function parseXml(text: string, file: string, maxDepth = DEFAULT_MAX_DEPTH): ParseResult {
  const deep = xmlDepthPast(text, maxDepth);
  if (deep) return { diagnostics: tooDeep(file, deep, maxDepth).diagnostics };
  const diagnostics: Diagnostic[] = [];
  const onError = (level: 'warning' | 'error' | 'fatalError', message: string, context?: unknown): void => {
    if (level === 'warning') return;
    const loc = (context as { locator?: { lineNumber?: number; columnNumber?: number } } | undefined)?.locator;
    diagnostics.push({
      severity: 'error',
      file,
      message: `malformed XML: ${readerWords(message)}`,
      ...(loc?.lineNumber ? { line: loc.lineNumber } : { line: fallbackLine(text) }),
      ...(loc?.columnNumber ? { column: loc.columnNumber } : {}),
    });
  };
  try {
    const doc = new DOMParser({ onError }).parseFromString(text, 'text/xml');
    if (diagnostics.length) return { diagnostics };
    return { doc, diagnostics };
  } catch (e) {
    const err = e as Error & { locator?: { lineNumber?: number; columnNumber?: number } };
    // xmldom reports the fatal error through onError first and then throws; keep one message.
    if (!diagnostics.length || err.locator?.lineNumber) {
      diagnostics.length = 0;
      diagnostics.push({
        severity: 'error',
        file,
        message: isEngineError(err) ? plainFailure(file, err) : `malformed XML: ${readerWords(err.message)}`,
        ...(err.locator?.lineNumber ? { line: err.locator.lineNumber } : { line: fallbackLine(text) }),
        ...(err.locator?.columnNumber ? { column: err.locator.columnNumber } : {}),
      });
    }
    return { diagnostics };
  }
}

/**
 * The XML reader's complaint, unless it is the JavaScript engine's own words for a fault inside the
 * reader (an end tag it could not match can surface as "TypeError: Cannot read properties of undefined").
 */
function readerWords(message: string): string {
  if (!/RangeError|TypeError|ReferenceError|call stack|undefined is not|Cannot read propert/.test(message)) return message;
  return 'the markup breaks off here (an element or end tag the XML reader could not place, often an end tag without its start tag)';
}

/**
 * xmldom gives no position for whole-document errors ("missing root element", "content outside root
 * element"). Point at the stray text before the first tag if there is any, else at the last line with
 * content, where the document ended without what it lacked.
 */
function fallbackLine(text: string): number {
  const firstTag = text.indexOf('<');
  const before = firstTag < 0 ? text : text.slice(0, firstTag);
  const stray = before.search(/\S/);
  if (stray >= 0) return lineAt(text, stray);
  const lastContent = text.search(/\S\s*$/);
  return lastContent >= 0 ? lineAt(text, lastContent) : 1;
}

export const isElement = (n: Node | null | undefined): n is Element => !!n && n.nodeType === ELEMENT_NODE;
export const isText = (n: Node | null | undefined): boolean => !!n && (n.nodeType === TEXT_NODE || n.nodeType === CDATA_NODE);

export function childElements(e: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let c = e.firstChild; c; c = c.nextSibling) {
    if (isElement(c) && c.namespaceURI === TEI_NS && (!name || c.localName === name)) out.push(c);
  }
  return out;
}

export function child(e: Element | undefined, name: string): Element | undefined {
  if (!e) return undefined;
  for (let c = e.firstChild; c; c = c.nextSibling) {
    if (isElement(c) && c.namespaceURI === TEI_NS && c.localName === name) return c;
  }
  return undefined;
}

/** Follow a path of child names: path(header, 'fileDesc', 'titleStmt'). */
export function path(e: Element | undefined, ...names: string[]): Element | undefined {
  let cur = e;
  for (const n of names) cur = child(cur, n);
  return cur;
}

/** All TEI descendants with a local name, in document order. */
export function descendants(e: Element, name: string): Element[] {
  return descendantsNamed(e, new Set([name])).get(name) ?? [];
}

/**
 * The TEI descendants with any of the local names, by name, each list in document order: one walk
 * of the tree however many names (iterative, so a deep tree never grows the call stack).
 */
export function descendantsNamed(e: Element, names: ReadonlySet<string>): Map<string, Element[]> {
  const out = new Map<string, Element[]>();
  const todo: Node[] = [];
  for (let c = e.lastChild; c; c = c.previousSibling) todo.push(c);
  while (todo.length) {
    const n = todo.pop()!;
    if (!isElement(n)) continue;
    if (n.namespaceURI === TEI_NS && names.has(n.localName ?? '')) {
      const list = out.get(n.localName!);
      if (list) list.push(n);
      else out.set(n.localName!, [n]);
    }
    for (let c = n.lastChild; c; c = c.previousSibling) todo.push(c);
  }
  return out;
}

export function attr(e: Element | undefined, name: string): string | undefined {
  if (!e) return undefined;
  const v = name === 'xml:id' || name === 'xml:lang' ? e.getAttributeNS(XML_NS, name.slice(4)) : e.getAttribute(name);
  return v === null || v === '' ? undefined : v;
}

/** Text content, skipping elements named in `skip` (e.g. notes inside a title). */
export function textOf(n: Node | undefined, skip: ReadonlySet<string> = EMPTY): string {
  if (!n) return '';
  let s = '';
  // Iterative, in document order (a stack of nodes still to read, last child pushed first).
  const todo: Node[] = [n];
  while (todo.length) {
    const m = todo.pop()!;
    if (isText(m)) s += m.nodeValue ?? '';
    else if (isElement(m) && !skip.has(m.localName ?? '')) for (let c = m.lastChild; c; c = c.previousSibling) todo.push(c);
  }
  return s;
}

/** The first TEI element named `name` with more than `limit` ancestors of the same name (iterative). */
export function nestedPast(root: Element, name: string, limit: number): Element | undefined {
  const todo: [Node, number][] = [[root, 0]];
  while (todo.length) {
    const [n, d] = todo.pop()!;
    if (!isElement(n)) continue;
    const here = n.namespaceURI === TEI_NS && n.localName === name ? d + 1 : d;
    if (here > limit) return n;
    for (let c = n.lastChild; c; c = c.previousSibling) todo.push([c, here]);
  }
  return undefined;
}
const EMPTY: ReadonlySet<string> = new Set();

/** Whitespace-normalised text (XML whitespace only: no-break spaces are kept). */
export function normText(n: Node | undefined, skip?: ReadonlySet<string>): string {
  return collapse(textOf(n, skip));
}

export function collapse(s: string): string {
  return s.replace(/[ \t\n\r]+/g, ' ').trim();
}

/** Readable element path for diagnostics: /TEI/text/body/div[2]/p[3]. */
export function elementPath(e: Element): string {
  const parts: string[] = [];
  for (let cur: Node | null = e; isElement(cur); cur = cur.parentNode) {
    const name = cur.localName ?? cur.nodeName;
    let idx = 1;
    let count = 0;
    const parent: Node | null = cur.parentNode;
    if (parent) {
      for (let s: Node | null = parent.firstChild; s; s = s.nextSibling) {
        if (isElement(s) && s.localName === name) {
          count++;
          if (s === cur) idx = count;
        }
      }
    }
    parts.unshift(count > 1 ? `${name}[${idx}]` : name);
  }
  return `/${parts.join('/')}`;
}

export function lineOf(e: Element): number | undefined {
  return e.lineNumber ?? undefined;
}
