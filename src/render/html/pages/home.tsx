// The home page: what the archive holds, its collections and its latest additions.
import type { CollectionSummary, WorkSummary } from '../../../model/summary.js';
import { CollectionTree, WorkList, collectionTree } from '../lists.js';
import { renderPage, type AssetUrls } from '../layout.js';

export interface HomePageInput {
  counts: { works: number; authors: number; letters: number };
  collections: CollectionSummary[];
  recent: WorkSummary[];
  assets: AssetUrls;
}

const n = (x: number) => x.toLocaleString('en');
const plural = (x: number, word: string) => (x === 1 ? word : `${word}s`);

export function renderHomePage(i: HomePageInput): string {
  const main = (
    <>
      <header class="page-header">
        <h1>Octavo</h1>
        <p class="lede">Letters, articles and speeches, with their sources, notes and rights.</p>
        <p class="stats">
          <span class="stat">
            <strong>{n(i.counts.works)}</strong> {plural(i.counts.works, 'work')}
          </span>
          <span class="stat">
            <a href="/authors">
              <strong>{n(i.counts.authors)}</strong> {plural(i.counts.authors, 'author')}
            </a>
          </span>
          <span class="stat">
            <strong>{n(i.counts.letters)}</strong> {plural(i.counts.letters, 'letter')}
          </span>
        </p>
      </header>
      <div class="home-columns">
        <section class="home-collections" aria-labelledby="collections-heading">
          <h2 id="collections-heading">Collections</h2>
          {i.collections.length ? <CollectionTree nodes={collectionTree(i.collections)} depth={2} /> : <p>No collections yet.</p>}
          <p>
            <a href="/authors">All authors →</a>
          </p>
        </section>
        <section class="home-recent" aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent additions</h2>
          {i.recent.length ? <WorkList works={i.recent} o={{ authors: true, recipients: true }} /> : <p>Nothing imported yet.</p>}
        </section>
      </div>
    </>
  );
  return renderPage({ title: 'Octavo', assets: i.assets, main, bodyClass: 'page-home' });
}
