// The static archive's search: runs in the browser, from file:// or any web server, loading only the
// index pieces a query needs (src/site/search-index.ts writes them): the manifest and its range
// table, the term chunks holding the query's terms, position chunks for "phrases", the value table
// and document list of each filter, facet shards of the matching documents, and one fragment per
// result shown. Every piece is a script that calls octavoSearch.load(key, data).
// The query language is Octavo's: words (all must match), "a phrase", prefix*, -word or NOT word,
// a OR b, and the filters author: recipient: place: kind: lang: collection: year:.
(() => {
  const root = document.currentScript?.getAttribute('data-root') || 'search/';
  const cache = {};
  const waiting = {};
  const fetched = { files: 0, bytes: 0 };

  window.octavoSearch = {
    load: (key, data) => {
      cache[key] = data;
      const w = waiting[key];
      delete waiting[key];
      if (w) for (let i = 0; i < w.length; i++) w[i][0](data);
    },
    fetched: fetched,
  };

  function get(key) {
    if (key in cache) return Promise.resolve(cache[key]);
    return new Promise((resolve, reject) => {
      if (waiting[key]) return waiting[key].push([resolve, reject]);
      waiting[key] = [[resolve, reject]];
      const s = document.createElement('script');
      s.src = `${root + key}.js`;
      s.async = true;
      s.onload = () => {
        fetched.files++;
        s.remove();
      };
      s.onerror = () => {
        const w = waiting[key] || [];
        delete waiting[key];
        for (let i = 0; i < w.length; i++) w[i][1](new Error(`the search index is incomplete: ${root}${key}.js did not load`));
      };
      document.head.appendChild(s);
    });
  }

  const core = createCore(get, window.octavoFold);
  window.octavoSearch.core = core;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ui);
  else ui();

  function ui() {
    const form = document.querySelector('.static-search form');
    const input = document.getElementById('q');
    const status = document.querySelector('.static-search .search-status');
    const results = document.querySelector('.static-search .search-results');
    const facets = document.querySelector('.static-search .search-facets');
    if (!form || !input || !results) return;
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') || '';
    let page = Number(params.get('page')) || 1;
    let seq = 0;
    let timer = 0;
    function run(push) {
      const q = input.value.trim();
      const mine = ++seq;
      if (push) {
        const url = q ? `?q=${encodeURIComponent(q)}` : location.pathname.split('/').pop();
        try {
          history.replaceState(null, '', url);
        } catch (_) {
          // file:// in some browsers: the address stays as it was.
        }
      }
      if (!q) {
        status.textContent = '';
        results.replaceChildren();
        facets.replaceChildren();
        return;
      }
      status.textContent = 'Searching…';
      core
        .search(q, { page: page, pageSize: 10 })
        .then((r) => {
          if (mine !== seq) return;
          show(r, q);
        })
        .catch((e) => {
          if (mine !== seq) return;
          status.textContent = e.message;
        });
    }
    function link(q) {
      return `?q=${encodeURIComponent(q)}`;
    }
    function show(r, q) {
      status.textContent =
        r.total === 0
          ? `No works match ${q}.`
          : `${r.total.toLocaleString('en')} ${r.total === 1 ? 'work matches' : 'works match'}${r.notes.length ? ` (${r.notes.join('; ')})` : ''}.`;
      const ol = document.createElement('ol');
      ol.className = 'results';
      r.hits.forEach((h) => {
        const li = document.createElement('li');
        li.className = 'result';
        const h2 = document.createElement('h2');
        h2.className = 'result-title';
        const a = document.createElement('a');
        a.href = h.url;
        a.textContent = h.title;
        h2.appendChild(a);
        const meta = document.createElement('p');
        meta.className = 'result-meta';
        meta.textContent = [
          h.kind[0].toUpperCase() + h.kind.slice(1),
          h.date || '',
          h.authors.join(', ') + (h.recipients.length ? ` to ${h.recipients.join(', ')}` : ''),
        ]
          .filter(Boolean)
          .join(' · ');
        const p = document.createElement('p');
        p.className = 'result-snippet';
        h.excerpt.forEach((part) => {
          if (part[1]) {
            const m = document.createElement('mark');
            m.textContent = part[0];
            p.appendChild(m);
          } else p.appendChild(document.createTextNode(part[0]));
        });
        li.append(h2, meta, p);
        ol.appendChild(li);
      });
      results.replaceChildren(ol);
      if (r.pages > 1) {
        const nav = document.createElement('nav');
        nav.className = 'pagination';
        nav.setAttribute('aria-label', 'Result pages');
        for (let n = 1; n <= Math.min(r.pages, 20); n++) {
          const pa = document.createElement(n === r.page ? 'span' : 'a');
          if (n !== r.page) pa.href = `${link(q)}&page=${n}`;
          else pa.setAttribute('aria-current', 'page');
          pa.textContent = String(n);
          nav.appendChild(pa);
        }
        results.appendChild(nav);
      }
      facets.replaceChildren();
      if (r.facets.length && r.facetsCounted < r.total) {
        const note = document.createElement('p');
        note.className = 'facet-note';
        note.textContent = `Counted over ${r.facetsCounted.toLocaleString('en')} of the ${r.total.toLocaleString('en')} matches, the best-ranked.`;
        facets.appendChild(note);
      }
      r.facets.forEach((f) => {
        if (!f.values.length) return;
        const sec = document.createElement('section');
        sec.className = 'facet';
        const h3 = document.createElement('h3');
        h3.textContent = f.title;
        const ul = document.createElement('ul');
        f.values.forEach((v) => {
          const li = document.createElement('li');
          const a = document.createElement('a');
          a.href = link(`${q} ${v.filter}`);
          a.textContent = v.label;
          const c = document.createElement('span');
          c.className = 'facet-count';
          c.textContent = ` ${v.count.toLocaleString('en')}`;
          li.append(a, c);
          ul.appendChild(li);
        });
        sec.append(h3, ul);
        facets.appendChild(sec);
      });
    }
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      page = 1;
      run(true);
    });
    input.addEventListener('input', () => {
      clearTimeout(timer);
      page = 1;
      timer = setTimeout(() => {
        run(true);
      }, 250);
    });
    if (input.value) run(false);
  }
})();

