// Hostile inputs for the importers (Octavo issue 10): nesting far past any real document, and huge
// single-line pages. Each case is generated, never stored; `depth` sets how deep the nesting goes, so
// the same shapes serve below the importers' limit (they must import) and far above it (refused).
import type { SourceFile } from '../../src/ingest/types.js';

export interface HostileCase {
  name: string;
  file: SourceFile;
}

const bytes = (s: string): Uint8Array => Buffer.from(s, 'utf8');

const FRONT = '---\ntitle: Hostile\nkind: article\n---\n\n';

/** Nested emphasis: `*a *a *a … x a* a* a*`, each opener closed by the nearest closer. */
export const mdEmphasis = (depth: number): HostileCase => ({
  name: `Markdown emphasis nested ${depth} deep`,
  file: { path: 'emphasis.md', bytes: bytes(`${FRONT}Opening line.\n\n${'*a '.repeat(depth)}x${' a*'.repeat(depth)}\n`) },
});

/** A run of `*` delimiters around one word (the shape that is slow to resolve). */
export const mdStarRun = (count: number): HostileCase => ({
  name: `Markdown ${count} * delimiters`,
  file: { path: 'stars.md', bytes: bytes(`${FRONT}Opening line.\n\n${'*'.repeat(count)}x${'*'.repeat(count)}\n`) },
});

/** `[[[[…x]]]]`: open brackets waiting for a link destination. `close` false leaves them all open. */
export const mdBrackets = (count: number, close = true): HostileCase => ({
  name: `Markdown ${count} [ brackets${close ? ' closed' : ''}`,
  file: { path: 'brackets.md', bytes: bytes(`${FRONT}Opening line.\n\n${'['.repeat(count)}x${close ? ']'.repeat(count) : ''}\n`) },
});

/** Block quotes nested `depth` deep: `> > > … x`. */
export const mdQuotes = (depth: number): HostileCase => ({
  name: `Markdown block quotes nested ${depth} deep`,
  file: { path: 'quotes.md', bytes: bytes(`${FRONT}Opening line.\n\n${'> '.repeat(depth)}x\n`) },
});

/** Lists nested `depth` deep on one line: `- - - … x`. */
export const mdLists = (depth: number): HostileCase => ({
  name: `Markdown lists nested ${depth} deep`,
  file: { path: 'lists.md', bytes: bytes(`${FRONT}Opening line.\n\n${'- '.repeat(depth)}x\n`) },
});

/** `* * * … x` on one line: the 24 KB shape of issue 10 (nested bullet lists). */
export const mdStarLists = (depth: number): HostileCase => ({
  name: `Markdown * bullets nested ${depth} deep`,
  file: { path: 'star-lists.md', bytes: bytes(`${FRONT}Opening line.\n\n${'* '.repeat(depth)}x\n`) },
});

const TEI_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<teiHeader><fileDesc><titleStmt><title>Hostile</title></titleStmt>' +
  '<publicationStmt><p>Test</p></publicationStmt><sourceDesc><p>Generated</p></sourceDesc></fileDesc></teiHeader>\n';

/** A TEI letter whose body nests `depth` divs (closed, so the XML is well formed). */
export const teiDivs = (depth: number): HostileCase => ({
  name: `TEI divs nested ${depth} deep`,
  file: {
    path: 'deep.xml',
    bytes: bytes(`${TEI_HEAD}<text><body>\n${'<div>'.repeat(depth)}<p>Deep text.</p>${'</div>'.repeat(depth)}\n</body></text>\n</TEI>\n`),
  },
});

/** A CMIF file whose one correspDesc holds `depth` nested notes. */
export const cmifNested = (depth: number): HostileCase => ({
  name: `CMIF notes nested ${depth} deep`,
  file: {
    path: 'deep-cmif.xml',
    bytes: bytes(
      '<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<teiHeader><fileDesc><titleStmt><title>CMIF</title></titleStmt>' +
        '<publicationStmt><publisher>Test</publisher><idno type="url">http://example.org/cmif.xml</idno><date when="2020-01-01"/>' +
        '<availability><licence target="https://creativecommons.org/licenses/by/4.0/">CC-BY 4.0</licence></availability></publicationStmt>' +
        '<sourceDesc><bibl type="print" xml:id="b1">An edition</bibl></sourceDesc></fileDesc>\n<profileDesc>' +
        '<correspDesc ref="http://example.org/letter/1" source="#b1"><correspAction type="sent"><persName>Karl Marx</persName>' +
        '<date when="1850-01-01"/></correspAction><correspAction type="received"><persName>Friedrich Engels</persName></correspAction>' +
        `<note>\n${'<note>'.repeat(depth)}deep${'</note>'.repeat(depth)}\n</note></correspDesc></profileDesc></teiHeader>\n<text><body><p/></body></text></TEI>\n`,
    ),
  },
});

