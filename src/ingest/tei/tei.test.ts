import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tei } from './index.js';
import { detect } from '../registry.js';
import { loadDefaultRegister } from '../../model/register.js';
import type { Block, Inline, Work } from '../../model/work.js';
import type { Diagnostic } from '../../model/diagnostics.js';

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'test', 'corpus');
const register = loadDefaultRegister();

function load(rel: string): { works: Work[]; diagnostics: Diagnostic[] } {
  const p = join(CORPUS, rel);
  return tei.parse({ path: rel, bytes: readFileSync(p) }, { register });
}
function one(rel: string): Work {
  const out = load(rel);
  expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(out.works).toHaveLength(1);
  return out.works[0]!;
}
function parseString(xml: string): { works: Work[]; diagnostics: Diagnostic[] } {
  return tei.parse({ path: 'inline.xml', bytes: Buffer.from(xml) }, { register });
}
/** Reading text of inlines: line breaks as "|", note markers as "[n]", no-break spaces as "~". */
const text = (xs: Inline[]): string =>
  xs
    .map((x) =>
      x.type === 'text' ? x.text.replace(/\u00a0/g, '~') : x.type === 'lineBreak' ? '|' : x.type === 'noteRef' ? `[${x.label}]` : '',
    )
    .join('');
const blocks = (w: Work): [string, string][] => w.body.map((b: Block) => [b.type, 'content' in b ? text(b.content) : '']);

describe('tei importer on every TEI file of the corpus', () => {
  const dirs = ['tei-schnitzler-briefe/editions', 'tei-dehmel-digital/brief', 'tei-correspdesc-examples'];
  const files = dirs.flatMap((d) =>
    readdirSync(join(CORPUS, d))
      .filter((f) => f.endsWith('.xml'))
      .map((f) => `${d}/${f}`),
  );
  const results = files.map((f) => ({ f, ...load(f) }));

  it('imports all 281 files without error (none of them is broken input)', () => {
    expect(files).toHaveLength(150 + 120 + 11);
    const errors = results.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error'));
    expect(errors).toEqual([]);
    expect(results.every((r) => r.works.length === 1)).toBe(true);
  });

  it('gives every letter a distinct, stable id', () => {
    const ids = results.map((r) => r.works[0]!.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('schnitzler-briefe/l00001');
    expect(ids).toContain('dehmel/hansb13009');
    expect(load('tei-schnitzler-briefe/editions/L00001.xml').works[0]!.id).toBe('schnitzler-briefe/l00001');
  });

  it('reads every letter as a letter with a sender, and the files that have a text have a body', () => {
    for (const { f, works } of results) {
      const w = works[0]!;
      expect(w.kind, f).toBe('letter');
      expect(w.authors.length, f).toBeGreaterThan(0);
      if (!f.includes('correspdesc-examples')) expect(w.body.length, f).toBeGreaterThan(0);
    }
  });

  it('only warns about what it cannot represent, once per element name', () => {
    const warnings = results.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'warning'));
    // Dehmel's simplified files (and one SIG example) state no licence; no element of the corpus is unknown
    expect(new Set(warnings.map((w) => w.message.replace(/: rights.*/, '')))).toEqual(new Set(['no availability/licence']));
    expect(warnings.every((w) => w.element === '/TEI/teiHeader/fileDesc/publicationStmt')).toBe(true);
    expect(warnings.filter((w) => w.file.startsWith('tei-dehmel-digital/'))).toHaveLength(120);
  });

  it('has one Note per <note> in the letter text, and none from the register lists in <back>', () => {
    for (const r of results) {
      const xml = readFileSync(join(CORPUS, r.f), 'utf8');
      const body = xml.slice(xml.indexOf('<body'), xml.indexOf('</body>'));
      expect(r.works[0]!.notes.length, r.f).toBe(body.match(/<note[\s>]/g)?.length ?? 0);
    }
    expect(results.reduce((n, r) => n + r.works[0]!.notes.length, 0)).toBe(281);
  });

  it('keeps the licence of the Schnitzler edition as CC-BY-4.0', () => {
    const schnitzler = results.filter((r) => r.f.includes('schnitzler'));
    expect(schnitzler.every((r) => r.works[0]!.rights.licence === 'CC-BY-4.0')).toBe(true);
  });
});

