// An in-memory Store for tests of layers above the store (web, site). Not a backend: no
// persistence, no revisions. Behaviour follows the comments in src/store/store.ts.
import type { Collection, Work } from '../../src/model/work.js';
import type {
  CollectionSummary, ListOptions, Neighbours, RevisionMeta, Store, UpsertStatus, WorkSummary,
} from '../../src/store/store.js';

const key = (path: string[]) => path.join('/');
const startsWith = (path: string[], prefix: string[]) => prefix.every((seg, i) => path[i] === seg);

export function summarise(work: Work, updatedAt: string): WorkSummary {
  const date = work.written?.date;
  return {
    id: work.id,
    kind: work.kind,
    title: work.title,
    language: work.language,
    authors: work.authors.map(({ id, name }) => ({ id, name })),
    recipients: work.recipients.map(({ id, name }) => ({ id, name })),
    ...(date ? { date: date.start, dateText: date.text } : {}),
    collections: work.collections,
    updatedAt,
  };
}

interface Entry {
  work: Work;
  json: string;
  updatedAt: string;
  seq: number;
}

export class MemoryStore implements Store {
  readonly capabilities = { concurrentWriters: false };
  private readonly works = new Map<string, Entry>();
  private readonly collections = new Map<string, { c: Collection; json: string }>();
  private seq = 0;
  /** Revision messages, newest last, so tests can check what a writer passed. */
  readonly log: { id: string; meta?: RevisionMeta }[] = [];

  constructor(private readonly clock: () => Date = () => new Date()) {}

  async upsertWork(work: Work, meta?: RevisionMeta): Promise<UpsertStatus> {
    const json = JSON.stringify(work);
    const old = this.works.get(work.id);
    if (old && old.json === json) return 'unchanged';
    // Copy so callers mutating their object cannot change what is stored.
    this.works.set(work.id, { work: JSON.parse(json) as Work, json, updatedAt: this.clock().toISOString(), seq: ++this.seq });
    this.log.push({ id: work.id, ...(meta ? { meta } : {}) });
    return old ? 'updated' : 'imported';
  }

  async upsertWorks(works: Work[], meta?: RevisionMeta): Promise<UpsertStatus[]> {
    const out: UpsertStatus[] = [];
    for (const w of works) out.push(await this.upsertWork(w, meta));
    return out;
  }

  async getWork(id: string): Promise<Work | undefined> {
    const e = this.works.get(id);
    return e ? (JSON.parse(e.json) as Work) : undefined;
  }

  async deleteWork(id: string, meta?: RevisionMeta): Promise<boolean> {
    const had = this.works.delete(id);
    if (had) this.log.push({ id, ...(meta ? { meta } : {}) });
    return had;
  }

  private filtered(opts: ListOptions = {}): Entry[] {
    return [...this.works.values()].filter(({ work }) =>
      (!opts.author || work.authors.some((a) => a.id === opts.author)) &&
      (!opts.recipient || work.recipients.some((r) => r.id === opts.recipient)) &&
      (!opts.kind || work.kind === opts.kind) &&
      (!opts.collection || work.collections.some((c) => startsWith(c.path, opts.collection!))));
  }

  async listWorks(opts: ListOptions = {}): Promise<WorkSummary[]> {
    const rows = this.filtered(opts);
    const order = opts.order ?? 'date';
    const date = (e: Entry) => e.work.written?.date?.start ?? '\uffff';
    rows.sort((a, b) =>
      order === 'recent' ? b.seq - a.seq
        : order === 'title' ? a.work.title.localeCompare(b.work.title) || a.work.id.localeCompare(b.work.id)
          : date(a).localeCompare(date(b)) || a.work.id.localeCompare(b.work.id));
    const offset = opts.offset ?? 0;
    const page = rows.slice(offset, opts.limit === undefined ? undefined : offset + opts.limit);
    return page.map((e) => summarise(e.work, e.updatedAt));
  }

  async countWorks(opts?: ListOptions): Promise<number> {
    return this.filtered(opts).length;
  }

