// A small archive for search tests: the seed letter, a Russian letter of our own (Cyrillic text), and
// a few hundred works shuffled from real corpus paragraphs (Gutenberg texts, TEI letters).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchWorks, type Pools } from '../../scripts/search-bench-archive.js';
import { loadDefaultRegister } from '../model/register.js';
import type { Work } from '../model/work.js';
import { CORPUS, seedWork } from '../../test/support/seed.js';

export const RUSSIAN_ID = 'test/ru/shaumyan-letter';

/** A short letter in Russian written for these tests (not a historical text). */
export function russianWork(): Work {
  const seed = seedWork();
  const register = loadDefaultRegister();
  const para = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });
  return {
    ...seed,
    id: RUSSIAN_ID,
    title: 'Письмо С. Г. Шаумяну (тестовый текст)',
    language: 'ru',
    authors: [register.resolve('Ленин')],
    recipients: [register.resolve('Шаумян')],
    written: { date: { text: '1918', iso: '1918', precision: 'year', start: '1918-01-01', end: '1918-12-31' } },
    sentTo: { id: 'baku', name: 'Баку' },
    published: [],
    source: undefined,
    headerNotes: [],
    body: [
      para('Дорогой товарищ Шаумян! Благодарим за письмо.'),
      para('Мы в восторге от вашей твёрдой политики. Нам надо учиться дипломатии, пока империалисты воюют между собой.'),
    ],
    notes: [{ id: 'n1', label: '1', kind: 'editorial', blocks: [para('Центрокаспий — диктатура в Баку летом 1918 года.')] }],
    collections: [{ path: ['test', 'russian'], titles: ['Test', 'Russian'] }],
    provenance: { ...seed.provenance, file: 'test/russian.json', checksum: 'ru' },
  };
}

function paragraphs(text: string): string[] {
  return text
    .replace(/^\ufeff/, '')
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/_/g, '').replace(/\s+/g, ' ').trim())
    .filter((p) => p.length >= 60 && p.length <= 2000);
}

/** Pools from two Gutenberg texts and twenty TEI letters: quick to read, real words. */
export function smallPools(): Pools {
  const dir = join(CORPUS, 'plaintext-marx-engels');
  const en = ['marx-communist-manifesto.txt', 'marx-secret-diplomatic.txt'].flatMap((f) => paragraphs(readFileSync(join(dir, f), 'utf8')));
  const teiDir = join(CORPUS, 'tei-schnitzler-briefe', 'editions');
  const de = readdirSync(teiDir)
    .slice(0, 20)
    .flatMap((f) => {
      const xml = readFileSync(join(teiDir, f), 'utf8');
      return [...(/<body[\s>][\s\S]*<\/body>/.exec(xml)?.[0] ?? '').matchAll(/<p[\s>][\s\S]*?<\/p>/g)]
        .map((m) =>
          m[0]
            .replace(/<note[\s\S]*?<\/note>/g, ' ')
            .replace(/<[^>]+>/g, '')
            .replace(/\s+/g, ' ')
            .trim(),
        )
        .filter((p) => p.length >= 40);
    });
  const people = loadDefaultRegister().entries.map((e) => ({ id: e.id, name: e.name }));
  const titles = (JSON.parse(readFileSync(join(CORPUS, 'mia-metadata-json', 'lenin-works-index.json'), 'utf8')) as { title: string }[])
    .filter((t, i) => i % 40 === 0 && t.title !== t.title.toUpperCase())
    .map((t) => t.title.replace(/\s+/g, ' ').trim());
  return { en, de, titles, people, places: ['Baku', 'London', 'Berlin', 'Vienna', 'Moscow'] };
}

/** The seed, the Russian letter and `n` corpus works (ids under bench/). */
export function testWorks(n = 240): Work[] {
  return [seedWork(), russianWork(), ...benchWorks(n, smallPools(), seedWork(), 7)];
}
