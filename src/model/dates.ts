// Dates as historical archives word them: "May 14, 1918", "late 1917", "between May 22 and June 1,
// 1901", "prior to May 5, 1914", "April 29 (May 12), 1917". The rules are in date-resolve.ts, the
// grammar in date-grammar.ts, the vocabulary in date-words.ts. Pure: no I/O.
import type { PartialDate } from './work.js';
import { findDate } from './date-resolve.js';

export { parseWrittenStatement, type WrittenStatement } from './written-statement.js';

const clean = (s: string) =>
  s
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Parse a date as archives word it. Returns null when no date can be read. `text` is the date's wording. */
export function parseDate(text: string): PartialDate | null {
  return findDate(clean(text))?.date ?? null;
}
