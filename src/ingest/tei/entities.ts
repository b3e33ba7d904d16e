// People, places, organisations and events: the document's authority lists (listPerson, listPlace,
// listOrg, listEvent, anywhere in the file) and the mentions marked up in the text.
import type { Element } from '@xmldom/xmldom';
import type { Entity, Work } from '../../model/work.js';
import { slugify } from '../../model/ids.js';
import { attr, childElements, collapse, descendantsNamed, normText } from './dom.js';
import { decodeXmlId, INDEX_ELEMENTS, type EntityKind } from '../../formats/tei/mapping.js';
import { dedupe, parseGeo } from '../../formats/tei/agents.js';

type Bucket = keyof Work['entities'];

export interface IndexEntry extends Entity {
  xmlId: string;
  /** undefined for works (listBibl/bibl), which have no entity bucket. */
  bucket?: Bucket;
}

const NAME_OF: Record<string, string[]> = {
  person: ['persName', 'name'],
  personGrp: ['persName', 'name'],
  place: ['placeName', 'geogName', 'name'],
  org: ['orgName', 'name'],
  event: ['eventName', 'label', 'desc'],
  bibl: ['title'],
};

/** A persName with forename/surname parts reads "Forename Surname". */
function nameText(e: Element): string {
  const fore = childElements(e, 'forename').map((x) => normText(x));
  const sur = childElements(e, 'surname').map((x) => normText(x));
  if (fore.length || sur.length) {
    const links = childElements(e, 'nameLink').map((x) => normText(x));
    return collapse([...fore, ...links, ...sur].join(' '));
  }
  return normText(e);
}

function entryOf(e: Element, kind: string): IndexEntry | undefined {
  const xmlId = attr(e, 'xml:id');
  if (!xmlId) return undefined;
  const names = dedupe(
    NAME_OF[kind]!.flatMap((n) => childElements(e, n))
      .map(nameText)
      .filter(Boolean),
  );
  const entry: IndexEntry = { xmlId, id: decodeXmlId(xmlId), name: names[0] ?? xmlId };
  if (INDEX_ELEMENTS[kind]) entry.bucket = INDEX_ELEMENTS[kind];
  if (names.length > 1) entry.aliases = names.slice(1);
  const refs = dedupe(
    childElements(e, 'idno')
      .map((i) => normText(i))
      .filter((t) => /^[a-z][a-z0-9+.-]*:\S+$/i.test(t)),
  );
  if (refs.length) entry.refs = refs;
  if (kind === 'place') {
    for (const loc of childElements(e, 'location')) {
      if (/located_in|in_place/i.test(attr(loc, 'type') ?? '')) continue;
      const geo = childElements(loc, 'geo')[0];
      const c = geo ? parseGeo(normText(geo)) : undefined;
      if (c) {
        entry.coordinates = c;
        break;
      }
    }
  }
  return entry;
}

export class EntityIndex {
  readonly entries: IndexEntry[] = [];
  private readonly byXmlId = new Map<string, IndexEntry>();
  private readonly byId = new Map<string, IndexEntry>();

  constructor(root?: Element) {
    if (!root) return;
    const kinds = [...Object.keys(INDEX_ELEMENTS), 'bibl'];
    const found = descendantsNamed(root, new Set(kinds));
    for (const kind of kinds) {
      for (const e of found.get(kind) ?? []) {
        if (kind === 'bibl' && e.parentNode && (e.parentNode as Element).localName !== 'listBibl') continue;
        const entry = entryOf(e, kind);
        if (entry && !this.byXmlId.has(entry.xmlId)) {
          this.byXmlId.set(entry.xmlId, entry);
          this.byId.set(entry.id, entry);
        }
      }
    }
    // document order across kinds, so the export → import round trip keeps the Work's order
    const order = new Map<IndexEntry, number>();
    let i = 0;
    // Iterative, in document order (a deep tree never grows the call stack).
    const todo: Element[] = [root];
    while (todo.length) {
      const e = todo.pop()!;
      const id = attr(e, 'xml:id');
      const hit = id ? this.byXmlId.get(id) : undefined;
      if (hit && !order.has(hit)) order.set(hit, i++);
      const cs = childElements(e);
      for (let k = cs.length - 1; k >= 0; k--) todo.push(cs[k]!);
    }
    this.entries.push(...[...this.byXmlId.values()].sort((a, b) => order.get(a)! - order.get(b)!));
  }

  /** "#pmb50", "pmb50" (a bare id that exists in the lists). */
  lookup(token: string): IndexEntry | undefined {
    return this.byXmlId.get(token.startsWith('#') ? token.slice(1) : token);
  }

  get(id: string): IndexEntry | undefined {
    return this.byId.get(id);
  }
}

const BUCKET: Partial<Record<EntityKind, Bucket>> = {
  person: 'people',
  place: 'places',
  organisation: 'organisations',
  event: 'events',
};

/** A readable id from an authority URI: fragment, or last path segment (with its parent if numeric). */
export function idFromUri(uri: string): string {
  const hash = uri.indexOf('#');
  if (hash >= 0 && hash < uri.length - 1) return slugify(uri.slice(hash + 1), 60);
  const segs = uri
    .replace(/[?#].*$/, '')
    .split('/')
    .filter(Boolean);
  const last = segs.pop() ?? uri;
  const prev = /^\d[\d-]*x?$/i.test(last) ? segs.pop() : undefined;
  return slugify(prev && !prev.includes('.') ? `${prev}-${last}` : last, 60);
}

/** Collects the entities of one work: every authority-list entry plus mentions not in the lists. */
export class EntityCollector {
  private readonly extra: Record<Bucket, Map<string, Entity>> = {
    people: new Map(),
    places: new Map(),
    organisations: new Map(),
    events: new Map(),
  };

  constructor(readonly index: EntityIndex) {}

  /** Register a mention; returns the entity id for the mark. */
  mention(kind: EntityKind, text: string, ref: string | undefined, key: string | undefined): string | undefined {
    const tokens = (ref ?? '').split(/\s+/).filter(Boolean);
    const hit = (key ? this.index.get(key) : undefined) ?? tokens.map((t) => this.index.lookup(t)).find(Boolean);
    if (hit) return key ?? hit.id;
    const name = collapse(text);
    const id = key ?? (tokens.length ? idFromUri(tokens[0]!) : name ? slugify(name, 60) : undefined);
    const bucket = BUCKET[kind];
    if (!id || !bucket || !name) return id;
    const map = this.extra[bucket];
    const existing = map.get(id);
    if (!existing) {
      const uris = tokens.filter((t) => /^[a-z][a-z0-9+.-]*:/i.test(t));
      map.set(id, { id, name, ...(uris.length ? { refs: uris } : {}) });
    } else if (existing.name !== name && !existing.aliases?.includes(name)) {
      (existing.aliases ??= []).push(name);
    }
    return id;
  }

  result(): Work['entities'] {
    const out: Work['entities'] = { people: [], places: [], organisations: [], events: [] };
    for (const e of this.index.entries) {
      if (!e.bucket) continue;
      const { xmlId: _x, bucket, ...entity } = e;
      out[bucket].push(entity);
    }
    for (const b of Object.keys(out) as Bucket[]) out[b].push(...this.extra[b].values());
    return out;
  }
}
