// Deleted works: the store keeps every deletion as the last revision of the work (the revision log),
// so a deleted id is told apart from one that never existed. Pages answer 410 with a tombstone that
// says when the work was withdrawn and leads to its author and collection; the JSON API answers
// 410 with {error, deletedAt}.
import { authorHref, collectionHref, workHref } from '../render/html/href.js';
import { renderPage, type AssetUrls } from '../render/html/layout.js';
import type { Work } from '../model/work.js';
import type { Store } from '../store/store.js';

export interface Deletion {
  /** When the deleting revision was made (ISO). */
  deletedAt: string;
  /** The work as it was before it was deleted, when the log has it. */
  last?: Work;
}

/** The deletion of a work that is not in the archive now, or undefined (never stored, or stored). */
export async function deletionOf(store: Store, id: string): Promise<Deletion | undefined> {
  const revs = (await store.listRevisions?.(id)) ?? [];
  const latest = revs.at(-1);
  if (!latest?.deleted) return undefined;
  const before = revs.findLast((r) => !r.deleted);
  const last = before ? (await store.getRevision?.(id, before.n))?.work : undefined;
  return { deletedAt: latest.at, ...(last ? { last } : {}) };
}

/** "4 December 2026" (the day in UTC). */
const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The 410 page of a withdrawn work. */
export function renderTombstonePage(o: { id: string; deletion: Deletion; assets: AssetUrls }): string {
  const w = o.deletion.last;
  const collection = w?.collections[0];
  const main = (
    <section class="error-page tombstone">
      <p class="error-status">410</p>
      <h1>Withdrawn</h1>
      <p>
        {w ? (
          <>
            “{w.title}”{w.authors.length ? ` by ${w.authors.map((a) => a.name).join(', ')}` : ''} is no longer in the archive.{' '}
          </>
        ) : (
          ''
        )}
        This work was withdrawn on <time datetime={o.deletion.deletedAt}>{day(o.deletion.deletedAt)}</time>.
      </p>
      <ul>
        {(w?.authors ?? []).map((a) => (
          <li>
            <a href={authorHref(a.id)}>More by {a.name}</a>
          </li>
        ))}
        {collection ? (
          <li>
            <a href={collectionHref(collection.path)}>{collection.titles?.at(-1) ?? collection.path.join(' / ')}</a>
          </li>
        ) : (
          ''
        )}
        <li>
          <a href={`${workHref(o.id)}/history`}>Its history</a> (every revision is kept)
        </li>
      </ul>
      <p>
        <a href="/">Go to the home page</a> or <a href="/authors">browse the authors</a>.
      </p>
    </section>
  );
  return renderPage({ title: w ? `Withdrawn: ${w.title}` : 'Withdrawn', assets: o.assets, main, bodyClass: 'page-error' });
}
