// Page-level facts: authors (meta author, bylines, the series line), language, the book a chapter
// belongs to, and the work's kind.
import type { PeopleRegister } from '../../model/register.js';
import type { AgentRef, Work } from '../../model/work.js';
import { clean, textOf, type DomElement, type Page } from './dom.js';

/** Split "Karl Marx and Frederick Engels", "Karl Marx, Vera Zasulich" into names. */
export function splitNames(s: string): string[] {
  return clean(s)
    .split(/\s*(?:,|;|&|\band\b)\s*/i)
    .map((n) => n.trim())
    .filter((n) => /\p{L}{2}/u.test(n));
}

export function resolveAll(names: string[], register: PeopleRegister): AgentRef[] {
  const out: AgentRef[] = [];
  for (const n of names) {
    const r = register.resolve(n);
    if (!out.some((a) => a.id === r.id)) out.push(r);
  }
  return out;
}

export function metaContent(page: Page, name: string): string | undefined {
  const v = page.$(`meta[name="${name}" i]`).first().attr('content');
  return v && clean(v) ? clean(v) : undefined;
}

/** Authors named by <meta name="author">, or failing that by a register name in the series line or <title>. */
export function pageAuthors(page: Page, register: PeopleRegister): AgentRef[] {
  const meta = metaContent(page, 'author');
  if (meta) return resolveAll(splitNames(meta), register);
  const hay = `${clean(page.$('p.title').first().text())} | ${clean(page.$('title').first().text())}`;
  const found: AgentRef[] = [];
  for (const e of register.entries) {
    const names = [e.name, ...e.aliases].filter((n) => n.split(/\s+/).length >= 2);
    if (names.some((n) => hay.includes(n)) && !found.some((f) => f.id === e.id)) found.push(register.resolve(e.name));
  }
  return found;
}

export function pageLanguage(page: Page): string {
  const l = page.$('html').attr('lang') ?? page.$('html').attr('xml:lang') ?? '';
  const m = l
    .trim()
    .toLowerCase()
    .match(/^[a-z]{2,3}/);
  return m ? m[0] : 'en';
}

/** The book a chapter belongs to, from the series line ("Karl Marx Wage Labour and Capital") or <title>. */
export function bookTitleOf(page: Page, authors: AgentRef[], register: PeopleRegister): string | undefined {
  const series = page.$('p.title').first()[0] as unknown as DomElement | undefined;
  let t = series ? textOf(series) : '';
  if (!t || /internet archive|^mia\b|marxists/i.test(t)) {
    t = clean(page.$('title').first().text()).split(/\s*(?:--|—|–|:|\. |\(| - )\s*/)[0] ?? '';
  }
  const names = authors
    .flatMap((a) => [register.get(a.id)?.name, ...register.spellings(a.id), a.name, a.asWritten])
    .filter((n): n is string => !!n && n.length > 3)
    .sort((a, b) => b.length - a.length);
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t
      .replace(/^[\s.:,]+|(?<![\s.:,])[\s.:,]+$/g, '')
      .replace(/^\d{4}(?:[-–]\d{2,4})?\s*[:.]?\s+/, '')
      .replace(/\s*\(?\d{4}(?:[-–]\d{2,4})?\)?$/, '')
      .replace(/\s+by$/i, '');
    for (const n of names) {
      if (t.toLowerCase().startsWith(`${n.toLowerCase()} `)) t = t.slice(n.length);
      else if (t.toLowerCase().endsWith(` ${n.toLowerCase()}`)) t = t.slice(0, -n.length);
    }
  }
  return t && t.length <= 120 ? t : undefined;
}

export interface KindClues {
  title: string;
  subtitle?: string;
  description?: string;
  isLetter: boolean;
  isChapter: boolean;
  writtenLabel?: string;
}

export function workKind(c: KindClues): Work['kind'] {
  const t = `${c.title} ${c.subtitle ?? ''}`;
  if (/^telegram\b/i.test(c.title)) return 'telegram';
  if (c.isLetter) return 'letter';
  if (/^(?:\d{4}\s+)?(?:preface|foreword|introduction|afterword|postscript)\b/i.test(c.title)) return 'preface';
  if (c.isChapter) return 'chapter';
  if (
    /\bspeech\b|\baddress (?:at|to) the\b/i.test(`${t} ${c.description ?? ''}`) ||
    /^(delivered|spoken|delvered)$/i.test(c.writtenLabel ?? '')
  )
    return 'speech';
  if (/^resolutions?\b/i.test(c.title)) return 'resolution';
  if (/^(?:draft\s+)?(?:rules|programme|program|platform|manifesto)\b/i.test(c.title)) return 'document';
  return 'article';
}
