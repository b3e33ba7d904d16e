// Everyone who wrote or received a work, with counts. The Store has no people table, so this
// pages through the work summaries once and keeps the result until the archive changes.
import type { PersonSummary } from '../render/html/pages/authors.js';
import { isPerson } from '../model/agents.js';
import type { Store } from '../store/store.js';

const PAGE = 1000;

export async function collectPeople(store: Store): Promise<PersonSummary[]> {
  const people = new Map<string, PersonSummary>();
  const person = (r: { id: string; name: string }) => {
    let p = people.get(r.id);
    if (!p) people.set(r.id, (p = { id: r.id, name: r.name, written: 0, received: 0 }));
    return p;
  };
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listWorks({ limit: PAGE, offset, order: 'date' });
    for (const w of page) {
      for (const a of w.authors) person(a).written++;
      for (const r of w.recipients) person(r).received++;
    }
    if (page.length < PAGE) break;
  }
  // Newspapers, parties and placeholders a source named as author or recipient are not people.
  return [...people.values()].filter(isPerson);
}

/** `collectPeople` with a cache keyed by the work count and the latest change. */
export function peopleIndex(store: Store): () => Promise<PersonSummary[]> {
  let cache: { stamp: string; people: PersonSummary[] } | undefined;
  return async () => {
    const [count, latest] = await Promise.all([store.countWorks(), store.listWorks({ order: 'recent', limit: 1 })]);
    const stamp = `${count}|${latest[0]?.id ?? ''}|${latest[0]?.updatedAt ?? ''}`;
    if (cache?.stamp !== stamp) cache = { stamp, people: await collectPeople(store) };
    return cache.people;
  };
}
