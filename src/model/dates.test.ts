import { readFileSync } from 'node:fs';
import { load } from 'cheerio';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate, parseWrittenStatement } from './dates.js';
import { PartialDate } from './work.js';

const BLOCKS = new URL('../../test/corpus/mia-lenin-infoblocks/lenin-information-blocks.html', import.meta.url).pathname;

/** The value after every `<span class="info">Written:</span>` label, up to the next <br> or label. */
function writtenValues(): string[] {
  const $ = load(readFileSync(BLOCKS, 'utf8'));
  const out: string[] = [];
  $('p.information span.info').each((_, span) => {
    if (!/^\s*written\s*:?\s*$/i.test($(span).text())) return;
    let value = '';
    for (let n = span.nextSibling; n; n = n.nextSibling) {
      if (n.type === 'tag' && (n.name === 'br' || (n.name === 'span' && $(n).hasClass('info')))) break;
      value += $(n).text();
    }
    out.push(value.replace(/[ \t\r\n]+/g, ' ').trim());
  });
  return out;
}
const VALUES = writtenValues();
const plain = (s: string) => s.replace(/\s+/g, ' ').trim();
/** The real corpus value (with its non-breaking spaces) that reads as `s`. */
function real(s: string): string {
  const v = VALUES.find((x) => plain(x) === s);
  if (v === undefined) throw new Error(`not in the corpus: ${s}`);
  return v;
}
const validDay = (d: string) => {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
};

