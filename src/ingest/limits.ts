// Limits every importer keeps against hostile input (Octavo issue 10): how deep elements, block
// quotes, lists, emphasis and brackets may nest, checked by cheap linear scans before a parser that
// recurses or slows down with depth ever sees the text, and the one wording of the refusal.
import type { Diagnostic } from '../model/diagnostics.js';
import type { ImportContext, ImportOutcome } from './types.js';
import { failed } from './types.js';

/** Nesting deeper than this is refused unless the import context sets another limit. */
export const DEFAULT_MAX_DEPTH = 2000;

/** The nesting limit an import runs under. */
export function maxDepthOf(ctx: ImportContext | undefined): number {
  const d = ctx?.limits?.maxDepth;
  return d !== undefined && Number.isFinite(d) && d >= 1 ? Math.floor(d) : DEFAULT_MAX_DEPTH;
}

/** Where nesting first went past the limit: the offset of the opening that did, and its line. */
export interface TooDeep {
  offset: number;
  line: number;
  /** What nests: "elements", "block quotes and lists", "emphasis spans", "brackets". */
  what: string;
  /** The element or construct that went past the limit, for the message's location. */
  element?: string;
  /** A wording of its own, when the limit is not plain depth. */
  message?: string;
}

export function tooDeepMessage(t: TooDeep, limit: number): string {
  if (t.message) return t.message;
  return `nested deeper than ${limit.toLocaleString('en-GB')} ${t.what} at line ${t.line}: the file is refused (no real document nests this deep)`;
}

/** The located error for nesting past the limit. */
export function tooDeep(file: string, t: TooDeep, limit: number): ImportOutcome {
  return failed({ file, line: t.line, ...(t.element ? { element: t.element } : {}), message: tooDeepMessage(t, limit) });
}

/** 1-based line of an offset (one linear count, done only when a limit was hit). */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const DQ = 34;
const SQ = 39;
const LBRACKET = 91;
const RBRACKET = 93;

const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c > 127;
const isNameEnd = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === GT || c === SLASH;

/** Offset just past the `>` that ends a start tag opened at `i`, skipping quoted attribute values; -1 when it never ends. */
function endOfTag(text: string, i: number): number {
  const n = text.length;
  for (let j = i + 1; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === GT) return j + 1;
    if (c === DQ || c === SQ) {
      // An attribute value in quotes may hold `>`; an unclosed quote runs to the end of the text.
      // (In HTML a quote is only a value's quote after `=`; a stray quote elsewhere is rare and only makes the scan count less.)
      const k = text.indexOf(String.fromCharCode(c), j + 1);
      if (k < 0) return -1;
      j = k;
    }
  }
  return -1;
}

/** Offset past a `<!DOCTYPE …>` (or other declaration) at `i`, over quoted strings and an internal subset in brackets. */
function endOfDeclaration(text: string, i: number): number {
  const n = text.length;
  let inSubset = 0;
  for (let j = i + 2; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === DQ || c === SQ) {
      const k = text.indexOf(String.fromCharCode(c), j + 1);
      if (k < 0) return n;
      j = k;
    } else if (c === LBRACKET) inSubset++;
    else if (c === RBRACKET) inSubset = Math.max(0, inSubset - 1);
    else if (c === LT && inSubset && text.startsWith('<!--', j)) {
      const k = text.indexOf('-->', j + 4);
      if (k < 0) return n;
      j = k + 2;
    } else if (c === GT && !inSubset) return j + 1;
  }
  return n;
}

function tagName(text: string, from: number): { name: string; end: number } {
  let j = from;
  while (j < text.length && !isNameEnd(text.charCodeAt(j))) j++;
  return { name: text.slice(from, j), end: j };
}

/**
 * The depth of element nesting in an XML text, by counting start and end tags (comments, CDATA,
 * processing instructions, the doctype and quoted attribute values skipped; `<x/>` opens nothing).
 * Linear in the text; returns where the depth first passes `limit`, or undefined.
 */
export function xmlDepthPast(text: string, limit: number): TooDeep | undefined {
  let depth = 0;
  const n = text.length;
  let i = text.indexOf('<');
  while (i >= 0 && i < n) {
    const c = text.charCodeAt(i + 1);
    let next: number;
    if (c === BANG) {
      if (text.startsWith('<!--', i)) next = skipTo(text, '-->', i + 4);
      else if (text.startsWith('<![CDATA[', i)) next = skipTo(text, ']]>', i + 9);
      else next = endOfDeclaration(text, i);
    } else if (c === QUESTION) next = skipTo(text, '?>', i + 2);
    else if (c === SLASH) {
      if (depth > 0) depth--;
      next = skipTo(text, '>', i + 2);
    } else if (isNameStart(c)) {
      const end = endOfTag(text, i);
      if (end < 0) return undefined; // an unclosed tag: the XML parser will say so
      if (text.charCodeAt(end - 2) !== SLASH && ++depth > limit) {
        return { offset: i, line: lineOfOffset(text, i), what: 'elements', element: `<${tagName(text, i + 1).name}>` };
      }
      next = end;
    } else next = i + 1;
    i = text.indexOf('<', next);
  }
  return undefined;
}

