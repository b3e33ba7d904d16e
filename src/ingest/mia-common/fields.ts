// Values of MIA header fields, as plain strings in, structured values out — shared by the HTML and
// plain-text importers. Each keeps the page's
// own wording in `text` where the schema has room for it.
import { parseDate } from '../../model/dates.js';
import type { Contributor, Publication, Rights, Source } from '../../model/work.js';
import { PUBLIC_DOMAIN, UNKNOWN_LICENCE } from '../../model/licences.js';
/** Collapse runs of whitespace (non-breaking spaces included) into single spaces. */
export const clean = (s: string): string => s.replace(/[\u00a0\s]+/g, ' ').trim();

export type FieldKind =
  | 'written'
  | 'published'
  | 'source'
  | 'publisher'
  | 'contributor'
  | 'rights'
  | 'otherFormats'
  | 'language'
  | 'note'
  | 'unknown';

/** What a header label means. Labels vary a lot across the archive ("Transcription\Markup", "Delvered"...). */
export function labelKind(label: string): FieldKind {
  const l = clean(label)
    .toLowerCase()
    .replace(/(?<![:.])[:.]+$/, '');
  if (/^(written|dictated|dictated by telephone|wired|recorded|delivered|delvered|spoken|date)$/.test(l)) return 'written';
  if (/^(first )?published|^publishing history|^publication/.test(l)) return 'published';
  if (/^source$|^full text$/.test(l)) return 'source';
  if (/^publisher/.test(l)) return 'publisher';
  if (/public domain|copyleft|copyright|licen[cs]e|^rights/.test(l)) return 'rights';
  if (/^(other formats?|download)/.test(l)) return 'otherFormats';
  if (/^language/.test(l)) return 'language';
  if (/translat|transcri|mark-?up|proof|^edit|^online version|^re-marked/.test(l)) return 'contributor';
  if (/^(note|publishers? note|editor'?s? note)/.test(l)) return 'note';
  return 'unknown';
}

const ABBREV =
  /(?:\b(?:No|Nos|St|pp|p|Vol|Vols|Bd|Dr|Mr|Mrs|O\.S|N\.S|ed|eds|trans|cf|vs|i\.e|e\.g|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)|\b[A-Z][a-z]?)\.$/;
const CONTINUES = new RegExp(
  `^(?:Nos?\\.|\\d|\\(|[a-z]|${'(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)'}\\b)`,
);

/** Split a field value into sentences, not at abbreviations ("No. 67", "St. Petersburg", "O.S.", initials). */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  const parts = clean(text).split(/(?<=[.;!?])\s+(?=[A-Z“"‘([])/);
  for (const p of parts) {
    cur = cur ? `${cur} ${p}` : p;
    if (!ABBREV.test(cur)) {
      out.push(cur);
      cur = '';
    }
  }
  if (cur) out.push(cur);
  // A piece that starts with "No.", a digit, a month or lower case continues the sentence before it.
  const merged: string[] = [];
  for (const p of out.map((x) => x.trim()).filter(Boolean)) {
    if (merged.length && CONTINUES.test(p)) merged[merged.length - 1] += ` ${p}`;
    else merged.push(p);
  }
  return merged;
}

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const OS = '(?:\\s*\\((?:O\\.\\s?S\\.|N\\.\\s?S\\.)\\))?';
const DATE_PHRASES = [
  new RegExp(`\\b\\d{1,2}(?:\\s*[-–]\\s*\\d{1,2})?${OS}\\s+${MONTH}${OS},?\\s+\\d{4}`, 'i'),
  new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:\\s*[-–]\\s*\\d{1,2})?${OS},?\\s+\\d{4}`, 'i'),
  new RegExp(`\\b${MONTH},?\\s+\\d{4}`, 'i'),
  /\b1[6-9]\d\d(?:\s*[-–]\s*\d{2,4})?\b/,
];

/** The date wording inside a sentence ("Published April 22 (O.S.), 1914, in ..." → "April 22 (O.S.), 1914"). */
export function datePhrase(text: string): { phrase: string; index: number } | undefined {
  for (const re of DATE_PHRASES) {
    const m = text.match(re);
    if (m) return { phrase: m[0], index: m.index! };
  }
  return undefined;
}

const stripEnd = (s: string) => s.replace(/(?<![\s,;:.])[\s,;:.]+$/, '').replace(/^[\s,;:]+/, '');

/** One "published" sentence → Publication. `venue` is the italicised title when the page gives one. */
export function parsePublication(sentence: string, italic?: string): Publication {
  const text = clean(sentence);
  const pub: Publication = { venue: '', text };
  const issue = text.match(/\bNos?\.\s*(\d+[a-z]?(?:\s*(?:[-–&]|and)\s*\d+)?)/i);
  if (issue) pub.issue = issue[1]!.replace(/\s+/g, ' ');
  const dp = datePhrase(text.replace(/\bNos?\.\s*\d+/gi, (m) => ' '.repeat(m.length)));
  if (dp) {
    const date = parseDate(dp.phrase);
    if (date) pub.date = date;
  }
  if (italic) pub.venue = clean(italic);
  else {
    let v = text;
    if (dp) v = v.replace(dp.phrase, ' ');
    if (issue) v = v.replace(issue[0], ' ');
    v = clean(v.replace(/\s*\(\s*\)\s*/g, ' '))
      .replace(/\s+,/g, ',')
      .replace(/(?:,\s*)+/g, ', ');
    v = v
      .replace(/^(?:first\s+)?(?:published|appeared|printed)\b(?:\s+for the first time)?(?:\s+in full)?[\s,]*/i, '')
      .replace(/^(?:in|on|by)\b[\s,]*/i, '')
      .replace(/\b(?:in\s+)?the\s+(?:newspaper|journal|magazine|paper|symposium|collection)\s+/i, '')
      .replace(/^[\s,]*(?:in|on)\s+/i, '');
    v = stripEnd(v.replace(/\s+(?:in|on|of)$/i, ''));
    pub.venue = /[A-Za-zА-я]{2}/.test(v) ? v : '';
  }
  return pub;
}

/** "Sent from Cracow to St. Petersburg." / "Sent to Baku." */
export function parseSent(sentence: string): { from?: string; to?: string } | undefined {
  const m = clean(sentence).match(/^sent\s+(?:from\s+(.+?))?(?:\s*to\s+(.+?))?\.?$/i);
  if (!m || (!m[1] && !m[2])) return undefined;
  return { ...(m[1] ? { from: stripEnd(m[1]) } : {}), ...(m[2] ? { to: stripEnd(m[2]) } : {}) };
}

const PUBLISHER =
  /\b(publishers?|publishing|press|verlag|books|lawrence|wishart|progress|dietz|penguin|international publishers|foreign languages)\b/i;
const PLACE =
  /^(moscow|london|new york|berlin|peking|beijing|paris|chicago|leningrad|petrograd|stuttgart|zurich|zürich|hamburg|leipzig|geneva|vienna|sydney|moscou)$/i;
const SERIES = /^(.*?)\s*((?:collected|selected|complete) (?:works|correspondence)|werke|gesamtausgabe)$/i;

/** "Lenin Collected Works, Progress Publishers, [1976], Moscow, Volume 35, page 332." */
export function parseSource(text: string, italic?: string): Source {
  const t = stripEnd(clean(text));
  const src: Source = { title: '', text: clean(text) };
  const vol = t.match(/\b(?:Vol(?:ume)?s?\.?|Bd\.?|Tome)\s*([0-9]+[a-z]?|[IVXLC]+\b|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)/i);
  if (vol) src.volume = vol[1]!;
  const pages = t.match(/\b(?:pages?|pp?\.)\s*([0-9]+[a-z]?(?:\s*[-–]\s*[0-9]+[a-z]?)?)/i);
  if (pages) src.pages = pages[1]!.replace(/\s+/g, '');
  const year = t.match(/\[?\b((?:1[6-9]|20)\d(?:\d|\[\d\]))\]?/);
  if (year) src.year = year[1]!.replace(/[[\]]/g, '');
  const parts = t
    .split(/\s*[,;()]\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  const used = (p: string) => (vol && p.includes(vol[0])) || (pages && p.includes(pages[0])) || (year && p.includes(year[0]));
  const publisher = parts.find((p) => PUBLISHER.test(p) && !used(p) && p !== italic);
  if (publisher) src.publisher = publisher;
  const place = parts.find((p) => PLACE.test(p));
  if (place) src.place = place;
  let title = italic ? clean(italic) : (parts.find((p) => !used(p) && p !== publisher && p !== place && !/^undated$/i.test(p)) ?? '');
  if (italic) {
    // "Lenin Collected Works" in italics, or "Lenin’s <em>Collected Works</em>": the author stands before it.
    const before = t
      .slice(0, Math.max(0, t.indexOf(italic)))
      .trim()
      .replace(/[’']s$/, '');
    if (before && !/[,;]/.test(before) && before.split(/\s+/).length <= 3) src.author = before;
  }
  const series = title.match(SERIES);
  if (series?.[1]) {
    src.author = series[1].replace(/[’']s$/, '').trim();
    title = series[2]!;
  }
  src.title = title || clean(text);
  return src;
}

/** Rights from a "Public Domain:" or "Copyleft:" field. */
export function parseRights(label: string, text: string): Rights {
  const value = clean(text)
    .replace(/\s*•\s*README\s*$/i, '')
    .replace(/\s*<!--.*?-->\s*/g, ' ');
  const statement = `${clean(label).replace(/:?$/, ':')} ${value}`;
  const l = `${label} ${value}`;
  const licence = /public domain/i.test(l)
    ? PUBLIC_DOMAIN
    : /creative commons|\bcc[- ]by/i.test(l)
      ? /share-?alike|by-sa/i.test(l)
        ? 'CC-BY-SA-2.0'
        : 'CC-BY-2.0'
      : /gnu free documentation|\bgfdl\b|\bfdl\b/i.test(l)
        ? 'GFDL-1.1-or-later'
        : UNKNOWN_LICENCE;
  const credit = value.match(/credit\s+[“"'‘]([^”"'’]+)[”"'’]/i)?.[1];
  const holder = licence !== PUBLIC_DOMAIN ? value.match(/^([^.;]+?)(?:\s*[(©]|\s+\d{4}|[.;])/)?.[1]?.trim() : undefined;
  return { statement, licence, ...(credit ? { credit: clean(credit) } : {}), ...(holder ? { holder } : {}) };
}

const ROLES: [RegExp, Contributor['role']][] = [
  [/translat/i, 'translator'],
  [/transcri/i, 'transcriber'],
  [/html\s*mark-?up/i, 'htmlMarkup'],
  [/mark-?(?:ed\s*)?up|abstracted/i, 'markup'],
  [/proof/i, 'proofreader'],
  [/edit/i, 'editor'],
];

/** A year or span of years at the end of a credit: "… (1995-1996)", "…, 1888", "… in 2004". */
const CREDIT_DATE = /(?:\s*\(\s*(\d{4}(?:\s*[-–]\s*\d{2,4})?)\s*\)|,?\s+(?:in\s+)?(\d{4}))\s*[.;]?$/;

/** "Transcription\Markup: R. Cymbala" → transcriber and markup, labelled as the page labels them. */
export function parseContributors(label: string, value: string): Contributor[] {
  const lab = clean(label).replace(/:$/, '');
  // "Proofed: and corrected against 1888 English Edition by Andy Blunden 2004": the name is after "by".
  let name = stripEnd(clean(value))
    .replace(/^by\s+/i, '')
    .replace(/^and\s+corrected\b[^,;]*?\s+by\s+/i, '');
  const when = name.match(CREDIT_DATE);
  // One year or span for the whole credit; "A (2008), B (2010)" or "… 1995, 1999" keep their years in the wording.
  const rest = when ? name.slice(0, when.index).trim() : name;
  const date = when && !/\d{4}\)?\s*,?$/.test(rest) && !/\(\d{4}/.test(rest) ? (when[1] ?? when[2])!.replace(/\s+/g, '') : undefined;
  if (date) name = rest;
  if (!name) return [];
  const out: Contributor[] = [];
  // "Yuri Sdobnikov and George Hanna, Edited by George Hanna"
  const edited = name.match(/^(.*?),?\s+edited by\s+(.+)$/i);
  if (edited && /translat/i.test(lab)) {
    name = edited[1]!;
    out.push({ role: 'translator', name, label: lab, ...(date ? { date } : {}) }, { role: 'editor', name: edited[2]!, label: lab });
    return out;
  }
  const roles = ROLES.filter(([re]) => re.test(lab)).map(([, r]) => r);
  const seen = new Set<string>();
  for (const role of roles.length ? roles : (['other'] as const)) {
    if (seen.has(role) || (role === 'markup' && seen.has('htmlMarkup'))) continue;
    seen.add(role);
    out.push({ role, name, label: lab, ...(date ? { date } : {}) });
  }
  return out;
}

/** "Transcribed by Bert Schultz (1993)", "Html Markup by Brian Baggins & Andy Blunden (1999)", "Proofed and Corrected by …". */
const CREDIT_LINE =
  /^((?:transcri|html\s*mark-?up|mark-?(?:ed\s*)?up|proof|correct|translat|edit|scann|convert|encod)[\p{L} ,&-]*?)\s+by\s+(.+)$/iu;

/**
 * The credits MIA prints at the foot of a page, one per line and without labels, as contributors
 * with their roles and years; undefined unless every line is one (then the lines are not credits).
 */
export function creditLines(lines: string[]): Contributor[] | undefined {
  const text = lines.map(clean).filter(Boolean);
  if (!text.length) return undefined;
  const out: Contributor[] = [];
  for (const line of text) {
    const m = line.match(CREDIT_LINE);
    if (!m) return undefined;
    const found = parseContributors(m[1]!, m[2]!);
    if (!found.length) return undefined;
    out.push(...found);
  }
  return out;
}
