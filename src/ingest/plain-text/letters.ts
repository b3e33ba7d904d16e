// Why: letters inside a book ("NO. 1. MR. RONDEAU TO HORACE WALPOLE." over a dateline) and texts that
// are one letter ("My dear Sorge,") carry sender, recipient, place and date in set phrases. This module
// reads those phrases — letter headings, datelines, salutations, closers, signatures — and nothing else.
import { parseDate } from '../../model/dates.js';
import type { PartialDate } from '../../model/work.js';
import { numberOf } from './headings.js';
import { titleCase } from './names.js';

export interface LetterHeading {
  /** "1", "IV": the number the heading gives the letter. */
  number: string;
  sender?: string;
  recipient?: string;
}

const LETTER_HEADING =
  /^(?:NO|No|NUMBER|Number|LETTER|Letter)\b\.?\s*([IVXLC]+|\d{1,4})\b\.?\s*(?:[-–—:]+\s*)?(?:(?:FROM|From)\s+)?(.+?)\s*$/;
const LETTER_ALONE = /^(?:LETTER|Letter)\s+([IVXLC]+|\d{1,4})\.?$/;
const TO_LINE = /^_?(?:TO|To)\s+([^_]{2,80}?)_?\.?$/;

/** "_To Mrs. Saville, England._" under a "Letter 1" heading: the recipient, without the place. */
export function recipientLine(text: string): string | undefined {
  const m = TO_LINE.exec(text);
  const name = m?.[1]?.split(',')[0]?.trim().replace(/\.$/, '');
  return name && nameLike(name) ? name : undefined;
}

