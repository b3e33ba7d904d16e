// Shared XML writing helpers for the TEI and CMIF renderers: escaping, attributes, elements.
// Everything that comes from imported text goes through escapeText/escapeAttr.

/** Characters XML 1.0 forbids outright (control characters, lone surrogates, U+FFFE/FFFF). */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function cleanXmlChars(s: string): string {
  return s.replace(FORBIDDEN, '');
}

export function escapeText(s: string): string {
  return cleanXmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values: also quotes, and whitespace characters that attribute normalisation would eat. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

export type AttrValue = string | number | undefined | null | false;
export type Attrs = Record<string, AttrValue>;

/** ` a="1" b="2"` in the given order; undefined/null/false/empty-string values are left out. */
export function attrs(a: Attrs = {}): string {
  let s = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined || v === null || v === false || v === '') continue;
    s += ` ${k}="${escapeAttr(String(v))}"`;
  }
  return s;
}

/** An element whose content is already serialised XML; empty content gives a self-closing tag. */
export function el(name: string, a: Attrs = {}, content = ''): string {
  return content === '' ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${content}</${name}>`;
}

/** An element holding plain text (escaped). */
export function textEl(name: string, a: Attrs, text: string): string {
  return el(name, a, escapeText(text));
}

/** Element-only content (headers, lists of records): each child on its own line. */
export function block(name: string, a: Attrs, children: string[]): string {
  const kids = children.filter(Boolean);
  return kids.length === 0 ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>\n${kids.join('\n')}\n</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