describe('parseDate: the wordings the brief lists', () => {
  const cases: [string, Partial<PartialDate> | null][] = [
    ['May 14, 1918', { iso: '1918-05-14', precision: 'day', start: '1918-05-14', end: '1918-05-14', text: 'May 14, 1918' }],
    ['Written on May 14, 1918', { iso: '1918-05-14', precision: 'day', text: 'May 14, 1918' }],
    ['14 May 1918', { iso: '1918-05-14', precision: 'day' }],
    ['10 November, 1917', { iso: '1917-11-10', precision: 'day' }],
    ['1918', { iso: '1918', precision: 'year', start: '1918-01-01', end: '1918-12-31' }],
    ['May 1918', { iso: '1918-05', precision: 'month', start: '1918-05-01', end: '1918-05-31' }],
    ['Spring 1918', { iso: '1918-21', precision: 'season', start: '1918-03-01', end: '1918-05-31' }],
    ['summer of 1918', { iso: '1918-22', start: '1918-06-01', end: '1918-08-31' }],
    ['winter 1918', { iso: '1918-24', start: '1917-12-01', end: '1918-02-28' }],
    ['late 1917', { iso: '1917', precision: 'year', qualifier: 'late', start: '1917-09-01', end: '1917-12-31' }],
    ['early 1918', { iso: '1918', qualifier: 'early', start: '1918-01-01', end: '1918-04-30' }],
    ['mid-1918', { iso: '1918', qualifier: 'mid', start: '1918-05-01', end: '1918-08-31' }],
    ['at the end of 1899', { iso: '1899', qualifier: 'late', start: '1899-09-01', end: '1899-12-31' }],
    [
      'at the beginning of January 1905',
      { iso: '1905-01', precision: 'month', qualifier: 'early', start: '1905-01-01', end: '1905-01-10' },
    ],
    ['the first half of March 1911', { iso: '1911-03', qualifier: 'early', start: '1911-03-01', end: '1911-03-15' }],
    ['second half of July 1914', { iso: '1914-07', qualifier: 'late', start: '1914-07-16', end: '1914-07-31' }],
    ['1917-1918', { iso: '1917/1918', precision: 'year', start: '1917-01-01', end: '1918-12-31' }],
    ['1917-18', { iso: '1917/1918', end: '1918-12-31' }],
    ['October 1917–March 1918', { iso: '1917-10/1918-03', precision: 'month', start: '1917-10-01', end: '1918-03-31' }],
    ['between May 22 and June 1, 1901', { iso: '1901-05-22/1901-06-01', precision: 'day', start: '1901-05-22', end: '1901-06-01' }],
    ['between January 3 and 9, 1915', { iso: '1915-01-03/1915-01-09', start: '1915-01-03', end: '1915-01-09' }],
    ['December 30, 1921—January 4, 1922', { iso: '1921-12-30/1922-01-04', start: '1921-12-30', end: '1922-01-04' }],
    ['December 30–January 4, 1922', { start: '1921-12-30', end: '1922-01-04' }],
    ['25-27 December, 1921', { iso: '1921-12-25/1921-12-27', start: '1921-12-25', end: '1921-12-27' }],
    ['December 8 or 9, 1913', { iso: '[1913-12-08,1913-12-09]', uncertain: true, start: '1913-12-08', end: '1913-12-09' }],
    ['prior to May 5, 1914', { iso: '[..1914-05-05]', qualifier: 'before', precision: 'day', start: '1914-04-05', end: '1914-05-05' }],
    ['not later than May 5, 1914', { qualifier: 'before', start: '1914-04-05', end: '1914-05-05' }],
    ['before March 30, 1917', { qualifier: 'before', start: '1917-02-28', end: '1917-03-30' }],
    ['after May 5, 1914', { iso: '[1914-05-05..]', qualifier: 'after', start: '1914-05-05', end: '1914-06-05' }],
    ['not earlier than May 5, 1914', { qualifier: 'after', start: '1914-05-05', end: '1914-06-05' }],
    ['later than May 5, 1914', { qualifier: 'after', start: '1914-05-05' }],
    ['not later than March 1920', { iso: '[..1920-03]', qualifier: 'before', precision: 'month', start: '1920-02-01', end: '1920-03-31' }],
    ['after June 1916', { iso: '[1916-06..]', start: '1916-06-01', end: '1916-07-31' }],
    ['1917 (1918)', { iso: '1917' }],
    ['before 1914', { iso: '[..1914]', start: '1913-01-01', end: '1914-12-31' }],
    ['about August 28, 1904', { iso: '1904-08-28~', qualifier: 'circa', start: '1904-08-28', end: '1904-08-28' }],
    ['c. 1890', { iso: '1890~', qualifier: 'circa', precision: 'year', start: '1890-01-01', end: '1890-12-31' }],
    ['April 29 (May 12), 1917', { iso: '1917-05-12', calendar: 'julian', text: 'April 29 (May 12), 1917' }],
    ['July 10 (23), 1917', { iso: '1917-07-23', calendar: 'julian' }],
    ['November 29 (December 12), 1917', { iso: '1917-12-12', calendar: 'julian' }],
    ['December 31, 1917 (January 13, 1918)', { iso: '1918-01-13', calendar: 'julian' }],
    ['April 22 (O.S.), 1914', { iso: '1914-05-05', calendar: 'julian' }],
    ['February 10 (O.S.), 1900', { iso: '1900-02-22' }],
    ['In July, prior to 6th, 1914', { iso: '1914-07/1914-07-06', qualifier: 'before', start: '1914-07-01', end: '1914-07-06' }],
    ['in October, not earlier than 27th, 1913', { qualifier: 'after', start: '1913-10-27', end: '1913-10-31' }],
    ['Written in 1905, not earlier than June 11', { iso: '1905-06-11/1905', qualifier: 'after', start: '1905-06-11', end: '1905-12-31' }],
    ['1918-05-14', { iso: '1918-05-14', precision: 'day' }],
    ['1918-05', { iso: '1918-05', precision: 'month' }],
    ['1918/05/14', { iso: '1918-05-14' }],
    ['1918-05-14T10:00:00Z', { iso: '1918-05-14' }],
    ['the 14th of May, 1918', { iso: '1918-05-14' }],
    ['Sept. 3, 1917', { iso: '1917-09-03' }],
    ['14.05.1918', { iso: '1918-05-14' }],
    ['14. Mai 1918', { iso: '1918-05-14' }],
    ['14 мая 1918 г.', { iso: '1918-05-14' }],
    ['le 14 mai 1918', { iso: '1918-05-14' }],
    ['19O5', { iso: '1905', precision: 'year' }],
    ['May\u00a014,\u00a01918', { iso: '1918-05-14', text: 'May 14, 1918' }],
    ['the 1890s', { iso: '189X', precision: 'decade', start: '1890-01-01', end: '1899-12-31' }],
    ['the 19th century', { iso: '18XX', precision: 'century', start: '1800-01-01', end: '1899-12-31' }],
    ['1918?', { iso: '1918', uncertain: true }],
    ['Written in Paris and mailed to a local address', null],
    ['(See below.)', null],
    ['they may go', null],
    ['Pravda No. 23', null],
    ['', null],
  ];
  for (const [text, want] of cases) {
    it(JSON.stringify(text), () => {
      const got = parseDate(text);
      if (want === null) return expect(got).toBeNull();
      expect(got).toMatchObject(want);
      expect(PartialDate.safeParse(got).success).toBe(true);
    });
  }

  it('never yields a day that does not exist', () => {
    expect(parseDate('August 91, 1916')).toMatchObject({ iso: '1916-08', precision: 'month' });
    expect(parseDate('February 30, 1917')).toMatchObject({ iso: '1917-02', precision: 'month', end: '1917-02-28' });
    expect(parseDate('1918-02-30')).toMatchObject({ iso: '1918-02' });
    expect(parseDate('February 30')).toBeNull();
    expect(parseDate('February 29, 1900')).toMatchObject({ iso: '1900-02' });
    expect(parseDate('February 29, 1904')).toMatchObject({ iso: '1904-02-29' });
  });
});