function skipTo(text: string, end: string, from: number): number {
  const k = text.indexOf(end, from);
  return k < 0 ? text.length : k + end.length;
}

// What htmlparser2 (the HTML parser behind cheerio) does with a tag, so that the count follows the tree it builds.
const P = new Set(['p']);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const OPEN_IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t): [string, Set<string>] => [t, FORM]),
  ...[
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'address',
    'article',
    'aside',
    'blockquote',
    'details',
    'div',
    'dl',
    'fieldset',
    'figcaption',
    'figure',
    'footer',
    'form',
    'header',
    'hr',
    'main',
    'nav',
    'ol',
    'pre',
    'section',
    'table',
    'ul',
  ].map((t): [string, Set<string>] => [t, P]),
]);
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Elements whose content is raw text up to their own end tag. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
const FOREIGN = new Set(['svg', 'math']);

/**
 * The depth of the element tree an HTML parser builds from a text, followed tag by tag the way
 * htmlparser2 does it (void elements, implied ends such as `<p>` closing an open `<p>`, end tags
 * closing everything above their element, script and style text skipped, comments and doctypes
 * skipped). Linear in the text; returns where the depth first passes `limit`, or undefined.
 */
export function htmlDepthPast(text: string, limit: number): TooDeep | undefined {
  const stack: string[] = [];
  const open = new Map<string, number>();
  let foreign = 0;
  const push = (name: string) => {
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
    if (FOREIGN.has(name)) foreign++;
  };
  const pop = () => {
    const name = stack.pop()!;
    open.set(name, open.get(name)! - 1);
    if (FOREIGN.has(name)) foreign--;
  };
  const n = text.length;
  let i = text.indexOf('<');
  while (i >= 0 && i < n) {
    const c = text.charCodeAt(i + 1);
    let next: number;
    if (c === BANG) {
      if (text.startsWith('<!--', i)) next = text.startsWith('<!-->', i) ? i + 5 : skipTo(text, '-->', i + 4);
      else if (text.startsWith('<![CDATA[', i)) next = skipTo(text, ']]>', i + 9);
      else next = skipTo(text, '>', i + 2);
    } else if (c === QUESTION) next = skipTo(text, '>', i + 2);
    else if (c === SLASH && isNameStart(text.charCodeAt(i + 2))) {
      const name = tagName(text, i + 2).name.toLowerCase();
      if (!VOID.has(name) && (open.get(name) ?? 0) > 0) {
        while (stack.length && stack[stack.length - 1] !== name) pop();
        pop();
      }
      next = skipTo(text, '>', i + 2);
    } else if (isNameStart(c)) {
      const { name: raw } = tagName(text, i + 1);
      const name = raw.toLowerCase();
      const end = endOfTag(text, i);
      if (end < 0) return undefined;
      const implied = OPEN_IMPLIES_CLOSE.get(name);
      if (implied) while (stack.length && implied.has(stack[stack.length - 1]!)) pop();
      const selfClosed = text.charCodeAt(end - 2) === SLASH && foreign > 0;
      if (!VOID.has(name) && !selfClosed) {
        push(name);
        if (stack.length > limit) return { offset: i, line: lineOfOffset(text, i), what: 'elements', element: `<${name}>` };
      }
      next = end;
      if (RAW_TEXT.has(name) && !selfClosed && !(foreign > 0 && (name === 'title' || name === 'textarea'))) {
        // Raw text runs to the element's own end tag (any case), which the loop then reads as a close.
        const close = indexOfIgnoreCase(text, `</${name}`, end);
        next = close < 0 ? n : close;
      }
    } else next = i + 1;
    i = text.indexOf('<', next);
  }
  return undefined;
}

function indexOfIgnoreCase(text: string, needle: string, from: number): number {
  const re = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
  re.lastIndex = from;
  return re.exec(text)?.index ?? -1;
}

/** The located error an importer returns when it failed unexpectedly: a plain sentence, never the engine's. */
export function unexpectedFailure(file: string, e: unknown, where: Partial<Pick<Diagnostic, 'line' | 'element'>> = {}): ImportOutcome {
  return failed({ file, line: where.line ?? 1, ...(where.element ? { element: where.element } : {}), message: plainFailure(file, e) });
}

/** An error of the JavaScript engine itself (a fault or a limit), whose text must never reach a user. */
export function isEngineError(e: unknown): boolean {
  return (
    e instanceof RangeError || e instanceof TypeError || e instanceof ReferenceError || e instanceof SyntaxError || !(e instanceof Error)
  );
}

/** "could not read <file>: …" with a plain explanation of what went wrong. */
export function plainFailure(file: string, e: unknown): string {
  const raw = e instanceof Error ? e : undefined;
  const what =
    raw instanceof RangeError && /call stack|too much recursion/i.test(raw.message)
      ? 'its structure nests too deeply to be read'
      : raw instanceof RangeError && /string length|array length|allocation|memory/i.test(raw.message)
        ? 'it is too large to be read in memory'
        : 'the importer stopped on something in it that it does not understand (this is a fault in Octavo: please report it with the file)';
  return `could not read ${file}: ${what}`;
}
