// Why: a headerless text does not say its language, and every record needs one. The commonest short
// words of a few languages tell them apart cheaply; when no language clearly leads, English (what the
// other importers assume) is kept rather than a guess.
const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'that', 'is', 'which'],
  de: ['der', 'die', 'und', 'das', 'nicht', 'ist', 'den', 'mit'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'que'],
  es: ['el', 'los', 'las', 'y', 'que', 'por', 'una', 'del'],
  it: ['il', 'che', 'di', 'della', 'per', 'non', 'una', 'gli'],
  ru: ['и', 'в', 'не', 'на', 'что', 'с', 'по', 'как'],
};

export function guessLanguage(text: string): string {
  const sample = text.slice(0, 50_000).toLowerCase();
  const counts = new Map<string, number>();
  for (const w of sample.match(/[\p{L}]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  const scores = Object.entries(STOPWORDS)
    .map(([lang, words]) => [lang, words.reduce((n, w) => n + (counts.get(w) ?? 0), 0)] as const)
    .sort((a, b) => b[1] - a[1]);
  const [first, second] = scores;
  return first && first[1] >= 20 && first[1] >= 2 * (second?.[1] ?? 0) ? first[0] : 'en';
}