describe('parseDate on the 580 real "Written:" values of the Lenin information blocks', () => {
  it('reads a date from ≥ 95% of the values with a year; every date is valid and start <= end', () => {
    expect(VALUES.length).toBeGreaterThan(500);
    const withYear = VALUES.filter((v) => /\d{4}|19O\d/.test(v));
    const failures = withYear.filter((v) => !parseDate(v));
    console.log(`dates: ${VALUES.length} Written values, ${withYear.length} with a year, ${failures.length} unread`, failures);
    expect(failures.length / withYear.length).toBeLessThanOrEqual(0.05);
    for (const v of VALUES) {
      const d = parseDate(v);
      if (!d) continue;
      expect(PartialDate.safeParse(d).success, v).toBe(true);
      expect(d.start <= d.end, v).toBe(true);
      expect(validDay(d.start) && validDay(d.end), v).toBe(true);
      expect(plain(v)).toContain(d.text);
    }
  });

  const picked: [string, Partial<PartialDate> | null][] = [
    [
      'Written prior to May 5, 1914',
      { iso: '[..1914-05-05]', qualifier: 'before', start: '1914-04-05', end: '1914-05-05', text: 'prior to May 5, 1914' },
    ],
    ['Written at the beginning of January 19O5', { iso: '1905-01', qualifier: 'early', start: '1905-01-01', end: '1905-01-10' }],
    ['10 November, 1917', { iso: '1917-11-10', precision: 'day' }],
    [
      'Written between May 22 and June 1, 1901, in Munich and mailed to a local address',
      { iso: '1901-05-22/1901-06-01', text: 'between May 22 and June 1, 1901' },
    ],
    ['Written between January 3 and 9, 1915', { start: '1915-01-03', end: '1915-01-09' }],
    ['Written December 30, 1921—January 4, 1922', { iso: '1921-12-30/1922-01-04' }],
    ['25-27 December, 1921', { iso: '1921-12-25/1921-12-27' }],
    ['Written December 8 or 9, 1913', { iso: '[1913-12-08,1913-12-09]', uncertain: true }],
    [
      'Written not later than April 29 (May 12), 1917',
      { iso: '[..1917-05-12]', qualifier: 'before', calendar: 'julian', end: '1917-05-12' },
    ],
    ['Written on July 10 (23), 1917', { iso: '1917-07-23', calendar: 'julian' }],
    ['November 29 (December 12), 1917', { iso: '1917-12-12', calendar: 'julian' }],
    ['Written in July, prior to 6th, 1914', { qualifier: 'before', start: '1914-07-01', end: '1914-07-06' }],
    ['Written in October, not earlier than 27th, 1913', { qualifier: 'after', start: '1913-10-27', end: '1913-10-31' }],
    ['Written in 1905, not earlier than June 11', { qualifier: 'after', start: '1905-06-11', end: '1905-12-31' }],
    ['Written about August 28, 1904, in Switzerland', { iso: '1904-08-28~', qualifier: 'circa' }],
    ['Written at the end of 1899', { iso: '1899', qualifier: 'late', start: '1899-09-01', end: '1899-12-31' }],
    ['Written in the first half of March 1911', { start: '1911-03-01', end: '1911-03-15' }],
    ['Written in the first halt of January 1913', { start: '1913-01-01', end: '1913-01-15', qualifier: 'early' }],
    ['Written in autumn 1895', { iso: '1895-23', precision: 'season', start: '1895-09-01', end: '1895-11-30' }],
    ['Written mid-November 1895', { iso: '1895-11', qualifier: 'mid', start: '1895-11-11', end: '1895-11-20' }],
    ['Written between March 7 and 12 (20 and 25), 1917', { iso: '1917-03-20/1917-03-25', calendar: 'julian' }],
    ['Written in German between January 23 and 26 (February 5 and 8), 1916', { iso: '1916-02-05/1916-02-08' }],
    [
      'Not earlier than April 25 (May 7), but not later than September 1895',
      { iso: '1895-05-07/1895-09', start: '1895-05-07', end: '1895-09-30' },
    ],
    ['Written August 91, 1916', { iso: '1916-08', precision: 'month' }],
    ['17 Deptember, 1922', { iso: '1922-09-17' }],
    ['x November, 1917', { iso: '1917-11', precision: 'month' }],
    ['12 and 13 October , 1922', { iso: '{1922-10-12,1922-10-13}', start: '1922-10-12', end: '1922-10-13' }],
    ['24 & 26 March, 1922', { start: '1922-03-24', end: '1922-03-26' }],
    ['Written in February-early March 1910 in Paris', { iso: '1910-02/1910-03', start: '1910-02-01', end: '1910-03-10' }],
    ['Written at the end of August–beginning of September 1899', { start: '1899-08-21', end: '1899-09-10' }],
    ['Written in late September-early October 1907 in Kuokkala', { start: '1907-09-21', end: '1907-10-10' }],
    ['Written not before the end of March 1920', { qualifier: 'after', start: '1920-03-21', end: '1920-04-30' }],
    ['Written not later than March 1920', { qualifier: 'before', start: '1920-02-01', end: '1920-03-31' }],
    ['December 1922 - January 1923', { iso: '1922-12/1923-01' }],
    [
      'Written in 1909, no earlier than October, in Paris and mailed to a local address',
      { qualifier: 'after', start: '1909-10-01', end: '1909-12-31' },
    ],
    ['Written December, 11, 1914', { iso: '1914-12-11' }],
    ['Written earlier than March 25, 1917', { qualifier: 'before', end: '1917-03-25' }],
    ['Written later than October 5, 1904', { qualifier: 'after', start: '1904-10-05' }],
    ['Written early in November 1900', { start: '1900-11-01', end: '1900-11-10' }],
    ['Written April, not later than the 3rd, 1919', { start: '1919-04-01', end: '1919-04-03' }],
    ['Written April 15, 1917 in Pravda No. 33', { iso: '1917-04-15', text: 'April 15, 1917' }],
    ['1909', { iso: '1909', precision: 'year' }],
    ['Written in Paris and mailed to a local address', null],
    ['(See below.)', null],
    ['Written in English', null],
  ];
  for (const [text, want] of picked) {
    it(`real value ${JSON.stringify(text)}`, () => {
      const got = parseDate(real(text));
      if (want === null) return expect(got).toBeNull();
      expect(got).toMatchObject(want);
    });
  }
});

