// Inputs for fuzzing importers: raw bytes, arbitrary text, and real corpus files cut, spliced and
// sprinkled with junk (tag soup, stray entities, header labels, control characters, wrong encodings),
// which reach far deeper into a parser than random bytes do.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import fc from 'fast-check';
import type { Importer, SourceFile } from '../../src/ingest/types.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { renderText } from '../../src/render/text/index.js';
import { CORPUS, SEED_PATH, seedWork } from '../support/seed.js';
import * as H from './hostile-inputs.js';

export interface Sample {
  name: string;
  ext: string;
  text: string;
}

const MAX_SAMPLE = 16 * 1024;

function walk(dir: string, out: string[]): void {
  let entries: string[] = [];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(html?|xml|txt|md)$/i.test(e) && !/^(PROVENANCE|README|LICENSE)/i.test(e)) out.push(p);
  }
}

/** Every n-th corpus file (so each format is represented), the seed, and the seed exported as Markdown and text. */
export function loadSamples(every = 6): Sample[] {
  const files: string[] = [];
  walk(CORPUS, files);
  const picked = files.filter((_, i) => i % every === 0);
  const out: Sample[] = picked.map((p) => ({
    name: p,
    ext: extname(p).toLowerCase() || '.txt',
    text: readFileSync(p, 'latin1').slice(0, MAX_SAMPLE),
  }));
  out.push({ name: SEED_PATH, ext: '.txt', text: readFileSync(SEED_PATH, 'utf8') });
  const seed = seedWork();
  out.push({ name: 'seed.md', ext: '.md', text: renderMarkdown(seed) });
  out.push({ name: 'seed.txt', ext: '.txt', text: renderText(seed) });
  out.push({ name: 'hand-written.md', ext: '.md', text: HAND_WRITTEN_MD });
  return out;
}

/** Samples the importer recognises (its own format), or all when it recognises none. */
export function samplesFor(importer: Importer, all: Sample[]): Sample[] {
  const own = all.filter((s) => {
    try {
      return importer.sniff({ path: `x${s.ext}`, bytes: Buffer.from(s.text, 'latin1') }, s.text.slice(0, 8192)) > 0;
    } catch {
      return false;
    }
  });
  return own.length ? own : all;
}

/** Markdown as a person would write it: a front matter subset and most of CommonMark + GFM. */
const HAND_WRITTEN_MD = `---
title: Letter to Joseph Weydemeyer
author: Karl Marx
recipient: Joseph Weydemeyer
date: March 5, 1852
kind: letter
language: en
---

# To Joseph Weydemeyer

*London, 5 March 1852*

Dear Weywy,

I am afraid that a *misunderstanding* has crept in.[^1] **As to myself**, no credit is due to me for discovering
the existence of classes in modern society, or the struggle between them.[^2]

> Long before me bourgeois historians had described the historical development of this class struggle.

1. that the existence of classes is only bound up with particular historical phases;
2. that the class struggle necessarily leads to the dictatorship of the proletariat;

- [a link](https://www.marxists.org/archive/marx/works/1852/letters/52_03_05.htm)
- [a bad link](javascript:alert(1)) and <script>alert(1)</script> and <b onclick="x()">bold</b>

| Year | Place |
|------|-------|
| 1852 | London |

    indented code

---

Yours,
K. M.

[^1]: Written in English and German.
[^2]: See Marx's *Class Struggles in France*.
`;

