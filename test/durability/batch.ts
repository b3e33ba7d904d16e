// A large batch of source files made from the seed page: each has its own written date (so its own id)
// and its own sentence, so every work differs in id and content.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_PATH } from '../support/seed.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The i-th variant's written date: distinct for i < 24 * 12 * 28. */
export function variantDate(i: number): { text: string; iso: string } {
  const day = (i % 28) + 1;
  const month = Math.floor(i / 28) % 12;
  const year = 1900 + Math.floor(i / (28 * 12));
  return { text: `${MONTHS[month]} ${day}, ${year}`, iso: `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

export function variantText(seed: string, i: number): string {
  const d = variantDate(i);
  return seed
    .replace('Written: Written on May 14, 1918', `Written: Written on ${d.text}`)
    .replace('Many thanks for your letter.', `Many thanks for your letter number ${i + 1}.`);
}

/** Write `n` variants into `dir` (in sub-folders of 500, as an archive's folders would be); returns their paths. */
export function writeBatch(dir: string, n: number): string[] {
  const seed = readFileSync(SEED_PATH, 'utf8');
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const sub = join(dir, `part-${String(Math.floor(i / 500)).padStart(2, '0')}`);
    if (i % 500 === 0) mkdirSync(sub, { recursive: true });
    const p = join(sub, `letter-${String(i).padStart(5, '0')}.txt`);
    writeFileSync(p, variantText(seed, i));
    paths.push(p);
  }
  return paths;
}