  async upsertCollection(c: Collection): Promise<UpsertStatus> {
    const json = JSON.stringify(c);
    const old = this.collections.get(key(c.path));
    if (old && old.json === json) return 'unchanged';
    this.collections.set(key(c.path), { c: JSON.parse(json) as Collection, json });
    return old ? 'updated' : 'imported';
  }

  async getCollection(path: string[]): Promise<Collection | undefined> {
    const e = this.collections.get(key(path));
    return e ? (JSON.parse(e.json) as Collection) : undefined;
  }

  async listCollections(): Promise<CollectionSummary[]> {
    const found = new Map<string, CollectionSummary>();
    for (const { c } of this.collections.values()) found.set(key(c.path), { path: c.path, title: c.title, count: 0 });
    for (const { work } of this.works.values()) {
      for (const ref of work.collections) {
        if (!found.has(key(ref.path))) {
          const title = ref.titles?.[ref.path.length - 1] ?? ref.path[ref.path.length - 1]!;
          found.set(key(ref.path), { path: ref.path, title, count: 0 });
        }
      }
    }
    for (const s of found.values()) s.count = this.filtered({ collection: s.path }).length;
    return [...found.values()].sort((a, b) => key(a.path).localeCompare(key(b.path)));
  }

  async neighbours(id: string, collection: string[]): Promise<Neighbours> {
    const pos = (w: Work) => w.collections.find((c) => key(c.path) === key(collection))?.position;
    const members = [...this.works.values()].map((e) => e.work).filter((w) => w.collections.some((c) => key(c.path) === key(collection)));
    members.sort((a, b) =>
      (pos(a) ?? Infinity) - (pos(b) ?? Infinity) ||
      (a.written?.date?.start ?? '\uffff').localeCompare(b.written?.date?.start ?? '\uffff') ||
      a.id.localeCompare(b.id));
    const i = members.findIndex((w) => w.id === id);
    if (i < 0) return {};
    const at = (j: number) => {
      const w = members[j];
      return w ? summarise(w, this.works.get(w.id)!.updatedAt) : undefined;
    };
    const previous = at(i - 1);
    const next = at(i + 1);
    return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
  }

  async close(): Promise<void> {}
}

export async function memoryStore(works: Work[] = [], collections: Collection[] = []): Promise<MemoryStore> {
  const store = new MemoryStore();
  await store.upsertWorks(works);
  for (const c of collections) await store.upsertCollection(c);
  return store;
}

// ---- fixtures: Works built like the seed page (/work/shared/seed/lenin-to-shahumyan-1918.txt) ----

const NOTE_1 = [
  'The defeat of the anti-Soviet revolt of the Mussavatists at the end of March 1918 consolidated Soviet power in Baku. A meeting of the Baku Soviet on April 25 set up the Baku Council of People’s Commissars, which besides Bolsheviks included some Left Socialist-Revolutionaries. Shahumyan was made Chairman of the Baku Council of People’s Commissars and Commissar for Foreign Affairs. The Council launched a number of socialist projects. In April and May 1918 Soviet power was established over a considerable part of Azerbaijan.',
  'The Azerbaijan workers’ and peasants’ struggle for the victory of socialist revolution was waged in an extremely complex situation. The German-Turkish intervention had begun in the Transcaucasus and Turkish troops had invaded Azerbaijan. On the other hand, the British Command in Iran had made contact with the Baku Dashnaks, Socialist-Revolutionaries and Mensheviks, in the hope of using them to take over Baku and overthrow Soviet power in the city. Lenin therefore instructed the leaders of the Baku Council of People’s Commissars to be extremely flexible in taking advantage of the contradictions within the imperialist camp and within the nationalist parties.',
];

const text = (t: string) => ({ type: 'text' as const, text: t });

