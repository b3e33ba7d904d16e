// /search (the page: a GET form that works without JavaScript, enhanced with instant results by
// /search/assets/search.js) and /api/search (the same answer as JSON). Mount with app.route('/', …).
import { Hono, type Context } from 'hono';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { assetUrls } from '../../render/html/assets.js';
import { workHref } from '../../render/html/href.js';
import { renderPage, type AssetUrls } from '../../render/html/layout.js';
import { FACET_NAMES, SORTS, type Facet, type FacetName, type SearchHit, type SearchRequest, type SearchResponse, type SearchSort } from '../../search/types.js';
import type { Store } from '../../store/store.js';
import { MATCHING_NOTES, QUERY_SYNTAX } from '../../search/help.js';
import { escapeHtml } from '../../search/snippets.js';
import { raw } from 'hono/html';

interface Asset { body: string; type: string; hash: string; url: string }
function asset(name: string, type: string): Asset {
  const body = readFileSync(new URL(`../assets/${name}`, import.meta.url), 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  return { body, type, hash, url: `/search/assets/${name}?v=${hash}` };
}
let assets: Record<string, Asset> | undefined;
const searchAssets = () => (assets ??= { 'search.js': asset('search.js', 'text/javascript; charset=utf-8'), 'search.css': asset('search.css', 'text/css; charset=utf-8') });

/** The request a URL asks for: ?q=&page=&sort=&facets=kind,author|none&pageSize=. */
export function requestFromQuery(c: Context): SearchRequest {
  const facets = c.req.query('facets');
  const sort = c.req.query('sort');
  return {
    q: c.req.query('q') ?? '',
    page: Number(c.req.query('page') ?? 1),
    ...(c.req.query('pageSize') ? { pageSize: Number(c.req.query('pageSize')) } : {}),
    ...(sort && (SORTS as readonly string[]).includes(sort) ? { sort: sort as SearchSort } : {}),
    ...(facets === undefined || facets === 'all' ? {} : { facets: facets === 'none' || facets === '' ? [] : facets.split(',').filter((f): f is FacetName => (FACET_NAMES as readonly string[]).includes(f)) }),
  };
}

const href = (q: string, extra: Record<string, string | number | undefined> = {}) => {
  const p = new URLSearchParams({ q: q.trim() });
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) p.set(k, String(v));
  return `/search?${p.toString()}`;
};
const SORT_LABELS: Record<SearchSort, string> = { relevance: 'Relevance', date: 'Date, oldest first', 'date-desc': 'Date, newest first' };
const FIELD_LABELS: Record<string, string> = { body: 'Text', notes: 'Notes', header: 'Header', title: 'Title' };
const sortParam = (r: SearchResponse, explicit: boolean) => (explicit ? r.sort : undefined);

// The results are built as strings (escaped as JSX would escape them): a page of results has
// hundreds of elements, and rendering them as JSX cost more than the search itself.
const esc = escapeHtml;

function hitHtml(h: SearchHit): string {
  const people = [h.authors.map((a) => a.name).join(', '), h.recipients.map((a) => a.name).join(', ')].filter(Boolean);
  let html = `<li class="result"><h2 class="result-title"><a href="${esc(workHref(h.id))}">${h.titleHtml}</a></h2>`
    + `<p class="result-meta"><span class="result-kind">${esc(h.kind)}</span>`
    + (h.dateText || h.date ? `<span class="result-date">${esc(h.dateText ?? h.date ?? '')}</span>` : '')
    + (people.length ? `<span class="result-people">${esc(people.join(' → '))}</span>` : '')
    + '</p>';
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
      ? `<a href="${esc(href(r.q.replace(v.filter, ' ').replace(/\s+/g, ' '), { sort }))}" rel="nofollow" title="${esc(`Remove ${v.filter}`)}" data-instant="true">`
        + `<span class="facet-label">${esc(v.label)}</span> <span class="facet-remove" aria-label="remove">×</span></a>`
      : `<a href="${esc(href(`${r.q} ${v.filter}`, { sort }))}" rel="nofollow" data-instant="true"><span class="facet-label">${esc(v.label)}</span></a>`;
    html += `<span class="facet-count">${esc(v.count.toLocaleString('en'))}</span></li>`;
  }
  html += '</ul>';
  if (f.distinct > f.values.length) html += `<p class="facet-more">and ${esc((f.distinct - f.values.length).toLocaleString('en'))} more</p>`;
  return `${html}</section>`;
}

function pagerHtml(r: SearchResponse, sort?: SearchSort): string {
  if (r.pages <= 1) return '';
  const pages = [...new Set([1, r.page - 2, r.page - 1, r.page, r.page + 1, r.page + 2, r.pages])].filter((p) => p >= 1 && p <= r.pages).sort((a, b) => a - b);
  let html = '<nav class="pager" aria-label="Result pages">';
  if (r.page > 1) html += `<a href="${esc(href(r.q, { page: r.page - 1, sort }))}" rel="prev" data-instant="true">← Previous</a>`;
  for (const p of pages) html += p === r.page ? `<span aria-current="page">${p}</span>` : `<a href="${esc(href(r.q, { page: p, sort }))}" data-instant="true">${p}</a>`;
  if (r.page < r.pages) html += `<a href="${esc(href(r.q, { page: r.page + 1, sort }))}" rel="next" data-instant="true">Next →</a>`;
  return `${html}</nav>`;
}

