// correspDesc (TEI letters and CMIF records): senders, recipients, where and when it was written.
import type { Element } from '@xmldom/xmldom';
import type { AgentRef, PartialDate, PlaceRef, Work } from '../../model/work.js';
import type { PeopleRegister } from '../../model/register.js';
import { attr, child, childElements, descendants, normText } from './dom.js';
import { dateFromAttrs, readDateAttrs } from '../../formats/tei/dates.js';
import { readText } from './bibl.js';
import { isUnknownName } from '../../formats/tei/mapping.js';
import { parseGeo, refsFrom, resolveAgent, resolvePlace } from '../../formats/tei/agents.js';
import type { EntityIndex } from './entities.js';

export interface CorrespFields {
  authors: AgentRef[];
  recipients: AgentRef[];
  written?: NonNullable<Work['written']>;
  sentTo?: PlaceRef;
  /** correspDesc/@ref, @key and @source (CMIF identifies letters with them). */
  ref?: string;
  key?: string;
  source?: string;
  /** note/ref[@type="cmif:isAvailableAsTEIfile"] */
  teiFile?: string;
}

const NOT_NAME: ReadonlySet<string> = new Set(['geo', 'location', 'note', 'choice']);
const PARTY = new Set(['persName', 'orgName', 'name']);

/** <choice><orig>as written</orig><reg>name</reg></choice> inside a name (Octavo's exact form). */
function choiceParts(e: Element): { orig?: string; reg?: string } {
  const c = child(e, 'choice');
  if (!c) return {};
  const orig = child(c, 'orig');
  const reg = child(c, 'reg');
  return { ...(orig ? { orig: readText(orig) } : {}), ...(reg ? { reg: readText(reg) } : {}) };
}

/**
 * A person named in the header. With @key the element is taken exactly as written (id = key,
 * name/asWritten from choice/reg/orig); otherwise the name is resolved through the register.
 */
/**
 * @key taken as the record's id: Octavo writes slug ids there; other editions' keys ("PN0001")
 * are not slugs and are left to name resolution.
 */
function octavoKey(e: Element): string | undefined {
  const key = attr(e, 'key');
  return key && /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/.test(key) ? key : undefined;
}

/** The name of an empty element that points into particDesc/settingDesc lists (ref="#BS"). */
function listedName(ref: string | undefined, index?: EntityIndex): string {
  return (
    (ref ?? '')
      .split(/\s+/)
      .map((t) => index?.lookup(t)?.name)
      .find(Boolean) ?? ''
  );
}

export function readAgent(e: Element, register: PeopleRegister, index?: EntityIndex): AgentRef | undefined {
  const { orig, reg } = choiceParts(e);
  const ref = attr(e, 'ref');
  const text = normText(e, NOT_NAME) || reg || orig || listedName(ref, index);
  if (!text || (isUnknownName(text) && !ref)) return undefined;
  const key = octavoKey(e);
  if (!key) return resolveAgent(register, text, refsFrom(ref, index));
  const out: AgentRef = { id: key, name: reg ?? text };
  if (orig !== undefined) out.asWritten = orig;
  const refs = refsFrom(ref, index);
  if (refs.length) out.refs = refs;
  return out;
}

/** A place named in the header (exact form with @key as for people); coordinates from geo or the lists. */
export function readPlace(e: Element | undefined, index?: EntityIndex): PlaceRef | undefined {
  if (!e) return undefined;
  const { orig, reg } = choiceParts(e);
  const ref = attr(e, 'ref');
  const text = normText(e, NOT_NAME) || reg || orig || listedName(ref, index);
  if (!text || isUnknownName(text)) return undefined;
  const geo = descendants(e, 'geo')[0];
  const local = (ref ?? '')
    .split(/\s+/)
    .map((t) => index?.lookup(t))
    .find(Boolean);
  const coords = (geo ? parseGeo(normText(geo)) : undefined) ?? local?.coordinates;
  const out = resolvePlace(reg ?? text, refsFrom(ref, index), octavoKey(e), coords);
  if (orig !== undefined) out.asWritten = orig;
  return out;
}

function parties(action: Element, register: PeopleRegister, index?: EntityIndex): AgentRef[] {
  const out: AgentRef[] = [];
  for (const e of childElements(action)) {
    if (!PARTY.has(e.localName ?? '')) continue;
    const agent = readAgent(e, register, index);
    if (agent && !out.some((a) => a.id === agent.id)) out.push(agent);
  }
  return out;
}

function place(action: Element, index?: EntityIndex): PlaceRef | undefined {
  return readPlace(child(action, 'placeName'), index);
}

export function readDate(e: Element | undefined): PartialDate | undefined {
  if (!e) return undefined;
  return dateFromAttrs(
    readDateAttrs((n) => attr(e, n)),
    normText(e),
  );
}

export function readCorrespDesc(cd: Element, register: PeopleRegister, index?: EntityIndex): CorrespFields {
  const out: CorrespFields = { authors: [], recipients: [] };
  const actions = childElements(cd, 'correspAction');
  const sent = actions.find((a) => attr(a, 'type') === 'sent');
  const received = actions.find((a) => attr(a, 'type') === 'received');
  if (sent) {
    out.authors = parties(sent, register, index);
    const written: NonNullable<Work['written']> = {};
    const date = readDate(child(sent, 'date'));
    if (date) written.date = date;
    const p = place(sent, index);
    if (p) written.place = p;
    const note = childElements(sent, 'note').find((n) => attr(n, 'type') === 'written');
    if (note) written.text = normText(note);
    if (Object.keys(written).length) out.written = written;
  }
  if (received) {
    out.recipients = parties(received, register, index);
    const p = place(received, index);
    if (p) out.sentTo = p;
  }
  for (const k of ['ref', 'key', 'source'] as const) {
    const v = attr(cd, k);
    if (v) out[k] = v;
  }
  const tei = descendants(cd, 'ref').find((r) => attr(r, 'type') === 'cmif:isAvailableAsTEIfile');
  if (tei && attr(tei, 'target')) out.teiFile = attr(tei, 'target')!;
  return out;
}