describe('tei importer, field by field (read off the XML by hand)', () => {
  it('L00001: Mamroth to Schnitzler, 2. 8. 1889, Frankfurt → Wien, two commentary notes', () => {
    const w = one('tei-schnitzler-briefe/editions/L00001.xml');
    expect(w.title).toBe('Fedor Mamroth an Arthur Schnitzler, 2.\u00a08.\u00a01889');
    expect(w.authors).toEqual([{ id: 'fedor-mamroth', name: 'Fedor Mamroth', asWritten: 'Mamroth, Fedor' }]);
    expect(w.recipients[0]).toMatchObject({ id: 'schnitzler-arthur', name: 'Arthur Schnitzler', asWritten: 'Schnitzler, Arthur' });
    expect(w.recipients[0]!.refs).toContain('http://d-nb.info/gnd/118609807');
    expect(w.written?.date).toEqual({
      text: '2.\u00a08.\u00a01889',
      iso: '1889-08-02',
      precision: 'day',
      start: '1889-08-02',
      end: '1889-08-02',
    });
    expect(w.written?.place).toMatchObject({
      id: 'frankfurt-am-main',
      name: 'Frankfurt am Main',
      coordinates: { lat: 50.11552, lon: 8.68417 },
    });
    expect(w.sentTo?.name).toBe('Wien');
    expect(w.language).toBe('de-AT');
    expect(blocks(w)).toContainEqual(['salutation', 'Hochgeehrter Herr Doctor!']);
    const salute = w.body.findIndex((b) => b.type === 'salutation');
    expect(text((w.body[salute + 1] as { content: Inline[] }).content)).toMatch(/^»Der Sohn\[1\]« ist leider auch mir zu düster/);
    expect(blocks(w).slice(-2)).toEqual([
      ['closer', 'Ihr|ergebener'],
      ['signature', 'Dr~FMamroth'],
    ]);
    expect(w.notes).toHaveLength(2);
    expect(w.notes.map((n) => n.kind)).toEqual(['commentary', 'commentary']);
    expect(text((w.notes[0]!.blocks[0] as { content: Inline[] }).content)).toBe('Die Erzählung entstand im Sommer 1889 (1889-09-08).');
    expect(w.contributors.map((c) => c.role)).toEqual(['editor', 'editor', 'transcriber', 'transcriber']);
    expect(w.source).toEqual({ title: 'University Library, Schnitzler, B\u00a068', place: 'Cambridge' });
    expect(w.entities.people.map((p) => p.name)).toContain('Arthur Schnitzler');
    const sig = w.body[w.body.length - 1] as { content: Inline[] };
    expect(sig.content).toContainEqual({ type: 'text', text: 'r', marks: [{ type: 'superscript' }] });
  });

  it('L00349: Beer-Hofmann to Schnitzler, [10. 7. 1894], Bad Ischl, salute inside a paragraph', () => {
    const w = one('tei-schnitzler-briefe/editions/L00349.xml');
    expect(w.authors.map((a) => a.name)).toEqual(['Richard Beer-Hofmann']);
    expect(w.recipients.map((a) => a.name)).toEqual(['Arthur Schnitzler']);
    expect(w.written?.date).toMatchObject({ text: '[10.\u00a07.\u00a01894]', iso: '1894-07-10', precision: 'day' });
    expect(w.written?.place?.name).toBe('Bad Ischl');
    expect(w.sentTo?.name).toBe('Wien');
    expect(blocks(w)).toEqual([
      ['salutation', 'Lieber Arthur!'],
      ['paragraph', 'Bitte, wenn Sie herkommen, nehmen Sie die 2~Bd. Henri Becque mit. Herzlichst Ihr'],
      ['signature', 'Richard'],
    ]);
    expect(w.notes).toEqual([]);
    expect(w.published[0]).toMatchObject({
      venue: 'Briefwechsel 1891–1931',
      place: 'Wien, Zürich',
      date: { iso: '1992', precision: 'year' },
    });
    const para = w.body[1] as { content: Inline[] };
    const becque = para.content.find((x) => x.type === 'text' && x.text === 'Henri Becque');
    expect(becque).toMatchObject({
      marks: [
        { type: 'entity', entity: 'work', ref: '#pmb34888' },
        { type: 'entity', entity: 'person', id: 'pmb13897', ref: '#pmb13897' },
      ],
    });
  });

  it('L00610: Burckhard to Schnitzler, dated between 27 Oct and 1 Nov 1896 (notBefore/notAfter)', () => {
    const w = one('tei-schnitzler-briefe/editions/L00610.xml');
    expect(w.authors.map((a) => a.name)).toEqual(['Max Burckhard']);
    expect(w.written?.date).toEqual({
      text: '[zwischen 27.\u00a010. und 1.\u00a011.\u00a01896]',
      iso: '1896-10-27/1896-11-01',
      precision: 'day',
      start: '1896-10-27',
      end: '1896-11-01',
      uncertain: true,
    });
    expect(w.written?.place?.name).toBe('Wien');
    expect(w.sentTo?.name).toBe('Berlin');
    expect(blocks(w)[0]![1]).toMatch(
      /^herzlichsten dank fuer mittheilung\. leider habe ich dienstag vormittag generalprobe in schoenbrunn fuer die festvorstellung\[1\] die ich/,
    );
    expect(blocks(w).at(-1)).toEqual(['signature', '= doctor burckhard +']);
    expect(w.notes).toHaveLength(2);
    expect(text((w.notes[1]!.blocks[0] as { content: Inline[] }).content)).toMatch(
      /^Am 1896-11-03 fand in Berlin am Deutschen Theater die Uraufführung von Freiwild statt\.$/,
    );
  });

  it('L00088: Hofmannsthal to Schnitzler, address, opener, closer, postscript dateline', () => {
    const w = one('tei-schnitzler-briefe/editions/L00088.xml');
    expect(w.authors.map((a) => a.name)).toEqual(['Hugo von Hofmannsthal']);
    expect(w.written?.date?.iso).toBe('1892-03-26');
    expect(blocks(w)).toEqual([
      ['paragraph', 'Herrn Dr Arthur Schnitzler|I. Wien|Kärntnerring 12'],
      ['salutation', 'Lieber Freund,'],
      [
        'paragraph',
        'Ich bin für morgen zu Tisch geladen. Es ist also wieder nichts. Herr Bölsche hat mir das »Kind« zurückgeschickt; natürlich mit einem sehr artigen Brief.',
      ],
      ['closer', 'Auf Wiedersehen!'],
      ['signature', 'Loris.'],
      ['dateline', 'Samstag.'],
    ]);
    expect(w.notes).toEqual([]);
    expect((w.body[0] as { content: Inline[] }).content[0]).toEqual({ type: 'pageBreak' });
  });

  it('HANSb13009: Ida Dehmel (not Richard) to Liliencron, 22 June 1896, HTR text with line breaks', () => {
    const out = load('tei-dehmel-digital/brief/HANSb13009.xml');
    const w = out.works[0]!;
    expect(w.id).toBe('dehmel/hansb13009');
    expect(w.authors).toEqual([
      { id: 'ida-dehmel', name: 'Ida Dehmel', asWritten: 'Dehmel, Ida', refs: ['https://d-nb.info/gnd/118679228'] },
    ]);
    expect(w.recipients.map((a) => a.name)).toEqual(['Detlev von Liliencron']);
    expect(w.written?.date?.iso).toBe('1896-06-22');
    expect(w.written?.place).toEqual({ id: 'cuxhaven', name: 'Cuxhaven', refs: ['https://sws.geonames.org/2939658'] });
    expect(w.sentTo?.name).toBe('Hamburg-Altona');
    expect(blocks(w)).toHaveLength(1);
    expect(blocks(w)[0]![1]).toBe(
      'Zu meinem großen Bedauern|konnte ich Ihnen nicht mehr Adieu sagen, u. bei Pfor\u00ad|de gabs keinen Platz mehr Hoffentlich seh ich Sie|bald in Berlin wieder? Liebste Grüße I. n. A.',
    );
    expect(w.notes).toEqual([]);
    expect(w.rights.licence).toBe('NOASSERTION');
    expect(out.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', element: '/TEI/teiHeader/fileDesc/publicationStmt' })]);
    expect(w.entities.places).toEqual([
      { id: 'gnd-4005728-8', name: 'Berlin', refs: ['http://data.dehmel.digital/register.xml#gnd_4005728-8'] },
    ]);
  });

  it('HANSb17275: Liliencron to Richard Dehmel, struck-through words as strike marks', () => {
    const w = one('tei-dehmel-digital/brief/HANSb17275.xml');
    expect(w.authors.map((a) => a.name)).toEqual(['Detlev von Liliencron']);
    expect(w.recipients[0]).toMatchObject({ id: 'dehmel-richard', name: 'Richard Dehmel', asWritten: 'Dehmel, Richard' });
    expect(w.written?.date?.iso).toBe('1902-11-22');
    expect(w.written?.place?.name).toBe('Hamburg-Rahlstedt');
    const first = (w.body[0] as { content: Inline[] }).content;
    expect(text(first)).toMatch(/^Liebster Richard, anl mitfogend\|1\. mitf\. Dir Ges\. enth\. Kühls Besprechg\|über Mombert\./);
    expect(
      first
        .filter((x) => x.type === 'text' && x.marks?.some((m) => m.type === 'strike'))
        .map((x) => (x as { text: string }).text)
        .slice(0, 2),
    ).toEqual(['anl', 'mitfogend']);
    expect(w.entities.people.find((p) => p.id === 'gnd-118583417')).toEqual({
      id: 'gnd-118583417',
      name: 'Mombert',
      aliases: ['Momberten'],
      refs: ['http://data.dehmel.digital/register.xml#gnd_118583417'],
    });
  });

  it('correspDesc example 04: eight senders, date read from the wording', () => {
    const w = one('tei-correspdesc-examples/example04_more-than-one-sender.xml');
    expect(w.authors.map((a) => a.name)).toEqual([
      'Adolf Hauffen',
      'Hans Lambel',
      'Hans Meyer',
      'Richard Rosenbaum',
      'August Sauer',
      'Hans Tschinkel',
      'Franz Werner',
      'Spiridion Wukadinovic',
    ]);
    expect(w.recipients.map((a) => a.name)).toEqual(['Bernhard Seuffert']);
    expect(w.written?.date).toMatchObject({ text: '22 January 1898', iso: '1898-01-22' });
    expect(w.written?.place?.name).toBe('Prague');
    expect(w.sentTo?.name).toBe('Graz');
  });
});

const wrap = (body: string, header = '', back = ''): string =>
  `<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><availability><licence target="https://creativecommons.org/publicdomain/zero/1.0/"/></availability></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>${header}</teiHeader><text><body>${body}</body>${back}</text></TEI>`;

describe('tei importer: located errors and warnings', () => {
  it('turns malformed XML into an error with line and column', () => {
    const out = parseString('<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<teiHeader>\n</TEI>');
    expect(out.works).toEqual([]);
    expect(out.diagnostics).toHaveLength(1);
    expect(out.diagnostics[0]).toMatchObject({
      severity: 'error',
      file: 'inline.xml',
      line: 3,
      message: 'malformed XML: Opening and ending tag mismatch: "teiHeader" != "TEI"',
    });
    expect(out.diagnostics[0]!.column).toBeGreaterThan(0);
  });

  it('rejects XML that is not TEI, with the root element located', () => {
    const out = parseString('<?xml version="1.0"?>\n<html><body/></html>');
    expect(out.diagnostics).toEqual([expect.objectContaining({ severity: 'error', line: 2, element: '/html' })]);
  });

  it('keeps the text of unknown elements and warns once per element name, with its path', () => {
    const out = parseString(wrap('<p>a <foo>b</foo> c <foo>d</foo> <bar>e</bar></p>'));
    expect(text((out.works[0]!.body[0] as { content: Inline[] }).content)).toBe('a b c d e');
    const warns = out.diagnostics.filter((d) => d.severity === 'warning');
    expect(warns.map((w) => [w.element, w.message])).toEqual([
      ['/TEI/text/body/p/foo[1]', 'unknown element <foo>: its text is kept'],
      ['/TEI/text/body/p/bar', 'unknown element <bar>: its text is kept'],
    ]);
  });
});

describe('tei importer: a TEI list is not a letter', () => {
  const listFile = 'tei-schnitzler-briefe/listcorrespondence.xml';

  it('is still routed to the TEI importer by detect', () => {
    const d = detect({ path: listFile, bytes: readFileSync(join(CORPUS, listFile)) });
    expect('importer' in d && d.importer.name).toBe('tei');
  });

  it('imports no work from the Schnitzler register of correspondences and says what the file is', () => {
    const out = load(listFile);
    expect(out.works).toEqual([]);
    expect(out.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'not-a-document',
        file: listFile,
        line: 41,
        element: '/TEI/text/body/listPerson',
        message: 'a TEI list of people (listPerson with 64 entries), not a letter',
      },
    ]);
  });

  it('counts the entries of listCorrespondence, listPlace, listOrg and listBibl, under divisions too', () => {
    const entries = (name: string, n: number) => Array.from({ length: n }, (_, i) => `<${name}><p>${i}</p></${name}>`).join('');
    const big = parseString(
      wrap(`<div><head>Register</head><listCorrespondence>${entries('correspondence', 1234)}</listCorrespondence></div>`),
    );
    expect(big.works).toEqual([]);
    expect(big.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'not-a-document',
        message: 'a TEI list of correspondence (listCorrespondence with 1,234 entries), not a letter',
      }),
    ]);
    const several = parseString(
      wrap(
        `<listPlace><head>Orte</head>${entries('place', 2)}</listPlace><listOrg>${entries('org', 1)}</listOrg><listBibl>${entries('bibl', 3)}</listBibl>`,
      ),
    );
    expect(several.diagnostics.map((d) => d.message)).toEqual([
      'a TEI list of places, organisations and bibliographic references (listPlace with 2 entries, listOrg with 1 entry, listBibl with 3 entries), not a letter',
    ]);
  });

  it('still imports a letter whose back holds register lists, and a text with a list in its body', () => {
    expect(load('tei-schnitzler-briefe/editions/L00001.xml').works).toHaveLength(1);
    const text = parseString(wrap('<p>Die Teilnehmer:</p><listPerson><person><persName>A</persName></person></listPerson>'));
    expect(text.works).toHaveLength(1);
  });

  it('imports the letters of a teiCorpus that also holds a list, with the list as a warning', () => {
    const strip = (x: string) => x.replace(/^<\?xml[^>]*>\n/, '');
    const out = parseString(
      `<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>C</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>${strip(wrap('<p>x</p>'))}${strip(wrap('<listPerson><person><persName>A</persName></person></listPerson>'))}</teiCorpus>`,
    );
    expect(out.works).toHaveLength(1);
    expect(out.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'not-a-document',
        message: 'a TEI list of people (listPerson with 1 entry), not a letter',
      }),
    ]);
  });
});

