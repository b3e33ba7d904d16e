// The query language: a string → an AST that knows nothing of any database. Backends (FTS5,
// tsvector) compile the AST; malformed input raises a QueryError with a position and a hint.
//
//   words            diplomacy baku          (all words must match; AND is implied)
//   "exact phrase"   "learn diplomacy"
//   OR, AND, NOT     lenin OR trotsky, NOT war, -war, ( … )
//   prefix*          diplom*
//   filters          author: recipient: place: kind: lang: collection: year: date:
import { WorkKind } from '../model/work.js';
import { QueryError } from './query-error.js';
import { dateRange, yearRange } from './dates.js';

export type FilterField = 'author' | 'recipient' | 'place' | 'kind' | 'lang' | 'collection';

export type QueryNode =
  | { type: 'word'; text: string; prefix: boolean; pos: number }
  | { type: 'phrase'; text: string; pos: number }
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] }
  | { type: 'not'; child: QueryNode }
  | { type: 'filter'; field: FilterField; value: string; pos: number; raw: string }
  /** An inclusive range of calendar days; matches works whose written date overlaps it. */
  | { type: 'date'; from: string; to: string; pos: number; raw: string };

const FIELD_ALIASES: Record<string, FilterField | 'year' | 'date'> = {
  author: 'author',
  by: 'author',
  from: 'author',
  recipient: 'recipient',
  to: 'recipient',
  place: 'place',
  kind: 'kind',
  type: 'kind',
  lang: 'lang',
  language: 'lang',
  collection: 'collection',
  in: 'collection',
  year: 'year',
  date: 'date',
};
export const FILTER_NAMES = ['author', 'recipient', 'place', 'kind', 'lang', 'collection', 'year', 'date'] as const;

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  russian: 'ru',
  german: 'de',
  french: 'fr',
  italian: 'it',
  spanish: 'es',
  polish: 'pl',
  yiddish: 'yi',
  latin: 'la',
  ukrainian: 'uk',
  armenian: 'hy',
  azerbaijani: 'az',
  georgian: 'ka',
  dutch: 'nl',
  swedish: 'sv',
  czech: 'cs',
  hungarian: 'hu',
  undetermined: 'und',
  chinese: 'zh',
  japanese: 'ja',
  greek: 'el',
};

const MAX_LENGTH = 1000;
const MAX_CLAUSES = 64;
const MAX_DEPTH = 16;

type Tok =
  | { t: 'lp' | 'rp' | 'and' | 'or' | 'not'; pos: number }
  | { t: 'word'; text: string; prefix: boolean; pos: number }
  | { t: 'phrase'; text: string; pos: number }
  | { t: 'field'; name: string; value: string; pos: number; raw: string };

const OPEN_QUOTES = '"“„«';
const closeFor = (q: string) => (q === '«' ? '»' : q === '"' ? '"' : '”"“');
const isSpace = (c: string) => /\s/.test(c);
const STOP = (c: string) => isSpace(c) || c === '(' || c === ')' || OPEN_QUOTES.includes(c);

function readQuoted(s: string, i: number): { text: string; end: number } {
  const open = s[i]!;
  const closers = closeFor(open);
  let j = i + 1;
  while (j < s.length && !closers.includes(s[j]!)) j++;
  if (j >= s.length) {
    throw new QueryError('Unclosed quotation mark.', i, 'Add a closing " after the phrase, or remove the opening one.');
  }
  return { text: s.slice(i + 1, j), end: j + 1 };
}

