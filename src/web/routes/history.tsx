// /works/<id>/history — every revision of a work, a readable diff between any two (the header field by
// field, the text as its plain-text export line by line with changed words marked), and a form to
// restore an old revision (a token with the editor role goes in the form; browsers cannot send a
// bearer header). Mount before the work pages: app.route('/works', historyRoutes(store, auth)).
import { diffLines, diffWordsWithSpace } from 'diff';
import { Hono, type Context } from 'hono';
import { stringify } from 'yaml';
import { canonicalJson } from '../../store/checksum.js';
import type { Work } from '../../model/work.js';
import { renderText } from '../../render/text/index.js';
import { assetUrls } from '../../render/html/assets.js';
import { workHref } from '../../render/html/href.js';
import { Breadcrumbs, renderPage } from '../../render/html/layout.js';
import type { RevisionInfo, Store } from '../../store/store.js';
import type { Auth } from '../auth.js';
import { clientAddress, defaultLimits, RateLimiter, sizeLimit, type Limits } from '../limits.js';
import { securityHeaders } from '../security.js';
import { restoreRevision } from './api-works.js';

const CONTEXT = 3;
const MAX_EDIT = 5000;
const TEXT_FIELDS = new Set(['body', 'notes']);

export interface FieldChange { field: string; before?: string; after?: string }
export type DiffLine = { kind: 'same' | 'add' | 'del'; parts: { text: string; changed?: boolean }[] } | { kind: 'skip'; count: number };

/** The header, field by field: every top-level field but the text (body, notes), as readable YAML. */
export function headerChanges(a: Work | undefined, b: Work | undefined): FieldChange[] {
  const show = (v: unknown) => (v === undefined ? undefined : typeof v === 'string' ? v : stringify(v).trimEnd());
  const keys = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].filter((k) => !TEXT_FIELDS.has(k));
  const field = (w: Work | undefined, k: string) => (w as Record<string, unknown> | undefined)?.[k];
  return keys
    .filter((k) => canonicalJson(field(a, k) ?? null) !== canonicalJson(field(b, k) ?? null))
    .map((k) => ({ field: k, before: show(field(a, k)), after: show(field(b, k)) }));
}

const splitLines = (s: string) => s.replace(/\n$/, '').split('\n');

/** Line diff of two texts with CONTEXT lines around changes; changed words marked in paired lines. */
export function textDiff(before: string, after: string): DiffLine[] | undefined {
  const changes = diffLines(before, after, { maxEditLength: MAX_EDIT });
  if (!changes) return undefined;
  const out: DiffLine[] = [];
  for (let i = 0; i < changes.length; i++) {
    const ch = changes[i]!;
    const lines = ch.value === '' ? [] : splitLines(ch.value);
    if (!ch.added && !ch.removed) {
      const first = i === 0;
      const last = i === changes.length - 1;
      const keepHead = first ? 0 : CONTEXT;
      const keepTail = last ? 0 : CONTEXT;
      if (lines.length > keepHead + keepTail + 1) {
        lines.slice(0, keepHead).forEach((t) => out.push({ kind: 'same', parts: [{ text: t }] }));
        out.push({ kind: 'skip', count: lines.length - keepHead - keepTail });
        lines.slice(lines.length - keepTail).forEach((t) => out.push({ kind: 'same', parts: [{ text: t }] }));
      } else lines.forEach((t) => out.push({ kind: 'same', parts: [{ text: t }] }));
      continue;
    }
    const next = changes[i + 1];
    if (ch.removed && next?.added) {
      const added = splitLines(next.value);
      if (lines.length === added.length) {
        // Same number of lines: a line-for-line edit, shown with the changed words marked.
        lines.forEach((old, j) => {
          const words = diffWordsWithSpace(old, added[j]!);
          out.push({ kind: 'del', parts: words.filter((w) => !w.added).map((w) => ({ text: w.value, changed: w.removed })) });
          out.push({ kind: 'add', parts: words.filter((w) => !w.removed).map((w) => ({ text: w.value, changed: w.added })) });
        });
        i++;
        continue;
      }
    }
    lines.forEach((t) => out.push({ kind: ch.added ? 'add' : 'del', parts: [{ text: t, changed: true }] }));
  }
  return out;
}

