// Which facet values a filter (author:, recipient:, place:, collection:, kind:, lang:) selects, for
// every backend: the value itself, lower-cased, a collection path segment, a register person, or
// every word of a name key (the value's label, its id read as words, register spellings).
import { nameKey, type PeopleRegister } from '../model/register.js';
import type { FilterField } from './query.js';

/** A facet's distinct values as a backend knows them, with the name keys that select them. */
export interface FacetDictionary {
  has(value: string): boolean;
  values: readonly string[];
  /** name key → values (see nameKeys). */
  keys: ReadonlyMap<string, readonly string[]>;
}

/** Names a filter may use for each value: its label, its id read as words, and register spellings. */
export function nameKeys(
  field: FilterField,
  values: readonly string[],
  labels: readonly string[],
  register?: PeopleRegister,
): Map<string, string[]> {
  const m = new Map<string, string[]>();
  const add = (key: string, value: string) => {
    if (!key) return;
    const list = m.get(key);
    if (!list) m.set(key, [value]);
    else if (!list.includes(value)) list.push(value);
  };
  values.forEach((v, i) => {
    add(nameKey(labels[i]!), v);
    if (field !== 'collection') add(v.replace(/[-_./]+/g, ' '), v);
    if ((field === 'author' || field === 'recipient') && register) for (const s of register.spellings(v)) add(nameKey(s), v);
  });
  return m;
}

const containsWords = (key: string, words: string[]) => {
  const have = key.split(' ');
  return words.every((w) => have.includes(w));
};

/**
 * The facet values a filter selects. kind: and lang: select their value as it is; without a
 * dictionary (a backend that does not read one for them) the value itself is returned.
 */
export function resolveFilter(field: FilterField, value: string, dict: FacetDictionary | undefined, register?: PeopleRegister): string[] {
  const v = value.trim();
  if (!dict) return [v];
  const out = new Set<string>();
  if (dict.has(v)) out.add(v);
  if (field === 'kind' || field === 'lang') return [...out];
  const lower = v.toLowerCase();
  if (dict.has(lower)) out.add(lower);
  if (field === 'collection') {
    const path = lower.replace(/^\/+|\/+$/g, '');
    for (const p of dict.values) if (`/${p}/`.includes(`/${path}/`)) out.add(p);
  }
  if ((field === 'author' || field === 'recipient') && register) {
    const person = register.lookup(v);
    if (person && dict.has(person.id)) out.add(person.id);
  }
  const key = nameKey(v);
  const words = key.split(' ').filter(Boolean);
  if (words.length) {
    for (const [k, values] of dict.keys) {
      if (k === key || containsWords(k, words)) for (const x of values) out.add(x);
    }
  }
  return [...out];
}
