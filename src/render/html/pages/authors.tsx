// The index of authors and correspondents, and one person's page: writings, letters written,
// letters received.
import type { WorkSummary } from '../../../model/summary.js';
import { WorksByYear } from '../lists.js';
import { authorHref } from '../href.js';
import { Breadcrumbs, renderPage, type AssetUrls } from '../layout.js';

export interface PersonSummary {
  id: string;
  name: string;
  /** Works this person wrote (any kind). */
  written: number;
  /** Letters this person received. */
  received: number;
}

/** "V. I. Lenin" sorts under L; "Lenin, V. I." would too. */
export const sortKey = (name: string) => {
  const parts = name.split(',')[0]!.trim().split(/\s+/);
  return (name.includes(',') ? parts[0]! : parts[parts.length - 1]!).toLocaleLowerCase('en');
};

export function renderAuthorsPage({ people, assets }: { people: PersonSummary[]; assets: AssetUrls }): string {
  const sorted = [...people].sort((a, b) => sortKey(a.name).localeCompare(sortKey(b.name), 'en') || a.name.localeCompare(b.name, 'en'));
  const main = (
    <>
      <Breadcrumbs trail={[{ label: 'Home', href: '/' }, { label: 'Authors' }]} />
      <header class="page-header">
        <h1>Authors and correspondents</h1>
        <p class="stats">{people.length.toLocaleString('en')} people</p>
      </header>
      <ul class="people-list">
        {sorted.map((p) => (
          <li>
            <a href={authorHref(p.id)}>{p.name}</a>
            <span class="count">
              {p.written ? ` ${p.written} written` : ''}
              {p.written && p.received ? ' ·' : ''}
              {p.received ? ` ${p.received} received` : ''}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
  return renderPage({ title: 'Authors', assets, main, bodyClass: 'page-authors' });
}

export interface AuthorPageInput {
  id: string;
  name: string;
  written: WorkSummary[];
  received: WorkSummary[];
  assets: AssetUrls;
}

const LETTER_KINDS = new Set(['letter', 'telegram']);

export function renderAuthorPage(i: AuthorPageInput): string {
  const writings = i.written.filter((w) => !LETTER_KINDS.has(w.kind));
  const letters = i.written.filter((w) => LETTER_KINDS.has(w.kind));
  const section = (id: string, title: string, works: WorkSummary[], o: { authors?: boolean; recipients?: boolean }) =>
    works.length ? (
      <section class="author-section" aria-labelledby={id}>
        <h2 id={id}>
          {title} <span class="count">{works.length}</span>
        </h2>
        <WorksByYear works={works} o={o} />
      </section>
    ) : (
      ''
    );
  const main = (
    <>
      <Breadcrumbs trail={[{ label: 'Home', href: '/' }, { label: 'Authors', href: '/authors' }, { label: i.name }]} />
      <header class="page-header">
        <h1>{i.name}</h1>
      </header>
      {section('writings-heading', 'Writings', writings, { recipients: true })}
      {section('written-heading', 'Letters written', letters, { recipients: true })}
      {section('received-heading', 'Letters received', i.received, { authors: true })}
    </>
  );
  return renderPage({ title: i.name, assets: i.assets, main, bodyClass: 'page-author' });
}