function QueryHelp({ open }: { open: boolean }) {
  return (
    <details class="search-help" open={open}>
      <summary>How to search</summary>
      <table>
        <thead><tr><th scope="col">Write</th><th scope="col">To find</th><th scope="col">Example</th></tr></thead>
        <tbody>{QUERY_SYNTAX.map((row) => <tr><td><code>{row.syntax}</code></td><td>{row.meaning}</td><td><code>{row.example}</code></td></tr>)}</tbody>
      </table>
      {MATCHING_NOTES.map((n) => <p>{n}</p>)}
      <p>The same search answers as JSON at <code>{'/api/search?q=…&page=…&sort=relevance|date|date-desc&facets=kind,author,…|none'}</code>.</p>
    </details>
  );
}
/** The help never changes: rendered once, open and closed. */
const helpHtml: Partial<Record<'open' | 'closed', string>> = {};
const queryHelp = (open: boolean) => (helpHtml[open ? 'open' : 'closed'] ??= String(<QueryHelp open={open} />));

/** The part of the page that changes with the query (also served alone, for instant results). */
export function resultsHtml(r: SearchResponse, explicitSort: boolean): string {
  const sort = sortParam(r, explicitSort);
  if (r.error) {
    return `<div class="search-error" role="alert"><p><strong>${esc(r.error.message)}</strong></p>`
      + (r.error.position !== undefined ? `<pre class="search-error-at">${esc(`${r.q}\n${' '.repeat(r.error.position)}^`)}</pre>` : '')
      + (r.error.hint ? `<p>${esc(r.error.hint)}</p>` : '')
      + '</div>';
  }
  if (!r.q.trim()) return `<p class="search-summary">${esc('Type words, "a phrase", or filters such as recipient:shahumyan year:1918.')}</p>`;
  const from = (r.page - 1) * r.pageSize + 1;
  let html = '<div class="search-layout"><div class="search-main"><p class="search-summary">'
    + esc(r.total === 0 ? 'No works match.' : `${r.total.toLocaleString('en')} ${r.total === 1 ? 'work' : 'works'}`)
    + (r.total > r.pageSize ? esc(` · ${from}–${Math.min(r.total, from + r.pageSize - 1)}`) : '')
    + '</p>';
  if (r.expansions.length) {
    html += '<details class="search-expansions"><summary>How the words were searched</summary><ul>';
    for (const e of r.expansions) {
      html += `<li><strong>${esc(e.word)}</strong>: ${esc(e.terms.join(', '))}`
        + (e.aliases.length ? ` · register spellings: ${esc(e.aliases.join(', '))}` : '')
        + (e.variants.length ? ` · spelling variants: ${esc(e.variants.join(', '))}` : '')
        + '</li>';
    }
    html += '</ul></details>';
  }
  html += `<ol class="results" start="${from}">${r.hits.map(hitHtml).join('')}</ol>${pagerHtml(r, sort)}</div>`;
  if (r.total > 0) html += `<aside class="facets" aria-label="Refine">${r.facets.map((f) => facetHtml(f, r, sort)).join('')}</aside>`;
  return `${html}</div>`;
}

export function Results({ r, explicitSort }: { r: SearchResponse; explicitSort: boolean }) {
  return raw(resultsHtml(r, explicitSort));
}

function page(r: SearchResponse, explicitSort: boolean, site: AssetUrls): string {
  const a = searchAssets();
  const main = `<section class="search-page"><link rel="stylesheet" href="${esc(a['search.css']!.url)}"/><h1>Search</h1>`
    + '<form class="search-form" role="search" action="/search" method="get"><label for="q" class="visually-hidden">Search the archive</label>'
    + `<input id="q" name="q" type="search" value="${esc(r.q)}" autocomplete="off" spellcheck="false" placeholder="${esc('Shahumyan, "learn diplomacy", recipient:shahumyan year:1918')}"/>`
    + '<label for="sort" class="visually-hidden">Order</label><select id="sort" name="sort">'
    + SORTS.map((s) => `<option value="${s}"${explicitSort && r.sort === s ? ' selected=""' : ''}>${esc(SORT_LABELS[s])}</option>`).join('')
    + '</select><button type="submit">Search</button></form>'
    + `<div id="search-results" aria-live="polite">${resultsHtml(r, explicitSort)}</div>`
    + queryHelp(!r.q.trim())
    + `<script src="${esc(a['search.js']!.url)}" defer=""></script></section>`;
  return renderPage({ title: r.q.trim() ? `${r.q.trim()} — Search` : 'Search', assets: site, main: raw(main), bodyClass: 'page-search' });
}

export function searchRoutes(store: Store, opts: { assets?: AssetUrls } = {}): Hono {
  const app = new Hono();
  app.get('/search', async (c) => {
    const req = requestFromQuery(c);
    const r = await store.search(req);
    const explicitSort = req.sort !== undefined;
    const status = r.error ? 400 : 200;
    if (c.req.query('partial') === '1') return c.html(resultsHtml(r, explicitSort), status);
    return c.html(page(r, explicitSort, opts.assets ?? assetUrls()), status);
  });
  app.get('/api/search', async (c) => {
    const r = await store.search(requestFromQuery(c));
    return c.json(r, r.error ? 400 : 200);
  });
  app.get('/search/assets/:name', (c) => {
    const a = searchAssets()[c.req.param('name')];
    if (!a) return c.text('Not found', 404);
    const cache = c.req.query('v') === a.hash ? 'public, max-age=31536000, immutable' : 'public, max-age=300, must-revalidate';
    return c.body(a.body, 200, { 'Content-Type': a.type, 'Cache-Control': cache, ETag: `"${a.hash}"` });
  });
  return app;
}
