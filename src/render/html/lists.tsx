// Lists of works and collections, shared by the home, collection and author pages.
import type { Child } from 'hono/jsx';
import type { CollectionSummary, WorkSummary } from '../../model/summary.js';
import { humanize, kindLabel, yearOf } from './format.js';
import { authorHref, collectionHref, workHref } from './href.js';

export interface WorkListOptions {
  /** Show "by …" (off on an author's own page). */
  authors?: boolean;
  /** Show "to …" for letters. */
  recipients?: boolean;
}

const names = (refs: { id: string; name: string }[]): Child[] =>
  refs.flatMap((r, i) => [i ? ', ' : '', <a href={authorHref(r.id)}>{r.name}</a>]);

export function WorkItem({ w, o }: { w: WorkSummary; o: WorkListOptions }) {
  return (
    <li class="work-item">
      <a class="work-item-title" href={workHref(w.id)}>
        {w.title}
      </a>
      <span class="work-item-meta">
        {kindLabel(w.kind)}
        {w.dateText ? (
          <>
            {' · '}
            {w.date ? <time datetime={w.date}>{w.dateText}</time> : w.dateText}
          </>
        ) : (
          ''
        )}
        {o.authors && w.authors.length ? (
          <>
            {' · by '}
            {names(w.authors)}
          </>
        ) : (
          ''
        )}
        {o.recipients && w.recipients.length ? (
          <>
            {' · to '}
            {names(w.recipients)}
          </>
        ) : (
          ''
        )}
      </span>
    </li>
  );
}

export function WorkList({ works, o = {} }: { works: WorkSummary[]; o?: WorkListOptions }) {
  return (
    <ol class="work-list">
      {works.map((w) => (
        <WorkItem w={w} o={o} />
      ))}
    </ol>
  );
}

/** Works under a heading per year (in the given order), undated ones last. */
export function WorksByYear({ works, o = {}, level = 3 }: { works: WorkSummary[]; o?: WorkListOptions; level?: 2 | 3 | 4 }) {
  const groups = new Map<string, WorkSummary[]>();
  for (const w of works) {
    const y = yearOf(w.date) ?? 'Undated';
    groups.set(y, [...(groups.get(y) ?? []), w]);
  }
  const undated = groups.get('Undated');
  groups.delete('Undated');
  if (undated) groups.set('Undated', undated);
  const H = `h${level}` as 'h3';
  return (
    <div class="works-by-year">
      {[...groups].map(([year, list]) => (
        <section class="year-group">
          <H class="year-heading">{year}</H>
          <WorkList works={list} o={o} />
        </section>
      ))}
    </div>
  );
}

interface TreeNode {
  path: string[];
  title: string;
  count?: number;
  entries?: number;
  children: TreeNode[];
}

/** Collections as a tree; ancestors the store does not list are filled in without a count. */
export function collectionTree(list: CollectionSummary[], root: string[] = []): TreeNode[] {
  const byKey = new Map<string, TreeNode>();
  const top: TreeNode[] = [];
  const within = list.filter((c) => c.path.length > root.length && root.every((s, i) => c.path[i] === s));
  const ensure = (path: string[]): TreeNode => {
    const k = path.join('/');
    let node = byKey.get(k);
    if (!node) {
      node = { path, title: humanize(path[path.length - 1]!), children: [] };
      byKey.set(k, node);
      if (path.length === root.length + 1) top.push(node);
      else ensure(path.slice(0, -1)).children.push(node);
    }
    return node;
  };
  for (const c of [...within].sort((a, b) => a.path.length - b.path.length)) {
    const node = ensure(c.path);
    node.title = c.title || node.title;
    node.count = c.count;
    if (c.entries) node.entries = c.entries;
  }
  const sort = (nodes: TreeNode[]) => {
    nodes.sort((a, b) => a.title.localeCompare(b.title, 'en', { numeric: true }));
    nodes.forEach((n) => {
      sort(n.children);
    });
  };
  sort(top);
  return top;
}

const descendants = (n: TreeNode): number => n.children.reduce((s, c) => s + 1 + descendants(c), 0);

/** Nested list of collections down to `depth` levels; deeper levels are summarised. */
export function CollectionTree({ nodes, depth = 2 }: { nodes: TreeNode[]; depth?: number }): Child {
  if (!nodes.length) return '';
  return (
    <ul class="collection-tree">
      {nodes.map((n) => {
        const count = n.count;
        const hidden = depth <= 1 ? descendants(n) : 0;
        return (
          <li>
            <a href={collectionHref(n.path)}>{n.title}</a>
            {count || hidden || n.entries ? (
              <span class="count">
                {' '}
                {[
                  count
                    ? `${count.toLocaleString('en')} ${count === 1 ? 'work' : 'works'}`
                    : n.entries
                      ? `${n.entries.toLocaleString('en')} contents ${n.entries === 1 ? 'entry' : 'entries'}`
                      : '',
                  hidden ? `${hidden} sub-collection${hidden === 1 ? '' : 's'}` : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            ) : (
              ''
            )}
            {depth > 1 ? <CollectionTree nodes={n.children} depth={depth - 1} /> : ''}
          </li>
        );
      })}
    </ul>
  );
}
