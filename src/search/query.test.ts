import { describe, expect, it } from 'vitest';
import { filterToken, parseQuery } from './query.js';
import { QueryError } from './query-error.js';

const problem = (q: string) => {
  try {
    parseQuery(q);
  } catch (e) {
    if (e instanceof QueryError) return { message: e.message, position: e.position, hint: e.hint };
    throw e;
  }
  return undefined;
};

describe('parseQuery', () => {
  it('reads words, phrases, prefixes and implicit AND', () => {
    expect(parseQuery('learn "cautious diplomacy" diplom*')).toEqual({
      type: 'and',
      children: [
        { type: 'word', text: 'learn', prefix: false, pos: 0 },
        { type: 'phrase', text: 'cautious diplomacy', pos: 6 },
        { type: 'word', text: 'diplom', prefix: true, pos: 27 },
      ],
    });
  });

  it('binds AND tighter than OR, and reads NOT, -word and parentheses', () => {
    const ast = parseQuery('lenin OR trotsky AND -war (baku OR tiflis) NOT "civil war"');
    expect(ast).toMatchObject({
      type: 'or',
      children: [
        { type: 'word', text: 'lenin' },
        {
          type: 'and',
          children: [
            { type: 'word', text: 'trotsky' },
            { type: 'not', child: { type: 'word', text: 'war' } },
            { type: 'or', children: [{ text: 'baku' }, { text: 'tiflis' }] },
            { type: 'not', child: { type: 'phrase', text: 'civil war' } },
          ],
        },
      ],
    });
  });

  it('keeps lower-case and/or/not as words, and a hyphen inside a word as part of it', () => {
    expect(parseQuery('war and peace')).toMatchObject({ type: 'and', children: [{ text: 'war' }, { text: 'and' }, { text: 'peace' }] });
    expect(parseQuery('anti-Soviet')).toMatchObject({ type: 'word', text: 'anti-Soviet' });
  });

  it('reads filters, with aliases and quoted values', () => {
    expect(parseQuery('author:lenin to:"S. G. Shahumyan" place:baku kind:letters lang:Russian collection:lenin/letters')).toMatchObject({
      type: 'and',
      children: [
        { type: 'filter', field: 'author', value: 'lenin' },
        { type: 'filter', field: 'recipient', value: 'S. G. Shahumyan' },
        { type: 'filter', field: 'place', value: 'baku' },
        { type: 'filter', field: 'kind', value: 'letter' },
        { type: 'filter', field: 'lang', value: 'ru' },
        { type: 'filter', field: 'collection', value: 'lenin/letters' },
      ],
    });
  });

  it('reads years, decades and date ranges as inclusive day ranges', () => {
    expect(parseQuery('year:1918')).toMatchObject({ type: 'date', from: '1918-01-01', to: '1918-12-31' });
    expect(parseQuery('year:1910s')).toMatchObject({ from: '1910-01-01', to: '1919-12-31' });
    expect(parseQuery('year:1917..1918')).toMatchObject({ from: '1917-01-01', to: '1918-12-31' });
    expect(parseQuery('date:1917-10..1918-03')).toMatchObject({ from: '1917-10-01', to: '1918-03-31' });
    expect(parseQuery('date:1918-02')).toMatchObject({ from: '1918-02-01', to: '1918-02-28' });
    expect(parseQuery('date:..1850')).toMatchObject({ from: '0000-01-01', to: '1850-12-31' });
    expect(parseQuery('date:1918-05-14..')).toMatchObject({ from: '1918-05-14', to: '9999-12-31' });
  });

  it('ignores punctuation standing alone and returns nothing for an empty query', () => {
    expect(parseQuery('   ')).toBeUndefined();
    expect(parseQuery('war & peace')).toMatchObject({ type: 'and', children: [{ text: 'war' }, { text: 'peace' }] });
  });

  it.each([
    ['"unclosed', 'Unclosed quotation mark.', 0],
    ['AND OR', '"AND" needs a search term before it.', 0],
    ['lenin AND', '"AND" needs a search term after it.', 6],
    ['lenin OR OR trotsky', '"OR" needs a search term after it.', 6],
    ['NOT', '"NOT" needs a search term after it.', 0],
    ['baku -', undefined, undefined],
    ['(baku OR tiflis', 'Unclosed parenthesis.', 0],
    ['baku)', 'Unexpected ")".', 4],
    ['()', 'Empty parentheses.', 0],
    ['""', 'Empty phrase.', 0],
    ['date:1918..oops', '"oops" is not a date.', 0],
    ['date:1918-13', '"1918-13" is not a date.', 0],
    ['date:1918-02-30', '"1918-02-30" is not a date.', 0],
    ['date:1919..1918', 'The range 1919..1918 starts after it ends.', 0],
    ['date:..', 'A date range needs at least one end.', 0],
    ['year:nineteen', '"nineteen" is not a year.', 0],
    ['kind:poster', 'Unknown kind "poster".', 0],
    ['lang:klingon', 'Unknown language "klingon".', 0],
    ['author:', '"author:" needs a value.', 0],
    ['Capital: volume one', 'Unknown filter "Capital:".', 0],
    ['d*', 'A prefix search needs at least two letters before the *.', 0],
  ])('%s → %s', (q, message, position) => {
    const p = problem(q);
    if (message === undefined) return expect(p).toBeUndefined();
    expect(p?.message).toBe(message);
    expect(p?.position).toBe(position);
    expect(p?.hint?.length ?? 0).toBeGreaterThan(10);
  });

  it('refuses absurdly long queries', () => {
    expect(problem('word '.repeat(300))?.message).toMatch(/too long/);
    expect(problem('a '.repeat(70))?.message).toMatch(/too many terms/);
  });

  it('writes filters back in query syntax', () => {
    expect(filterToken('recipient', 'shaumyan-stepan')).toBe('recipient:shaumyan-stepan');
    expect(filterToken('place', 'St. Petersburg')).toBe('place:"St. Petersburg"');
    expect(parseQuery(filterToken('place', 'St. Petersburg'))).toMatchObject({ type: 'filter', value: 'St. Petersburg' });
  });
});

describe('any input', () => {
  it('parses or gives a QueryError, never another exception', async () => {
    const fc = await import('fast-check');
    const piece = fc.constantFrom(
      'lenin',
      'Шаумян',
      '"',
      '(',
      ')',
      'AND',
      'OR',
      'NOT',
      '-',
      '*',
      'year:',
      'date:',
      '..',
      'kind:letter',
      ':',
      '“',
      '„',
      ' ',
      'x*',
      '1918',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.array(piece, { maxLength: 12 }).map((a) => a.join('')),
        ),
        (q) => {
          try {
            parseQuery(q);
          } catch (e) {
            if (!(e instanceof QueryError)) throw e;
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
