// The /search page as HTML: the form (a GET form that works without JavaScript), the results with
// their snippets, facets and pager, and the query language's help. Results are built as strings,
// escaped as JSX would escape them: a page has hundreds of elements, and JSX cost more than the search.
import { raw } from 'hono/html';
import { escapeHtml } from '../../../model/escape.js';
import { SORTS, type Facet, type SearchHit, type SearchResponse, type SearchSort, type SyntaxRow } from '../../../model/search.js';
import { isoLabel } from '../format.js';
import { collectionHref, workHref } from '../href.js';
import { renderPage, type AssetUrls } from '../layout.js';

const href = (q: string, extra: Record<string, string | number | undefined> = {}) => {
  const p = new URLSearchParams({ q: q.trim() });
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) p.set(k, String(v));
  return `/search?${p.toString()}`;
};
const SORT_LABELS: Record<SearchSort, string> = { relevance: 'Relevance', date: 'Date, oldest first', 'date-desc': 'Date, newest first' };
const FIELD_LABELS: Record<string, string> = { body: 'Text', notes: 'Notes', header: 'Header', title: 'Title' };
const sortParam = (r: SearchResponse, explicit: boolean) => (explicit ? r.sort : undefined);

const esc = escapeHtml;

function hitHtml(h: SearchHit): string {
  const people = [h.authors.map((a) => a.name).join(', '), h.recipients.map((a) => a.name).join(', ')].filter(Boolean);
  let html =
    `<li class="result"><h2 class="result-title"><a href="${esc(workHref(h.id))}">${h.titleHtml}</a></h2>` +
    `<p class="result-meta"><span class="result-kind">${esc(h.kind)}</span>` +
    (h.dateText || h.date ? `<span class="result-date">${esc(h.dateText || (h.date ? isoLabel(h.date) : ''))}</span>` : '') +
    (people.length ? `<span class="result-people">${esc(people.join(' → '))}</span>` : '') +
    '</p>';
  for (const s of h.snippets) {
    html += `<p class="snippet snippet-${esc(s.field)}"><span class="snippet-field">${esc(FIELD_LABELS[s.field] ?? s.field)}</span> <span>${s.html}</span></p>`;
  }
  return `${html}</li>`;
}

function facetHtml(f: Facet, r: SearchResponse, sort?: SearchSort): string {
  if (f.values.length === 0) return '';
  let html = `<section class="facet facet-${esc(f.name)}"><h3>${esc(f.label)}</h3><ul>`;
  for (const v of f.values) {
    html += `<li class="${v.selected ? 'selected' : ''}">`;
    html += v.selected
      ? `<a href="${esc(href(r.q.replace(v.filter, ' ').replace(/\s+/g, ' '), { sort }))}" rel="nofollow" title="${esc(`Remove ${v.filter}`)}" data-instant="true">` +
        `<span class="facet-label">${esc(v.label)}</span> <span class="facet-remove" aria-label="remove">×</span></a>`
      : `<a href="${esc(href(`${r.q} ${v.filter}`, { sort }))}" rel="nofollow" data-instant="true"><span class="facet-label">${esc(v.label)}</span></a>`;
    html += `<span class="facet-count">${esc(v.count.toLocaleString('en'))}</span></li>`;
  }
  html += '</ul>';
  if (f.distinct > f.values.length)
    html += `<p class="facet-more">and ${esc((f.distinct - f.values.length).toLocaleString('en'))} more</p>`;
  return `${html}</section>`;
}

/** The facets, in a panel: open beside the results on wide screens, folded under them on phones (search.css, search.js). */
function facetsHtml(r: SearchResponse, sort?: SearchSort): string {
  const selected = r.facets.reduce((n, f) => n + f.values.filter((v) => v.selected).length, 0);
  return (
    '<aside class="facets" aria-label="Refine"><details class="facets-panel"><summary>Refine results' +
    (selected ? ` <span class="facets-selected">${esc(`· ${selected} selected`)}</span>` : '') +
    `</summary><div class="facet-groups">${r.facets.map((f) => facetHtml(f, r, sort)).join('')}</div></details></aside>`
  );
}

function pagerHtml(r: SearchResponse, sort?: SearchSort): string {
  if (r.pages <= 1) return '';
  const pages = [...new Set([1, r.page - 2, r.page - 1, r.page, r.page + 1, r.page + 2, r.pages])]
    .filter((p) => p >= 1 && p <= r.pages)
    .sort((a, b) => a - b);
  let html = '<nav class="pager" aria-label="Result pages">';
  if (r.page > 1) html += `<a href="${esc(href(r.q, { page: r.page - 1, sort }))}" rel="prev" data-instant="true">← Previous</a>`;
  for (const p of pages)
    html +=
      p === r.page
        ? `<span aria-current="page">${p}</span>`
        : `<a href="${esc(href(r.q, { page: p, sort }))}" data-instant="true">${p}</a>`;
  if (r.page < r.pages) html += `<a href="${esc(href(r.q, { page: r.page + 1, sort }))}" rel="next" data-instant="true">Next →</a>`;
  return `${html}</nav>`;
}

