// People, places and dates in the TEI header. A name is written plainly when the importer would
// resolve it back to the same record; otherwise in an exact form (@key + choice/orig/reg).
import type { AgentRef, PartialDate, PlaceRef } from '../../model/work.js';
import type { PeopleRegister } from '../../model/register.js';
import { el, escapeText, textEl, type Attrs } from '../xml.js';
import { resolveAgent, resolvePlace } from '../../formats/tei/agents.js';
import { attrsForDate } from '../../formats/tei/dates.js';

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Text that whitespace normalisation would change is written with xml:space="preserve". */
export function exactText(name: string, a: Attrs, text: string): string {
  const normal = text.replace(/[ \t\n\r]+/g, ' ').trim() === text;
  return textEl(name, normal ? a : { ...a, 'xml:space': 'preserve' }, text);
}

function choice(asWritten: string, name: string): string {
  return el('choice', {}, textEl('orig', {}, asWritten) + textEl('reg', {}, name));
}

export function agentXml(a: AgentRef, register: PeopleRegister, name = 'persName'): string {
  const text = a.asWritten ?? a.name;
  const ref = a.refs?.length ? a.refs.join(' ') : undefined;
  if (deepEqual(resolveAgent(register, text, a.refs ?? []), a)) return textEl(name, { ref }, text);
  const inner = a.asWritten !== undefined ? choice(a.asWritten, a.name) : escapeText(a.name);
  return el(name, { ref, key: a.id }, inner);
}

export function placeXml(p: PlaceRef): string {
  const ref = p.refs?.length ? p.refs.join(' ') : undefined;
  const geo = p.coordinates ? textEl('geo', {}, `${p.coordinates.lat} ${p.coordinates.lon}`) : '';
  if (deepEqual(resolvePlace(p.name, p.refs ?? [], undefined, p.coordinates), p)) {
    return el('placeName', { ref }, escapeText(p.name) + geo);
  }
  const inner = p.asWritten !== undefined ? choice(p.asWritten, p.name) : escapeText(p.name);
  return el('placeName', { ref, key: p.id }, inner + geo);
}

export function dateXml(d: PartialDate, exact = true): string {
  return textEl('date', { ...attrsForDate(d, exact) }, d.text);
}
