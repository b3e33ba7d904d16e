// Inline content: text runs with marks (emphasis, strong, sup/sub, links), line breaks, page
// breaks from Lenin CW anchors (<a name="v21pp74h:42">), and note references in place of markers.
import type { Inline, Mark } from '../../model/work.js';
import { attr, hasClass, isElement, isText, tag, textOf, type DomElement, type DomNode } from './dom.js';

export interface InlineContext {
  /** The note a marker element (a link, or a sup around one) points at, if it is a marker. */
  marker(el: DomElement): { note: string; label: string; keepText?: boolean } | undefined;
  /** Elements to leave out (a note's own label at the start of its text). */
  skip?: Set<DomElement>;
}

const MARKS: Record<string, Mark> = {
  em: { type: 'emphasis' },
  i: { type: 'emphasis' },
  cite: { type: 'emphasis' },
  var: { type: 'emphasis' },
  dfn: { type: 'emphasis' },
  strong: { type: 'strong' },
  b: { type: 'strong' },
  sup: { type: 'superscript' },
  sub: { type: 'subscript' },
  u: { type: 'underline' },
  ins: { type: 'underline' },
  s: { type: 'strike' },
  strike: { type: 'strike' },
  del: { type: 'strike' },
  code: { type: 'code' },
  tt: { type: 'code' },
  kbd: { type: 'code' },
  samp: { type: 'code' },
};

/** Lenin CW page anchors: <a name="v19pp77:30"> marks the start of printed page 30. */
export function pageBreakNumber(el: DomElement): string | undefined {
  const name = attr(el, 'name') ?? attr(el, 'id');
  const m = name?.match(/^v\d+pp\d+[a-z]?:0*(\d+[a-z]?)$/i);
  return m ? m[1] : undefined;
}

const sameMarks = (a?: Mark[], b?: Mark[]) => JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

class Builder {
  readonly out: Inline[] = [];
  private space = true; // collapse leading space

  text(data: string, marks: Mark[]): void {
    let t = data.replace(/[\s\u00a0]+/g, ' ');
    if (this.space && t.startsWith(' ')) t = t.slice(1);
    if (!t) return;
    this.space = t.endsWith(' ');
    const last = this.out.at(-1);
    if (last?.type === 'text' && sameMarks(last.marks, marks)) last.text += t;
    else this.out.push(marks.length ? { type: 'text', text: t, marks: [...marks] } : { type: 'text', text: t });
  }

  push(i: Inline): void {
    if (i.type === 'lineBreak') this.trimEnd();
    if (i.type === 'noteRef') this.trimEnd();
    this.out.push(i);
    this.space = i.type === 'lineBreak' || i.type === 'pageBreak';
  }

  private trimEnd(): void {
    const last = this.out.at(-1);
    if (last?.type === 'text') {
      last.text = last.text.replace(/(?<! ) +$/, '');
      if (!last.text) this.out.pop();
    }
  }

  finish(): Inline[] {
    this.trimEnd();
    while (this.out[0]?.type === 'lineBreak') this.out.shift();
    while (this.out.at(-1)?.type === 'lineBreak') this.out.pop();
    const first = this.out[0];
    if (first?.type === 'text') {
      first.text = first.text.replace(/^ +/, '');
      if (!first.text) this.out.shift();
    }
    return this.out;
  }
}

