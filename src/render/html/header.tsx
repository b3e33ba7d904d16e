// The information block at the head of a work, after the Marxists Internet Archive: one labelled
// row per header field that has a value (Written, Published, Sent to, Source, Translated,
// Transcription/Markup, rights with credit line, Other Formats).
import type { Child } from 'hono/jsx';
import type { InheritableField, ResolvedWork } from '../../model/inherit.js';
import type { Publication, TitlePage, Work } from '../../model/work.js';
import { contributorRows, dateLabel, datetimeAttr, languageName, rightsLabel, sourceParts } from './format.js';
import { collectionHref, safeHref, workHref } from './href.js';
import { PUBLIC_DOMAIN } from '../../model/licences.js';

/** One of our own renderings of a work, e.g. { ext: '.txt', label: 'Plain text' }. */
export interface FormatLink {
  ext: string;
  label: string;
  /** Media type, given to the link as a hint. */
  type?: string;
}

const Row = ({ label, children, name, from }: { label: string; name: string; children: Child; from?: Child }) => (
  <div class={from ? `info-row info-${name} info-inherited` : `info-row info-${name}`}>
    <dt>{label}</dt>
    <dd>
      {children}
      {from ?? ''}
    </dd>
  </div>
);

/** "from the title page of Capital": where an inherited field came from, as a link to the book. */
export function inheritedFrom(work: ResolvedWork, field: InheritableField): Child | undefined {
  const mark = work.inherited?.find((m) => m.field === field);
  if (!mark) return undefined;
  return (
    <span class="inherited">
      {' '}
      (from the title page of <a href={collectionHref(mark.from.path)}>{mark.from.title}</a>)
    </span>
  );
}

const join = (items: Child[], sep: Child = ', '): Child[] => items.flatMap((x, i) => (i === 0 ? [x] : [sep, x]));

function written(w: NonNullable<Work['written']>): Child {
  const date = w.date;
  // The source's own sentence when there is one ("Written on May 14, 1918"), else the parts.
  // The label already says "Written": "Written: Written on May 14, 1918" reads "May 14, 1918".
  const said = w.text?.replace(/^\s*written\s*:?\s*(?:on\s+)?/i, '').trim();
  const wording = said || (date ? dateLabel(date) : '');
  const place = w.place && !wording.toLowerCase().includes(w.place.name.toLowerCase()) ? w.place.name : undefined;
  const when = date ? <time datetime={datetimeAttr(date)}>{wording}</time> : wording;
  return (
    <>
      {when}
      {wording && place ? ', ' : ''}
      {place ?? ''}
    </>
  );
}

function publication(p: Publication): Child {
  if (p.text) return p.text;
  const parts = [p.issue, p.date ? dateLabel(p.date) : undefined, p.place].filter(Boolean);
  return (
    <>
      <cite>{p.venue}</cite>
      {parts.length ? `, ${parts.join(', ')}` : ''}
      {p.note ? `. ${p.note}` : ''}
    </>
  );
}

function source(s: NonNullable<Work['source']>): Child {
  const { before, after } = sourceParts(s);
  return (
    <>
      {before.length ? `${before.join(', ')}, ` : ''}
      <cite>{s.title}</cite>
      {after.length ? `, ${after.join(', ')}` : ''}
      {/[.!?]$/.test(after[after.length - 1] ?? s.title) ? '' : '.'}
      {s.text && !before.length && !after.length ? <span class="as-printed"> {s.text}</span> : ''}
    </>
  );
}

const LONG_STATEMENT = 320;

function rights(r: Work['rights']): Child {
  const url = safeHref(r.url);
  const licence = r.licence === PUBLIC_DOMAIN ? undefined : r.licence;
  // The row's label already names the licence ("Public Domain: …" in MIA statements).
  const label = rightsLabel(r.licence);
  const statement = r.statement.startsWith(`${label}:`) ? r.statement.slice(label.length + 1).trim() : r.statement;
  const says = (x: string) => statement.toLowerCase().includes(x.toLowerCase());
  const link = licence ? (
    <>
      Licence:{' '}
      {url ? (
        <a href={url} rel="license">
          {licence}
        </a>
      ) : (
        licence
      )}
      .
    </>
  ) : (
    ''
  );
  // A licence's full legal text would bury the other rows: it folds away (no script needed).
  if (statement.length > LONG_STATEMENT) {
    return (
      <>
        {link}
        {r.holder ? <> Rights holder: {r.holder}.</> : ''}
        {r.credit ? <span class="credit">Credit: {r.credit}</span> : ''}
        <details class="statement-long">
          <summary>Full rights statement</summary>
          <span class="statement">{statement}</span>
        </details>
      </>
    );
  }
  return (
    <>
      <span class="statement">{statement}</span>
      {r.holder && !says(r.holder) ? <> Rights holder: {r.holder}.</> : ''}
      {link ? <> {link}</> : ''}
      {!licence && url ? (
        <>
          {' '}
          <a href={url} rel="license">
            Terms
          </a>
          .
        </>
      ) : (
        ''
      )}
      {r.credit ? <span class="credit">Credit: {r.credit}</span> : ''}
    </>
  );
}

