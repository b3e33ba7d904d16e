// A collection page (a volume, a year of letters): its members in order, linking those in the
// archive, then any other works filed under it, and its sub-collections.
import type { Collection } from '../../../model/work.js';
import type { CollectionSummary, WorkSummary } from '../../../model/summary.js';
import { CollectionTree, WorkList, collectionTree } from '../lists.js';
import { humanize } from '../format.js';
import { collectionHref, safeHref, workHref } from '../href.js';
import { Breadcrumbs, renderPage, type AssetUrls } from '../layout.js';

export interface CollectionPageInput {
  path: string[];
  title: string;
  /** Titles of the ancestors, where known (by path key "a/b"). */
  ancestorTitles: Map<string, string>;
  record?: Collection;
  /** Works filed in exactly this collection, in reading order. */
  works: WorkSummary[];
  /** Works filed here or in any sub-collection. */
  total: number;
  /** Ids of member works that exist in the archive (members may name works not imported). */
  existing: Set<string>;
  collections: CollectionSummary[];
  assets: AssetUrls;
}

function Members({ record, existing }: { record: Collection; existing: Set<string> }) {
  return (
    <ol class="member-list">
      {record.members.map((m) => {
        const inArchive = m.workId !== undefined && existing.has(m.workId);
        const original = m.href === undefined ? undefined : safeHref(m.href, record.provenance.url);
        return (
          <li class={inArchive ? 'member' : 'member member-absent'}>
            {inArchive ? <a href={workHref(m.workId!)}>{m.title}</a> : <span>{m.title}</span>}
            {m.note ? <span class="member-note"> {m.note}</span> : ''}
            {!inArchive && original && /^https?:/.test(original) ? (
              <>
                {' '}
                <a class="member-original" href={original}>
                  (at the source)
                </a>
              </>
            ) : (
              ''
            )}
          </li>
        );
      })}
    </ol>
  );
}

export function renderCollectionPage(i: CollectionPageInput): string {
  const trail = [
    { label: 'Home', href: '/' },
    ...i.path.slice(0, -1).map((seg, k) => {
      const p = i.path.slice(0, k + 1);
      return { label: i.ancestorTitles.get(p.join('/')) ?? humanize(seg), href: collectionHref(p) };
    }),
    { label: i.title },
  ];
  const members = new Set(i.record?.members.map((m) => m.workId).filter(Boolean));
  const others = i.works.filter((w) => !members.has(w.id));
  const sub = collectionTree(i.collections, i.path);
  const main = (
    <>
      <Breadcrumbs trail={trail} />
      <header class="page-header">
        <h1>{i.title}</h1>
        {i.record?.description ? <p class="lede">{i.record.description}</p> : ''}
        <p class="stats">
          {i.total.toLocaleString('en')} {i.total === 1 ? 'work' : 'works'} in the archive
        </p>
      </header>
      {sub.length ? (
        <section aria-labelledby="sub-heading">
          <h2 id="sub-heading">Collections</h2>
          <CollectionTree nodes={sub} depth={1} />
        </section>
      ) : (
        ''
      )}
      {i.record?.members.length ? (
        <section aria-labelledby="members-heading">
          <h2 id="members-heading">Contents</h2>
          <Members record={i.record} existing={i.existing} />
        </section>
      ) : (
        ''
      )}
      {others.length ? (
        <section aria-labelledby="works-heading">
          <h2 id="works-heading">{i.record?.members.length ? 'Other works in this collection' : 'Works'}</h2>
          <WorkList works={others} o={{ authors: true, recipients: true }} />
        </section>
      ) : (
        ''
      )}
    </>
  );
  return renderPage({ title: i.title, assets: i.assets, main, bodyClass: 'page-collection' });
}

/** Every collection as one tree. */
export function renderCollectionsIndex({ collections, assets }: { collections: CollectionSummary[]; assets: AssetUrls }): string {
  const main = (
    <>
      <Breadcrumbs trail={[{ label: 'Home', href: '/' }, { label: 'Collections' }]} />
      <header class="page-header">
        <h1>Collections</h1>
      </header>
      {collections.length ? <CollectionTree nodes={collectionTree(collections)} depth={6} /> : <p>No collections yet.</p>}
    </>
  );
  return renderPage({ title: 'Collections', assets, main, bodyClass: 'page-collection' });
}
