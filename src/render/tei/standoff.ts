// Work.entities → <standOff> authority lists; Work.notes → <back><div type="notes">.
import type { Entity, Work } from '../../model/work.js';
import { block, el, textEl } from '../xml.js';
import { encodeXmlId } from '../../formats/tei/mapping.js';
import { renderNoteBlocks } from './blocks.js';

const LISTS = [
  { bucket: 'people', list: 'listPerson', item: 'person', name: 'persName' },
  { bucket: 'places', list: 'listPlace', item: 'place', name: 'placeName' },
  { bucket: 'organisations', list: 'listOrg', item: 'org', name: 'orgName' },
  { bucket: 'events', list: 'listEvent', item: 'event', name: 'label' },
] as const;

function entry(e: Entity, item: string, name: string): string {
  return el(
    item,
    { 'xml:id': encodeXmlId(e.id) },
    [
      textEl(name, {}, e.name),
      ...(e.aliases ?? []).map((a) => textEl(name, { type: 'alias' }, a)),
      e.coordinates ? el('location', {}, textEl('geo', {}, `${e.coordinates.lat} ${e.coordinates.lon}`)) : '',
      ...(e.refs ?? []).map((r) => textEl('idno', { type: 'URI' }, r)),
    ].join(''),
  );
}

export function renderStandOff(w: Work): string {
  const lists = LISTS.filter((l) => w.entities[l.bucket].length).map((l) =>
    block(
      l.list,
      {},
      w.entities[l.bucket].map((e) => entry(e, l.item, l.name)),
    ),
  );
  return lists.length ? block('standOff', {}, lists) : '';
}

export function renderBack(w: Work): string {
  if (!w.notes.length) return '';
  const notes = w.notes.map((n) => el('note', { 'xml:id': encodeXmlId(n.id), n: n.label, type: n.kind }, renderNoteBlocks(n.blocks)));
  return block('back', {}, [block('div', { type: 'notes' }, notes)]);
}
