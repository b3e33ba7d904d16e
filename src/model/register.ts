// The people register: one entry per person with the spellings editions use for them, so that
// "Shahumyan", "Shaumyan" and "Шаумян" resolve to the same person.
import anyAscii from 'any-ascii';
import { readFileSync } from 'node:fs';
import type { AgentRef } from './work.js';
import { slugify } from './ids.js';

export interface PersonEntry {
  id: string;
  /** Display name, as a reader of English-language editions expects it ("S. G. Shahumyan"). */
  name: string;
  sortName?: string;
  aliases: string[];
  refs?: string[];
  born?: string;
  died?: string;
}

/** Comparison key: transliterated, lowercase, letters only, honorifics dropped. */
export function nameKey(name: string): string {
  return anyAscii(name.normalize('NFC'))
    .toLowerCase()
    .replace(/\b(comrade|dear|citizen|mr|mrs|dr|herr|frau|monsieur|madame)\b\.?/g, ' ')
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

export class PeopleRegister {
  private readonly byKey = new Map<string, PersonEntry>();
  private readonly byId = new Map<string, PersonEntry>();

  constructor(readonly entries: PersonEntry[]) {
    for (const e of entries) {
      this.byId.set(e.id, e);
      for (const n of [e.name, e.sortName, ...e.aliases]) if (n) this.byKey.set(nameKey(n), e);
    }
  }

  get(id: string): PersonEntry | undefined {
    return this.byId.get(id);
  }

  /**
   * Find a person by any spelling; also tries the surname alone ("Comrade S. Shahumyan" → "shahumyan"),
   * but only when the given name does not contradict the entry ("Ida Dehmel" is not Richard Dehmel).
   */
  lookup(asWritten: string): PersonEntry | undefined {
    const key = nameKey(asWritten);
    if (!key) return undefined;
    const hit = this.byKey.get(key);
    if (hit) return hit;
    const words = key.split(' ');
    const surname = words.at(-1)!;
    const entry = surname.length > 1 ? this.byKey.get(surname) : undefined;
    if (!entry || words.length === 1) return entry;
    const initial = words[0]![0];
    const initials = [entry.name, entry.sortName?.split(',').reverse().join(' '), ...entry.aliases]
      .filter((n): n is string => Boolean(n))
      .map((n) => nameKey(n).split(' '))
      .filter((w) => w.length > 1)
      .map((w) => w[0]![0]);
    return initials.includes(initial) ? entry : undefined;
  }

  /** An AgentRef for a name as written: the register's entry when known, else a fresh slug. */
  resolve(asWritten: string): AgentRef {
    const clean = asWritten.replace(/\s+/g, ' ').trim();
    const e = this.lookup(clean);
    if (!e) return { id: slugify(clean, 50), name: clean };
    const ref: AgentRef = { id: e.id, name: e.name };
    if (clean !== e.name) ref.asWritten = clean;
    if (e.refs?.length) ref.refs = [...e.refs];
    return ref;
  }

  /** Every spelling of a person (for search expansion). */
  spellings(id: string): string[] {
    const e = this.byId.get(id);
    return e ? [e.name, ...(e.sortName ? [e.sortName] : []), ...e.aliases] : [];
  }
}

let defaultRegister: PeopleRegister | undefined;
/** The register shipped with Octavo (registers/people.json), read at first use. */
export function loadDefaultRegister(): PeopleRegister {
  return (defaultRegister ??= new PeopleRegister(
    JSON.parse(readFileSync(new URL('./registers/people.json', import.meta.url), 'utf8')) as PersonEntry[],
  ));
}