/** An HTML page whose body nests `depth` divs, closed. */
export const htmlDivs = (depth: number): HostileCase => ({
  name: `HTML divs nested ${depth} deep`,
  file: {
    path: 'deep.html',
    bytes: bytes(
      `<html><head><title>Deep page</title></head><body>\n<h1>Deep page</h1>\n<p>An opening paragraph that is long enough to be read as the text of a work.</p>\n${'<div>'.repeat(depth)}<p>Deep text.</p>${'</div>'.repeat(depth)}\n</body></html>\n`,
    ),
  },
});

const SENTENCE = 'The workers of the world have nothing to lose but their chains, and a world to win. ';

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.ceil(size / unit.length)));
}

/** An HTML page of `size` bytes on one line (no newline anywhere). */
export const htmlLine = (size: number): HostileCase => ({
  name: `HTML page of ${(size / 1048576).toFixed(0)} MB on one line`,
  file: {
    path: 'one-line.html',
    bytes: bytes(
      `<html><head><title>One line</title></head><body><h1>One line</h1>${repeatTo(`<p>${SENTENCE}<i>em</i></p>`, size)}</body></html>`,
    ),
  },
});

/** A TEI document of `size` bytes on one line. */
export const teiLine = (size: number): HostileCase => ({
  name: `TEI document of ${(size / 1048576).toFixed(0)} MB on one line`,
  file: {
    path: 'one-line.xml',
    bytes: bytes(
      `${TEI_HEAD.replace(/\n/g, '')}<text><body>${repeatTo(`<p>${SENTENCE}<hi rend="italic">em</hi></p>`, size)}</body></text></TEI>`,
    ),
  },
});

/** A plain text of `size` bytes on one line. */
export const textLine = (size: number): HostileCase => ({
  name: `plain text of ${(size / 1048576).toFixed(0)} MB on one line`,
  file: { path: 'one-line.txt', bytes: bytes(repeatTo(SENTENCE, size)) },
});

/** An MIA text dump: header lines, then a body of `size` bytes on one line. */
export const miaTextLine = (size: number): HostileCase => ({
  name: `MIA text dump with a ${(size / 1048576).toFixed(0)} MB line`,
  file: {
    path: 'one-line-mia.txt',
    bytes: bytes(`Written: 1 May 1890\nSource: Generated\nTranscribed: Test\n\n${repeatTo(SENTENCE, size)}\n`),
  },
});

/** A TEI paragraph whose text sits inside `depth` nested highlighted spans. */
export const teiSpans = (depth: number): HostileCase => ({
  name: `TEI spans nested ${depth} deep`,
  file: {
    path: 'deep-spans.xml',
    bytes: bytes(
      `${TEI_HEAD}<text><body>\n<p>Start ${'<hi rend="italic">a '.repeat(depth)}x${' b</hi>'.repeat(depth)} end.</p>\n</body></text>\n</TEI>\n`,
    ),
  },
});

/** An HTML paragraph whose text sits inside `depth` nested spans (alternating italic and bold). */
export const htmlSpans = (depth: number): HostileCase => ({
  name: `HTML spans nested ${depth} deep`,
  file: {
    path: 'deep-spans.html',
    bytes: bytes(
      `<html><head><title>Deep spans</title></head><body>\n<h1>Deep spans</h1>\n<p>An opening paragraph that is long enough to be read as the text of a work.</p>\n<p>Start ${'<i>a <b>b '.repeat(depth / 2)}x${' c</b> d</i>'.repeat(depth / 2)} end.</p>\n</body></html>\n`,
    ),
  },
});

/** Markdown whose YAML front matter nests `depth` flow mappings (`x: {a: {a: … 1}}`). */
export const mdFrontMatterFlow = (depth: number): HostileCase => ({
  name: `Markdown front matter with flow mappings nested ${depth} deep`,
  file: {
    path: 'front-flow.md',
    bytes: bytes(`---\ntitle: Deep front matter\nx: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n---\n\nText.\n`),
  },
});

/** Markdown whose YAML front matter nests `depth` block mappings, two spaces a level. */
export const mdFrontMatterBlock = (depth: number): HostileCase => ({
  name: `Markdown front matter with block mappings nested ${depth} deep`,
  file: {
    path: 'front-block.md',
    bytes: bytes(
      `---\ntitle: Deep front matter\nx:\n${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} 1\n---\n\nText.\n`,
    ),
  },
});

