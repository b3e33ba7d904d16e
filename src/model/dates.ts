// PLACEHOLDER — being replaced by the dates module (see helper brief). Signature is the contract.
import type { PartialDate } from './work.js';

const MONTHS = ['january','february','march','april','may','june','july','august','september','october','november','december'];
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Parse a date as archives word it. Returns null when no date can be read. */
export function parseDate(text: string): PartialDate | null {
  const t = text.replace(/\u00a0/g, ' ').trim();
  let m = t.match(/([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})/);
  if (m && MONTHS.includes(m[1]!.toLowerCase())) {
    const iso = `${m[3]}-${pad(MONTHS.indexOf(m[1]!.toLowerCase()) + 1)}-${pad(+m[2]!)}`;
    return { text: t, iso, precision: 'day', start: iso, end: iso };
  }
  m = t.match(/\b(\d{4})\b/);
  if (m) return { text: t, iso: m[1]!, precision: 'year', start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  void lastDay;
  return null;
}

/** What a "Written:" statement says besides the date: place, language, where it was sent. */
export interface WrittenStatement {
  date?: PartialDate;
  place?: string;
  sentFrom?: string;
  sentTo?: string;
  language?: string;
  text: string;
}

export function parseWrittenStatement(text: string): WrittenStatement {
  const date = parseDate(text.replace(/^\s*written:?\s*/i, '').replace(/^written\s+(on\s+)?/i, ''));
  return { text: text.trim(), ...(date ? { date } : {}) };
}
