// The work page's citation parts: reference-manager metadata for its <head> (Highwire Press
// citation_* tags for Google Scholar and Zotero, schema.org JSON-LD, a COinS span) and the "Cite this"
// section (a <details> that opens without JavaScript). All read the one CSL item of csl.ts.
import type { ResolvedWork } from '../../model/inherit.js';
import type { Work } from '../../model/work.js';
import type { FormatLink } from '../html/header.js';
import { workHref } from '../html/href.js';
import type { CslDate, CslItem, CslName } from './csl.js';
import type { CiteInput } from './index.js';

const nameText = (n: CslName) =>
  n.literal ?? [n.family && [n['non-dropping-particle'], n.family].filter(Boolean).join(' '), n.given].filter(Boolean).join(', ');
const displayName = (n: CslName) => n.literal ?? [n.given, n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
const pad = (n: number) => String(n).padStart(2, '0');
const dateWith = (d: CslDate | undefined, sep: string) => d?.['date-parts'][0]?.map((p, i) => (i ? pad(p) : String(p))).join(sep);

function pages(p: string | undefined): { first?: string; last?: string } {
  const m = p && /^\s*([\divxlcdm]+)(?:\s*[-–]\s*([\divxlcdm]+))?/i.exec(p);
  return m ? { first: m[1], ...(m[2] ? { last: m[2] } : {}) } : {};
}

/** Highwire Press tags: name and content, in the order Google Scholar's guidelines list them. */
export function highwireTags(item: CslItem): [string, string][] {
  const tags: [string, string][] = [['citation_title', item.title]];
  for (const a of item.author ?? []) tags.push(['citation_author', nameText(a)]);
  const date = dateWith(item.issued, '/');
  if (date) tags.push(['citation_publication_date', date], ['citation_date', date]);
  if (item['container-title'])
    tags.push([item.type === 'article-newspaper' ? 'citation_journal_title' : 'citation_inbook_title', item['container-title']]);
  if (item.volume) tags.push(['citation_volume', item.volume]);
  if (item.issue) tags.push(['citation_issue', item.issue]);
  const { first, last } = pages(item.page);
  if (first) tags.push(['citation_firstpage', first]);
  if (last) tags.push(['citation_lastpage', last]);
  if (item.publisher) tags.push(['citation_publisher', item.publisher]);
  tags.push(['citation_language', item.language], ['citation_public_url', item.URL]);
  return tags;
}

/** schema.org description of the work: a Message for letters, a Chapter of its volume otherwise. */
export function jsonLd(work: Work, item: CslItem): Record<string, unknown> {
  const person = (n: CslName, refs?: string[]) => ({
    '@type': 'Person',
    name: displayName(n),
    ...(refs?.length ? { sameAs: refs.length === 1 ? refs[0] : refs } : {}),
  });
  const letter = work.kind === 'letter' || work.kind === 'telegram';
  const volume = item['container-title']
    ? {
        '@type': item.volume ? 'PublicationVolume' : 'Book',
        ...(item.volume
          ? { volumeNumber: item.volume, isPartOf: { '@type': 'Book', name: item['container-title'] } }
          : { name: item['container-title'] }),
        ...(item.publisher
          ? {
              publisher: {
                '@type': 'Organization',
                name: item.publisher,
                ...(item['publisher-place'] ? { location: item['publisher-place'] } : {}),
              },
            }
          : {}),
        ...(item.issued ? { datePublished: dateWith(item.issued, '-') } : {}),
      }
    : undefined;
  const { first, last } = pages(item.page);
  return {
    '@context': 'https://schema.org',
    '@type': letter ? 'Message' : volume ? 'Chapter' : 'CreativeWork',
    '@id': item.URL,
    url: item.URL,
    name: item.title,
    inLanguage: item.language,
    ...(item.author ? { author: item.author.map((a, i) => person(a, work.authors[i]?.refs)) } : {}),
    ...(letter && item.author ? { sender: item.author.map((a, i) => person(a, work.authors[i]?.refs)) } : {}),
    ...(letter && item.recipient ? { recipient: item.recipient.map((a, i) => person(a, work.recipients[i]?.refs)) } : {}),
    ...(item.translator ? { translator: item.translator.map((a) => person(a)) } : {}),
    ...(work.written?.date ? { dateCreated: work.written.date.iso } : {}),
    ...(volume ? { isPartOf: volume } : {}),
    ...(!letter && first ? { pageStart: first, ...(last ? { pageEnd: last } : {}) } : {}),
    ...(work.rights.url ? { license: work.rights.url } : {}),
    copyrightNotice: work.rights.statement,
  };
}

/** JSON for inside <script>: "<" written as \u003c, so no "</script>" or "<!--" in the data can end it. */
export const scriptJson = (data: unknown): string =>
  JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** OpenURL ContextObject (Z39.88-2004) in KEV form, the title of a COinS span. */
export function coins(item: CslItem): string {
  const kv: [string, string][] = [['ctx_ver', 'Z39.88-2004']];
  const inBook = item.type === 'chapter' || item.type === 'book';
  const au = item.author ?? [];
  if (inBook) {
    kv.push(['rft_val_fmt', 'info:ofi/fmt:kev:mtx:book'], ['rft.genre', item.type === 'book' ? 'book' : 'bookitem']);
    kv.push(item.type === 'book' ? ['rft.btitle', item.title] : ['rft.atitle', item.title]);
    if (item.type === 'chapter' && item['container-title']) kv.push(['rft.btitle', item['container-title']]);
    if (au[0]?.family)
      kv.push(['rft.aulast', au[0].family], ...(au[0].given ? ([['rft.aufirst', au[0].given]] as [string, string][]) : []));
    for (const a of au) kv.push(['rft.au', nameText(a)]);
    if (item.volume) kv.push(['rft.volume', item.volume]);
    const { first, last } = pages(item.page);
    if (first) kv.push(['rft.spage', first]);
    if (last) kv.push(['rft.epage', last]);
    if (item.publisher) kv.push(['rft.pub', item.publisher]);
    if (item['publisher-place']) kv.push(['rft.place', item['publisher-place']]);
  } else {
    kv.push(['rft_val_fmt', 'info:ofi/fmt:kev:mtx:dc'], ['rft.type', item.type], ['rft.title', item.title]);
    for (const a of au) kv.push(['rft.creator', nameText(a)]);
    if (item.publisher) kv.push(['rft.publisher', item.publisher]);
  }
  const date = dateWith(item.issued, '-');
  if (date) kv.push(['rft.date', date]);
  kv.push(['rft.language', item.language], ['rft_id', item.URL]);
  return kv.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

/** The <head> elements: Highwire tags and the JSON-LD block (a data block, which the CSP does not run). */
export function CiteHead({ work, item }: { work: Work; item: CslItem }) {
  return (
    <>
      {highwireTags(item).map(([name, content]) => (
        <meta name={name} content={content} />
      ))}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(jsonLd(work, item)) }} />
    </>
  );
}

