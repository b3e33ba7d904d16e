// The history page of a work: every revision (when, by whom, what kind of change, the message), a
// comparison of any two (src/render/revision-diff.ts), and a form to restore an earlier one.
import type { RevisionInfo } from '../../../model/revision.js';
import type { Work } from '../../../model/work.js';
import { assetUrls } from '../assets.js';
import { workHref } from '../href.js';
import { Breadcrumbs, renderPage } from '../layout.js';
import { revisionDiff, type DiffLine } from '../../revision-diff.js';

function DiffView({ lines }: { lines: DiffLine[] }) {
  if (!lines.some((l) => l.kind === 'add' || l.kind === 'del')) return <p>The text is the same in both revisions.</p>;
  return (
    <pre class="diff">
      {lines.map((l) => {
        if (l.kind === 'skip') return <span class="diff-skip">{`   … ${l.count} unchanged line${l.count === 1 ? '' : 's'} …\n`}</span>;
        const mark = l.kind === 'add' ? '+ ' : l.kind === 'del' ? '- ' : '  ';
        const Tag = l.kind === 'add' ? 'ins' : 'del';
        const body = l.parts.map((p) => (l.kind !== 'same' && p.changed ? <Tag>{p.text}</Tag> : p.text));
        return (
          <span class={`diff-${l.kind}`}>
            {mark}
            {body}
            {'\n'}
          </span>
        );
      })}
    </pre>
  );
}

const describe = (r: RevisionInfo, prev: RevisionInfo | undefined) =>
  r.deleted ? 'deleted' : !prev || prev.deleted ? 'created' : 'edited';

export interface HistoryPageInput {
  id: string;
  revs: RevisionInfo[];
  from?: number;
  to?: number;
  a?: Work;
  b?: Work;
  notice?: string;
  current?: Work;
}

/** /works/<id>/history: the revisions, a comparison of two of them, and the restore form. */
export function historyPage(i: HistoryPageInput): string {
  const title = i.current?.title ?? i.b?.title ?? i.a?.title ?? i.id;
  const { fields: changes, text } = i.to ? revisionDiff(i.a, i.b) : { fields: [], text: undefined };
  const options = (sel?: number) =>
    i.revs.map((r) => <option value={String(r.n)} selected={r.n === sel}>{`${r.n} — ${r.at.slice(0, 16).replace('T', ' ')}`}</option>);
  const main = (
    <article class="history">
      <Breadcrumbs
        trail={[{ label: 'Home', href: '/' }, { label: title, href: i.current ? workHref(i.id) : undefined }, { label: 'History' }]}
      />
      <header class="page-header">
        <h1>History of “{title}”</h1>
      </header>
      {i.notice ? (
        <p class="lede" role="status">
          {i.notice}
        </p>
      ) : (
        ''
      )}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Revision</th>
              <th scope="col">Time (UTC)</th>
              <th scope="col">By</th>
              <th scope="col">Change</th>
              <th scope="col">Message</th>
              <th scope="col">Compare</th>
            </tr>
          </thead>
          <tbody>
            {i.revs.map((r, k) => (
              <tr>
                <td>
                  <a href={`/api${workHref(i.id)}/revisions/${r.n}`}>{String(r.n)}</a>
                </td>
                <td>
                  <time datetime={r.at}>{r.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</time>
                </td>
                <td>{r.author ?? 'import'}</td>
                <td>{describe(r, i.revs[k - 1])}</td>
                <td>{r.message ?? ''}</td>
                <td>{k > 0 ? <a href={`?from=${i.revs[k - 1]!.n}&to=${r.n}`}>with {String(i.revs[k - 1]!.n)}</a> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form method="get" class="compare">
        <label>
          From <select name="from">{options(i.from)}</select>
        </label>{' '}
        <label>
          to <select name="to">{options(i.to)}</select>
        </label>{' '}
        <button type="submit">Compare</button>
      </form>
      {i.to ? (
        <section aria-labelledby="diff-heading">
          <h2 id="diff-heading">
            Changes from revision {String(i.from ?? 0)} to revision {String(i.to)}
          </h2>
          <h3>Record</h3>
          {changes.length ? (
            <div class="table-wrap">
              <table class="field-diff">
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((f) => (
                    <tr>
                      <th scope="row">{f.field}</th>
                      <td>
                        {f.before === undefined ? (
                          '—'
                        ) : (
                          <del>
                            <pre>{f.before}</pre>
                          </del>
                        )}
                      </td>
                      <td>
                        {f.after === undefined ? (
                          '—'
                        ) : (
                          <ins>
                            <pre>{f.after}</pre>
                          </ins>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>No field of the record changed.</p>
          )}
          <h3>Text</h3>
          {text ? <DiffView lines={text} /> : <p>Too many changes to show side by side; compare the two revisions’ JSON instead.</p>}
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="restore-heading">
        <h2 id="restore-heading">Restore a revision</h2>
        <p>
          Makes an earlier revision the current text again. The restore is itself kept as a new revision. An editor’s API token is needed.
        </p>
        <form method="post" action={`${workHref(i.id)}/history/restore`}>
          <label>
            Revision <select name="n">{options(i.from ?? i.revs.filter((r) => !r.deleted).at(-1)?.n)}</select>
          </label>{' '}
          <label>
            Message <input type="text" name="message" maxlength={2000} />
          </label>{' '}
          <label>
            Token <input type="password" name="token" autocomplete="off" required />
          </label>{' '}
          <button type="submit">Restore</button>
        </form>
      </section>
    </article>
  );
  return renderPage({ title: `History of ${title}`, assets: assetUrls(), main, bodyClass: 'page-history' });
}