function DiffView({ lines }: { lines: DiffLine[] }) {
  if (!lines.some((l) => l.kind === 'add' || l.kind === 'del')) return <p>The text is the same in both revisions.</p>;
  return (
    <pre class="diff" aria-label="Changes to the text">
      {lines.map((l) => {
        if (l.kind === 'skip') return <span class="diff-skip">{`   … ${l.count} unchanged line${l.count === 1 ? '' : 's'} …\n`}</span>;
        const mark = l.kind === 'add' ? '+ ' : l.kind === 'del' ? '- ' : '  ';
        const Tag = l.kind === 'add' ? 'ins' : 'del';
        const body = l.parts.map((p) => (l.kind !== 'same' && p.changed ? <Tag>{p.text}</Tag> : p.text));
        return <span class={`diff-${l.kind}`}>{mark}{body}{'\n'}</span>;
      })}
    </pre>
  );
}

const describe = (r: RevisionInfo, prev: RevisionInfo | undefined) => (r.deleted ? 'deleted' : !prev || prev.deleted ? 'created' : 'edited');

interface PageInput { id: string; revs: RevisionInfo[]; from?: number; to?: number; a?: Work; b?: Work; notice?: string; current?: Work }

function historyPage(i: PageInput): string {
  const title = i.current?.title ?? i.b?.title ?? i.a?.title ?? i.id;
  const changes = i.to ? headerChanges(i.a, i.b) : [];
  const text = i.to ? textDiff(i.a ? renderText(i.a) : '', i.b ? renderText(i.b) : '') : undefined;
  const options = (sel?: number) => i.revs.map((r) => <option value={String(r.n)} selected={r.n === sel}>{`${r.n} — ${r.at.slice(0, 16).replace('T', ' ')}`}</option>);
  const main = (
    <article class="history">
      <Breadcrumbs trail={[{ label: 'Home', href: '/' }, { label: title, href: i.current ? workHref(i.id) : undefined }, { label: 'History' }]} />
      <header class="page-header"><h1>History of “{title}”</h1></header>
      {i.notice ? <p class="lede" role="status">{i.notice}</p> : ''}
      <div class="table-wrap"><table>
        <thead><tr><th scope="col">Revision</th><th scope="col">Time (UTC)</th><th scope="col">By</th><th scope="col">Change</th><th scope="col">Message</th><th scope="col">Compare</th></tr></thead>
        <tbody>{i.revs.map((r, k) => (
          <tr>
            <td><a href={`/api${workHref(i.id)}/revisions/${r.n}`}>{String(r.n)}</a></td>
            <td><time datetime={r.at}>{r.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</time></td>
            <td>{r.author ?? 'import'}</td><td>{describe(r, i.revs[k - 1])}</td><td>{r.message ?? ''}</td>
            <td>{k > 0 ? <a href={`?from=${i.revs[k - 1]!.n}&to=${r.n}`}>with {String(i.revs[k - 1]!.n)}</a> : ''}</td>
          </tr>))}
        </tbody>
      </table></div>
      <form method="get" class="compare">
        <label>From <select name="from">{options(i.from)}</select></label>{' '}
        <label>to <select name="to">{options(i.to)}</select></label>{' '}
        <button type="submit">Compare</button>
      </form>
      {i.to ? (
        <section aria-labelledby="diff-heading">
          <h2 id="diff-heading">Changes from revision {String(i.from ?? 0)} to revision {String(i.to)}</h2>
          <h3>Record</h3>
          {changes.length ? (
            <div class="table-wrap"><table class="field-diff">
              <thead><tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
              <tbody>{changes.map((f) => (
                <tr><th scope="row">{f.field}</th><td>{f.before === undefined ? '—' : <del><pre>{f.before}</pre></del>}</td><td>{f.after === undefined ? '—' : <ins><pre>{f.after}</pre></ins>}</td></tr>))}
              </tbody>
            </table></div>
          ) : <p>No field of the record changed.</p>}
          <h3>Text</h3>
          {text ? <DiffView lines={text} /> : <p>Too many changes to show side by side; compare the two revisions’ JSON instead.</p>}
        </section>
      ) : ''}
      <section aria-labelledby="restore-heading">
        <h2 id="restore-heading">Restore a revision</h2>
        <p>Makes an earlier revision the current text again. The restore is itself kept as a new revision. An editor’s API token is needed.</p>
        <form method="post" action={`${workHref(i.id)}/history/restore`}>
          <label>Revision <select name="n">{options(i.from ?? i.revs.filter((r) => !r.deleted).at(-1)?.n)}</select></label>{' '}
          <label>Message <input type="text" name="message" maxlength={2000} /></label>{' '}
          <label>Token <input type="password" name="token" autocomplete="off" required /></label>{' '}
          <button type="submit">Restore</button>
        </form>
      </section>
    </article>
  );
  return renderPage({ title: `History of ${title}`, assets: assetUrls(), main, bodyClass: 'page-history' });
}

function messagePage(c: Context, status: 400 | 401 | 403 | 404 | 409 | 429, heading: string, text: string) {
  const main = <section class="error-page"><p class="error-status">{String(status)}</p><h1>{heading}</h1><p>{text}</p></section>;
  return c.html(renderPage({ title: heading, assets: assetUrls(), main, bodyClass: 'page-error' }), status);
}

export function historyRoutes(store: Store, auth: Auth, opts: { limits?: Partial<Limits> } = {}): Hono {
  const limits = { ...defaultLimits, ...opts.limits };
  const attempts = new RateLimiter(limits.authFailuresPerMinute, limits.authFailuresPerMinute);
  const app = new Hono();
  app.use('*', securityHeaders());
  // Own patterns for the suffixes: Hono does not keep registration order between routes sharing one
  // regex parameter, so `:id{.+}/history` would lose to the work pages' `:id{.+}`.
  const idOf = (c: Context, suffix: RegExp) => c.req.param('id')!.replace(suffix, '');
  const int = (v: string | undefined) => (v && /^[0-9]{1,9}$/.test(v) ? Number(v) : undefined);

  app.get('/:id{.+/history}', async (c) => {
    const id = idOf(c, /\/history$/);
    const revs = (await store.listRevisions?.(id)) ?? [];
    if (!revs.length) return messagePage(c, 404, 'Not found', `There is no history for “${id}”.`);
    const last = revs.at(-1)!.n;
    const to = int(c.req.query('to')) ?? last;
    const from = int(c.req.query('from')) ?? (revs.find((r) => r.n === to - 1)?.n);
    if (!revs.some((r) => r.n === to) || (from !== undefined && !revs.some((r) => r.n === from))) {
      return messagePage(c, 404, 'Not found', 'That revision does not exist.');
    }
    const [a, b, current] = await Promise.all([
      from ? store.getRevision!(id, from) : undefined, store.getRevision!(id, to), store.getWork(id),
    ]);
    const restored = int(c.req.query('restored'));
    const notice = restored ? `Revision ${restored} was restored.` : undefined;
    return c.html(historyPage({ id, revs, from, to, a: a?.work, b: b?.work, current, notice }));
  });

  app.post('/:id{.+/history/restore}', sizeLimit(16 * 1024), async (c) => {
    const id = idOf(c, /\/history\/restore$/);
    const ip = clientAddress(c);
    if (attempts.blocked(ip)) return messagePage(c, 429, 'Too many attempts', 'Wait a minute before trying again.');
    const form = await c.req.parseBody();
    const token = typeof form.token === 'string' ? form.token.trim() : '';
    const p = await auth.authenticate(`Bearer ${token}`);
    if (!p) {
      attempts.take(ip);
      return messagePage(c, 401, 'Token not accepted', 'The token is not valid. Ask an administrator for an editor’s token.');
    }
    if (p.role === 'reader') return messagePage(c, 403, 'Not allowed', `The token “${p.name}” may only read.`);
    const n = int(typeof form.n === 'string' ? form.n : undefined);
    const message = typeof form.message === 'string' && form.message.trim() ? form.message.trim().slice(0, 2000) : undefined;
    if (!n) return messagePage(c, 400, 'No revision chosen', 'Choose the revision to restore.');
    try {
      await restoreRevision(store, id, n, { author: p.name, ...(message ? { message } : {}) });
    } catch (e) {
      const status = (e as { status?: number }).status;
      if (status === 404 || status === 409) return messagePage(c, status, 'Cannot restore', status === 404 ? 'That revision does not exist.' : 'That revision is a deletion; choose an earlier one.');
      throw e;
    }
    return c.redirect(`${workHref(id)}/history?restored=${n}`, 303);
  });
  return app;
}
