// The query side of the static search, bundled for the browser at build time (src/site/search-page.ts):
// the same word scanner, terms and transliteration as Octavo's search (src/search/text.ts, translit.ts),
// so a query's words fold exactly as the index's did (readings shared with src/search/expand.ts).
import { termOf, wordTokens } from '../../search/text.js';
import { prefixReadings, readings } from '../../search/readings.js';
import { hasCyrillic, toLatin } from '../../search/translit.js';

/** As src/model/register.ts nameKey, with Cyrillic romanized by the search's own table. */
function nameKey(name: string): string {
  const s = name.normalize('NFC');
  return (hasCyrillic(s) ? s.split(/(\s+)/).map(toLatin).join('') : s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b(comrade|dear|citizen|mr|mrs|dr|herr|frau|monsieur|madame)\b\.?/g, ' ')
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

(globalThis as unknown as { octavoFold: unknown }).octavoFold = {
  readings,
  prefixReadings,
  termOf,
  nameKey,
  words: (text: string) => wordTokens(text).map((t) => [t.surface, t.start, t.end]),
};
