// Builds the search benchmark's archive from the real corpus: paragraphs of MIA pages, Gutenberg
// texts, TEI letters and MIA glossary entries are shuffled into synthetic works with varied ids,
// dates, people, places and collections, so that no two texts are the same. Deterministic (seeded).
import { load } from 'cheerio';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadDefaultRegister } from '../src/model/register.js';
import type { Block, Work, WorkKind } from '../src/model/work.js';

export interface Person {
  id: string;
  name: string;
}
export interface Pools {
  en: string[];
  de: string[];
  titles: string[];
  people: Person[];
  places: string[];
}

function walk(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p, ext) : ext.test(n) ? [p] : [];
  });
}

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
const goodParagraph = (s: string) => s.length >= 60 && s.length <= 3000 && /[a-zäöüß]{3}/i.test(s);

function htmlParagraphs(html: string): string[] {
  const $ = load(html);
  return $('p')
    .toArray()
    .filter((el) => !/information|title|footer|toc|index/.test($(el).attr('class') ?? ''))
    .map((el) => clean($(el).text()))
    .filter(goodParagraph);
}

function teiParagraphs(xml: string): string[] {
  const body = /<body[\s>][\s\S]*<\/body>/.exec(xml)?.[0] ?? '';
  return [...body.matchAll(/<(p|ab)[\s>][\s\S]*?<\/\1>/g)]
    .map((m) =>
      clean(
        m[0]
          .replace(/<note[\s\S]*?<\/note>/g, ' ')
          .replace(/<lb\/>|<lb [^>]*\/>/g, ' ')
          .replace(/<[^>]+>/g, ''),
      ),
    )
    .map((s) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'))
    .filter(goodParagraph);
}

export function loadPools(corpus: string): Pools {
  const en: string[] = [];
  for (const f of walk(join(corpus, 'mia-html'), /\.html?$/)) en.push(...htmlParagraphs(decode(readFileSync(f))));
  for (const f of walk(join(corpus, 'plaintext-marx-engels'), /\.txt$/)) {
    const text = readFileSync(f, 'utf8')
      .replace(/^\ufeff/, '')
      .replace(/\r\n/g, '\n');
    en.push(
      ...text
        .split(/\n\s*\n/)
        .map((p) => clean(p.replace(/_/g, '')))
        .filter(goodParagraph),
    );
  }
  const glossary = JSON.parse(readFileSync(join(corpus, 'mia-metadata-json', 'glossary-people.json'), 'utf8')) as {
    shortname: string[];
    term: string;
    content: string;
  }[];
  for (const g of glossary) en.push(...htmlParagraphs(`<p>${g.content}</p>`));
  const de: string[] = [];
  for (const dir of ['tei-schnitzler-briefe', 'tei-dehmel-digital']) {
    for (const f of walk(join(corpus, dir), /\.xml$/)) de.push(...teiParagraphs(readFileSync(f, 'utf8')));
  }
  const titles = (JSON.parse(readFileSync(join(corpus, 'mia-metadata-json', 'lenin-works-index.json'), 'utf8')) as { title: string }[])
    .map((t) => clean(t.title).replace(/[,.\s]+\d*\.?\s*$/, ''))
    .filter((t) => t.length > 3)
    .map((t) => (t === t.toUpperCase() ? t.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase()) : t));
  const people: Person[] = loadDefaultRegister().entries.map((e) => ({ id: e.id, name: e.name }));
  for (const g of glossary) {
    const m = /^\s*([^,(]+),\s*([^(]+?)\s*(\(|$)/.exec(g.term);
    if (m && g.shortname[0]) people.push({ id: g.shortname[0], name: `${clean(m[2]!)} ${clean(m[1]!)}` });
  }
  const places = new Set<string>(['Baku', 'Moscow', 'Petrograd', 'London', 'Berlin', 'Vienna', 'Paris', 'Geneva', 'Zurich', 'Cracow']);
  for (const f of walk(join(corpus, 'cmif'), /\.xml$/)) {
    for (const m of readFileSync(f, 'utf8').matchAll(/<placeName[^>]*>([^<]{2,40})<\/placeName>/g)) places.add(clean(m[1]!.split('=')[0]!));
  }
  return { en, de, titles, people, places: [...places] };
}

/** mulberry32: a small seeded generator, so every run builds the same archive. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS: [WorkKind, number][] = [
  ['letter', 45],
  ['article', 20],
  ['speech', 8],
  ['telegram', 7],
  ['note', 6],
  ['report', 6],
  ['resolution', 4],
  ['chapter', 4],
];
const pad = (n: number) => String(n).padStart(2, '0');
const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'x';
const para = (text: string): Block => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** `n` works shuffled from the pools, built on the seed work's header (rights, provenance). */
export function benchWorks(n: number, pools: Pools, template: Work, seed = 1918): Work[] {
  return [...benchWorkStream(n, pools, template, seed)];
}

/** The same works one at a time, so that a large archive need not sit in memory. */
export function* benchWorkStream(n: number, pools: Pools, template: Work, seed = 1918): Generator<Work> {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  // A few people write most of the letters (Zipf-like), as in a real archive.
  const zipf = <T>(xs: T[]) => xs[Math.min(xs.length - 1, Math.floor(xs.length * r() ** 3))]!;
  const kindTotal = KINDS.reduce((s, [, w]) => s + w, 0);
  const kindOf = () => {
    let x = r() * kindTotal;
    for (const [k, w] of KINDS) if ((x -= w) < 0) return k;
    return 'letter';
  };
  for (let i = 0; i < n; i++) {
    const german = r() < 0.15;
    const pool = german ? pools.de : pools.en;
    const kind = kindOf();
    const author = zipf(pools.people);
    const recipient = kind === 'letter' || kind === 'telegram' ? zipf(pools.people) : undefined;
    const y = 1840 + Math.floor(r() * 100);
    const m = 1 + Math.floor(r() * 12);
    const d = 1 + Math.floor(r() * 28);
    const day = `${y}-${pad(m)}-${pad(d)}`;
    const place = pick(pools.places);
    const body = Array.from({ length: 1 + Math.floor(r() * 5) }, () => para(pick(pool)));
    const notes =
      r() < 0.4
        ? Array.from({ length: 1 + Math.floor(r() * 2) }, (_, k) => ({
            id: `n${k + 1}`,
            label: String(k + 1),
            kind: 'editorial' as const,
            blocks: [para(pick(pools.en))],
          }))
        : [];
    const title = recipient ? `To ${recipient.name}` : pick(pools.titles);
    yield {
      ...template,
      id: `bench/${slug(author.id)}/${y}/${pad(m)}/${String(i).padStart(6, '0')}`,
      kind,
      title,
      language: german ? 'de' : 'en',
      authors: [{ id: author.id, name: author.name }],
      recipients: recipient ? [{ id: recipient.id, name: recipient.name }] : [],
      written: { date: { text: day, iso: day, precision: 'day', start: day, end: day }, place: { id: slug(place), name: place } },
      sentTo: undefined,
      source: undefined,
      published: [],
      headerNotes: [],
      otherFormats: [],
      body,
      notes,
      collections: [
        {
          path: [slug(author.id), kind === 'letter' ? 'letters' : 'works', String(y)],
          titles: [author.name, kind === 'letter' ? 'Letters' : 'Works', String(y)],
        },
      ],
      entities: { people: [], places: [], organisations: [], events: [] },
      provenance: { ...template.provenance, file: `bench/${i}.json`, format: 'bench', checksum: String(i) },
    };
  }
}

export function rawTextChars(w: Work): number {
  let n = w.title.length;
  for (const b of w.body) if ('content' in b) for (const x of b.content) if (x.type === 'text') n += x.text.length;
  for (const note of w.notes)
    for (const b of note.blocks) if ('content' in b) for (const x of b.content) if (x.type === 'text') n += x.text.length;
  return n;
}
