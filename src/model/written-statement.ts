// The value of MIA's "Written:" label: a date plus where it was written, in what language and
// where it was sent ("Written between May 22 and June 1, 1901, in Munich and mailed to a local address").
import type { PartialDate } from './work.js';
import { findDate } from './date-resolve.js';

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
  return { text: text.replace(/\s+/g, ' ').trim(), ...(findDate(text) ? { date: findDate(text)!.date } : {}) };
}
