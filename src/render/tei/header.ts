// Work → teiHeader: titleStmt, publicationStmt (rights), seriesStmt (collections), notesStmt,
// sourceDesc (source and printings), profileDesc (creation, langUsage, correspDesc).
import type { Publication, Rights, Source, Work } from '../../model/work.js';
import type { PeopleRegister } from '../../model/register.js';
import { block, el, textEl } from '../xml.js';
import { roleWord } from '../../formats/tei/mapping.js';
import { isPeriodical, sourceKind } from '../../formats/tei/sources.js';
import { agentXml, dateXml, exactText, placeXml } from './names.js';

const opt = (name: string, a: Record<string, string | undefined>, text: string | undefined): string =>
  text === undefined ? '' : exactText(name, a, text);

function availability(r: Rights): string {
  const paras =
    r.statement === ''
      ? ''
      : r.statement
          .split('\n\n')
          .map((p) => exactText('p', {}, p))
          .join('');
  return block('availability', {}, [
    el('licence', { n: r.licence, target: r.url }, paras),
    opt('ab', { type: 'credit' }, r.credit),
    opt('ab', { type: 'holder' }, r.holder),
  ]);
}

function sourceBibl(s: Source): string {
  const year = s.year === undefined ? '' : textEl('date', { when: /^\d{4}$/.test(s.year) ? s.year : undefined }, s.year);
  return el(
    'bibl',
    {},
    [
      opt('author', {}, s.author),
      // a printed edition is a book (level m); a shelfmark or a bare wording has no bibliographic level
      exactText('title', { level: sourceKind(s) === 'print' ? 'm' : undefined }, s.title),
      opt('publisher', {}, s.publisher),
      opt('pubPlace', {}, s.place),
      year,
      opt('biblScope', { unit: 'volume' }, s.volume),
      opt('biblScope', { unit: 'page' }, s.pages),
      opt('note', {}, s.note),
      opt('note', { type: 'statement' }, s.text),
    ].join(''),
  );
}

function publicationBibl(p: Publication): string {
  return el(
    'bibl',
    {},
    [
      exactText('title', { level: isPeriodical(p) ? 'j' : 'm' }, p.venue),
      opt('biblScope', { unit: 'issue' }, p.issue),
      p.date ? dateXml(p.date) : '',
      opt('pubPlace', {}, p.place),
      opt('note', {}, p.note),
      opt('note', { type: 'statement' }, p.text),
    ].join(''),
  );
}

function sourceDesc(w: Work): string {
  const kids = [
    w.source ? sourceBibl(w.source) : '',
    w.published.length ? el('listBibl', { type: 'published' }, w.published.map(publicationBibl).join('')) : '',
  ];
  return block('sourceDesc', {}, kids.some(Boolean) ? kids : ['<p/>']);
}

function seriesStmts(w: Work): string[] {
  return w.collections.map((c) => {
    const titles = c.titles?.length
      ? c.titles.map((t) => exactText('title', {}, t))
      : [textEl('title', { type: 'path' }, c.path.join('/'))];
    return el(
      'seriesStmt',
      {},
      [
        ...titles,
        textEl('idno', { type: 'octavo-collection' }, c.path.join('/')),
        c.position === undefined ? '' : textEl('biblScope', { unit: 'position' }, String(c.position)),
      ].join(''),
    );
  });
}

function notesStmt(w: Work): string {
  const kids = [
    ...(w.headerNotes ?? []).map((n) => exactText('note', {}, n)),
    ...(w.otherFormats ?? []).map((f) => el('note', { type: 'otherFormat' }, exactText('ref', { target: f.href }, f.label))),
    w.written?.text === undefined ? '' : exactText('note', { type: 'written' }, w.written.text),
    w.translationOf ? el('relatedItem', { type: 'translationOf', target: w.translationOf }) : '',
    ...(w.translations ?? []).map((t) => el('relatedItem', { type: 'translation', target: t })),
  ].filter(Boolean);
  return kids.length ? block('notesStmt', {}, kids) : '';
}

/** Works about a sending and a receiving get a correspDesc; other works a creation. */
export function isLetterish(w: Work): boolean {
  return w.kind === 'letter' || w.kind === 'telegram' || w.recipients.length > 0 || !!w.sentTo;
}

function correspDesc(w: Work, register: PeopleRegister): string {
  const sent = [
    ...w.authors.map((a) => agentXml(a, register)),
    w.written?.place ? placeXml(w.written.place) : '',
    w.written?.date ? dateXml(w.written.date) : '',
  ].filter(Boolean);
  const received = [...w.recipients.map((a) => agentXml(a, register)), w.sentTo ? placeXml(w.sentTo) : ''].filter(Boolean);
  if (!sent.length && !received.length) return '';
  return block('correspDesc', {}, [
    sent.length ? el('correspAction', { type: 'sent' }, sent.join('')) : '',
    received.length ? el('correspAction', { type: 'received' }, received.join('')) : '',
  ]);
}

const BCP47 = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;

function profileDesc(w: Work, register: PeopleRegister): string {
  const letter = isLetterish(w);
  const wr = w.written;
  const creation =
    !letter && (wr?.date || wr?.place) ? el('creation', {}, (wr.date ? dateXml(wr.date) : '') + (wr.place ? placeXml(wr.place) : '')) : '';
  const lang = BCP47.test(w.language) ? el('language', { ident: w.language }) : textEl('language', { ident: 'und' }, w.language);
  return block('profileDesc', {}, [creation, el('langUsage', {}, lang), letter ? correspDesc(w, register) : '']);
}

export function renderHeader(w: Work, register: PeopleRegister): string {
  const titleStmt = block('titleStmt', {}, [
    exactText('title', { type: 'main' }, w.title),
    opt('title', { type: 'sub' }, w.subtitle),
    ...w.authors.map((a) => el('author', {}, agentXml(a, register))),
    ...w.contributors.map((c) =>
      el('respStmt', {}, exactText('resp', { key: c.role }, c.label ?? roleWord(c.role)) + exactText('name', {}, c.name)),
    ),
  ]);
  const publicationStmt = block('publicationStmt', {}, [
    textEl('distributor', {}, 'Octavo'),
    availability(w.rights),
    textEl('idno', { type: 'octavo' }, w.id),
  ]);
  const fileDesc = block('fileDesc', {}, [titleStmt, publicationStmt, ...seriesStmts(w), notesStmt(w), sourceDesc(w)]);
  return block('teiHeader', {}, [fileDesc, profileDesc(w, register)]);
}
