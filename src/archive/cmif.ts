// The CMIF document for a whole archive or one collection: the letters a store holds, rendered once.
import type { Store } from '../store/store.js';
import type { Work } from '../model/work.js';
import { renderCmif } from '../render/cmif/index.js';

export interface ArchiveCmifOptions {
  baseUrl: string;
  title: string;
  publisher: string;
  editor: string;
  editorEmail?: string;
  collection?: string[];
  /** Date of the export (YYYY-MM-DD); defaults to today. */
  date?: string;
}

export async function archiveCmif(store: Store, o: ArchiveCmifOptions): Promise<{ xml: string; letters: number }> {
  const summaries = await store.listWorks({ kind: 'letter', ...(o.collection?.length ? { collection: o.collection } : {}), order: 'date' });
  const works: Work[] = [];
  for (const s of summaries) {
    const w = await store.getWork(s.id);
    if (w) works.push(w);
  }
  const xml = renderCmif(works, {
    title: o.collection?.length ? `${o.title}: ${o.collection.join(' › ')}` : o.title,
    editor: o.editor,
    ...(o.editorEmail ? { editorEmail: o.editorEmail } : {}),
    publisher: o.publisher,
    url: `${o.baseUrl}/cmif.xml${o.collection?.length ? `?collection=${encodeURIComponent(o.collection.join('/'))}` : ''}`,
    date: o.date ?? new Date().toISOString().slice(0, 10),
    workUrl: (w) => `${o.baseUrl}/works/${w.id}`,
  });
  return { xml, letters: works.length };
}
