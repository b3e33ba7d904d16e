// Declarative TEI ↔ Work tables shared by the TEI importer and the TEI/CMIF renderers, so the two
// directions cannot drift apart.
import type { Contributor, Mark, Note } from '../../model/work.js';

type Role = Contributor['role'];

/** respStmt/resp wording ↔ Contributor role. First match wins; `word` is what the renderer writes. */
export const ROLES: readonly { role: Role; word: string; match: RegExp }[] = [
  { role: 'htmlMarkup', word: 'HTML markup', match: /\bhtml\b/i },
  { role: 'translator', word: 'Translation', match: /translat|übersetz|traduc|перев/i },
  { role: 'transcriber', word: 'Transcription', match: /transcri|transkri|расшифр/i },
  { role: 'proofreader', word: 'Proofreading', match: /proof|korrektur|lektor/i },
  { role: 'encoder', word: 'Encoding', match: /encod|kodier|\btei\b/i },
  { role: 'markup', word: 'Markup', match: /mark-?up|auszeichn/i },
  { role: 'editor', word: 'Editor', match: /\bedit|herausg|hrsg|kommentier|\bhg\b/i },
  { role: 'other', word: 'Contributor', match: /[\s\S]/ },
];

export const ROLE_NAMES: ReadonlySet<string> = new Set(ROLES.map((r) => r.role));

/** Contributor from a resp wording (and resp/@key when it names a role). */
export function roleOf(respText: string, key?: string): { role: Role; label?: string } {
  const byKey = key && ROLE_NAMES.has(key) ? ROLES.find((r) => r.role === key) : undefined;
  const row = byKey ?? ROLES.find((r) => r.match.test(respText)) ?? ROLES[ROLES.length - 1]!;
  return respText && respText !== row.word ? { role: row.role, label: respText } : { role: row.role };
}

export function roleWord(role: Role): string {
  return ROLES.find((r) => r.role === role)?.word ?? 'Contributor';
}

// ---- inline marks ----------------------------------------------------------------------------

export type SimpleMark = Exclude<Mark['type'], 'link' | 'entity'>;

/** hi/@rend tokens → marks; the first token of each row is what the renderer writes. */
export const REND_MARKS: readonly { mark: SimpleMark; tokens: readonly string[] }[] = [
  { mark: 'emphasis', tokens: ['italic', 'italics', 'i', 'it', 'em', 'emph', 'kursiv', 'slanted'] },
  { mark: 'strong', tokens: ['bold', 'b', 'strong', 'fett', 'bolditalic'] },
  { mark: 'superscript', tokens: ['superscript', 'sup', 'super', 'hochgestellt'] },
  { mark: 'subscript', tokens: ['subscript', 'sub', 'tiefgestellt'] },
  { mark: 'underline', tokens: ['underline', 'underlined', 'u', 'ul', 'unterstrichen', 'doubleunderline'] },
  { mark: 'strike', tokens: ['strikethrough', 'line-through', 'strike', 'struck', 'durchgestrichen'] },
];

export function marksFromRend(rend: string | undefined): SimpleMark[] {
  if (!rend) return [];
  const out: SimpleMark[] = [];
  for (const tok of rend.toLowerCase().split(/[\s,;]+/)) {
    const row = REND_MARKS.find((r) => r.tokens.includes(tok.replace(/[()]/g, '')));
    if (row && !out.includes(row.mark)) out.push(row.mark);
    if (tok === 'bolditalic' && !out.includes('emphasis')) out.push('emphasis');
  }
  return out;
}

/** CSS in @style: font-style, font-weight, vertical-align, text-decoration(-line). */
export function marksFromStyle(style: string | undefined): SimpleMark[] {
  if (!style) return [];
  const out: SimpleMark[] = [];
  const s = style.toLowerCase();
  if (/font-style\s*:\s*(italic|oblique)/.test(s)) out.push('emphasis');
  if (/font-weight\s*:\s*(bold|[6-9]00)/.test(s)) out.push('strong');
  if (/vertical-align\s*:\s*(super|top)/.test(s)) out.push('superscript');
  if (/vertical-align\s*:\s*sub/.test(s)) out.push('subscript');
  const deco = s.match(/text-decoration(?:-line)?\s*:\s*([^;]+)/);
  if (deco && /underline/.test(deco[1]!)) out.push('underline');
  if (deco && /line-through/.test(deco[1]!)) out.push('strike');
  return out;
}

