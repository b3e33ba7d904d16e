// The index terms a written word (or a prefix) can stand for, in both scripts: shared by the query
// expansion (./expand.ts) and the static site's query folding, which esbuild bundles for the browser
// (src/site/client/fold.ts), so both read a word exactly as the index did.
import { foldWord, termOf } from './text.js';
import { hasCyrillic, toCyrillic, toLatin } from './translit.js';

/** The index terms one written word can stand for, in both scripts. */
export function readings(surface: string): string[] {
  const out = new Set([termOf(surface)]);
  // The Russian stemmer treats names unevenly (Шаумян → шаумя, Шаумяну → шаумян): the unstemmed
  // form is searched as well.
  // The Latin reading is not stemmed: English suffix rules would make Маркс (marks) into "mark".
  if (hasCyrillic(surface)) out.add(foldWord(surface)).add(foldWord(toLatin(surface)));
  else {
    const cyr = toCyrillic(surface);
    if (cyr) out.add(termOf(cyr)).add(foldWord(cyr));
  }
  return [...out];
}

/** The index terms a prefix can start, in both scripts (two letters at least). */
export function prefixReadings(surface: string): string[] {
  const out = new Set([foldWord(surface), termOf(surface)]);
  if (hasCyrillic(surface)) out.add(foldWord(toLatin(surface)));
  else {
    const cyr = toCyrillic(surface);
    if (cyr) out.add(foldWord(cyr));
  }
  return [...out].filter((t) => t.length >= 2);
}