const TOKENS = [
  '<',
  '>',
  '</',
  '/>',
  '<p>',
  '</p>',
  '<p class="information">',
  '<span class="info">Written:</span>',
  '<span class="info">Source:',
  '</span>',
  '<sup class="enote"><a href="#n1">[1]</a></sup>',
  '<a name="n1">',
  '<hr class="end" />',
  '<br>',
  '<script>alert(1)</script>',
  '<a href="javascript:alert(1)">x</a>',
  '<img src=x onerror=alert(1)>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<?xml version="1.0"?>',
  '<!DOCTYPE html>',
  '<!DOCTYPE x [<!ENTITY e "ee">]>',
  '&e;',
  '<TEI xmlns="http://www.tei-c.org/ns/1.0">',
  '</TEI>',
  '<teiHeader>',
  '<correspDesc>',
  '<correspAction type="sent">',
  '<date when="1918-05-14"/>',
  '<date notBefore="1900" notAfter="18">',
  '<persName ref="#x">',
  '<placeName>',
  '<note type="commentary">',
  '<body>',
  '<div>',
  '<opener>',
  '<closer>',
  '&amp;',
  '&#8211;',
  '&#x0;',
  '&#xD800;',
  '&nbsp;',
  '&unknown;',
  '&#99999999;',
  '&',
  '"',
  "'",
  '\u0000',
  '\uFEFF',
  '\uFFFD',
  '\r\n',
  '\r',
  '\t',
  '\u2028',
  'Written:',
  'Written: Written on May 14, 1918',
  'Published:',
  'Source:',
  'Translated:',
  'Transcription\\Markup:',
  'Public Domain:',
  'Other Formats:',
  '[1]',
  '[*]',
  '[a]',
  '• ',
  '---\n',
  '---\ntitle: x\n',
  'title: ',
  'date: 1918-05-14',
  'author: ',
  '# ',
  '## ',
  '[^1]',
  '[^1]: note',
  '| a | b |\n|---|---|',
  '> ',
  '```',
  '*',
  '_',
  '\\',
  'Dear Comrade',
  'Yours,',
  'Lenin',
  'Ленин',
  'Шаумян',
  'Börsen',
  'ﬁ',
  '🙂',
  'a'.repeat(300),
  '\n'.repeat(40),
  ' '.repeat(200),
];

const junk = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);

export interface FuzzCase {
  path: string;
  bytes: Uint8Array;
  how: string;
}

const asBytes = (s: string, enc: 'utf8' | 'latin1' | 'utf16le') => new Uint8Array(Buffer.from(s, enc));

/** A real sample's beginning or middle, edited in a few places with junk. */
function mutated(samples: Sample[]): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      i: fc.nat(samples.length - 1),
      start: fc.oneof(fc.constant(0), fc.nat()),
      length: fc.integer({ min: 0, max: 6000 }),
      edits: fc.array(fc.tuple(fc.nat(), fc.nat(60), junk), { maxLength: 8 }),
      enc: fc.constantFrom('utf8', 'utf8', 'latin1', 'utf16le') as fc.Arbitrary<'utf8' | 'latin1' | 'utf16le'>,
    })
    .map(({ i, start, length, edits, enc }) => {
      const s = samples[i]!;
      const from = start % Math.max(1, s.text.length);
      let text = s.text.slice(from, from + length);
      for (const [at, del, ins] of edits) {
        const p = text.length ? at % (text.length + 1) : 0;
        text = text.slice(0, p) + ins + text.slice(p + del);
      }
      return {
        path: `fuzz/case${s.ext}`,
        bytes: asBytes(text, enc),
        how: `${s.name} [${from}, +${length}] with ${edits.length} edits (${enc})`,
      };
    });
}

const WORDS = [
  'May 14, 1918',
  '14.05.1918',
  '1918-05-14',
  'spring 1918',
  'c. 1890',
  'between 1917 and 1918',
  '31 February 1918',
  '0000',
  '-0001-01-01',
  'Lenin',
  'V. I. Lenin',
  'Ленин',
  'Шаумян',
  'Dear Comrade',
  'Yours,',
  'Moscow',
  'Baku',
  'Wien',
  'Schnitzler',
  'Börsen',
  '’',
  '“',
  '—',
  '…',
  'Written:',
  'Source:',
  'Published:',
  '[1]',
  '*',
  '#',
  '&amp;',
  '&lt;script&gt;',
  '&#8211;',
  ' ',
  '  ',
  '\n',
  'ﬁ',
  '🙂',
  'x'.repeat(500),
];
const safe = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 30 }).map((t) => t.replace(/[<>&"']/g, '')),
);

/** A whole sample with text inserted right after tags or at line starts: usually still well-formed, so parsers go deep. */
function gentle(samples: Sample[]): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      i: fc.nat(samples.length - 1),
      edits: fc.array(fc.tuple(fc.nat(), safe, fc.nat(8)), { minLength: 1, maxLength: 5 }),
    })
    .map(({ i, edits }) => {
      const s = samples[i]!;
      let text = s.text;
      for (const [at, ins, del] of edits) {
        const from = at % Math.max(1, text.length);
        const anchor = text.slice(from).search(/>|\n/);
        const p = anchor < 0 ? text.length : from + anchor + 1;
        const next = text.slice(p, p + del).search(/[<\n]/);
        text = text.slice(0, p) + ins + text.slice(p + (next < 0 ? del : next));
      }
      return { path: `fuzz/gentle${s.ext}`, bytes: asBytes(text, 'utf8'), how: `${s.name} with ${edits.length} gentle edits` };
    });
}