/**
 * The search itself, without the page: `get(key)` resolves an index piece, `fold` is the bundled
 * normaliser. Also run by the benchmark in Node, to count the bytes a query reads.
 */
function createCore(get, fold) {
  const FILTERS = {
    author: 'author',
    by: 'author',
    from: 'author',
    recipient: 'recipient',
    to: 'recipient',
    place: 'place',
    kind: 'kind',
    type: 'kind',
    lang: 'language',
    language: 'language',
    collection: 'collection',
    in: 'collection',
    year: 'year',
  };
  const FACETS = [
    ['kind', 'Kind'],
    ['author', 'Author'],
    ['recipient', 'Recipient'],
    ['year', 'Year'],
    ['language', 'Language'],
    ['collection', 'Collection'],
  ];
  const FILTER_NAME = { language: 'lang' };
  const MAX_PREFIX = 50;
  const MAX_SHARDS = 4;

  function manifest() {
    return get('manifest');
  }

  /** The query as groups (all must match), each a list of alternatives (any may match). */
  function parse(q) {
    const re = /(-)?(?:([A-Za-z]+):)?(?:"([^"]*)"?|(\S+))/g;
    const groups = [];
    let or = false;
    let neg = false;
    let m = re.exec(q);
    while (m) {
      const sign = m[1];
      const field = m[2] && FILTERS[m[2].toLowerCase()];
      let text = m[3] !== undefined ? m[3] : m[4];
      let item;
      if (!m[2] && m[4] === 'OR') or = true;
      else if (!m[2] && m[4] === 'NOT') neg = true;
      else if (!m[2] && m[4] === 'AND') {
        // AND is implied.
      } else {
        if (m[2] && !field) text = `${m[2]} ${text}`;
        if (field) item = { type: 'filter', field: field, value: text, raw: m[0].replace(/^-/, '') };
        else if (m[3] !== undefined) item = { type: 'phrase', text: text };
        else if (/\*$/.test(text)) item = { type: 'prefix', text: text.replace(/\*+$/, '') };
        else item = { type: 'word', text: text };
        const words = item.type === 'filter' ? [1] : fold.words(item.text);
        if (words.length === 0) item = undefined;
        else if (item.type === 'word' && words.length > 1) item = { type: 'phrase', text: item.text, loose: true };
      }
      if (item) {
        if (or && groups.length && !sign && !neg) groups[groups.length - 1].alts.push(item);
        else groups.push({ neg: !!sign || neg, alts: [item] });
        or = false;
        neg = false;
      }
      m = re.exec(q);
    }
    return groups;
  }

  function chunkOf(man, term, table) {
    const chunks = table || man.chunks;
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = chunks[mid];
      if (term < c[0]) hi = mid - 1;
      else if (term > c[1]) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  function decodeDocs(s) {
    const out = new Map();
    let doc = 0;
    const parts = s.split(' ');
    for (let i = 0; i < parts.length; i++) {
      const dot = parts[i].indexOf('.');
      doc += parseInt(parts[i].slice(0, dot), 36);
      out.set(doc, parseInt(parts[i].slice(dot + 1), 36));
    }
    return out;
  }

  /** term → { docs: Map(doc → score), chunk } for the terms the index holds. */
  function postings(man, terms) {
    const wanted = [];
    terms.forEach((t) => {
      const c = chunkOf(man, t);
      if (c >= 0) wanted.push([t, c]);
    });
    return Promise.all(wanted.map((w) => get(`i/${man.chunks[w[1]][2]}`))).then((chunks) => {
      const out = new Map();
      wanted.forEach((w, i) => {
        const s = chunks[i][w[0]];
        if (s !== undefined) out.set(w[0], { docs: decodeDocs(s), chunk: w[1] });
      });
      return out;
    });
  }

  function prefixTerms(man, prefixes) {
    const idx = [];
    prefixes.forEach((p) => {
      const end = `${p}\uffff`;
      man.chunks.forEach((c, i) => {
        if (c[1] >= p && c[0] <= end && idx.indexOf(i) < 0) idx.push(i);
      });
    });
    return Promise.all(idx.map((i) => get(`i/${man.chunks[i][2]}`))).then((chunks) => {
      const found = [];
      chunks.forEach((ch, k) => {
        for (const t in ch) {
          if (prefixes.some((p) => t.lastIndexOf(p, 0) === 0) && !found.some((f) => f[0] === t))
            found.push([t, ch[t].split(' ').length, idx[k]]);
        }
      });
      found.sort((a, b) => b[1] - a[1]);
      const out = new Map();
      found.slice(0, MAX_PREFIX).forEach((f) => {
        out.set(f[0], { docs: decodeDocs(man.chunks[f[2]] && chunks[idx.indexOf(f[2])][f[0]]), chunk: f[2] });
      });
      return { terms: out, capped: found.length > MAX_PREFIX };
    });
  }

  function idf(man, df) {
    return Math.log(1 + man.docs / df);
  }

  /** Docs matching one word: any of its readings. */
  function matchWords(man, readings) {
    return postings(man, readings).then((p) => {
      const scores = new Map();
      p.forEach((v) => {
        const w = idf(man, v.docs.size);
        v.docs.forEach((s, d) => {
          scores.set(d, Math.max(scores.get(d) || 0, s * w));
        });
      });
      return { scores: scores, terms: Array.from(p.keys()) };
    });
  }

  function positionsOf(man, term, docs) {
    // The position chunk lists, per term, each document's positions in the order of its documents.
    const at = chunkOf(man, term, man.posChunks);
    if (at < 0) return Promise.resolve(new Map());
    return get(`p/${man.posChunks[at][2]}`).then((chunk) => {
      const lists = (chunk[term] || '').split(';');
      const out = new Map();
      let i = 0;
      docs.forEach((_s, d) => {
        const l = lists[i++] || '';
        let pos = 0;
        out.set(
          d,
          new Set(
            l.split(',').map((x) => {
              pos += parseInt(x, 36);
              return pos;
            }),
          ),
        );
      });
      return out;
    });
  }

  function matchPhrase(man, text) {
    const words = fold.words(text).map((w) => w[0]);
    return Promise.all(words.map((w) => postings(man, fold.readings(w)))).then((per) => {
      // Documents holding every word, then their positions checked for the words in sequence.
      let docs = null;
      per.forEach((p) => {
        const any = new Set();
        p.forEach((v) => {
          v.docs.forEach((_s, d) => {
            any.add(d);
          });
        });
        docs = docs ? new Set(Array.from(docs).filter((d) => any.has(d))) : any;
      });
      const terms = [];
      per.forEach((p) => {
        p.forEach((_v, t) => {
          terms.push(t);
        });
      });
      if (!docs || docs.size === 0) return { scores: new Map(), terms: terms };
      return Promise.all(
        per.map((p) =>
          Promise.all(Array.from(p.entries()).map((e) => positionsOf(man, e[0], e[1].docs))).then((lists) => {
            const merged = new Map();
            lists.forEach((l) => {
              l.forEach((set, d) => {
                if (!docs.has(d)) return;
                const m = merged.get(d) || new Set();
                set.forEach((x) => {
                  m.add(x);
                });
                merged.set(d, m);
              });
            });
            return merged;
          }),
        ),
      ).then((pos) => {
        const scores = new Map();
        docs.forEach((d) => {
          const first = pos[0].get(d);
          let hit = false;
          if (first)
            first.forEach((p0) => {
              if (hit) return;
              hit = pos.every((m, i) => m.get(d)?.has(p0 + i));
            });
          if (!hit) return;
          let s = 0;
          per.forEach((p) => {
            p.forEach((v) => {
              if (v.docs.has(d)) s += v.docs.get(d) * idf(man, v.docs.size);
            });
          });
          scores.set(d, s);
        });
        return { scores: scores, terms: terms };
      });
    });
  }

  /** A facet's whole value table (a filter reads every value's names). */
  function facetTable(man, name) {
    const pages = man.facetFiles[name] || [];
    return Promise.all(pages.map((h) => get(`facet/${h}`))).then((ps) => [].concat.apply([], ps));
  }

  /** The rows of the given values only: the pages of the table that hold them. */
  function facetRows(man, name, values) {
    const pages = man.facetFiles[name] || [];
    const need = Array.from(new Set(values.map((v) => Math.floor(v / man.facetPage))));
    return Promise.all(need.map((p) => get(`facet/${pages[p]}`))).then((ps) => {
      const rows = new Map();
      need.forEach((p, i) => {
        ps[i].forEach((row, j) => {
          rows.set(p * man.facetPage + j, row);
        });
      });
      return rows;
    });
  }

  function decodeList(s) {
    const out = [];
    let d = 0;
    if (!s) return out;
    s.split(' ').forEach((x) => {
      d += parseInt(x, 36);
      out.push(d);
    });
    return out;
  }

  function matchFilter(man, item) {
    return facetTable(man, item.field).then((rows) => {
      const v = item.value.toLowerCase();
      const key = fold.nameKey(item.value);
      const words = key ? key.split(' ') : [];
      const range = item.field === 'year' && /^(\d{1,4})\s*(?:-|–|\.\.)\s*(\d{1,4})$/.exec(v);
      const picked = rows.filter((r) => {
        const value = r[0].toLowerCase();
        if (value === v) return true;
        if (item.field === 'year') return range ? Number(value) >= Number(range[1]) && Number(value) <= Number(range[2]) : false;
        if (item.field === 'collection') return value.lastIndexOf(`${v.replace(/\/+$/, '')}/`, 0) === 0;
        if (item.field === 'language' || item.field === 'kind') return r[1].toLowerCase() === v;
        return (
          words.length > 0 &&
          r[4].split('|').some((k) => {
            const have = k.split(' ');
            return words.every((w) => have.indexOf(w) >= 0);
          })
        );
      });
      return Promise.all(picked.map((r) => get(`v/${r[3]}`))).then((lists) => {
        const scores = new Map();
        lists.forEach((l) => {
          decodeList(l).forEach((d) => {
            scores.set(d, 0);
          });
        });
        return { scores: scores, terms: [] };
      });
    });
  }

  function matchItem(man, item) {
    if (item.type === 'filter') return matchFilter(man, item);
    if (item.type === 'phrase') return matchPhrase(man, item.text);
    if (item.type === 'prefix') {
      return prefixTerms(man, fold.prefixReadings(item.text)).then((r) => {
        const scores = new Map();
        r.terms.forEach((v) => {
          const w = idf(man, v.docs.size);
          v.docs.forEach((s, d) => {
            scores.set(d, Math.max(scores.get(d) || 0, s * w));
          });
        });
        return {
          scores: scores,
          terms: Array.from(r.terms.keys()),
          note: r.capped ? `${item.text}* stands for more words than ${MAX_PREFIX}; the commonest searched` : '',
        };
      });
    }
    return matchWords(man, fold.readings(item.text));
  }

  function excerptParts(text, terms) {
    const want = new Set(terms);
    const parts = [];
    let at = 0;
    fold.words(text).forEach((w) => {
      if (!want.has(fold.termOf(w[0])) && !fold.readings(w[0]).some((r) => want.has(r))) return;
      if (w[1] > at) parts.push([text.slice(at, w[1]), false]);
      parts.push([text.slice(w[1], w[2]), true]);
      at = w[2];
    });
    if (at < text.length) parts.push([text.slice(at), false]);
    return parts;
  }

  function search(q, opts) {
    opts = opts || {};
    const pageSize = opts.pageSize || 10;
    const page = opts.page || 1;
    return manifest().then((man) => {
      const groups = parse(q);
      return Promise.all(
        groups.map((g) =>
          Promise.all(g.alts.map((a) => matchItem(man, a))).then((rs) => {
            const scores = new Map();
            let terms = [];
            const notes = [];
            rs.forEach((r) => {
              r.scores.forEach((s, d) => {
                scores.set(d, (scores.get(d) || 0) + s);
              });
              terms = terms.concat(r.terms);
              if (r.note) notes.push(r.note);
            });
            return { neg: g.neg, scores: scores, terms: terms, notes: notes };
          }),
        ),
      ).then((gs) => {
        const pos = gs.filter((g) => !g.neg);
        const neg = gs.filter((g) => g.neg);
        const result = new Map();
        if (pos.length) {
          pos.sort((a, b) => a.scores.size - b.scores.size);
          pos[0].scores.forEach((s, d) => {
            let total = s;
            for (let i = 1; i < pos.length; i++) {
              if (!pos[i].scores.has(d)) return;
              total += pos[i].scores.get(d);
            }
            if (neg.some((n) => n.scores.has(d))) return;
            result.set(d, total);
          });
        }
        const ranked = Array.from(result.entries()).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
        let terms = [];
        let notes = [];
        pos.forEach((g) => {
          terms = terms.concat(g.terms);
          notes = notes.concat(g.notes);
        });
        const pages = Math.max(1, Math.ceil(ranked.length / pageSize));
        const shown = ranked.slice((page - 1) * pageSize, page * pageSize);
        const used = new Set(
          groups.filter((g) => !g.neg).flatMap((g) => g.alts.filter((a) => a.type === 'filter').map((a) => a.raw.toLowerCase())),
        );
        return Promise.all([
          Promise.all(shown.map((r) => get(`r/${r[0]}`))),
          opts.facets === false ? Promise.resolve({ facets: [], counted: 0 }) : facetsOf(man, ranked, used),
        ]).then((both) => ({
          total: ranked.length,
          page: page,
          pages: pages,
          notes: notes,
          hits: both[0].map((f) => ({
            url: f.u,
            title: f.t,
            kind: f.k,
            date: f.d,
            authors: f.a,
            recipients: f.r,
            excerpt: excerptParts(f.x, terms),
          })),
          facets: both[1].facets,
          facetsCounted: both[1].counted,
        }));
      });
    });
  }

  /**
   * Facet counts of the matches. The facet shards of the best-ranked matches are read, at most
   * MAX_SHARDS of them: when the matches lie in more shards, the counts are those of the matches in
   * the shards read (the response says how many that was).
   */
  function facetsOf(man, ranked, used) {
    if (!ranked.length) return Promise.resolve({ facets: [], counted: 0 });
    const order = [];
    for (let i = 0; i < ranked.length && order.length < MAX_SHARDS; i++) {
      const s = Math.floor(ranked[i][0] / man.shardDocs);
      if (order.indexOf(s) < 0) order.push(s);
    }
    const names = FACETS.filter((f) => man.facets.indexOf(f[0]) >= 0);
    return Promise.all(order.map((s) => get(`m/${man.shards[s]}`).then((rows) => [s, rows]))).then((loaded) => {
      const shards = new Map(loaded);
      const counts = names.map(() => new Map());
      let counted = 0;
      ranked.forEach((r) => {
        const shard = shards.get(Math.floor(r[0] / man.shardDocs));
        const row = shard?.[r[0] % man.shardDocs];
        if (row === undefined) return;
        counted++;
        const pairs = row ? row.split('.') : [];
        for (let i = 0; i + 1 < pairs.length; i += 2) {
          const facet = man.facets[parseInt(pairs[i], 36)];
          const k = names.findIndex((f) => f[0] === facet);
          if (k < 0) continue;
          const v = parseInt(pairs[i + 1], 36);
          counts[k].set(v, (counts[k].get(v) || 0) + 1);
        }
      });
      const top = counts.map((c) =>
        Array.from(c.entries())
          .sort((a, b) => b[1] - a[1] || a[0] - b[0])
          .slice(0, 12),
      );
      return Promise.all(
        names.map((f, k) =>
          facetRows(
            man,
            f[0],
            top[k].map((e) => e[0]),
          ),
        ),
      ).then((tables) => ({
        counted: counted,
        facets: names.map((f, k) => {
          const rows = tables[k];
          const values = top[k]
            .map((e) => {
              const row = rows.get(e[0]);
              const value = row[0];
              const filter = `${FILTER_NAME[f[0]] || f[0]}:${/\s/.test(value) ? `"${value}"` : value}`;
              return { value: value, label: row[1], count: e[1], filter: filter };
            })
            .sort((a, b) => (f[0] === 'year' ? Number(a.value) - Number(b.value) : 0) || b.count - a.count)
            .filter((v) => !used.has(v.filter.toLowerCase()));
          return { name: f[0], title: f[1], values: values };
        }),
      }));
    });
  }

  return { search: search, parse: parse };
}
