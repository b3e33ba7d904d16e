// A TEI document whose only content is lists (an edition's register of correspondences, people,
// places, organisations or works) holds no letter: the importer skips it with a 'not-a-document'.
import type { Element } from '@xmldom/xmldom';
import { child, childElements, normText } from './dom.js';

/** The TEI list elements a register file is made of, and what they list, in words. */
const LISTS = new Map([
  ['listCorrespondence', 'correspondence'],
  ['listPerson', 'people'],
  ['listPlace', 'places'],
  ['listOrg', 'organisations'],
  ['listBibl', 'bibliographic references'],
  ['listEvent', 'events'],
  ['listObject', 'objects'],
  ['listNym', 'names'],
]);
/** Inside a list, these describe it rather than being entries. */
const NOT_ENTRIES = new Set(['head', 'desc', 'note']);

/** Entries of a list, those of nested lists of the same kind included (listPerson in listPerson). */
function entries(list: Element): number {
  let n = 0;
  for (const e of childElements(list)) {
    const name = e.localName ?? '';
    if (name === list.localName) n += entries(e);
    else if (!NOT_ENTRIES.has(name)) n++;
  }
  return n;
}

/** Collects the lists under a text part, through divisions; false as soon as anything else has content. */
function listsIn(part: Element, out: Element[]): boolean {
  for (const e of childElements(part)) {
    const name = e.localName ?? '';
    if (LISTS.has(name)) out.push(e);
    else if (name === 'div' || name === 'group') {
      if (!listsIn(e, out)) return false;
    } else if (name !== 'head' && normText(e) !== '') return false;
  }
  return true;
}

/**
 * The lists a TEI element consists of when it is a register and not a text: no correspDesc, and
 * front, body and back hold nothing but list elements (under divisions and headings), or nothing
 * at all beside lists in standOff. Undefined for a letter or any other text.
 */
export function registerLists(teiEl: Element): Element[] | undefined {
  if (child(child(child(teiEl, 'teiHeader'), 'profileDesc'), 'correspDesc')) return undefined;
  const text = child(teiEl, 'text');
  const lists: Element[] = [];
  for (const part of text ? childElements(text) : []) if (!listsIn(part, lists)) return undefined;
  const standOff = child(teiEl, 'standOff');
  for (const e of standOff ? childElements(standOff) : []) if (LISTS.has(e.localName ?? '')) lists.push(e);
  return lists.length ? lists : undefined;
}

const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "a TEI list of correspondence (listCorrespondence with 1,234 entries), not a letter". */
export function describeLists(lists: Element[]): string {
  const byName = new Map<string, number>();
  for (const l of lists) byName.set(l.localName!, (byName.get(l.localName!) ?? 0) + entries(l));
  const what = [...byName.keys()].map((n) => LISTS.get(n)!);
  const words = what.length > 1 ? `${what.slice(0, -1).join(', ')} and ${what.at(-1)}` : what[0];
  const detail = [...byName].map(([n, k]) => `${n} with ${count(k, 'entry', 'entries')}`).join(', ');
  return `a TEI list of ${words} (${detail}), not a letter`;
}
