// From the query AST to what the index is asked: each word becomes a set of index terms (its stem,
// its reading in the other script, register spellings of the same person, spelling variants), each
// phrase a set of term sequences. Backend-neutral: FTS5 and tsquery compilers both start here.
import { nameKey, type PeopleRegister } from '../model/register.js';
import type { FilterField, QueryNode } from './query.js';
import { closest, maxEdits, nameDistance, editDistance } from './fuzzy.js';
import { foldWord, termOf, wordTokens } from './text.js';
import { hasCyrillic, toCyrillic, toLatin } from './translit.js';
import { prefixReadings, readings } from './readings.js';
import type { WordExpansion } from '../model/search.js';

export interface TermAlt {
  term: string;
  prefix: boolean;
}

export { readings } from './readings.js';

export type MatchNode =
  | { type: 'terms'; alts: TermAlt[] }
  | { type: 'phrase'; alts: string[][] }
  | { type: 'and'; children: MatchNode[] }
  | { type: 'or'; children: MatchNode[] }
  | { type: 'not'; child: MatchNode }
  | { type: 'filter'; field: FilterField; value: string }
  | { type: 'date'; from: string; to: string };

/** What the backend's vocabulary can tell the expander (for spelling variants). */
export interface Lexicon {
  /** Number of works whose index holds the term. */
  docFreq(term: string): number;
  /** Whether the term is mostly written with a capital inside sentences (a name). */
  isNameLike(term: string): boolean;
  /** How often the term is written as a name (tie-breaker among equally close variants). */
  popularity(term: string): number;
  /** Index terms with the same first letter and a length within maxDist (the caller checks which are names). */
  candidates(term: string, all: boolean, maxDist: number): Iterable<string>;
  /**
   * The index terms beginning with `prefix` that some work holds, the `limit` held by the most works
   * first, and how many there are. Optional: without it a prefix is searched as it is, however many
   * terms it stands for.
   */
  prefixTerms?(prefix: string, limit: number): { terms: string[]; total: number };
}

/** What snippets highlight: the positive terms, prefixes and phrases of the query. */
export interface Highlight {
  terms: Set<string>;
  prefixes: string[];
  phrases: string[][];
}

export interface Expansion {
  match?: MatchNode;
  expansions: WordExpansion[];
  highlight: Highlight;
  /** What the reader should know about how the query was searched (a prefix searched by its most frequent words). */
  notes: string[];
}

const MAX_ALTS = 24;
/** A prefix standing for more index terms than this is searched by this many, those in the most works. */
export const MAX_PREFIX_TERMS = 50;
const MAX_VARIANTS = 6;

function phraseAlts(words: string[]): string[][] {
  const seqs: string[][] = [words.map(termOf)];
  if (words.every((w) => hasCyrillic(w))) seqs.push(words.map((w) => foldWord(toLatin(w))));
  else {
    const cyr = words.map((w) => toCyrillic(w));
    if (cyr.every((c): c is string => !!c)) seqs.push(cyr.map(termOf));
  }
  const seen = new Set<string>();
  return seqs.filter((s) => !seen.has(s.join(' ')) && !!seen.add(s.join(' ')));
}

/** Single-word spellings of the register person this word names exactly (Shaumyan → Shahumyan, Шаумян…). */
function registerAliases(word: string, register: PeopleRegister | undefined): string[] {
  if (!register) return [];
  const key = nameKey(word);
  if (!key || key.includes(' ')) return [];
  const person = register.lookup(word);
  if (!person) return [];
  if (![person.name, person.sortName ?? '', ...person.aliases].some((s) => nameKey(s).split(' ').includes(key))) return [];
  const out = new Set<string>();
  // "Shahumyan, Stepan Georgievich" sorts by surname: its surname is the part before the comma.
  const sortSurname = person.sortName?.split(',')[0];
  for (const s of [person.name, ...(sortSurname ? [sortSurname] : []), ...person.aliases]) {
    const toks = wordTokens(s).map((t) => t.surface);
    const last = toks[toks.length - 1];
    if (toks.length === 1 || (last && last.length >= 4)) out.add(last!);
  }
  out.delete(word);
  return [...out];
}

/** The terms the index holds (all of them when none is held, so the query still says what was asked). */
function present(terms: string[], lex: Lexicon | undefined): string[] {
  if (!lex) return terms;
  const held = terms.filter((t) => lex.docFreq(t) > 0);
  return held.length ? held : terms.slice(0, 1);
}

