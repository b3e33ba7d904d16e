// Bad input: every failure is a located error diagnostic, never a throw.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDefaultRegister } from '../../model/register.js';
import { Work } from '../../model/work.js';
import { miaHtml, MAX_BYTES } from './index.js';

const CORPUS = new URL('../../../test/corpus/mia-html/', import.meta.url);
const ctx = { register: loadDefaultRegister() };
const enc = (s: string) => new TextEncoder().encode(s);
const parse = (path: string, bytes: Uint8Array) => miaHtml.parse({ path, bytes }, ctx);
const onlyError = (r: ReturnType<typeof parse>) => {
  expect(r.works).toEqual([]);
  expect(r.collections).toEqual([]);
  expect(r.diagnostics).toHaveLength(1);
  expect(r.diagnostics[0]!.severity).toBe('error');
  return r.diagnostics[0]!;
};

describe('malformed input', () => {
  it('an empty file', () => {
    const d = onlyError(parse('empty.htm', new Uint8Array()));
    expect(d).toMatchObject({ file: 'empty.htm', message: 'the file is empty (0 bytes)' });
  });

  it('binary junk with NUL bytes: refused, with the line and offset of the first NUL', () => {
    const bytes = new Uint8Array([...enc('<html>\n<body>\n'), 0x00, 0xff, 0x13, 0x00, 0x89, 0x50]);
    const d = onlyError(parse('junk.htm', bytes));
    expect(d).toMatchObject({ file: 'junk.htm', line: 3 });
    expect(d.message).toBe('binary data, not an HTML page: NUL byte at offset 14');
  });

  it('binary junk without NUL bytes (control characters)', () => {
    const bytes = Uint8Array.from({ length: 2000 }, (_, i) => ((i * 7919) % 31) + 1);
    const d = onlyError(parse('junk.bin', bytes));
    expect(d.message).toMatch(/^binary data, not an HTML page: \d+ control bytes/);
  });

  it('a file over 20 MB is refused before parsing, with its size', () => {
    const big = new Uint8Array(MAX_BYTES + 1024 * 1024).fill(0x61);
    const t0 = performance.now();
    const d = onlyError(parse('huge.htm', big));
    expect(performance.now() - t0).toBeLessThan(200); // not parsed
    expect(d.message).toBe(`the file is 21.0 MB (${big.length} bytes); HTML pages over 20 MB are refused before parsing`);
  });

  it('a real page truncated after its series line: no body content, located at the end of the file', () => {
    const full = readFileSync(new URL('marx/works/1875/letters/75_05_05.htm', CORPUS), 'latin1');
    const cut = full.slice(0, full.indexOf('<h1>'));
    const d = onlyError(parse('75_05_05-truncated.htm', enc(cut)));
    const lines = cut.split('\n').length;
    expect(d.message).toBe(`no recognisable text: the HTML stops at line ${lines} without </body></html>: the file looks truncated`);
    expect(d.element).toBe('body');
    expect(d.line).toBe(12); // the page's <BODY> tag
  });

  it('a real page truncated in the middle of its text still imports, with a warning', () => {
    const full = readFileSync(new URL('marx/works/1875/letters/75_05_05.htm', CORPUS), 'latin1');
    const cut = full.slice(0, full.indexOf('I shall be sending you'));
    const r = parse('75_05_05-half.htm', enc(cut));
    expect(r.works).toHaveLength(1);
    expect(() => Work.parse(r.works[0])).not.toThrow();
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'warning', message: 'the HTML ends without </body></html>: the file may be truncated' }),
    );
  });

  it('a page with no recognisable text (only navigation, images and blank paragraphs)', () => {
    const html =
      '<html><head><title>x</title></head><body>\n<p class="title">Marx-Engels Correspondence 1871</p>\n<p>&#160;</p><img src="a.gif">\n<p class="footer"><a href="index.htm">Index</a></p>\n</body></html>';
    const d = onlyError(parse('empty-page.htm', enc(html)));
    expect(d).toMatchObject({ message: 'no recognisable text: the page has no body content', element: 'body', line: 1 });
  });

  it('a page whose only content is headings', () => {
    const html = '<html><body>\n<h1>The Communist League</h1>\n<h3>Part One</h3>\n</body></html>';
    const d = onlyError(parse('headings.htm', enc(html)));
    expect(d.message).toBe('no recognisable text: the page has no paragraphs of content');
    expect(d.element).toBe('body');
  });

  it('fragments without <html>/<body> (a processing instruction, a bare paragraph) are handled, not crashed on', () => {
    const d = onlyError(parse('pi.html', enc('<?x')));
    expect(d.message).not.toMatch(/internal error/);
    expect(d.line ?? d.element).toBeDefined();
    const r = parse('bare.html', enc('<p>Dear Fred,</p><p>The long and the short of it is that the fragment has text enough to read.</p>'));
    expect(r.works).toHaveLength(1);
    expect(r.works[0]!.body[0]).toMatchObject({ type: 'paragraph' });
  });

  it('text with no markup at all', () => {
    const d = onlyError(parse('notes.htm', enc('Just a line of text, not a web page.\n')));
    expect(d).toMatchObject({ line: 1, message: 'not an HTML page: no markup in the file' });
  });

  it('never throws, whatever the bytes', () => {
    const fragments = [
      '<p class="information">',
      '<span class="info">Written:</span>',
      '<sup class="enote"><a href="#n1">[1]</a></sup>',
      '<a name="n1">',
      '</p>',
      '<p class="sig">',
      '<br>',
      '<h3>',
      '</h3>',
      '<table><tr><td>',
      '<hr class="end">',
      'Dear Fred,',
      'London, March 5, 1852',
      '<a name="v1pp1:1" />',
      '&#8220;',
      '\u0000',
    ];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string()), { maxLength: 40 }), (parts) => {
        const r = parse('fuzz.htm', enc(`<html><body>${parts.join('')}`));
        expect(r.works.length + r.collections.length + r.diagnostics.length).toBeGreaterThan(0);
        for (const w of r.works) Work.parse(w);
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const r = parse('fuzz.bin', bytes);
        expect(Array.isArray(r.diagnostics)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('sniff', () => {
  const head = (rel: string) => readFileSync(new URL(rel, CORPUS), 'latin1').slice(0, 8192);
  it('is confident about MIA pages, including ones outside an archive path', () => {
    expect(
      miaHtml.sniff(
        { path: 'marx/works/1875/letters/75_05_05.htm', bytes: new Uint8Array() },
        head('marx/works/1875/letters/75_05_05.htm'),
      ),
    ).toBeGreaterThanOrEqual(0.8);
    expect(miaHtml.sniff({ path: 'x.html', bytes: new Uint8Array() }, head('lenin/works/1913/mar/22.htm'))).toBeGreaterThanOrEqual(0.8);
  });
  it('leaves other formats alone', () => {
    expect(miaHtml.sniff({ path: 'letter.txt', bytes: new Uint8Array() }, 'Written: Written on May 14, 1918\nSource: ...')).toBe(0);
    expect(
      miaHtml.sniff(
        { path: 'l.xml', bytes: new Uint8Array() },
        '<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></TEI>',
      ),
    ).toBe(0);
  });
});