/** An HTML page with an `<a` tag followed by `size` spaces that never closes (a regular-expression trap). */
export const htmlOpenAnchor = (size: number): HostileCase => ({
  name: `HTML <a followed by ${size} spaces`,
  file: {
    path: 'open-anchor.html',
    bytes: bytes(
      `<html><head><title>Open anchor</title></head><body>\n<p>An opening paragraph that is long enough to be read as the text of a work.</p>\n<a${' '.repeat(size)}x\n</body></html>\n`,
    ),
  },
});

/** A page of each format with a run of `n` copies of `ch` in every field (regular expressions such as `[.,;]+$` retried every start in a run: quadratic). */
export function runsIn(format: 'mia-html' | 'tei' | 'cmif' | 'markdown' | 'mia-text' | 'plain-text', ch: string, n: number): HostileCase {
  const r = `a${ch.repeat(n)}x`;
  const q = r.replace(/["\n\\]/g, 'z');
  const pages: Record<typeof format, [string, string]> = {
    'mia-html': [
      'runs.html',
      `<html><head><title>T${r}</title><meta name="author" content="Karl${r}Marx"></head><body><h1>Head${r}</h1><h3>Sub${r}</h3><p class="information"><span class="info">Written:</span> 1 May 1890${r}<br><span class="info">Source:</span> x${r}</p><p>Dear Sir${r}</p><p>Some text here that is long enough to count.${r}</p><pre>a${r}</pre><p class="sig">Karl${r}</p><p>Transcribed by X${r}</p></body></html>`,
    ],
    tei: [
      'runs.xml',
      `<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T${r}</title><author>A${r}</author></titleStmt><publicationStmt><p>x${r}</p></publicationStmt><sourceDesc><bibl>B${r}</bibl></sourceDesc></fileDesc><profileDesc><correspDesc><correspAction type="sent"><persName>K${r}</persName><placeName>L${r}</placeName><date>1 May 1890${r}</date></correspAction></correspDesc></profileDesc></teiHeader><text><body><p>a${r}x</p><closer>c${r}</closer></body></text></TEI>`,
    ],
    cmif: [
      'runs-cmif.xml',
      `<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>CMIF${r}</title></titleStmt><publicationStmt><publisher>P</publisher><idno type="url">http://x</idno><date when="2020"/></publicationStmt><sourceDesc><bibl type="print" xml:id="b1">An edition${r}</bibl></sourceDesc></fileDesc><profileDesc><correspDesc source="#b1" key="k${q}"><correspAction type="sent"><persName>K${r}</persName><date when="1850-01-01"/></correspAction></correspDesc></profileDesc></teiHeader><text><body><p/></body></text></TEI>`,
    ],
    markdown: ['runs.md', `---\ntitle: "T${q}"\nauthor: "A${q}"\n---\n\n# H${r}\n\nDear Sir${r}\n\na${r}x\n\nYours${r}\n`],
    'mia-text': [
      'runs.txt',
      `Written: 1 May 1890${r}\nSource: x${r}\nTranscribed: Y${r}\n\nTitle${r}\n\nDear Sir${r}\n\na${r}x\n\nYours${r}\n`,
    ],
    'plain-text': [
      'runs-plain.txt',
      `THE TITLE${r}\n\nBy Karl Marx${r}\n\nCHAPTER I${r}\n\n${'word '.repeat(50)}${r}\n\nLETTER I${r}\n\nLondon, 1 May 1890${r}\n\nDear Sir${r}\n\na${r}x\n\nYours${r}\n`,
    ],
  };
  const [path, text] = pages[format];
  return { name: `${format} with runs of ${n} ${JSON.stringify(ch)}`, file: { path, bytes: bytes(text) } };
}

/** A TEI paragraph whose name sits inside `depth` nested persName elements. */
export const teiNames = (depth: number): HostileCase => ({
  name: `TEI persName nested ${depth} deep`,
  file: {
    path: 'deep-names.xml',
    bytes: bytes(
      `${TEI_HEAD}<text><body>\n<p>Written by ${'<persName>'.repeat(depth)}Karl Marx${'</persName>'.repeat(depth)}.</p>\n</body></text>\n</TEI>\n`,
    ),
  },
});

/** A TEI paragraph with a note holding a note … `depth` deep. */
export const teiNotes = (depth: number): HostileCase => ({
  name: `TEI notes nested ${depth} deep`,
  file: {
    path: 'deep-notes.xml',
    bytes: bytes(
      `${TEI_HEAD}<text><body>\n<p>Annotated${'<note>'.repeat(depth)}a note${'</note>'.repeat(depth)} text.</p>\n</body></text>\n</TEI>\n`,
    ),
  },
});