export function rendForMark(mark: SimpleMark): string {
  return REND_MARKS.find((r) => r.mark === mark)!.tokens[0]!;
}

// ---- entities --------------------------------------------------------------------------------

export type EntityKind = Extract<Mark, { type: 'entity' }>['entity'];

/** Element names that are entity mentions by themselves. */
export const ENTITY_ELEMENTS: Readonly<Record<string, EntityKind>> = {
  persName: 'person',
  placeName: 'place',
  orgName: 'organisation',
  geogName: 'place',
  settlement: 'place',
};

/** rs/@type and name/@type wordings (German ones from Dehmel digital). */
export function entityKindFromType(type: string | undefined): EntityKind | undefined {
  const t = (type ?? '').toLowerCase();
  if (/^(person|persname|pers|people|personal)$/.test(t)) return 'person';
  if (/^(place|placename|ort|location|settlement|geo)$/.test(t)) return 'place';
  if (/^(org|orgname|organisation|organization|körperschaft|institution|corporation)$/.test(t)) return 'organisation';
  if (/^(event|ereignis)$/.test(t)) return 'event';
  if (/^(work|werk|bibl|title|text)$/.test(t)) return 'work';
  return undefined;
}

/** What the renderer writes for each entity kind. */
export const ENTITY_OUT: Readonly<Record<EntityKind, { name: string; type?: string }>> = {
  person: { name: 'persName' },
  place: { name: 'placeName' },
  organisation: { name: 'orgName' },
  event: { name: 'rs', type: 'event' },
  work: { name: 'rs', type: 'work' },
};

/** Work.entities bucket per authority-list element (listPerson/person ...). */
export const INDEX_ELEMENTS: Readonly<Record<string, 'people' | 'places' | 'organisations' | 'events'>> = {
  person: 'people',
  personGrp: 'people',
  place: 'places',
  org: 'organisations',
  event: 'events',
};

// ---- notes -----------------------------------------------------------------------------------

type NoteKind = NonNullable<Note['kind']>;
const NOTE_KINDS: ReadonlySet<string> = new Set(['editorial', 'author', 'translator', 'transcriber', 'commentary']);

/** note/@type → Note.kind (Schnitzler: commentary, textConst, footnote). */
export function noteKindFromType(type: string | undefined): NoteKind | undefined {
  if (!type) return undefined;
  if (NOTE_KINDS.has(type)) return type as NoteKind;
  const t = type.toLowerCase();
  if (/^(textconst|textcrit|editor|ed|editorial-note|apparatus)$/.test(t)) return 'editorial';
  if (/^(footnote|authorial|auth)$/.test(t)) return 'author';
  if (/^(trans|translation)$/.test(t)) return 'translator';
  return undefined;
}

/** Parties written as "unknown" are no party at all (CMIF's convention for a missing sender). */
export function isUnknownName(name: string): boolean {
  return /^\[?(unknown|unbekannt|inconnu|sconosciuto|неизвестн\S*|n\.\s?n\.|nn)\]?$/i.test(name.trim());
}

// ---- xml:id codec ----------------------------------------------------------------------------

const NCNAME = /^[A-Za-z_][\w.-]*$/;

/** An id as an xml:id: unchanged when it is a valid NCName, else hex-encoded behind "_x". */
export function encodeXmlId(id: string): string {
  return NCNAME.test(id) && !/^_x[0-9a-f]*$/.test(id) ? id : `_x${Buffer.from(id, 'utf8').toString('hex')}`;
}

export function decodeXmlId(xmlId: string): string {
  const m = xmlId.match(/^_x((?:[0-9a-f]{2})+)$/);
  return m ? Buffer.from(m[1]!, 'hex').toString('utf8') : xmlId;
}