describe('parseWrittenStatement', () => {
  const cases: [string, Record<string, unknown>][] = [
    [
      'Written between May 22 and June 1, 1901, in Munich and mailed to a local address',
      { place: 'Munich', sentFrom: 'Munich', sentTo: 'Munich', date: { iso: '1901-05-22/1901-06-01' } },
    ],
    ['Written in German on December 1, 1918', { language: 'German', date: { iso: '1918-12-01' } }],
    [
      'Written August 16, 1898 Sent from Shushenskoye to Podolsk',
      { sentFrom: 'Shushenskoye', sentTo: 'Podolsk', date: { iso: '1898-08-16' } },
    ],
    ['Written prior to July 6, 1914, at Poronin', { place: 'Poronin', date: { qualifier: 'before', end: '1914-07-06' } }],
    ['Written in Paris', { place: 'Paris' }],
    ['Written April 6, 1917 sent from Berne to Geneva', { sentFrom: 'Berne', sentTo: 'Geneva', date: { iso: '1917-04-06' } }],
    [
      'Written at the beginning of November 1895 Sent from St. Petersburg to Zurich',
      { sentFrom: 'St. Petersburg', sentTo: 'Zurich', date: { iso: '1895-11' } },
    ],
    ['Written August 15, 1904 in the Swiss mountains, sent to Gomel', { place: 'Swiss mountains', sentTo: 'Gomel' }],
    ['Written January 8, 1904 in Geneva (local mail)', { place: 'Geneva', sentTo: 'Geneva', date: { iso: '1904-01-08' } }],
    ['Written in 1905, not earlier than March 31, in Geneva', { place: 'Geneva', date: { start: '1905-03-31' } }],
    [
      'Written in German between January 23 and 26 (February 5 and 8), 1916',
      { language: 'German', date: { iso: '1916-02-05/1916-02-08' } },
    ],
    ['Written in the neighbourhood of Geneva. sent to Geneva', { place: 'neighbourhood of Geneva', sentTo: 'Geneva' }],
    ['Written February 7, 1904 sent from Geneva', { sentFrom: 'Geneva' }],
  ];
  for (const [text, want] of cases) {
    it(JSON.stringify(text), () => {
      const got = parseWrittenStatement(real(text));
      expect(got).toMatchObject({ ...want, text });
    });
  }

  it('reads language alone, and no place from a newspaper issue', () => {
    expect(parseWrittenStatement(real('Written in English'))).toEqual({ text: 'Written in English', language: 'English' });
    const pravda = parseWrittenStatement(real('Written April 15, 1917 in Pravda No. 33'));
    expect(pravda.place).toBeUndefined();
    expect(parseWrittenStatement('Written: Written in St.\u00a0Petersburg.')).toMatchObject({ place: 'St. Petersburg' });
  });

  it('gives every real value a clean place (no digits, no date words)', () => {
    for (const v of VALUES) {
      const w = parseWrittenStatement(v);
      for (const p of [w.place, w.sentFrom, w.sentTo]) if (p) expect(p, v).toMatch(/^[^\d;,()]+$/);
      if (w.date) expect(PartialDate.safeParse(w.date).success, v).toBe(true);
    }
  });
});