const NAME_WORD = /^(?:[\p{Lu}][\p{L}\p{M}'’.-]*|of|the|de|du|la|le|von|van|der|den|and|&|[\p{Lu}]\.)[,]?$/u;

/**
 * "NO. 1. MR. RONDEAU TO HORACE WALPOLE.", "NO. 3.--SIR JAMES HARRIS TO LORD GRANTHAM.",
 * "Letter IV. To the Earl of Chatham": a numbered heading naming sender (optional) and recipient.
 */
export function letterHeading(text: string): LetterHeading | undefined {
  if (text.length > 200) return undefined;
  const alone = LETTER_ALONE.exec(text);
  if (alone && numberOf(alone[1]!) !== undefined) return { number: alone[1]! };
  const m = LETTER_HEADING.exec(text);
  if (!m || numberOf(m[1]!) === undefined) return undefined;
  const body = m[2]!.replace(/\.$/, '').trim();
  const to = /^(?:(.+?)\s+)?(?:TO|to|To)\s+(.+)$/.exec(body);
  if (!to) return undefined;
  const sender = to[1]?.trim();
  const recipient = to[2]!.trim();
  if (!nameLike(recipient) || (sender !== undefined && !nameLike(sender))) return undefined;
  return { number: m[1]!, recipient, ...(sender ? { sender } : {}) };
}

function nameLike(s: string): boolean {
  const words = s.split(/\s+/);
  return words.length >= 1 && words.length <= 9 && !/[\d()"“”;:!?]/.test(s) && words.every((w) => NAME_WORD.test(w));
}

export interface Dateline {
  place?: string;
  date: PartialDate;
  text: string;
}

const OPEN_QUOTES = /^[\s"“„«‘]+/;

/**
 * "PETERSBURG, _17th August, 1736_.", "\"ST. PETERSBURG, _1st (12th) March, 1765_.", "LONDON,
 * September, 1851.": a short paragraph that is a place (optional) and a date, and nothing more.
 */
export function dateline(text: string): Dateline | undefined {
  if (text.length > 120) return undefined;
  const t = text.replace(/_/g, '').replace(OPEN_QUOTES, '').replace(/\s+/g, ' ').trim();
  if (t.length < 4) return undefined;
  const date = parseDate(t);
  if (!date) return undefined;
  const at = t.indexOf(date.text);
  if (at < 0 || !/^[\s.,;:)\]"”’']*$/.test(t.slice(at + date.text.length))) return undefined;
  const before = t
    .slice(0, at)
    .replace(/(?<![\s,;:—–-])[\s,;:—–-]+$/, '')
    .replace(/^(?:written\s+)?(?:at|from|in)\s+|^dated\s+/i, '');
  if (!before) return date.precision === 'day' || date.precision === 'month' ? { date, text: t } : undefined;
  const words = before.split(/\s+/);
  if (words.length > 5 || /\d/.test(before) || !words.every((w) => NAME_WORD.test(w)) || !/^\p{Lu}/u.test(before)) return undefined;
  return { place: titleCase(before.replace(/(?<!\b(?:St|ST|Mt|MT))\.$/, '')), date, text: t };
}

/** "Dear Weydemeyer,", "My dear Sorge,", "Sir,", "Dear Comrades!": a letter's salutation, alone on its line. */
export function isSalutation(text: string): boolean {
  if (text.length > 80) return false;
  const t = text.replace(OPEN_QUOTES, '');
  return (
    /^(?:(?:my|mine)\s+)?(?:dear(?:est)?|honou?red|respected|beloved|esteemed)\b[^.;?]{0,60}(?:[,:!]|[,:!]?\s*(?:--|—|–))$/i.test(t) ||
    /^(?:sir|sirs|madam|madame|gentlemen|my lord|my lords|your (?:majesty|excellency|grace|lordship))\s*(?:[,:!]|[,:!]?\s*(?:--|—|–))$/i.test(
      t,
    )
  );
}

/** The person a salutation names, if it names one ("My dear Sorge," → "Sorge"; "Dear Sir," → none). */
export function salutationName(text: string): string | undefined {
  const n = text
    .replace(OPEN_QUOTES, '')
    .replace(/(?<![\s,:!—–-])[\s,:!—–-]+$/, '')
    .replace(/^(?:(?:my|mine)\s+)?(?:dear(?:est)?|honou?red|respected|beloved|esteemed)\s+/i, '')
    .replace(/^(?:old\s+)?(?:comrades?|citizens?|friends?)\s+/i, '')
    .trim();
  if (!n || /^(?:sirs?|madam|madame|gentlemen|comrades?|friends?|citizens?|all|my lords?|your .*|children|brothers?|sisters?)$/i.test(n))
    return undefined;
  return /^\p{Lu}/u.test(n) ? n : undefined;
}

const CLOSER = new RegExp(
  String.raw`^(?:yours\b|ever yours|always yours|i am,|i am (?:sir|madam|my|dear|ever|yours|your|truly|faithfully|sincerely|with)\b|i remain\b|i have the hono(?:u)?r to (?:be|remain|subscribe)\b|believe me|with (?:best|kind|warm|cordial|fraternal|hearty|many|all)\b|` +
    String.raw`(?:best|kind|warm(?:est)?|cordial|fraternal|hearty) (?:wishes|regards|greetings|salutes?)|cordially|fraternally|salut\b|greetings\b|regards\b|` +
    String.raw`faithfully|sincerely|affectionately|adieu|farewell|your (?:most |very |ever )?(?:obedient|humble|faithful|affectionate|devoted|sincere|loving|old|true|grateful)\b)`,
  'i',
);

/** "Yours faithfully,", "I am, Sir, your most obedient servant,": a letter's closing formula. */
export function isCloser(text: string): boolean {
  const t = text.replace(OPEN_QUOTES, '');
  return t.length <= 120 && t.split(/\s+/).length <= 14 && CLOSER.test(t) && !/[?]$/.test(t);
}

/** "K. Marx", "HARRIS.", "Your F. E.": a short name closing a letter. */
export function isSignature(text: string): boolean {
  const t = text.replace(OPEN_QUOTES, '').replace(/(?<!["”’])["”’]+$/, '');
  return t.length <= 40 && t.split(/\s+/).length <= 5 && /^\p{Lu}/u.test(t) && !/[!?;:,]$/.test(t) && !/\s\p{Ll}{4,}\.$/u.test(t);
}

export const isPostscript = (text: string): boolean => /^(?:P\.\s?S\.|PS\b|P\.P\.S\.|N\.\s?B\.)/.test(text.replace(OPEN_QUOTES, ''));

/** Whether a paragraph opens a quotation: letters an editor quotes in full open every paragraph with one. */
export const opensQuote = (text: string): boolean => /^["“„«‘]/.test(text);
