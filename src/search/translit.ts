// Cyrillic ↔ Latin for search. Forward: BGN/PCGN 1947 romanization of Russian in its ASCII form
// (the spelling English editions use: Шаумян → Shaumyan, Центрокаспий → Tsentrokaspiy; the
// apostrophes for ь/ъ are dropped, ё is written e). Backward: a tolerant reading of Latin letters as
// Russian that accepts BGN/PCGN, the scholarly system and ISO 9 (Šaumjan, Šaumân), so a query in
// any of them reaches Cyrillic text.

const FORWARD: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Ukrainian and Belarusian letters, and pre-1918 Russian orthography
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'w',
  ѣ: 'e',
  ѳ: 'f',
  ѵ: 'i',
};
const VOWELS = new Set('аеёиоуыэюяієї');

export const hasCyrillic = (s: string): boolean => /[\u0400-\u04ff]/.test(s);

/** BGN/PCGN (ASCII) romanization of a Cyrillic word; other characters pass through. */
export function toLatin(word: string): string {
  const w = word.toLowerCase();
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i]!;
    const prev = i > 0 ? w[i - 1]! : '';
    // BGN/PCGN: е and ё are "ye" at the start of a word and after a vowel, й, ъ or ь (Ельцин → Yeltsin).
    if ((c === 'е' || c === 'ё') && (i === 0 || VOWELS.has(prev) || prev === 'й' || prev === 'ъ' || prev === 'ь')) out += 'ye';
    else out += FORWARD[c] ?? c;
  }
  return out;
}

// Latin → Cyrillic. Longest match first; diacritics of the scholarly and ISO 9 systems are read
// before they are folded away.
const BACKWARD: [string, string][] = [
  ['shch', 'щ'],
  ['šč', 'щ'],
  ['ŝ', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['tz', 'ц'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['yu', 'ю'],
  ['ya', 'я'],
  ['yo', 'ё'],
  ['ye', 'е'],
  ['ju', 'ю'],
  ['ja', 'я'],
  ['jo', 'ё'],
  ['je', 'е'],
  ['š', 'ш'],
  ['č', 'ч'],
  ['ž', 'ж'],
  ['â', 'я'],
  ['û', 'ю'],
  ['ë', 'ё'],
  ['è', 'э'],
  ['é', 'е'],
  ['ʹ', 'ь'],
  ['ʺ', 'ъ'],
  ["'", 'ь'],
  ['’', 'ь'],
  ['a', 'а'],
  ['b', 'б'],
  ['v', 'в'],
  ['w', 'в'],
  ['g', 'г'],
  ['d', 'д'],
  ['e', 'е'],
  ['z', 'з'],
  ['i', 'и'],
  ['j', 'й'],
  ['k', 'к'],
  ['q', 'к'],
  ['c', 'ц'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['u', 'у'],
  ['f', 'ф'],
  ['h', 'х'],
  ['x', 'кс'],
  ['y', 'ы'],
];
const LATIN_VOWELS = new Set('aeiouy');

/**
 * Read a Latin-letter word as Russian: "shaumyan" → "шаумян", "Šaumjan" → "шаумян",
 * "revolyutsiya" → "революция". Undefined when the word has letters the table does not cover.
 */
export function toCyrillic(word: string): string | undefined {
  const w = word.normalize('NFC').toLowerCase();
  if (!/^[\p{Script=Latin}'’ʹʺ]+$/u.test(w)) return undefined;
  let out = '';
  let i = 0;
  while (i < w.length) {
    const c = w[i]!;
    const prev = i > 0 ? w[i - 1]! : '';
    // y after a vowel is й (Trotskiy, Mayakovsky); BGN writes э as plain e at the start of a word.
    const next = w[i + 1];
    if (c === 'y' && i > 0 && LATIN_VOWELS.has(prev) && !(next && 'aeiou'.includes(next))) {
      out += 'й';
      i++;
      continue;
    }
    if (c === 'e' && i === 0) {
      out += 'э';
      i++;
      continue;
    }
    const hit = BACKWARD.find(([lat]) => w.startsWith(lat, i));
    if (!hit) return undefined;
    out += hit[1];
    i += hit[0].length;
  }
  return out;
}