function otherFormats(work: Work, formats: FormatLink[]): Child {
  const ours = formats.map((f) => (
    <a href={workHref(work.id, f.ext)} type={f.type}>
      {f.label}
    </a>
  ));
  const theirs = (work.otherFormats ?? []).map((f) => {
    // Relative to the original page: linked only when that page's address makes them absolute.
    const href = f.href === undefined ? undefined : safeHref(f.href, work.provenance.url);
    return href && /^https?:/i.test(href) ? <a href={href}>{f.label}</a> : <span>{f.label}</span>;
  });
  return (
    <>
      <span class="formats">{join(ours, ' · ')}</span>
      {theirs.length ? <span class="formats-source"> (in the source edition: {join(theirs, ', ')})</span> : ''}
    </>
  );
}

export function InformationBlock({ work, formats }: { work: ResolvedWork; formats: FormatLink[] }) {
  const rows: Child[] = [];
  if (work.written && (work.written.date || work.written.place || work.written.text)) {
    rows.push(
      <Row label="Written" name="written" from={inheritedFrom(work, 'written')}>
        {written(work.written)}
      </Row>,
    );
  }
  if (work.sentTo)
    rows.push(
      <Row label="Sent to" name="sent-to">
        {work.sentTo.name}
      </Row>,
    );
  if (work.published.length) {
    rows.push(
      <Row label="Published" name="published" from={inheritedFrom(work, 'published')}>
        {work.published.map((p) => (
          <span class="line">{publication(p)}</span>
        ))}
      </Row>,
    );
  }
  for (const note of work.headerNotes ?? [])
    rows.push(
      <Row label="Note" name="header-note">
        {note}
      </Row>,
    );
  if (work.source)
    rows.push(
      <Row label="Source" name="source" from={inheritedFrom(work, 'source')}>
        {source(work.source)}
      </Row>,
    );
  for (const r of contributorRows(work.contributors)) {
    rows.push(
      <Row label={r.label} name="contributors" from={inheritedFrom(work, 'contributors')}>
        {r.names.join(', ')}
      </Row>,
    );
  }
  rows.push(
    <Row label="Language" name="language">
      {languageName(work.language)}
    </Row>,
  );
  if (work.translationOf) {
    rows.push(
      <Row label="Translation of" name="translation-of">
        <a href={workHref(work.translationOf)}>{work.translationOf}</a>
      </Row>,
    );
  }
  if (work.translations?.length) {
    rows.push(
      <Row label="Translations" name="translations">
        {join(work.translations.map((t) => <a href={workHref(t)}>{t}</a>))}
      </Row>,
    );
  }
  rows.push(
    <Row label={rightsLabel(work.rights.licence)} name="rights" from={inheritedFrom(work, 'rights')}>
      {rights(work.rights)}
    </Row>,
  );
  rows.push(
    <Row label="Other Formats" name="formats">
      {otherFormats(work, formats)}
    </Row>,
  );
  return <dl class="information">{rows}</dl>;
}

/** A book's or volume's title page (its index page's header), in the same rows as a work's. */
export function TitlePageBlock({ page }: { page: TitlePage }) {
  const rows: Child[] = [];
  if (page.written && (page.written.date || page.written.place || page.written.text)) {
    rows.push(
      <Row label="Written" name="written">
        {written(page.written)}
      </Row>,
    );
  }
  if (page.published?.length) {
    rows.push(
      <Row label="Published" name="published">
        {page.published.map((p) => (
          <span class="line">{publication(p)}</span>
        ))}
      </Row>,
    );
  }
  if (page.source)
    rows.push(
      <Row label="Source" name="source">
        {source(page.source)}
      </Row>,
    );
  for (const r of contributorRows(page.contributors ?? [])) {
    rows.push(
      <Row label={r.label} name="contributors">
        {r.names.join(', ')}
      </Row>,
    );
  }
  if (page.rights)
    rows.push(
      <Row label={rightsLabel(page.rights.licence)} name="rights">
        {rights(page.rights)}
      </Row>,
    );
  return rows.length ? <dl class="information title-page">{rows}</dl> : null;
}
