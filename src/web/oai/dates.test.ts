import { describe, expect, it } from 'vitest';
import { datestamp, parseBound, parseRange } from './dates.js';
import type { OaiFailure } from './errors.js';

describe('OAI datestamps', () => {
  it('turns a day or a second into its first and last millisecond', () => {
    expect(parseBound('2024-02-29')).toEqual({ granularity: 'day', start: '2024-02-29T00:00:00.000Z', end: '2024-02-29T23:59:59.999Z' });
    expect(parseBound('1999-12-31T23:59:59Z')).toEqual({
      granularity: 'seconds',
      start: '1999-12-31T23:59:59.000Z',
      end: '1999-12-31T23:59:59.999Z',
    });
    expect(parseBound('0050-01-01')?.start).toBe('0050-01-01T00:00:00.000Z');
  });

  it('refuses what is not a real date in a declared granularity', () => {
    for (const v of [
      '2023-02-29',
      '2024-13-01',
      '2024-04-31',
      '2024-01-01T24:00:00Z',
      '2024-01-01T12:60:00Z',
      '2024-01-01T12:00:00+01:00',
      '2024-01-01T12:00Z',
      '2024-1-1',
      '20240101',
      '2024-01-01 ',
      '',
    ]) {
      expect(parseBound(v), v).toBeUndefined();
    }
  });

  it('checks from and until together', () => {
    expect(parseRange('2024-01-01', '2024-01-01').until?.end).toBe('2024-01-01T23:59:59.999Z');
    const codes = (f?: string, u?: string) => {
      try {
        parseRange(f, u);
        return [];
      } catch (e) {
        return (e as OaiFailure).errors.map((x) => x.code);
      }
    };
    expect(codes('2024-01-02', '2024-01-01')).toEqual(['badArgument']);
    expect(codes('2024-01-01', '2024-01-01T00:00:00Z')).toEqual(['badArgument']);
    expect(codes('x', 'y')).toEqual(['badArgument']);
    expect(codes(undefined, '2024-01-01')).toEqual([]);
  });

  it('gives stored timestamps at seconds granularity', () => {
    expect(datestamp('2024-03-03T12:30:15.250Z')).toBe('2024-03-03T12:30:15Z');
    expect(datestamp(new Date(Date.UTC(2024, 0, 1)))).toBe('2024-01-01T00:00:00Z');
  });
});