describe('tei importer: reading text', () => {
  const body = (xml: string, back = ''): Work => {
    const out = parseString(wrap(xml, '', back));
    expect(out.diagnostics).toEqual([]);
    return out.works[0]!;
  };

  it('joins words at lb break="no", keeps other lb as line breaks, pb with its number', () => {
    const w = body('<p>Wor-<lb break="no"/>\n  te und <lb/>\n Zeile<pb n="7"/> weiter</p>');
    expect((w.body[0] as { content: Inline[] }).content).toEqual([
      { type: 'text', text: 'Wor-te und' },
      { type: 'lineBreak' },
      { type: 'text', text: 'Zeile' },
      { type: 'pageBreak', n: '7' },
      { type: 'text', text: ' weiter' },
    ]);
  });

  it('reads del/add/subst, choice, supplied, gap, unclear, space as a reader would', () => {
    const w = body(
      '<p>a <del>x</del><add>b</add> <subst><del>c</del><add>d</add></subst> <choice><sic>ee</sic><corr>e</corr></choice> <supplied>f</supplied> <gap/> <unclear>g</unclear><space/>h</p>',
    );
    expect(blocks(w)).toEqual([['paragraph', 'a b d e [f] […] g h']]);
  });

  it('maps hi @rend and @style to marks, mixed content in order', () => {
    const w = body(
      '<p><hi rend="italic">i</hi><hi rend="bold underline">bu</hi><hi style="vertical-align: super;text-decoration-line: line-through">s</hi><emph>e</emph></p>',
    );
    expect((w.body[0] as { content: Inline[] }).content).toEqual([
      { type: 'text', text: 'i', marks: [{ type: 'emphasis' }] },
      { type: 'text', text: 'bu', marks: [{ type: 'strong' }, { type: 'underline' }] },
      { type: 'text', text: 's', marks: [{ type: 'superscript' }, { type: 'strike' }] },
      { type: 'text', text: 'e', marks: [{ type: 'emphasis' }] },
    ]);
  });

  it('pairs notes in <back> with their anchors (@target) and pointers (ref @target)', () => {
    const w = body(
      '<p>One<anchor xml:id="a1"/> and two<ref target="#fn2">2</ref>.</p>',
      '<back><div type="notes"><note target="#a1" n="1" type="editorial"><p>First.</p></note><note xml:id="fn2" n="2"><p>Second</p><p>para</p></note><note n="3">Unreferenced.</note></div></back>',
    );
    expect(text((w.body[0] as { content: Inline[] }).content)).toBe('One[1] and two[2].');
    expect(w.notes.map((n) => [n.label, n.kind, n.blocks.length])).toEqual([
      ['1', 'editorial', 1],
      ['2', undefined, 2],
      ['3', undefined, 1],
    ]);
  });

  it('flattens divisions and takes heading levels from their depth', () => {
    const w = body('<div><head>A</head><p>x</p><div><head>B</head><p>y</p></div></div>');
    expect(w.body.map((b) => [b.type, 'level' in b ? b.level : undefined])).toEqual([
      ['heading', 1],
      ['paragraph', undefined],
      ['heading', 2],
      ['paragraph', undefined],
    ]);
  });

  it('gives every TEI of a teiCorpus its own unique id', () => {
    const one = wrap('<p>x</p>').replace(/^<\?xml[^>]*>\n/, '');
    const out = parseString(
      `<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>C</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>${one}${one}</teiCorpus>`,
    );
    expect(out.works.map((w) => w.id)).toEqual(['anonymous/t', 'anonymous/t-2']);
    expect(out.works[0]!.rights.licence).toBe('CC0-1.0');
  });
});