const DOWNLOADS = ['.bib', '.ris', '.csl.json'];

/** "Cite this": the entry in each style, the downloads for reference managers, and a COinS span. */
export function CiteSection({ work, cite, formats }: { work: ResolvedWork; cite: CiteInput; formats: FormatLink[] }) {
  const downloads = DOWNLOADS.map((ext) => formats.find((f) => f.ext === ext)).filter((f): f is FormatLink => !!f);
  return (
    <details class="cite" id="cite">
      <summary>
        <span class="cite-summary">Cite this</span>
      </summary>
      <dl class="cite-styles">
        {cite.citations.map((c) => (
          <div class="cite-style">
            <dt>
              <abbr title={c.title}>{c.label}</abbr>
            </dt>
            <dd>
              <div class="cite-entry" id={`cite-${c.key}`} lang="en" dangerouslySetInnerHTML={{ __html: c.html }} />
            </dd>
          </div>
        ))}
      </dl>
      {downloads.length ? (
        <p class="cite-downloads">
          For reference managers:{' '}
          {downloads.map((f, i) => (
            <>
              {i ? ', ' : ''}
              <a href={workHref(work.id, f.ext)} type={f.type} download="">
                {f.label}
              </a>
            </>
          ))}
          .
        </p>
      ) : (
        ''
      )}
      <span class="Z3988" title={coins(cite.item)} />
    </details>
  );
}
