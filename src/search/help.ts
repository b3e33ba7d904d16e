// The query language, described once: the search page shows this table, the CLI prints it.

import type { SyntaxRow } from '../model/search.js';

export const QUERY_SYNTAX: SyntaxRow[] = [
  {
    syntax: 'words',
    meaning:
      'Works containing every word, in any order. Words are matched by their stem (letter, letters), with accents folded, in Latin or Cyrillic letters.',
    example: 'baku diplomacy',
  },
  { syntax: '"a phrase"', meaning: 'The words next to each other, in this order.', example: '"learn diplomacy"' },
  {
    syntax: 'OR',
    meaning: 'Either side (capital letters). AND is implied between words; AND binds before OR.',
    example: 'Shahumyan OR Dzhaparidze',
  },
  { syntax: 'NOT word, -word', meaning: 'Leave out works containing the word or phrase.', example: 'diplomacy -war' },
  { syntax: '( … )', meaning: 'Group terms.', example: '(Tsaritsyn OR Baku) oil' },
  { syntax: 'prefix*', meaning: 'Words starting with the letters (at least two).', example: 'diplom*' },
  {
    syntax: 'author:',
    meaning: 'Written by this person: any spelling the people register knows, or the id. Also by:, from:.',
    example: 'author:lenin',
  },
  { syntax: 'recipient:', meaning: 'Addressed to this person. Also to:.', example: 'recipient:shahumyan' },
  { syntax: 'place:', meaning: 'Written at or sent to this place.', example: 'place:baku' },
  {
    syntax: 'kind:',
    meaning: 'letter, telegram, note, article, speech, book, chapter, preface, pamphlet, resolution, report, document, poem, interview.',
    example: 'kind:letter',
  },
  { syntax: 'lang:', meaning: 'Language of the text: a code or an English name.', example: 'lang:ru' },
  {
    syntax: 'collection:',
    meaning: 'In this collection or below it (its path or title words).',
    example: 'collection:lenin/collected-works',
  },
  {
    syntax: 'year:',
    meaning: 'Written in a year, a range of years, or a decade (a date that spans years matches each of them).',
    example: 'year:1918, year:1917..1918, year:1910s',
  },
  {
    syntax: 'date:',
    meaning: 'Written within a range of days; YYYY, YYYY-MM or YYYY-MM-DD; either end may be left open.',
    example: 'date:1917-10..1918-03, date:..1850',
  },
  { syntax: '"…" around a filter value', meaning: 'Values with spaces.', example: 'recipient:"S. G. Shahumyan"' },
];

export const MATCHING_NOTES = [
  'A query in Latin letters also finds Cyrillic text and the reverse: Cyrillic is romanized by BGN/PCGN (Шаумян → Shaumyan), and Latin letters are read back as Russian whether written in BGN/PCGN, the scholarly system or ISO 9 (Šaumjan).',
  'A person’s other spellings in the people register are searched too (Shaumyan finds Shahumyan and Шаумян).',
  'Names and words the archive does not contain are also matched with spelling variants (one letter off for words of 5–7 letters, two for longer ones); "How the words were searched" lists them.',
];