export function expandQuery(root: QueryNode | undefined, opts: { register?: PeopleRegister; lexicon?: Lexicon } = {}): Expansion {
  const expansions: WordExpansion[] = [];
  const highlight: Highlight = { terms: new Set(), prefixes: [], phrases: [] };
  const notes: string[] = [];

  function word(text: string, prefix: boolean, positive: boolean): MatchNode | undefined {
    const toks = wordTokens(text).map((t) => t.surface);
    if (toks.length === 0) return undefined;
    if (toks.length > 1) return phrase(toks, text, positive);
    const w = toks[0]!;
    if (prefix) return prefixWord(w, positive);
    const base = readings(w);
    const aliases = registerAliases(w, opts.register);
    const terms = new Set(base);
    for (const a of aliases) for (const r of readings(a)) terms.add(r);
    const variants: string[] = [];
    const lex = opts.lexicon;
    const edits = maxEdits(foldWord(w).length);
    if (lex && edits > 0) {
      const missing = [...terms].every((t) => lex.docFreq(t) === 0);
      // Only the word's own reading is widened (not its reading in the other script).
      for (const t of base.slice(0, 1)) {
        if (!missing && !lex.isNameLike(t)) continue;
        // A misspelt word may be off by any edit; a name only by the edits spellings of names differ by.
        const near = closest(
          t,
          lex.candidates(t, missing, edits),
          edits,
          MAX_VARIANTS * 3,
          (x) => lex.popularity(x),
          missing ? editDistance : nameDistance,
        )
          .filter((v) => !terms.has(v) && lex.docFreq(v) > 0 && (missing || lex.isNameLike(v)))
          .slice(0, MAX_VARIANTS);
        for (const v of near) {
          terms.add(v);
          variants.push(v);
        }
      }
    }
    const alts = present([...terms], lex)
      .slice(0, MAX_ALTS)
      .map((term) => ({ term, prefix: false }));
    expansions.push({ word: w, terms: alts.map((a) => a.term), aliases, variants });
    if (positive) for (const a of alts) highlight.terms.add(a.term);
    return { type: 'terms', alts };
  }

  /**
   * A prefix: searched as it is, unless it stands for more than MAX_PREFIX_TERMS index terms; then
   * by those held by the most works (each reading on its own), which the expansions list and a note
   * tells, so that a reader knows the count is of those words.
   */
  function prefixWord(w: string, positive: boolean): MatchNode {
    const lex = opts.lexicon;
    const alts: TermAlt[] = [];
    const shown: string[] = [];
    const seen = new Set<string>();
    for (const p of prefixReadings(w)) {
      const found = lex?.prefixTerms?.(p, MAX_PREFIX_TERMS);
      if (!found || found.total <= MAX_PREFIX_TERMS) {
        alts.push({ term: p, prefix: true });
        shown.push(`${p}*`);
        if (positive) highlight.prefixes.push(p);
        continue;
      }
      for (const term of found.terms) {
        if (seen.has(term)) continue;
        seen.add(term);
        alts.push({ term, prefix: false });
        shown.push(term);
        if (positive) highlight.terms.add(term);
      }
      notes.push(
        `${p}* stands for ${found.total.toLocaleString('en')} words in this archive; it was searched as the ${found.terms.length} found in the most works, so the count is of works holding one of those.`,
      );
    }
    expansions.push({ word: `${w}*`, terms: shown, aliases: [], variants: [] });
    return { type: 'terms', alts };
  }

  function phrase(words: string[], text: string, positive: boolean): MatchNode {
    const lex = opts.lexicon;
    const all = phraseAlts(words);
    // Readings whose words the index does not hold cannot match: leave them out of the query.
    const alts = lex ? all.filter((seq) => seq.every((t) => lex.docFreq(t) > 0)) : all;
    if (!alts.length) alts.push(all[0]!);
    expansions.push({ word: `"${text}"`, terms: alts.map((s) => s.join(' ')), aliases: [], variants: [] });
    if (alts.every((s) => s.length === 1)) {
      if (positive) for (const s of alts) highlight.terms.add(s[0]!);
      return { type: 'terms', alts: alts.map((s) => ({ term: s[0]!, prefix: false })) };
    }
    if (positive) highlight.phrases.push(...alts);
    return { type: 'phrase', alts };
  }

  function go(n: QueryNode, positive: boolean): MatchNode | undefined {
    switch (n.type) {
      case 'word':
        return word(n.text, n.prefix, positive);
      case 'phrase': {
        const toks = wordTokens(n.text).map((t) => t.surface);
        return toks.length ? phrase(toks, n.text, positive) : undefined;
      }
      case 'filter':
        return { type: 'filter', field: n.field, value: n.value };
      case 'date':
        return { type: 'date', from: n.from, to: n.to };
      case 'not': {
        const child = go(n.child, !positive);
        return child ? { type: 'not', child } : undefined;
      }
      case 'and':
      case 'or': {
        const children = n.children.map((c) => go(c, positive)).filter((c): c is MatchNode => !!c);
        if (children.length === 0) return undefined;
        return children.length === 1 ? children[0] : { type: n.type, children };
      }
    }
  }

  const match = root ? go(root, true) : undefined;
  return { ...(match ? { match } : {}), expansions, highlight, notes };
}

/** True when the node holds no words: only filters (and their negations / combinations). */
export function isFilterOnly(n: MatchNode): boolean {
  switch (n.type) {
    case 'filter':
    case 'date':
      return true;
    case 'terms':
    case 'phrase':
      return false;
    case 'not':
      return isFilterOnly(n.child);
    default:
      return n.children.every(isFilterOnly);
  }
}
