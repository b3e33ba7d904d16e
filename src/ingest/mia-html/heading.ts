// Which of a page's opening headings is the document's title. MIA pages open with a mix of
// bylines ("V. I. Lenin", "by Frederick Engels"), the series/book title (h3.title), subtitles,
// "Abstract", datelines and section headings; only one of them names the document.
import { nameKey, type PeopleRegister } from '../../model/register.js';
import type { AgentRef } from '../../model/work.js';
import { hasClass, tag } from './dom.js';
import { isDateline } from './letter.js';
import type { Unit } from './units.js';

export interface TitleChoice {
  /** Units whose text forms the title (consecutive same-level headings are joined). */
  title: number[];
  subtitle?: number;
  /** The book title (h3.title above a chapter heading). */
  bookTitle?: number;
  /** Opening headings that are not content: bylines, "Abstract", "Contents", empty ones. */
  drop: number[];
}

const JUNK = /^(abstract|contents|table of contents|index|\*\s*\*\s*\*|\W*)$/i;

export function isByline(text: string, authors: AgentRef[], register: PeopleRegister): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  if (/^by\s+(?:\p{Lu}[\p{L}.'’-]*\s*){1,4}$/u.test(t)) return true;
  if (!t || t.split(/\s+/).length > 5) return false;
  const hit = register.lookup(t);
  if (hit && authors.some((a) => a.id === hit.id) && register.spellings(hit.id).some((n) => nameKey(n) === nameKey(t))) return true;
  return authors.some((a) => nameKey(a.name) === nameKey(t) || (a.asWritten && nameKey(a.asWritten) === nameKey(t)));
}

/**
 * Choose among the headings before the first paragraph. `units[i]` for i in `leading` are heading
 * units. For book chapters the heading after the book's h3.title is the chapter title.
 */
export function chooseTitle(
  units: Unit[],
  leading: number[],
  authors: AgentRef[],
  register: PeopleRegister,
  isChapter: boolean,
): TitleChoice {
  const drop: number[] = [];
  const cands: number[] = [];
  for (const i of leading) {
    const u = units[i]!;
    if (JUNK.test(u.text) || isByline(u.text, authors, register)) drop.push(i);
    else cands.push(i);
  }
  if (!cands.length) return { title: [], drop };
  const level = (i: number) => units[i]!.level ?? 6;
  const isSub = (i: number) => hasClass(units[i]!.el, 'subtitle');
  const usable = cands.filter((i) => !isSub(i) && !isDateline(units[i]!.text));
  const pool = usable.length ? usable : cands.filter((i) => !isSub(i));
  if (!pool.length) return { title: [], drop };

  let titleAt: number;
  let bookTitle: number | undefined;
  const marked = pool.find((i) => hasClass(units[i]!.el, 'title'));
  const after = marked !== undefined ? pool.filter((i) => i > marked && (units[i]!.level ?? 6) <= (units[marked]!.level ?? 6) + 0) : [];
  if (marked !== undefined && isChapter && after.length) {
    bookTitle = marked;
    titleAt = after[0]!;
  } else if (marked !== undefined) titleAt = marked;
  else {
    // The first heading, unless it is a minor one (h4+) above a bigger heading ("Part I" over "Chapter One").
    titleAt = pool[0]!;
    const bigger = pool.find((i) => level(i) < level(titleAt));
    if (level(titleAt) >= 4 && bigger !== undefined) titleAt = bigger;
  }
  // Consecutive headings of the same tag with nothing between them are one title ("Study Guide for" / "Marx’s" / ...).
  const title = [titleAt];
  for (
    let k = titleAt + 1;
    k < units.length && units[k]!.kind === 'h' && tag(units[k]!.el) === tag(units[titleAt]!.el) && !hasClass(units[k]!.el, 'title');
    k++
  ) {
    const t = units[k]!.text;
    if (!t || /^\W*$/.test(t)) continue; // empty layout headings between the parts
    if (!cands.includes(k) || isDateline(t) || /^(?:[IVXLC]+|\d+)\.?$/.test(t)) break;
    title.push(k);
  }
  const nextIdx = title.at(-1)! + 1;
  let subtitle = cands.find((i) => isSub(i) && !title.includes(i) && i !== bookTitle && (bookTitle === undefined || i > titleAt));
  if (subtitle === undefined && cands.includes(nextIdx) && level(nextIdx) > level(titleAt) && !isDateline(units[nextIdx]!.text))
    subtitle = nextIdx;
  for (const i of cands) if (isSub(i) && i !== subtitle) drop.push(i);
  return { title, ...(subtitle !== undefined ? { subtitle } : {}), ...(bookTitle !== undefined ? { bookTitle } : {}), drop };
}
