// Instant results for /search: as the reader types (or follows a facet or page link), fetch the
// results part of the page and swap it in. Without this script the form and links work as they are.
(() => {
  const form = document.querySelector('form.search-form');
  const input = document.getElementById('q');
  const sort = document.getElementById('sort');
  const results = document.getElementById('search-results');
  if (!form || !input || !results || !window.fetch || !window.history.replaceState) return;

  let timer = 0;
  let inflight = null;

  // The facet panel (a <details>, search.css): open beside the results on wide screens; on narrow ones
  // closed until the reader opens it, and left as the reader left it when new results arrive.
  const wide = window.matchMedia ? window.matchMedia('not all and (max-width: 52rem)') : null;
  let facetsOpen = false;
  function fitFacets() {
    const panel = results.querySelector('details.facets-panel');
    if (panel) panel.open = Boolean(wide?.matches) || facetsOpen;
  }
  results.addEventListener(
    'toggle',
    (ev) => {
      if (ev.target instanceof Element && ev.target.matches('details.facets-panel') && !wide?.matches) facetsOpen = ev.target.open;
    },
    true,
  );
  wide?.addEventListener?.('change', fitFacets);
  fitFacets();

  const urlFor = (params) => `/search?${params.toString()}`;
  function paramsFromForm() {
    const p = new URLSearchParams();
    p.set('q', input.value);
    if (sort?.value && sort.value !== 'relevance') p.set('sort', sort.value);
    return p;
  }

  async function load(params, push) {
    if (inflight) inflight.abort();
    inflight = new AbortController();
    const partial = new URLSearchParams(params);
    partial.set('partial', '1');
    results.setAttribute('aria-busy', 'true');
    try {
      const res = await fetch(urlFor(partial), { signal: inflight.signal, headers: { Accept: 'text/html' } });
      results.innerHTML = await res.text();
      fitFacets();
      const url = urlFor(params);
      if (push) history.pushState({ q: params.get('q') }, '', url);
      else history.replaceState({ q: params.get('q') }, '', url);
      document.title = params.get('q') ? `${params.get('q')} — Search · Octavo` : 'Search · Octavo';
    } catch (e) {
      if (e && e.name === 'AbortError') return;
      form.submit();
    } finally {
      results.removeAttribute('aria-busy');
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => load(paramsFromForm(), false), 250);
  });
  if (sort) sort.addEventListener('change', () => load(paramsFromForm(), true));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearTimeout(timer);
    load(paramsFromForm(), true);
  });
  // Facet and page links: same page, new results, a history entry per step.
  results.addEventListener('click', (ev) => {
    const a = ev.target instanceof Element ? ev.target.closest('a[data-instant]') : null;
    if (!a || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    ev.preventDefault();
    const params = new URL(a.href, location.href).searchParams;
    input.value = params.get('q') || '';
    // Under the results (a phone), a facet or page link brings the new results' top into view.
    load(params, true).then(() => {
      if (results.getBoundingClientRect().top < 0) results.scrollIntoView({ block: 'start' });
    });
    input.focus({ preventScroll: true });
  });
  window.addEventListener('popstate', () => {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') || '';
    load(params, false);
  });
})();
