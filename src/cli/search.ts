// `octavo search "<query>" [--json] [--page n] [--sort relevance|date|date-desc]`: the same search as
// /search, printed for a terminal (matched words in bold, or «guillemets» when not a terminal).
import type { Archive } from '../archive/open.js';
import { archiveLocation } from '../archive/location.js';
import { openArchive } from '../archive/open.js';
import { SORTS, type SearchResponse, type SearchSort } from '../model/search.js';

export interface SearchCliOptions {
  json?: boolean;
  page?: number | string;
  sort?: SearchSort | string;
}

export interface Output {
  write(s: string): unknown;
  isTTY?: boolean;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescapeHtml = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m]!);

/** Snippet HTML as terminal text. */
export function snippetText(html: string, tty: boolean): string {
  return unescapeHtml(html.replace(/<mark>/g, tty ? '\u001b[1m' : '«').replace(/<\/mark>/g, tty ? '\u001b[22m' : '»'));
}

export function formatResults(r: SearchResponse, tty = false): string {
  if (r.error) {
    const at = r.error.position !== undefined ? `\n  ${r.q}\n  ${' '.repeat(r.error.position)}^` : '';
    return `${r.error.message}${at}${r.error.hint ? `\n${r.error.hint}` : ''}\n`;
  }
  const lines: string[] = [];
  const from = (r.page - 1) * r.pageSize + 1;
  lines.push(
    r.total === 0
      ? `No works match ${JSON.stringify(r.q)}.`
      : `${r.total} ${r.total === 1 ? 'work' : 'works'} match ${JSON.stringify(r.q)}${r.pages > 1 ? ` (page ${r.page} of ${r.pages})` : ''}, by ${r.sort}:`,
  );
  for (const c of r.collections ?? [])
    lines.push(`  Book/collection: ${c.title} (${c.works} ${c.works === 1 ? 'work' : 'works'}) /collections/${c.path.join('/')}`);
  r.hits.forEach((h, i) => {
    const people = [h.authors.map((a) => a.name).join(', '), h.recipients.map((a) => a.name).join(', ')].filter(Boolean).join(' → ');
    lines.push(
      '',
      `${String(from + i).padStart(3)}. ${snippetText(h.titleHtml, tty)}`,
      `     ${[h.kind, h.dateText ?? h.date, people].filter(Boolean).join(' · ')}`,
      `     ${h.id}`,
    );
    for (const s of h.snippets) lines.push(`     [${s.field}] ${snippetText(s.html, tty)}`);
  });
  for (const e of r.expansions) {
    if (e.aliases.length || e.variants.length) {
      lines.push('', `${e.word}: also searched ${[...e.aliases, ...e.variants].join(', ')}`);
    }
  }
  if (r.total > 0) {
    lines.push('');
    for (const f of r.facets) {
      if (f.values.length > 1)
        lines.push(
          `${f.label}: ${f.values
            .slice(0, 6)
            .map((v) => `${v.label} (${v.count})`)
            .join(', ')}${f.distinct > 6 ? ', …' : ''}`,
        );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Run a search and print it. Returns the exit code: 0, or 2 for a malformed query. */
export async function runSearch(
  archive: Pick<Archive, 'search'>,
  query: string,
  opts: SearchCliOptions = {},
  out: Output = process.stdout,
): Promise<number> {
  const sort = opts.sort && (SORTS as readonly string[]).includes(opts.sort) ? (opts.sort as SearchSort) : undefined;
  if (opts.sort && !sort) {
    out.write(`unknown sort "${opts.sort}"; use ${SORTS.join(', ')}\n`);
    return 2;
  }
  const r = await archive.search.search({ q: query, page: Number(opts.page ?? 1) || 1, ...(sort ? { sort } : {}) });
  out.write(opts.json ? `${JSON.stringify(r, null, 2)}\n` : formatResults(r, out.isTTY === true));
  return r.error ? 2 : 0;
}

export async function searchCommand(query: string, o: { db?: string; json?: boolean; page: string; sort?: string }): Promise<void> {
  const archive = await openArchive(archiveLocation(o.db), { mode: 'read' });
  try {
    process.exitCode = await runSearch(archive, query, { json: o.json, page: Number(o.page), sort: o.sort });
  } finally {
    await archive.close();
  }
}