function lex(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '(') {
      out.push({ t: 'lp', pos: i++ });
      continue;
    }
    if (c === ')') {
      out.push({ t: 'rp', pos: i++ });
      continue;
    }
    if (OPEN_QUOTES.includes(c)) {
      const q = readQuoted(s, i);
      if (!/[\p{L}\p{N}]/u.test(q.text)) throw new QueryError('Empty phrase.', i, 'Put some words between the quotation marks.');
      out.push({ t: 'phrase', text: q.text.trim(), pos: i });
      i = q.end;
      if (s[i] === '*') i++;
      continue;
    }
    if (c === '-' && i + 1 < s.length && !isSpace(s[i + 1]!) && s[i + 1] !== '-' && (i === 0 || STOP(s[i - 1]!))) {
      out.push({ t: 'not', pos: i++ });
      continue;
    }
    let j = i;
    while (j < s.length && !STOP(s[j]!)) j++;
    const raw = s.slice(i, j);
    const start = i;
    i = j;
    if (raw === 'AND' || raw === 'OR' || raw === 'NOT') {
      out.push({ t: raw.toLowerCase() as 'and', pos: start });
      continue;
    }
    if (raw === '&&') {
      out.push({ t: 'and', pos: start });
      continue;
    }
    if (raw === '||') {
      out.push({ t: 'or', pos: start });
      continue;
    }
    const field = /^([A-Za-z]+):(.*)$/s.exec(raw);
    if (field) {
      const name = field[1]!.toLowerCase();
      if (!FIELD_ALIASES[name]) {
        throw new QueryError(
          `Unknown filter "${field[1]}:".`,
          start,
          `Filters are ${FILTER_NAMES.map((f) => `${f}:`).join(' ')}. To search for the word itself, leave out the colon.`,
        );
      }
      let value = field[2]!;
      if (value === '' && i < s.length && OPEN_QUOTES.includes(s[i]!)) {
        const q = readQuoted(s, i);
        value = q.text;
        i = q.end;
      }
      if (!value.trim())
        throw new QueryError(`"${field[1]}:" needs a value.`, start, `For example ${name}:${exampleFor(FIELD_ALIASES[name]!)}.`);
      out.push({ t: 'field', name: FIELD_ALIASES[name]!, value: value.trim(), pos: start, raw: s.slice(start, i) });
      continue;
    }
    const prefix = raw.endsWith('*');
    const text = raw.replace(/\*+$/, '');
    if (prefix && (text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < 2) {
      throw new QueryError('A prefix search needs at least two letters before the *.', start, 'For example diplom*.');
    }
    if (!/[\p{L}\p{N}]/u.test(text)) continue; // punctuation on its own: nothing to search
    out.push({ t: 'word', text, prefix, pos: start });
  }
  return out;
}

function exampleFor(f: string): string {
  return (
    (
      {
        author: 'lenin',
        recipient: 'shahumyan',
        place: 'baku',
        kind: 'letter',
        lang: 'ru',
        collection: 'lenin',
        year: '1918',
        date: '1917-10..1918-03',
      } as Record<string, string>
    )[f] ?? 'value'
  );
}

function fieldNode(tok: Extract<Tok, { t: 'field' }>): QueryNode {
  const { name, value, pos, raw } = tok;
  if (name === 'year') {
    const r = yearRange(value);
    if (!r)
      throw new QueryError(`"${value}" is not a year.`, pos, 'Use year:1918, a range like year:1917..1918, or a decade like year:1910s.');
    return { type: 'date', ...r, pos, raw };
  }
  if (name === 'date') {
    const r = dateRange(value);
    if ('error' in r)
      throw new QueryError(
        r.error,
        pos,
        'Dates are YYYY, YYYY-MM or YYYY-MM-DD; ranges use two dots, e.g. date:1917-10..1918-03 (either end may be left open).',
      );
    return { type: 'date', from: r.from, to: r.to, pos, raw };
  }
  if (name === 'kind') {
    const v = value.toLowerCase();
    const kind = WorkKind.options.find((k) => k === v || `${k}s` === v);
    if (!kind) throw new QueryError(`Unknown kind "${value}".`, pos, `Kinds are ${WorkKind.options.join(', ')}.`);
    return { type: 'filter', field: 'kind', value: kind, pos, raw };
  }
  if (name === 'lang') {
    const v = value.toLowerCase();
    const code = LANGUAGE_NAMES[v] ?? (/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(v) ? v.split('-')[0]! : undefined);
    if (!code) throw new QueryError(`Unknown language "${value}".`, pos, 'Use a language code such as lang:en, lang:ru or lang:de.');
    return { type: 'filter', field: 'lang', value: code, pos, raw };
  }
  return { type: 'filter', field: name as FilterField, value, pos, raw };
}

