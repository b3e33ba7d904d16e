// Correspondents and places as AgentRef/PlaceRef: names resolved through the people register,
// authority URIs from @ref (local "#id" pointers replaced by the URIs of the list entry). Shared by
// the TEI importer and the TEI renderer, which writes a name plainly when it would read back the same. Shared by
// the TEI importer and the TEI renderer, which writes a name plainly when it would read back the same.
import type { AgentRef, PlaceRef } from '../../model/work.js';
import { nameKey, type PeopleRegister, type PersonEntry } from '../../model/register.js';
import { slugify } from '../../model/ids.js';

/** "Beer-Hofmann, Richard" → "Richard Beer-Hofmann"; other shapes unchanged. */
export function uninvert(name: string): string {
  const m = name.match(/^([^,]+),\s*([^,]+)$/);
  if (!m || /\d/.test(name)) return name;
  return `${m[2]!.trim()} ${m[1]!.trim()}`;
}

/** Same URI regardless of scheme and trailing slash (GND is written both ways). */
export function refKey(uri: string): string {
  return uri
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

export function dedupe<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** URIs without repeats, "http://x/1" and "https://x/1/" counting as one (the first kept). */
export function dedupeRefs(xs: readonly string[]): string[] {
  const seen = new Set<string>();
  return xs.filter((x) => !seen.has(refKey(x)) && !!seen.add(refKey(x)));
}

/** An authority list a document carries (listPerson, listPlace…): local "#x" pointers to entries with URIs. */
export interface LocalAuthorities {
  lookup(pointer: string): { refs?: string[] } | undefined;
}

/** The URIs in a @ref: external ones as written, local "#x" ones via the authority list. */
export function refsFrom(ref: string | undefined, index?: LocalAuthorities): string[] {
  if (!ref) return [];
  const out: string[] = [];
  for (const tok of ref.split(/\s+/).filter(Boolean)) {
    const local = index?.lookup(tok);
    if (local) out.push(...(local.refs ?? []));
    else if (/^[a-z][a-z0-9+.-]*:/i.test(tok)) out.push(tok);
  }
  return dedupeRefs(out);
}

const byRefCache = new WeakMap<PeopleRegister, Map<string, PersonEntry>>();
function registerByRef(register: PeopleRegister): Map<string, PersonEntry> {
  let m = byRefCache.get(register);
  if (!m) {
    m = new Map();
    for (const e of register.entries) for (const r of e.refs ?? []) m.set(refKey(r), e);
    byRefCache.set(register, m);
  }
  return m;
}

/**
 * The register's surname fallback must not turn "Ida Dehmel" into Richard Dehmel: when only the
 * surname matched, the first name's initial must agree with one of the entry's full spellings.
 */
function compatible(entry: PersonEntry, name: string): boolean {
  const key = nameKey(name);
  const spellings = [entry.name, entry.sortName ? uninvert(entry.sortName) : undefined, ...entry.aliases]
    .filter((s): s is string => !!s)
    .map(nameKey);
  if (spellings.includes(key)) return true;
  const words = key.split(' ');
  if (words.length < 2) return true;
  const initials = spellings.filter((s) => s.includes(' ')).map((s) => s[0]);
  return initials.includes(words[0]![0]);
}

/** A correspondent as an AgentRef: register entry when known (by URI or name), else a name slug. */
export function resolveAgent(register: PeopleRegister, written: string, refs: string[]): AgentRef {
  const asWritten = written.replace(/\s+/g, ' ').trim();
  const name = uninvert(asWritten);
  let entry = refs.map((r) => registerByRef(register).get(refKey(r))).find(Boolean);
  if (!entry) {
    const hit = register.lookup(name);
    if (hit && compatible(hit, name)) entry = hit;
  }
  const out: AgentRef = entry ? { id: entry.id, name: entry.name } : { id: slugify(name, 50), name };
  if (asWritten !== out.name) out.asWritten = asWritten;
  const allRefs = dedupeRefs([...(entry?.refs ?? []), ...refs]);
  if (allRefs.length) out.refs = allRefs;
  return out;
}

/** A place as a PlaceRef: id from @key or the name, coordinates from the authority list. */
export function resolvePlace(written: string, refs: string[], key: string | undefined, coords?: { lat: number; lon: number }): PlaceRef {
  const name = written.replace(/\s+/g, ' ').trim();
  const out: PlaceRef = { id: key ?? slugify(name, 50), name };
  if (refs.length) out.refs = refs;
  if (coords) out.coordinates = coords;
  return out;
}

/** "48,208333 16,373056" (Schnitzler, decimal commas), "48.2 16.3", "48.2,16.3". */
export function parseGeo(text: string): { lat: number; lon: number } | undefined {
  const t = text.trim();
  let parts = t.split(/\s+/);
  if (parts.length === 1) parts = t.split(',');
  else parts = parts.map((p) => p.replace(/,$/, ''));
  if (parts.length !== 2) return undefined;
  const [lat, lon] = parts.map((p) => Number(p.replace(',', '.')));
  if (lat === undefined || lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon)) return undefined;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  return { lat, lon };
}