function walk(n: DomNode, marks: Mark[], b: Builder, ctx: InlineContext): void {
  if (isText(n)) return b.text(n.data, marks);
  if (!isElement(n) || n.type !== 'tag') return;
  if (ctx.skip?.has(n)) return;
  const t = tag(n);
  if (t === 'br') return b.push({ type: 'lineBreak' });
  if (t === 'img' || t === 'map' || t === 'area' || t === 'input' || t === 'select' || t === 'hr') return;
  const m = ctx.marker(n);
  if (m?.keepText) {
    for (const c of n.children) walk(c, marks, b, ctx);
    return b.push({ type: 'noteRef', note: m.note, label: m.label });
  }
  if (m) return b.push({ type: 'noteRef', note: m.note, label: m.label });
  // A marker whose note is not on this page (another page's #anchor, or a lost note): keep the label
  // as a superscript (linked when it links), never as "[2]" text.
  const stray = strayMarker(n);
  if (stray) {
    const href = stray.href && !stray.href.startsWith('#') ? stray.href : undefined;
    b.text(stray.label, [
      ...marks.filter((x) => x.type !== 'superscript'),
      { type: 'superscript' },
      ...(href ? [{ type: 'link', href } as Mark] : []),
    ]);
    return;
  }
  if (t === 'a') {
    const pb = pageBreakNumber(n);
    if (pb) b.push({ type: 'pageBreak', n: pb });
    const href = attr(n, 'href');
    // Lenin pages wrap each paragraph's first word in an <a onmouseover> with no href: plain text.
    const inner = href ? [...marks, { type: 'link', href } as Mark] : marks;
    for (const c of n.children) walk(c, inner, b, ctx);
    return;
  }
  const mark = MARKS[t];
  const inner = mark && !marks.some((x) => x.type === mark.type) ? [...marks, mark] : marks;
  for (const c of n.children) walk(c, inner, b, ctx);
}

const BRACKETED = /^\s*[[(]\s*(\d{1,3}[a-z]?|[A-Za-z]|\*{1,3})\s*[\])]\s*$/;

/** <sup class="enote"><a href="other.htm#n2">[2]</a></sup>, or a bracketed in-page marker with no note. */
function strayMarker(el: DomElement): { label: string; href?: string } | undefined {
  const t = tag(el);
  if (t === 'sup' && isSupMarkerClass(el)) {
    const m = textOf(el).match(BRACKETED) ?? textOf(el).match(/^\s*(\d{1,3}|\*{1,3})\s*$/);
    if (!m) return undefined;
    const a = el.children.find((c): c is DomElement => isElement(c) && tag(c) === 'a');
    const href = a ? attr(a, 'href') : undefined;
    return { label: m[1]!, ...(href ? { href } : {}) };
  }
  if (t === 'a' && attr(el, 'href')) {
    const m = textOf(el).match(BRACKETED);
    if (m && ((el.parent && isElement(el.parent) && tag(el.parent) === 'sup') || /#/.test(attr(el, 'href')!)))
      return { label: m[1]!, href: attr(el, 'href')! };
  }
  return undefined;
}

/** Inline content of a list of nodes (a paragraph's children, a loose run...). */
export function toInlines(nodes: DomNode[], ctx: InlineContext): Inline[] {
  const b = new Builder();
  for (const n of nodes) walk(n, [], b, ctx);
  return b.finish();
}

export const inlineText = (inl: Inline[]): string =>
  inl
    .map((i) => (i.type === 'text' ? i.text : i.type === 'lineBreak' ? '\n' : ''))
    .join('')
    .replace(/[ \t]+/g, ' ')
    .trim();

/** Split inline content at line breaks (for p.sig "Salut<br>Yours<br><b>KM</b>"). */
export function splitLines(inl: Inline[]): Inline[][] {
  const lines: Inline[][] = [[]];
  for (const i of inl) {
    if (i.type === 'lineBreak') lines.push([]);
    else lines.at(-1)!.push(i);
  }
  return lines.filter((l) => inlineText(l) !== '' || l.some((i) => i.type === 'noteRef'));
}

/** Inline content without note markers (for titles: "Engels to Borgius[1]" → "Engels to Borgius"). */
export function withoutMarkers(inl: Inline[]): Inline[] {
  return inl.filter(
    (i) =>
      i.type !== 'noteRef' &&
      !(i.type === 'text' && i.marks?.some((m) => m.type === 'superscript') && /^\s*(\d{1,3}[a-z]?|[A-Za-z]|\*{1,3})\s*$/.test(i.text)),
  );
}

export const isSupMarkerClass = (el: DomElement): boolean =>
  tag(el) === 'sup' && ['enote', 'anote', 'ednote', 'ennote', 'note'].some((c) => hasClass(el, c));
