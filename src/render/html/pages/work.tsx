// The reading page of one work: breadcrumbs, title, information block, text, notes, mentions,
// record provenance, and previous/next within its first collection.
import type { Child } from 'hono/jsx';
import type { ResolvedWork } from '../../../model/inherit.js';
import type { Entity, Work } from '../../../model/work.js';
import type { Neighbours, WorkSummary } from '../../../model/summary.js';
import { renderWorkText } from '../content.js';
import { humanize, kindLabel } from '../format.js';
import type { Handlers } from '../handlers.js';
import { InformationBlock, inheritedFrom, type FormatLink } from '../header.js';
import { authorHref, collectionHref, safeHref, workHref } from '../href.js';
import { Breadcrumbs, renderPage, type AssetUrls } from '../layout.js';
import type { CiteInput } from '../../cite/index.js';
import { CiteHead, CiteSection } from '../../cite/page.js';

export interface WorkPageInput {
  /** The work as read: with what it inherits from its books' title pages, marked. */
  work: ResolvedWork;
  /** Previous and next in the collection the work sits in (contents order where there is an index page). */
  neighbours: Neighbours;
  /** The collection those neighbours are in, by its title. */
  collection?: { path: string[]; title: string };
  /** For a letter: the previous and next letter between the same correspondents. */
  correspondence?: Neighbours;
  formats: FormatLink[];
  assets: AssetUrls;
  handlers?: Handlers;
  /** Its citations ("Cite this", reference-manager metadata in the head): src/render/cite. */
  cite?: CiteInput;
}

/** Home → author → collection levels → this work, from the work's first collection. */
export function workTrail(work: Work): { label: string; href?: string }[] {
  const trail: { label: string; href?: string }[] = [{ label: 'Home', href: '/' }];
  const first = work.collections[0];
  if (first) {
    first.path.forEach((seg, i) => {
      const label = first.titles?.[i] || humanize(seg);
      const isAuthor = i === 0 && work.authors.some((a) => a.id === seg);
      trail.push({ label, href: isAuthor ? authorHref(seg) : collectionHref(first.path.slice(0, i + 1)) });
    });
  } else if (work.authors[0]) {
    trail.push({ label: work.authors[0].name, href: authorHref(work.authors[0].id) });
  }
  trail.push({ label: work.title });
  return trail;
}

const people = (refs: Work['authors']) =>
  refs.flatMap((r, i) => [
    i === 0 ? '' : i === refs.length - 1 ? ' and ' : ', ',
    <a href={authorHref(r.id)} title={r.asWritten ? `As written: ${r.asWritten}` : undefined}>
      {r.name}
    </a>,
  ]);

function Byline({ work }: { work: ResolvedWork }) {
  if (!work.authors.length && !work.recipients.length) return null;
  return (
    <p class="byline">
      {work.authors.length ? people(work.authors) : 'Unknown author'}
      {inheritedFrom(work, 'authors') ?? ''}
      {work.recipients.length ? (
        <>
          {' '}
          <span class="byline-to">to</span> {people(work.recipients)}
        </>
      ) : (
        ''
      )}
    </p>
  );
}

function authorityLabel(uri: string): string {
  try {
    return new URL(uri).hostname.replace(/^www\./, '').split('.')[0] ?? uri;
  } catch {
    return uri;
  }
}

function EntityItem({ e }: { e: Entity }) {
  const refs = (e.refs ?? []).map((r) => ({ href: safeHref(r), r })).filter((x) => x.href && /^https?:/.test(x.href));
  return (
    <li>
      {e.name}
      {e.aliases?.length ? <span class="aliases"> ({e.aliases.join(', ')})</span> : ''}
      {e.coordinates ? (
        <span class="coords">
          {' '}
          {e.coordinates.lat.toFixed(2)}, {e.coordinates.lon.toFixed(2)}
        </span>
      ) : (
        ''
      )}
      {refs.map((x) => (
        <>
          {' '}
          <a class="authority" href={x.href}>
            {authorityLabel(x.r)}
          </a>
        </>
      ))}
    </li>
  );
}