function QueryHelp({ open, help }: { open: boolean; help: SearchPageOptions['help'] }) {
  return (
    <details class="search-help" open={open}>
      <summary>How to search</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">Write</th>
            <th scope="col">To find</th>
            <th scope="col">Example</th>
          </tr>
        </thead>
        <tbody>
          {help.syntax.map((row) => (
            <tr>
              <td>
                <code>{row.syntax}</code>
              </td>
              <td>{row.meaning}</td>
              <td>
                <code>{row.example}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {help.notes.map((n) => (
        <p>{n}</p>
      ))}
      <p>
        The same search answers as JSON at <code>{'/api/search?q=…&page=…&sort=relevance|date|date-desc&facets=kind,author,…|none'}</code>.
      </p>
    </details>
  );
}
/** The help never changes: rendered once, open and closed. */
const helpHtml: Partial<Record<'open' | 'closed', string>> = {};
const queryHelp = (open: boolean, help: SearchPageOptions['help']) =>
  (helpHtml[open ? 'open' : 'closed'] ??= String(<QueryHelp open={open} help={help} />));

/** The part of the page that changes with the query (also served alone, for instant results). */
export function resultsHtml(r: SearchResponse, explicitSort: boolean): string {
  const sort = sortParam(r, explicitSort);
  if (r.error) {
    return (
      `<div class="search-error" role="alert"><p><strong>${esc(r.error.message)}</strong></p>` +
      (r.error.position !== undefined ? `<pre class="search-error-at">${esc(`${r.q}\n${' '.repeat(r.error.position)}^`)}</pre>` : '') +
      (r.error.hint ? `<p>${esc(r.error.hint)}</p>` : '') +
      '</div>'
    );
  }
  if (!r.q.trim())
    return `<p class="search-summary">${esc('Type words, "a phrase", or filters such as recipient:shahumyan year:1918.')}</p>`;
  const from = (r.page - 1) * r.pageSize + 1;
  let html =
    '<div class="search-layout"><div class="search-main"><p class="search-summary">' +
    esc(
      r.total === 0
        ? 'No works match.'
        : `${r.approximate ? 'About ' : ''}${r.total.toLocaleString('en')} ${r.total === 1 ? 'work' : 'works'}`,
    ) +
    (r.total > r.pageSize ? esc(` · ${from}–${Math.min(r.total, from + r.pageSize - 1)}`) : '') +
    '</p>';
  // How the query was bounded (a prefix searched by its most frequent words): said beside the count.
  for (const n of r.notes ?? []) html += `<p class="search-note">${esc(n)}</p>`;
  if (r.expansions.length) {
    html += '<details class="search-expansions"><summary>How the words were searched</summary><ul>';
    for (const e of r.expansions) {
      html +=
        `<li><strong>${esc(e.word)}</strong>: ${esc(e.terms.join(', '))}` +
        (e.aliases.length ? ` · register spellings: ${esc(e.aliases.join(', '))}` : '') +
        (e.variants.length ? ` · spelling variants: ${esc(e.variants.join(', '))}` : '') +
        '</li>';
    }
    html += '</ul></details>';
  }
  if (r.collections?.length) {
    html +=
      '<section class="collection-hits" aria-label="Books and collections"><h2 class="visually-hidden">Books and collections</h2><ul>';
    for (const c of r.collections) {
      html += `<li><a href="${esc(collectionHref(c.path))}">${esc(c.title)}</a> <span class="collection-hit-count">${esc(`${c.works.toLocaleString('en')} ${c.works === 1 ? 'work' : 'works'} in the archive`)}</span></li>`;
    }
    html += '</ul></section>';
  }
  html += `<ol class="results" start="${from}">${r.hits.map(hitHtml).join('')}</ol>${pagerHtml(r, sort)}</div>`;
  if (r.total > 0) html += facetsHtml(r, sort);
  return `${html}</div>`;
}

export interface SearchPageOptions {
  site: AssetUrls;
  /** The search page's own stylesheet and script. */
  css: string;
  js: string;
  /** The query language, described (src/search/help.ts). */
  help: { syntax: SyntaxRow[]; notes: string[] };
}

/** The whole /search page: the form, the results, and the query language's help. */
export function searchPage(r: SearchResponse, explicitSort: boolean, o: SearchPageOptions): string {
  const main =
    `<section class="search-page"><link rel="stylesheet" href="${esc(o.css)}"/><h1>Search</h1>` +
    '<form class="search-form" role="search" action="/search" method="get"><label for="q" class="visually-hidden">Search the archive</label>' +
    `<input id="q" name="q" type="search" value="${esc(r.q)}" autocomplete="off" spellcheck="false" placeholder="${esc('Shahumyan, "learn diplomacy", recipient:shahumyan year:1918')}"/>` +
    '<label for="sort" class="visually-hidden">Order</label><select id="sort" name="sort">' +
    SORTS.map((s) => `<option value="${s}"${explicitSort && r.sort === s ? ' selected=""' : ''}>${esc(SORT_LABELS[s])}</option>`).join('') +
    '</select><button type="submit">Search</button></form>' +
    `<div id="search-results" aria-live="polite">${resultsHtml(r, explicitSort)}</div>` +
    queryHelp(!r.q.trim(), o.help) +
    `<script src="${esc(o.js)}" defer=""></script></section>`;
  return renderPage({ title: r.q.trim() ? `${r.q.trim()} — Search` : 'Search', assets: o.site, main: raw(main), bodyClass: 'page-search' });
}