/** Parse a query. Throws QueryError (with position and hint) when it is malformed; '' → undefined. */
export function parseQuery(input: string): QueryNode | undefined {
  if (input.length > MAX_LENGTH) throw new QueryError(`The query is too long (${input.length} characters; at most ${MAX_LENGTH}).`);
  const toks = lex(input);
  if (toks.length === 0) return undefined;
  if (toks.filter((t) => t.t === 'word' || t.t === 'phrase' || t.t === 'field').length > MAX_CLAUSES) {
    throw new QueryError(`The query has too many terms (at most ${MAX_CLAUSES}).`);
  }
  let i = 0;
  const peek = () => toks[i];
  const opName = (t: Tok) => (t.t === 'not' && input[t.pos] === '-' ? '-' : t.t.toUpperCase());
  const startsTerm = (t: Tok | undefined) =>
    !!t && (t.t === 'word' || t.t === 'phrase' || t.t === 'field' || t.t === 'lp' || t.t === 'not');

  function parseOr(depth: number): QueryNode {
    const items = [parseAnd(depth)];
    while (peek()?.t === 'or') {
      const op = toks[i++]!;
      if (!startsTerm(peek()))
        throw new QueryError('"OR" needs a search term after it.', op.pos, 'Write it between two terms: lenin OR trotsky.');
      items.push(parseAnd(depth));
    }
    return items.length === 1 ? items[0]! : { type: 'or', children: items };
  }

  function parseAnd(depth: number): QueryNode {
    const items = [parseUnary(depth)];
    for (;;) {
      const t = peek();
      if (!t || t.t === 'rp' || t.t === 'or') break;
      if (t.t === 'and') {
        i++;
        if (!startsTerm(peek()))
          throw new QueryError('"AND" needs a search term after it.', t.pos, 'Write it between two terms: baku AND diplomacy.');
      }
      items.push(parseUnary(depth));
    }
    return items.length === 1 ? items[0]! : { type: 'and', children: items };
  }

  function parseUnary(depth: number): QueryNode {
    const t = peek();
    if (t?.t === 'not') {
      i++;
      if (!startsTerm(peek()) || peek()?.t === 'not') {
        throw new QueryError(`"${opName(t)}" needs a search term after it.`, t.pos, 'For example: diplomacy NOT war, or diplomacy -war.');
      }
      return { type: 'not', child: parsePrimary(depth) };
    }
    return parsePrimary(depth);
  }

  function parsePrimary(depth: number): QueryNode {
    const t = toks[i++];
    if (!t) throw new QueryError('The query ends too early.', input.length);
    switch (t.t) {
      case 'word':
        return { type: 'word', text: t.text, prefix: t.prefix, pos: t.pos };
      case 'phrase':
        return { type: 'phrase', text: t.text, pos: t.pos };
      case 'field':
        return fieldNode(t);
      case 'lp': {
        if (depth >= MAX_DEPTH) throw new QueryError('Parentheses are nested too deeply.', t.pos);
        if (peek()?.t === 'rp') throw new QueryError('Empty parentheses.', t.pos, 'Put search terms inside ( ), or remove them.');
        const inner = parseOr(depth + 1);
        if (peek()?.t !== 'rp') throw new QueryError('Unclosed parenthesis.', t.pos, 'Add a ) to close the group.');
        i++;
        return inner;
      }
      case 'rp':
        throw new QueryError('Unexpected ")".', t.pos, 'Remove it, or add the matching ( before it.');
      case 'and':
      case 'or':
        throw new QueryError(`"${opName(t)}" needs a search term before it.`, t.pos, 'AND and OR join two terms: lenin OR trotsky.');
      default:
        throw new QueryError(`"${opName(t)}" needs a search term after it.`, t.pos);
    }
  }

  const root = parseOr(0);
  if (i < toks.length) {
    const t = toks[i]!;
    throw new QueryError(
      t.t === 'rp' ? 'Unexpected ")".' : `Unexpected "${input.slice(t.pos, t.pos + 10)}".`,
      t.pos,
      t.t === 'rp' ? 'Remove it, or add the matching ( before it.' : undefined,
    );
  }
  return root;
}

/** A filter as it is written in a query, quoted when needed: recipient:shaumyan-stepan, place:"St. Petersburg". */
export function filterToken(field: FilterField | 'year' | 'date', value: string): string {
  return /^[^\s"()“”„«»]+$/.test(value) ? `${field}:${value}` : `${field}:"${value.replace(/"/g, '')}"`;
}

/** Every node of the tree, depth first. */
export function* walk(node: QueryNode): Generator<QueryNode> {
  yield node;
  if (node.type === 'and' || node.type === 'or') for (const c of node.children) yield* walk(c);
  else if (node.type === 'not') yield* walk(node.child);
}