/** The seed letter as an importer would produce it; `over` replaces top-level fields. */
export function seedLikeWork(over: Partial<Work> = {}): Work {
  const work: Work = {
    id: 'lenin/1918/05/14-shahumyan',
    kind: 'letter',
    title: 'To S. G. Shahumyan',
    language: 'en',
    authors: [{ id: 'lenin', name: 'V. I. Lenin' }],
    recipients: [{ id: 'shaumyan-stepan', name: 'S. G. Shahumyan', asWritten: 'Comrade Shahumyan' }],
    written: {
      date: { text: 'May 14, 1918', iso: '1918-05-14', precision: 'day', start: '1918-05-14', end: '1918-05-14' },
      text: 'Written on May 14, 1918',
    },
    sentTo: { id: 'baku', name: 'Baku' },
    published: [{
      venue: 'Bulletins of the Dictatorship of the Tsentrokaspy and the Presidium of the Provisional Executive Committee',
      issue: 'No. 33',
      date: { text: 'September 8, 1918', iso: '1918-09-08', precision: 'day', start: '1918-09-08', end: '1918-09-08' },
      text: 'Published in Bulletins of the Dictatorship of the Tsentrokaspy and the Presidium of the Provisional Executive Committee No. 33, September 8, 1918.',
    }],
    headerNotes: ['Printed from the Bulletins text.'],
    source: {
      author: 'Lenin', title: 'Collected Works', publisher: 'Progress Publishers', year: '[1976]', place: 'Moscow',
      volume: '35', pages: '332',
    },
    contributors: [
      { role: 'translator', name: 'Andrew Rothstein' },
      { role: 'transcriber', name: 'R. Cymbala', label: 'Transcription\\Markup' },
    ],
    rights: {
      statement: 'Lenin Internet Archive. You may freely copy, distribute, display and perform this work, as well as make derivative and commercial works.',
      licence: 'public-domain',
      credit: 'Please credit “Marxists Internet Archive” as your source.',
    },
    otherFormats: [{ label: 'Text' }, { label: 'README' }],
    body: [
      { type: 'salutation', content: [text('Dear Comrade Shahumyan,')] },
      { type: 'paragraph', content: [text('Many thanks for your letter. We are delighted with your firm and resolute policy. Be capable of combining with it the most cautious diplomacy, unquestionably required by the present most difficult, situation—and we shall be victorious.')] },
      { type: 'paragraph', content: [text('The difficulties are immeasurable. So far we are being saved only by the contradictions and conflicts and struggles among the imperialists. Be capable of making use of these conflicts: for the time being we have to learn diplomacy.'), { type: 'noteRef', note: '1', label: '1' }] },
      { type: 'closer', content: [text('Best greetings and wishes, and greetings to all friends.')] },
      { type: 'signature', content: [text('Yours,'), { type: 'lineBreak' }, text('Lenin')] },
    ],
    notes: [{ id: '1', label: '1', kind: 'editorial', blocks: NOTE_1.map((t) => ({ type: 'paragraph' as const, content: [text(t)] })) }],
    collections: [{
      path: ['lenin', 'collected-works', 'volume-35'],
      titles: ['Lenin', 'Collected Works', 'Volume 35'],
      position: 1,
    }],
    entities: {
      people: [{ id: 'shaumyan-stepan', name: 'S. G. Shahumyan' }],
      places: [{ id: 'baku', name: 'Baku', coordinates: { lat: 40.41, lon: 49.87 } }],
      organisations: [],
      events: [],
    },
    provenance: {
      file: 'seed/lenin-to-shahumyan-1918.txt', format: 'mia-text', importer: 'mia-text@0.1.0', checksum: 'sha256:seed',
      url: 'https://www.marxists.org/archive/lenin/works/1918/may/14.htm',
    },
    ...over,
  };
  return work;
}

/** A small letter in the same collection as the seed, for previous/next navigation. */
export function letterInVolume35(id: string, title: string, isoDay: string, position: number, over: Partial<Work> = {}): Work {
  const [y, m, d] = isoDay.split('-');
  const date = { text: `${d}.${m}.${y}`, iso: isoDay, precision: 'day' as const, start: isoDay, end: isoDay };
  return seedLikeWork({
    id, title, written: { date }, published: [], headerNotes: undefined, source: undefined, otherFormats: undefined,
    contributors: [], sentTo: undefined, notes: [],
    body: [{ type: 'paragraph', content: [text(`Body of ${title}.`)] }],
    collections: [{ path: ['lenin', 'collected-works', 'volume-35'], titles: ['Lenin', 'Collected Works', 'Volume 35'], position }],
    entities: { people: [], places: [], organisations: [], events: [] },
    ...over,
  });
}