/** Pieces of several samples and junk, spliced together. */
function spliced(samples: Sample[]): fc.Arbitrary<FuzzCase> {
  const piece = fc.oneof(
    fc.record({ i: fc.nat(samples.length - 1), at: fc.nat(), n: fc.integer({ min: 1, max: 800 }) }).map(({ i, at, n }) => {
      const t = samples[i]!.text;
      const a = at % Math.max(1, t.length);
      return t.slice(a, a + n);
    }),
    junk,
  );
  return fc
    .tuple(fc.array(piece, { minLength: 1, maxLength: 12 }), fc.constantFrom('.html', '.xml', '.txt', '.md'))
    .map(([parts, ext]) => ({ path: `fuzz/mix${ext}`, bytes: asBytes(parts.join(''), 'utf8'), how: `${parts.length} spliced pieces` }));
}

/**
 * Hostile nesting (issue 10): the shapes of hostile-inputs.ts at a depth well inside the limit or just
 * past it, and Markdown delimiter soup (emphasis runs, brackets, quote and list markers at random).
 */
function nested(): fc.Arbitrary<FuzzCase> {
  const shapes = [
    H.mdEmphasis,
    H.mdStarRun,
    H.mdStarLists,
    H.mdBrackets,
    H.mdQuotes,
    H.mdLists,
    H.teiDivs,
    H.teiSpans,
    H.cmifNested,
    H.htmlDivs,
    H.htmlSpans,
  ];
  const deep = fc
    .record({ k: fc.nat(shapes.length - 1), depth: fc.oneof(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 2001, max: 2600 })) })
    .map(({ k, depth }) => {
      const c = shapes[k]!(depth);
      return { path: `fuzz/${c.file.path}`, bytes: c.file.bytes, how: c.name };
    });
  const soup = fc
    .array(fc.constantFrom('*', '**', '_', '[', ']', '(', ')', '> ', '- ', '1. ', ' ', 'a', '\\', '`', '\n', '\n\n', '](u)', '<', '!['), {
      maxLength: 3000,
    })
    .map((parts) => ({
      path: 'fuzz/soup.md',
      bytes: asBytes(`---\ntitle: Soup\n---\n\n${parts.join('')}`, 'utf8'),
      how: `${parts.length} Markdown delimiters`,
    }));
  return fc.oneof(deep, soup);
}

/** Everything an importer may be handed. */
export function fuzzInputs(samples: Sample[]): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2048 }).map((b) => ({ path: 'fuzz/bytes.bin', bytes: b, how: 'random bytes' })) },
    {
      weight: 1,
      arbitrary: fc
        .string({ unit: 'grapheme', maxLength: 400 })
        .map((s) => ({ path: 'fuzz/text.txt', bytes: asBytes(s, 'utf8'), how: 'random text' })),
    },
    { weight: 3, arbitrary: gentle(samples) },
    { weight: 3, arbitrary: mutated(samples) },
    { weight: 2, arbitrary: spliced(samples) },
    { weight: 1, arbitrary: nested() },
  );
}

export const sourceFile = (c: FuzzCase): SourceFile => ({ path: c.path, bytes: c.bytes });
