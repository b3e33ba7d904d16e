// The XHTML wrapper every EPUB content document shares, and the package's stylesheet.
import { escapeAttr, escapeText, XML_DECLARATION } from '../xml.js';

export function xhtmlDocument(d: { title: string; lang: string; body: string; bodyType?: string; bodyClass?: string }): string {
  const lang = escapeAttr(d.lang);
  const attrs = [d.bodyType ? ` epub:type="${d.bodyType}"` : '', d.bodyClass ? ` class="${d.bodyClass}"` : ''].join('');
  return `${XML_DECLARATION}
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${lang}" lang="${lang}">
<head>
<meta charset="UTF-8"/>
<title>${escapeText(d.title)}</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body${attrs}>
${d.body}
</body>
</html>
`;
}

export const STYLESHEET = `@charset "UTF-8";
body { font-family: serif; line-height: 1.45; margin: 0 0.5em; }
h1, h2, h3, h4, h5, h6 { font-family: sans-serif; line-height: 1.2; page-break-after: avoid; break-after: avoid; }
h1 { font-size: 1.6em; margin: 0.4em 0 0.3em; }
h2 { font-size: 1.25em; margin-top: 1.4em; }
p { margin: 0 0 0.6em; hyphens: auto; }
.work-kind { font-family: sans-serif; font-size: 0.8em; letter-spacing: 0.08em; text-transform: uppercase; color: #555; margin: 0; }
.work-subtitle { font-style: italic; }
.byline { font-size: 1.1em; margin-bottom: 1em; }
.information { font-size: 0.85em; margin: 0 0 1.5em; padding: 0.6em 0.8em; border-top: 1px solid #999; border-bottom: 1px solid #999; }
.information .info-row { margin: 0.25em 0; }
.information dt { font-weight: bold; display: inline; }
.information dt::after { content: ": "; }
.information dd { display: inline; margin: 0; }
.information .line + .line { display: block; }
.information .credit { display: block; }
.inherited { color: #555; }
.align-center { text-align: center; }
.align-right { text-align: right; }
.salutation, .closer, .signature { text-align: left; }
.signature { text-align: right; font-style: italic; }
.dateline { text-align: right; }
blockquote { margin: 0.6em 1.5em; font-size: 0.95em; }
.verse p { text-align: left; margin-left: 1.5em; }
pre { white-space: pre-wrap; font-size: 0.85em; }
table { border-collapse: collapse; margin: 0.6em 0; }
td { border: 1px solid #999; padding: 0.2em 0.4em; vertical-align: top; }
.noteref { line-height: 0; font-size: 0.75em; }
.noteref a { text-decoration: none; }
.pagebreak { font-size: 0.7em; color: #777; }
.pagebreak::before { content: "["; }
.pagebreak::after { content: "]"; }
.notes { margin-top: 2em; border-top: 1px solid #999; font-size: 0.9em; }
.note { margin: 0.6em 0; }
.note .note-label { float: left; font-weight: bold; margin: 0 0.5em 0 0; }
.note p { text-align: left; }
.backref { text-decoration: none; }
.link-dropped { text-decoration: none; }
.cover { margin: 0; padding: 0; text-align: center; }
.cover img { max-width: 100%; max-height: 100%; }
.book-title { text-align: center; margin-top: 20%; }
.book-title h1 { font-size: 2em; }
.book-title .byline { text-align: center; font-style: italic; }
.book-title .information { text-align: left; margin-top: 3em; }
.credits p { text-align: left; }
nav ol { list-style: none; padding-left: 1em; }
`;
