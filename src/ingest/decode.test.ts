import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { declaredCharset, decodeHtmlBytes } from './decode.js';

const CORPUS = new URL('../../test/corpus/mia-html/', import.meta.url);
const corpus = (rel: string) => new Uint8Array(readFileSync(new URL(rel, CORPUS)));
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeHtmlBytes on corpus pages', () => {
  it('decodes raw Latin-1 bytes of a page declaring iso-8859-1 as windows-1252', () => {
    // 71_04_12.htm has "Käuzchen" with ä as the single byte 0xE4 (not valid UTF-8).
    const bytes = corpus('marx/works/1871/letters/71_04_12.htm');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const d = decodeHtmlBytes(bytes);
    expect(d.declared).toBe('iso-8859-1');
    expect(d.charset).toBe('windows-1252');
    expect(d.text).toContain('Käuzchen');
    expect(d.text).not.toContain('\uFFFD');
  });

  it('decodes a UTF-8 page by its declaration', () => {
    const d = decodeHtmlBytes(corpus('lenin/works/1914/nov/08.htm'));
    expect(d.charset).toBe('utf-8');
    expect(d.declared).toBe('utf-8');
    expect(d.text).toContain('Letter to <em>Vorw&auml;rts</em>');
  });

  it('reads <meta charset="utf-8"> (HTML5 form) as well as http-equiv', () => {
    expect(declaredCharset(corpus('marx/works/1850/peasant-war-germany/ch01.htm'))).toBe('utf-8');
    expect(declaredCharset(corpus('marx/works/1867-c1/ch15.htm'))).toBe('iso-8859-1');
  });

  it('sniffs a page without a declaration (404.html): valid UTF-8', () => {
    const d = decodeHtmlBytes(corpus('404.html'));
    expect(d.declared).toBeUndefined();
    expect(d.charset).toBe('utf-8');
  });
});

describe('decodeHtmlBytes on constructed bytes', () => {
  it('decodes windows-1251 through TextDecoder', () => {
    const head = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body>';
    const bytes = new Uint8Array([...latin1(head), 0xcb, 0xe5, 0xed, 0xe8, 0xed, ...latin1('</body></html>')]);
    const d = decodeHtmlBytes(bytes);
    expect(d.charset).toBe('windows-1251');
    expect(d.text).toContain('Ленин');
  });

  it('maps iso-8859-1 to windows-1252, so C1 bytes become curly quotes', () => {
    const d = decodeHtmlBytes(latin1('<meta charset="ISO-8859-1"><p>\x93Capital\x94 \x96 B\xf6rsen</p>'));
    expect(d.charset).toBe('windows-1252');
    expect(d.text).toContain('“Capital” – Börsen');
  });

  it('falls back to windows-1252 when a page declares UTF-8 but is not', () => {
    const d = decodeHtmlBytes(latin1('<meta charset="utf-8"><p>B\xf6rsen</p>'));
    expect(d.declared).toBe('utf-8');
    expect(d.charset).toBe('windows-1252');
    expect(d.text).toContain('Börsen');
  });

  it('trusts valid multi-byte UTF-8 over a wrong single-byte declaration', () => {
    const d = decodeHtmlBytes(utf8('<meta charset="iso-8859-1"><p>Börsen — Ленин</p>'));
    expect(d.charset).toBe('utf-8');
    expect(d.text).toContain('Börsen — Ленин');
  });

  it('sniffs undeclared bytes: UTF-8 when valid, else windows-1252', () => {
    expect(decodeHtmlBytes(utf8('<p>Zürich</p>'))).toMatchObject({ charset: 'utf-8', text: '<p>Zürich</p>' });
    expect(decodeHtmlBytes(latin1('<p>Z\xfcrich</p>'))).toMatchObject({ charset: 'windows-1252', text: '<p>Zürich</p>' });
  });

  it('honours byte order marks and ignores unknown labels', () => {
    expect(decodeHtmlBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<p>ä</p>')]))).toMatchObject({ charset: 'utf-8', text: '<p>ä</p>' });
    const le = new Uint8Array([0xff, 0xfe, 0x3c, 0, 0x70, 0, 0x3e, 0]);
    expect(decodeHtmlBytes(le)).toMatchObject({ charset: 'utf-16le', text: '<p>' });
    expect(decodeHtmlBytes(latin1('<meta charset="x-no-such"><p>\xe9</p>'))).toMatchObject({
      charset: 'windows-1252',
      text: '<meta charset="x-no-such"><p>é</p>',
    });
  });
});
