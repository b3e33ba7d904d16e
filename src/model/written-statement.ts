// The value of MIA's "Written:" label: a date plus where it was written, in what language and
// where it was sent ("Written between May 22 and June 1, 1901, in Munich and mailed to a local address").
// "mailed to a local address" / "(local mail)" means sent within the place: sentFrom = sentTo = place.
import type { PartialDate } from './work.js';
import { findDate } from './date-resolve.js';
import { MONTH_NAMES } from './date-words.js';

/** What a "Written:" statement says besides the date: place, language, where it was sent. */
export interface WrittenStatement {
  date?: PartialDate;
  place?: string;
  sentFrom?: string;
  sentTo?: string;
  language?: string;
  text: string;
}

const LANGUAGES = [
  'English',
  'German',
  'French',
  'Russian',
  'Italian',
  'Polish',
  'Latin',
  'Swedish',
  'Finnish',
  'Czech',
  'Ukrainian',
  'Yiddish',
  'Spanish',
  'Dutch',
  'Danish',
  'Norwegian',
  'Hungarian',
  'Latvian',
  'Lettish',
  'Lithuanian',
  'Estonian',
  'Georgian',
  'Armenian',
  'Bulgarian',
  'Serbian',
  'Romanian',
  'Greek',
  'Hebrew',
  'Esperanto',
  'Turkish',
  'Portuguese',
];
const LANGUAGE = new RegExp(String.raw`\b[Ii]n\s+(${LANGUAGES.join('|')})\b`);
/** A place name runs to a comma, a sentence end (not "St. Petersburg"), a bracket or a linking word. */
const NAME = String.raw`(\S.*?)(?=\s*(?:[,;(]|\.(?:\s+[a-z]|\s*$)|\s+(?:and|sent|Sent|mailed|to|on|in|at|between|after|before|prior|not)\b|$))`;
const SENT_FROM_TO = new RegExp(String.raw`\b(?:[Ss]ent|[Mm]ailed)\s+from\s+${NAME}\s+to\s+${NAME}`);
const SENT_TO = new RegExp(String.raw`\b(?:[Ss]ent|[Mm]ailed)\s+to\s+${NAME}`);
const SENT_FROM = new RegExp(String.raw`\b(?:[Ss]ent|[Mm]ailed)\s+from\s+${NAME}`);
const WRITTEN_AT = new RegExp(String.raw`\b(?:[Ii]n|[Aa]t)\s+${NAME}`, 'g');
const LOCAL = /\blocal\s+(?:mail|address)\b/i;

/** A place name: has a capitalised word, no digits, and is no language or month. */
function placeName(raw: string | undefined): string | undefined {
  const name = raw
    ?.trim()
    .replace(/^the\s+/i, '')
    .replace(/(?<!\b(?:St|Mt|Ft))\.$/, '');
  if (!name || /\d/.test(name) || !/(^|\s)\p{Lu}/u.test(name)) return undefined;
  if (LANGUAGES.includes(name) || MONTH_NAMES.includes(name.toLowerCase())) return undefined;
  return name;
}

export function parseWrittenStatement(text: string): WrittenStatement {
  const t = text
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let rest = t.replace(/^(?:written\s*:?\s*)+/i, '');
  const out: WrittenStatement = { text: t };
  const found = findDate(rest);
  if (found) {
    out.date = found.date;
    rest = `${rest.slice(0, found.from)} ; ${rest.slice(found.to)}`;
  }

  const lang = rest.match(LANGUAGE);
  if (lang) {
    out.language = lang[1];
    rest = rest.replace(lang[0], ' ; ');
  }

  const both = rest.match(SENT_FROM_TO);
  const to = both ? undefined : rest.match(SENT_TO);
  const from = both || to ? undefined : rest.match(SENT_FROM);
  const sentFrom = placeName(both?.[1] ?? from?.[1]);
  const sentTo = placeName(both?.[2] ?? to?.[1]);
  for (const m of [both, to, from]) if (m) rest = rest.replace(m[0], ' ; ');

  for (const m of rest.matchAll(WRITTEN_AT)) {
    const place = placeName(m[1]);
    if (place) {
      out.place = place;
      break;
    }
  }
  if (sentFrom) out.sentFrom = sentFrom;
  if (sentTo) out.sentTo = sentTo;
  if (out.place && LOCAL.test(t)) {
    out.sentFrom ??= out.place;
    out.sentTo ??= out.place;
  }
  return out;
}
