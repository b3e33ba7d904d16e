// Parsers for the values of MIA header fields ("Source:", "Published:", rights...), shared by the
// HTML and plain-text importers. Each takes the field's text and returns the structured value;
// the original text is kept alongside so exports can print it as the archive did.
import { parseDate } from '../../model/dates.js';
import type { Contributor, Publication, Rights, Source } from '../../model/work.js';

const clean = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();

const KNOWN_WORKS = ['Collected Works', 'Selected Works', 'Selected Correspondence', 'Complete Works', 'Werke', 'Полное собрание сочинений', 'Сочинения'];
const PUBLISHER = /\b(publish(ers|ing)|press|verlag|books|editions?|izdat|издательство|library|foreign languages)\b/i;

/** "Lenin Collected Works, Progress Publishers, [1976], Moscow, Volume 35, page 332." */
export function parseSource(text: string): Source {
  const t = clean(text);
  const parts = t.replace(/\.$/, '').split(/,\s*/).map((p) => p.trim()).filter(Boolean);
  const src: Source = { title: '', text: t };
  const rest: string[] = [];
  for (const p of parts) {
    let m: RegExpMatchArray | null;
    if (!src.title && (m = p.match(new RegExp(`^(.*?)\\s*(${KNOWN_WORKS.join('|')})$`, 'i')))) {
      if (m[1]) src.author = m[1];
      src.title = m[2]!;
    } else if ((m = p.match(/^(?:vol(?:ume)?\.?|том|bd\.?|band)\s*([\w.-]+)$/i))) src.volume = m[1]!;
    else if ((m = p.match(/^(?:pages?|pp?\.|стр\.|s\.)\s*([\d\w–—-]+(?:\s*[-–—]\s*\d+)?)$/i))) src.pages = m[1]!.replace(/\s+/g, '');
    else if ((m = p.match(/^\[?(\d{4})\]?$/))) src.year = m[1]!;
    else if (!src.publisher && PUBLISHER.test(p)) src.publisher = p;
    else rest.push(p);
  }
  if (!src.title) src.title = rest.shift() ?? t;
  if (rest.length === 1 || (rest.length > 1 && src.publisher)) src.place = rest.shift();
  if (rest.length) src.note = rest.join(', ');
  return src;
}

const ISSUE = /\b(?:No\.|Nos\.|Number|№)\s*([\w-]+(?:\s*(?:and|&|-)\s*\d+)?)/i;

/** "Published in Bulletins of the ... No. 33, September 8, 1918." */
export function parsePublished(text: string): Publication {
  const t = clean(text);
  const body = t.replace(/^(first\s+)?published:?\s*(for the first time\s*)?(in\s+)?/i, '').replace(/\.$/, '');
  const pub: Publication = { venue: body, text: t };
  const issue = body.match(ISSUE);
  let venueEnd = issue?.index ?? body.length;
  if (issue) pub.issue = issue[1]!;
  // The date is the tail after the last comma that parses as a date.
  const commas = [...body.matchAll(/,/g)].map((m) => m.index!);
  for (const c of commas) {
    const date = parseDate(body.slice(c + 1));
    if (date && /\d{4}/.test(body.slice(c + 1))) {
      pub.date = date;
      venueEnd = Math.min(venueEnd, c);
      break;
    }
  }
  if (!pub.date) {
    const m = body.match(/^(.*?)\s+(?:on\s+)?((?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+\d{1,2}?,?\s*\d{4}|\d{4})$/);
    const date = m ? parseDate(m[2]!) : null;
    if (m && date) { pub.date = date; venueEnd = Math.min(venueEnd, m[1]!.length); }
  }
  pub.venue = body.slice(0, venueEnd).replace(/[,\s]+$/, '').trim() || body;
  return pub;
}

/** Rights block: "Public Domain: Lenin Internet Archive. You may freely copy ... Please credit “Marxists Internet Archive” as your source." */
export function parseRights(label: string, text: string): Rights {
  const value = clean(text);
  const statement = clean(`${label}: ${value}`);
  const credit = value.match(/credit\s+[“"']([^”"']+)[”"']/i)?.[1]?.replace(/\s+/g, ' ');
  const holder = value.match(/^([^.]+?)(?:\s*\d{4})?\.\s/)?.[1];
  const l = label.toLowerCase();
  const licence = l.includes('public domain') || /public domain/i.test(value) ? 'public-domain'
    : /creative commons|copyleft|cc[- ]by[- ]sa/i.test(`${label} ${value}`) ? (/sharealike|share alike|by-sa/i.test(value) ? 'CC-BY-SA-2.0' : 'CC-BY-2.0')
    : 'unknown';
  return { statement, licence, ...(credit ? { credit } : {}), ...(holder ? { holder } : {}) };
}

const ROLE_WORDS: [RegExp, Contributor['role']][] = [
  [/translat/i, 'translator'],
  [/transcri/i, 'transcriber'],
  [/mark-?up|html/i, 'markup'],
  [/proof/i, 'proofreader'],
  [/edit/i, 'editor'],
];

/** "Transcription\Markup: R. Cymbala" → transcriber and markup, both labelled as the page labels them. */
export function parseContributors(label: string, value: string): Contributor[] {
  const name = clean(value).replace(/\.$/, '').replace(/^by\s+/i, '');
  const roles = ROLE_WORDS.filter(([re]) => re.test(label)).map(([, role]) => role);
  return (roles.length ? roles : ['other' as const]).map((role) => ({ role, name, label: clean(label) }));
}

export function isRightsLabel(label: string): boolean {
  return /public domain|copyleft|copyright|licen[cs]e|rights/i.test(label);
}

export function isContributorLabel(label: string): boolean {
  return ROLE_WORDS.some(([re]) => re.test(label)) && !/online version/i.test(label);
}
