// A collection page (a volume, a year of letters): its members in order, linking those in the
// archive, then any other works filed under it, and its sub-collections.
import type { Contents, ContentsEntry } from '../../../model/contents.js';
import type { CollectionSummary } from '../../../model/summary.js';
import { CollectionTree, WorkList, collectionTree } from '../lists.js';
import { humanize } from '../format.js';
import { collectionHref, safeHref, workHref } from '../href.js';
import { Breadcrumbs, renderPage, type AssetUrls } from '../layout.js';
import { TitlePageBlock } from '../header.js';

export interface CollectionPageInput {
  path: string[];
  title: string;
  /** Titles of the ancestors, where known (by path key "a/b"). */
  ancestorTitles: Map<string, string>;
  /** The contents as resolved against the archive (src/archive/books.ts). */
  contents: Contents;
  /** Works filed here or in any sub-collection. */
  total: number;
  collections: CollectionSummary[];
  assets: AssetUrls;
}

function Entry({ e }: { e: ContentsEntry }) {
  const original = e.sourceHref ? safeHref(e.sourceHref) : undefined;
  if (e.work) {
    return (
      <li class="member">
        <a href={workHref(e.work.id)}>{e.title}</a>
        {e.note ? <span class="member-note"> {e.note}</span> : ''}
        {e.work.dateText ? <span class="member-date"> {e.work.dateText}</span> : ''}
      </li>
    );
  }
  if (e.part) {
    return (
      <li class="member member-part">
        <a href={collectionHref(e.part.path)}>{e.title}</a>
        {e.note ? <span class="member-note"> {e.note}</span> : ''}
        {e.part.entries.length ? <Entries entries={e.part.entries} /> : ''}
      </li>
    );
  }
  return (
    <li class="member member-absent">
      <span>{e.title}</span>
      {e.note ? <span class="member-note"> {e.note}</span> : ''}
      {original && /^https?:/.test(original) ? (
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
}

const Entries = ({ entries }: { entries: ContentsEntry[] }) => (
  <ol class="member-list">
    {entries.map((e) => (
      <Entry e={e} />
    ))}
  </ol>
);

export function renderCollectionPage(i: CollectionPageInput): string {
  const trail = [
    { label: 'Home', href: '/' },
    ...i.path.slice(0, -1).map((seg, k) => {
      const p = i.path.slice(0, k + 1);
      return { label: i.ancestorTitles.get(p.join('/')) ?? humanize(seg), href: collectionHref(p) };
    }),
    { label: i.title },
  ];
  const { record, entries, others } = i.contents;
  const sub = collectionTree(i.collections, i.path);
  const main = (
    <>
      <Breadcrumbs trail={trail} />
      <header class="page-header">
        <h1>{i.title}</h1>
        {record?.header ? <TitlePageBlock page={record.header} /> : record?.description ? <p class="lede">{record.description}</p> : ''}
        <p class="stats">
          {i.total.toLocaleString('en')} {i.total === 1 ? 'work' : 'works'} in the archive
          {i.contents.total ? `; ${i.contents.held} of ${i.contents.total} contents entries held here` : ''}
        </p>
      </header>
      {entries.length ? (
        <section aria-labelledby="members-heading">
          <h2 id="members-heading">Contents</h2>
          <Entries entries={entries} />
        </section>
      ) : (
        ''
      )}
      {others.length ? (
        <section aria-labelledby="works-heading">
          <h2 id="works-heading">{entries.length ? 'Other works in this collection' : 'Works'}</h2>
          <WorkList works={others} o={{ authors: true, recipients: true }} />
        </section>
      ) : (
        ''
      )}
      {sub.length ? (
        <section aria-labelledby="sub-heading">
          <h2 id="sub-heading">Collections</h2>
          <CollectionTree nodes={sub} depth={1} />
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
