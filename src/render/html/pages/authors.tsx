// The index of authors and correspondents, and one person's page: writings, letters written,
// letters received.
import type { WorkSummary } from '../../../model/summary.js';
import { WorkList, WorksByYear } from '../lists.js';
import { authorHref, collectionHref } from '../href.js';
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
  /** What the people register knows: life dates and other spellings. */
  person?: { born?: string; died?: string; aliases: string[] };
  /** Titles of the books and volumes (collections with records), by path key: writings are grouped under them. */
  books: ReadonlyMap<string, string>;
  assets: AssetUrls;
}

/** Writings grouped by the book they belong to (two or more in one book), the rest by year. */
function byBook(
  works: WorkSummary[],
  books: ReadonlyMap<string, string>,
): { groups: { path: string[]; title: string; works: WorkSummary[] }[]; loose: WorkSummary[] } {
  const keyOf = (w: WorkSummary) => w.collections.map((c) => c.path.join('/')).find((k) => books.has(k));
  const count = new Map<string, number>();
  for (const w of works) {
    const k = keyOf(w);
    if (k) count.set(k, (count.get(k) ?? 0) + 1);
  }
  const groups = new Map<string, WorkSummary[]>();
  const loose: WorkSummary[] = [];
  for (const w of works) {
    const k = keyOf(w);
    if (k && count.get(k)! >= 2) groups.set(k, [...(groups.get(k) ?? []), w]);
    else loose.push(w);
  }
  const position = (w: WorkSummary, k: string) => w.collections.find((c) => c.path.join('/') === k)?.position ?? Number.MAX_SAFE_INTEGER;
  return {
    groups: [...groups]
      .map(([k, list]) => ({
        path: k.split('/'),
        title: books.get(k)!,
        works: [...list].sort((a, b) => position(a, k) - position(b, k) || (a.date ?? '~').localeCompare(b.date ?? '~')),
      }))
      .sort((a, b) => (a.works[0]!.date ?? '~').localeCompare(b.works[0]!.date ?? '~') || a.title.localeCompare(b.title)),
    loose,
  };
}

const lifeDates = (p: AuthorPageInput['person']) => (p && (p.born || p.died) ? `(${p.born ?? '?'}–${p.died ?? ''})` : '');

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
  const { groups, loose } = byBook(writings, i.books);
  const others = i.person?.aliases.filter((a) => a !== i.name) ?? [];
  const main = (
    <>
      <Breadcrumbs trail={[{ label: 'Home', href: '/' }, { label: 'Authors', href: '/authors' }, { label: i.name }]} />
      <header class="page-header">
        <h1>{i.name}</h1>
        {lifeDates(i.person) ? <p class="life-dates">{lifeDates(i.person)}</p> : ''}
        {others.length ? <p class="lede">Also written: {others.join(', ')}</p> : ''}
      </header>
      {groups.length ? (
        <section class="author-section" aria-labelledby="books-heading">
          <h2 id="books-heading">
            Books and series <span class="count">{groups.reduce((n, g) => n + g.works.length, 0)}</span>
          </h2>
          {groups.map((g) => (
            <section class="book-group">
              <h3 class="year-heading">
                <a href={collectionHref(g.path)}>{g.title}</a>
              </h3>
              <WorkList works={g.works} o={{}} />
            </section>
          ))}
        </section>
      ) : (
        ''
      )}
      {section('writings-heading', groups.length ? 'Other writings' : 'Writings', loose, { recipients: true })}
      {section('written-heading', 'Letters written', letters, { recipients: true })}
      {section('received-heading', 'Letters received', i.received, { authors: true })}
    </>
  );
  return renderPage({ title: i.name, assets: i.assets, main, bodyClass: 'page-author' });
}
