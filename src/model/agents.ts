// Who an author or recipient is, for the lists that name people: a person, an organisation (a
// newspaper, a party, a publisher — a letter may be "to the Vorwärts"), or a placeholder a source
// left ("PN0001", "unknown", test records). Precision first: only clear cases leave the people lists.

export type AgentKind = 'person' | 'organisation' | 'placeholder';

/** Words that make a name an organisation's, in the languages of the archives. */
const ORGANISATION =
  /\b(?:times|tribune|herald|review|revue|rundschau|courier|kurier|daily|weekly|monthly|newspaper|magazine|press|presse|publishers?|publishing|party|parti|committee|komitee|comité|council|congress|kongress|league|ligue|union|society|société|association|club|bureau|büro|ministry|government|regierung|redaktion|editorial|editors|international|internationale|soviet|commune|academy|institut(?:e)?|university|universität|library|archiv(?:e)?|museum|theat(?:er|re)|company|gmbh|ltd|inc)\b|(?:zeitung|zeitschrift|blatt|gazette|gazeta|journal|verlag|partei|gesellschaft|verein|ministerium|bibliothek|akademie)\b/iu;

/** Periodicals known by a name that says nothing of being one. */
const PERIODICALS = new Set([
  'vorwarts',
  'vorwärts',
  'iskra',
  'pravda',
  'die neue zeit',
  'neue zeit',
  'der sozialdemokrat',
  'die fackel',
  'die zukunft',
  'simplicissimus',
]);

/** Ids and names a source uses for "nobody in particular". */
const PLACEHOLDER = /^(?:[a-z]{1,4}\d{2,}|test(?:[-_/].*)?|tmp|example|placeholder|unknown|unbekannt|anonymous|anon|n-?n|xxx+)$/i;

export function agentKind(ref: { id: string; name: string }): AgentKind {
  const name = ref.name.trim();
  if (PLACEHOLDER.test(ref.id) || PLACEHOLDER.test(name) || /^test\//.test(ref.id)) return 'placeholder';
  const plain = name.toLowerCase().replace(/[.,;:]+$/, '');
  // "A. Peddinghaus für die Bochumer Zeitung" is a person writing for a newspaper.
  if (/\b(?:für|for|pour|per)\s+(?:die|den|das|the|la|le)\b/i.test(name)) return 'person';
  if (PERIODICALS.has(plain) || ORGANISATION.test(name)) return 'organisation';
  return 'person';
}

export const isPerson = (ref: { id: string; name: string }): boolean => agentKind(ref) === 'person';