function Mentions({ entities }: { entities: Work['entities'] }) {
  const groups: [string, Entity[]][] = [
    ['People', entities.people],
    ['Places', entities.places],
    ['Organisations', entities.organisations],
    ['Events', entities.events],
  ];
  const present = groups.filter(([, list]) => list.length);
  if (!present.length) return null;
  return (
    <section class="mentions" aria-labelledby="mentions-heading">
      <h2 id="mentions-heading">Mentioned in this text</h2>
      <dl>
        {present.map(([label, list]) => (
          <div class="mention-group">
            <dt>{label}</dt>
            <dd>
              <ul>
                {list.map((e) => (
                  <EntityItem e={e} />
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Record({ work }: { work: Work }) {
  const p = work.provenance;
  const url = safeHref(p.url);
  const others = work.collections.slice(1);
  return (
    <section class="record" aria-label="About this record">
      {others.length ? (
        <p>
          Also in:{' '}
          {others.map((c, i) => (
            <>
              {i ? '; ' : ''}
              <a href={collectionHref(c.path)}>{(c.titles ?? c.path.map(humanize)).join(' › ')}</a>
            </>
          ))}
          .
        </p>
      ) : (
        ''
      )}
      <p>
        Record imported from <code>{p.file}</code> ({p.format}, {p.importer}
        {p.importedAt ? `, ${p.importedAt}` : ''}).
        {url && /^https?:/.test(url) ? (
          <>
            {' '}
            <a href={url}>Original page</a>.
          </>
        ) : (
          ''
        )}{' '}
        Checksum <code class="checksum">{p.checksum}</code>. <a href={workHref(work.id, '/history')}>History of this record</a>.
      </p>
    </section>
  );
}

function PagerLink({ rel, s, plain }: { rel: 'prev' | 'next'; s: WorkSummary | undefined; plain?: boolean }): Child {
  if (!s) return <span class={`pager-${rel} pager-empty`} />;
  // rel=prev/next belongs to one sequence per page (the collection's); other pagers link plainly.
  return (
    <a class={`pager-${rel}`} rel={plain ? undefined : rel} href={workHref(s.id)}>
      <span class="pager-dir">{rel === 'prev' ? '← Previous' : 'Next →'}</span>
      <span class="pager-title">{s.title}</span>
      {s.dateText ? <span class="pager-date">{s.dateText}</span> : ''}
    </a>
  );
}

export function renderWorkPage(i: WorkPageInput): string {
  const { work } = i;
  const text = renderWorkText(work, i.handlers ? { handlers: i.handlers } : {});
  const first = work.collections[0];
  const inCollection =
    i.collection?.title ?? (first ? (first.titles?.[first.titles.length - 1] ?? humanize(first.path[first.path.length - 1]!)) : '');
  const { previous, next } = i.neighbours;
  const between = i.correspondence;
  const pair = work.authors[0] && work.recipients[0] ? `${work.authors[0].name} and ${work.recipients[0].name}` : '';
  const main = (
    <>
      <Breadcrumbs trail={workTrail(work)} />
      <article class="work" lang={work.language} id="top">
        <header class="work-header">
          <p class="work-kind">{kindLabel(work.kind)}</p>
          <h1 class="work-title">{work.title}</h1>
          {work.subtitle ? <p class="work-subtitle">{work.subtitle}</p> : ''}
          <Byline work={work} />
          <InformationBlock work={work} formats={i.formats} />
        </header>
        {text.toc ?? ''}
        {text.body}
        {text.notes ?? ''}
        <footer class="work-footer">
          {i.cite ? <CiteSection work={work} cite={i.cite} formats={i.formats} /> : ''}
          <Mentions entities={work.entities} />
          <Record work={work} />
          <p class="back-to-top">
            <a href="#top">Back to top</a>
          </p>
        </footer>
      </article>
      {previous || next ? (
        <nav class="pager" aria-label={`Previous and next in ${inCollection}`}>
          <p class="pager-context">
            In {i.collection ? <a href={collectionHref(i.collection.path)}>{i.collection.title}</a> : inCollection}
          </p>
          <PagerLink rel="prev" s={previous} />
          <PagerLink rel="next" s={next} />
        </nav>
      ) : (
        ''
      )}
      {between && (between.previous || between.next) ? (
        <nav class="pager pager-correspondence" aria-label={`Previous and next letter between ${pair}`}>
          <p class="pager-context">Letters between {pair}</p>
          <PagerLink rel="prev" s={between.previous} plain={!!(previous || next)} />
          <PagerLink rel="next" s={between.next} plain={!!(previous || next)} />
        </nav>
      ) : (
        ''
      )}
    </>
  );
  return renderPage({
    title: work.title,
    assets: i.assets,
    main,
    bodyClass: 'page-work',
    description: [work.authors.map((a) => a.name).join(', '), work.written?.date?.text].filter(Boolean).join(', ') || work.title,
    alternates: i.formats.map((f) => ({ href: workHref(work.id, f.ext), type: f.type ?? 'text/plain', title: f.label })),
    ...(i.cite ? { head: <CiteHead work={work} item={i.cite.item} /> } : {}),
  });
}
