// Why: the sources shout — "SIR GEORGE MACARTNEY TO THE EARL OF SANDWICH", "BOURGEOIS AND
// PROLETARIANS" — and name files "marx-communist-manifesto.txt". Titles, names and places shown in
// lists read better in ordinary capitals; the body blocks keep the source's own wording.
import type { PeopleRegister } from '../../model/register.js';
import { nameKey } from '../../model/register.js';
import type { AgentRef } from '../../model/work.js';
import { slugify } from '../../model/ids.js';

const SMALL = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'nor',
  'but',
  'of',
  'in',
  'on',
  'at',
  'to',
  'by',
  'for',
  'with',
  'from',
  'as',
  'into',
  'upon',
  'de',
  'du',
  'des',
  'la',
  'le',
  'von',
  'van',
  'der',
  'den',
  'und',
]);
/** Roman numerals of I, V and X only: "XVIII" stays a numeral, "MIX" and "DID" are words. */
const ROMAN = /^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$/;

/** True when the text has capital letters and no small ones. */
export const isAllCaps = (s: string): boolean => !/\p{Ll}/u.test(s) && /\p{Lu}.*\p{Lu}|^\p{Lu}$/u.test(s);

/**
 * Ordinary capitals for an all-capital wording ("THE PARIS RISING--THE FRANKFORT ASSEMBLY" →
 * "The Paris Rising--The Frankfort Assembly"); mixed-case wording is returned as it is.
 * `leadingThe`: keep a first "the" small, as in running text ("the Earl of Sandwich").
 */
export function titleCase(s: string, opts: { leadingThe?: boolean } = {}): string {
  if (!isAllCaps(s)) return s;
  let first = true;
  return s.replace(/[\p{L}\p{M}'’.]+/gu, (word, offset: number) => {
    const isFirst = first;
    first = false;
    if (ROMAN.test(word.replace(/\.$/, '')) || /^(?:\p{L}\.){2,}$/u.test(word)) return word;
    const lower = word.toLowerCase();
    const prev = s.slice(0, offset).trimEnd().at(-1);
    const afterBreak = prev === ':' || prev === '—' || prev === '-' || prev === '(';
    // In a name ("LORD A") a lone "A" is an initial, not the article.
    const small = SMALL.has(lower) && !(opts.leadingThe && (lower === 'a' || lower === 'an'));
    if (small && !(isFirst && !(opts.leadingThe && lower === 'the')) && !afterBreak) return lower;
    return capitalise(lower);
  });
}

/** "o'brien" → "O'Brien", "d'alembert" → "D'Alembert", "mynheer's" → "Mynheer's". */
function capitalise(w: string): string {
  const up = w.charAt(0).toUpperCase() + w.slice(1);
  return up.replace(/^([OD])(['’])(\p{L})/u, (_m, a: string, q: string, c: string) => a + q + c.toUpperCase());
}

/** A person's name as the text writes it → an AgentRef: the register's entry when it knows the name, else a slug. */
export function agentFor(asWritten: string, register: PeopleRegister): AgentRef {
  const written = asWritten.replace(/\s+/g, ' ').trim();
  const name = titleCase(written, { leadingThe: true });
  const e = register.lookup(name);
  const ref: AgentRef = e ? { id: e.id, name: e.name } : { id: slugify(name.replace(/^the\s+/i, ''), 50), name };
  if (written !== ref.name) ref.asWritten = written;
  if (e?.refs?.length) ref.refs = [...e.refs];
  return ref;
}

/** The file's name without folders and extension. */
export function baseName(path: string): string {
  return (path.split(/[\\/]/).at(-1) ?? path).replace(/\.[A-Za-z0-9]{1,9}$/, '').trim();
}

/**
 * Author and title from a file name. "marx-communist-manifesto" → Marx, "Communist Manifesto";
 * "The Eighteenth Brumaire of Louis Bonaparte" → no author, that title. A leading name is the author
 * only in the "surname-title" form (joined by "-" or "_", or "Surname - Title") and only when exactly one
 * register entry has that surname (or that full name): a name the register cannot place is never guessed.
 */
export function fromFileName(path: string, register: PeopleRegister): { title: string; author?: AgentRef } {
  const base = baseName(path);
  const dashed = !/\s/.test(base) && /[-_]/.test(base);
  const spaced = /^(\S+(?: \S+){0,2}) [-–—] (.+)$/.exec(base);
  const words = dashed ? base.split(/[-_]+/).filter(Boolean) : [];
  let author: AgentRef | undefined;
  let rest = words;
  if (spaced) {
    const e = unambiguous(spaced[1]!, register);
    if (e) return { title: spaced[2]!.trim(), author: e };
  }
  for (let n = Math.min(3, words.length - 1); n >= 1 && !author; n--) {
    const e = unambiguous(words.slice(0, n).join(' '), register);
    if (e) {
      author = e;
      rest = words.slice(n);
    }
  }
  const title = dashed ? titleCase(rest.join(' ').toUpperCase()) : base;
  return { title: title || base || 'Untitled', ...(author ? { author } : {}) };
}

/** The register entry a name denotes when exactly one entry has that full name or that surname. */
function unambiguous(name: string, register: PeopleRegister): AgentRef | undefined {
  const key = nameKey(name);
  if (!key || key.length < 3) return undefined;
  const hits = register.entries.filter((e) => {
    const spellings = [e.name, e.sortName, ...e.aliases].filter((s): s is string => Boolean(s)).map(nameKey);
    const surname = nameKey(e.sortName?.split(',')[0] ?? e.name.split(' ').at(-1) ?? '');
    return spellings.includes(key) || surname === key;
  });
  if (hits.length !== 1) return undefined;
  const e = hits[0]!;
  return { id: e.id, name: e.name, ...(e.refs?.length ? { refs: [...e.refs] } : {}) };
}
