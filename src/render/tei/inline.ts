// Inline → TEI: runs that share an outer mark are nested in one element (hi, ref, persName...),
// note markers become <ref type="noteRef" target="#id">label</ref>.
import type { Inline, Mark } from '../../model/work.js';
import { el, escapeText } from '../xml.js';
import { encodeXmlId, ENTITY_OUT, rendForMark } from '../../formats/tei/mapping.js';

const sameMark = (a: Mark | undefined, b: Mark | undefined): boolean => !!a && !!b && JSON.stringify(a) === JSON.stringify(b);

function wrap(m: Mark, inner: string): string {
  switch (m.type) {
    case 'link':
      return el('ref', { target: m.href }, inner);
    case 'code':
      return el('code', {}, inner);
    case 'entity': {
      const out = ENTITY_OUT[m.entity];
      return el(out.name, { type: out.type, ref: m.ref, key: m.id }, inner);
    }
    default:
      return el('hi', { rend: rendForMark(m.type) }, inner);
  }
}

function leaf(x: Inline): string {
  switch (x.type) {
    case 'text':
      return escapeText(x.text);
    case 'lineBreak':
      return '<lb/>';
    case 'pageBreak':
      return el('pb', { n: x.n });
    case 'noteRef':
      return el('ref', { type: 'noteRef', target: `#${encodeXmlId(x.note)}` }, escapeText(x.label));
  }
}

export function renderInlines(xs: readonly Inline[], depth = 0): string {
  let out = '';
  for (let i = 0; i < xs.length; ) {
    const x = xs[i]!;
    const m = x.type === 'text' ? x.marks?.[depth] : undefined;
    if (!m) {
      out += leaf(x);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < xs.length) {
      const y = xs[j]!;
      if (y.type !== 'text' || !sameMark(y.marks?.[depth], m)) break;
      j++;
    }
    out += wrap(m, renderInlines(xs.slice(i, j), depth + 1));
    i = j;
  }
  return out;
}