describe('properties', () => {
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const day = fc.date({ min: new Date('1700-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });

  it('reads every real day in five spellings back to the same ISO day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 4 }), (t, style) => {
        const [y, m, d] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
        const iso = t.toISOString().slice(0, 10);
        const text = [
          `${MONTHS[m - 1]} ${d}, ${y}`,
          `${d} ${MONTHS[m - 1]} ${y}`,
          iso,
          `${d}.${m}.${y}`,
          `Written on ${MONTHS[m - 1]}\u00a0${d},\u00a0${y}, in Paris`,
        ][style]!;
        expect(parseDate(text)).toMatchObject({ iso, precision: 'day', start: iso, end: iso });
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, and any date it returns is valid with start <= end', () => {
    const words = fc.constantFrom(
      'May',
      'between',
      'and',
      'or',
      'prior to',
      'not',
      'later than',
      'after',
      'about',
      'in',
      'the',
      'end',
      'of',
      'first half',
      'spring',
      '(',
      ')',
      ',',
      '-',
      '–',
      '12',
      '31',
      '29',
      '1917',
      '1918',
      '19O5',
      'February',
      'December',
      'January',
      'c.',
      '?',
      '1890s',
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 12 }), (parts) => {
        const d = parseDate(parts.join(' '));
        if (d) {
          expect(PartialDate.safeParse(d).success).toBe(true);
          expect(d.start <= d.end).toBe(true);
          expect(validDay(d.start) && validDay(d.end)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
