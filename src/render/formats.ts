// The registry of single-work export formats, shared by the CLI (`octavo export --format`) and the web
// app (/works/<id><ext>, the Other Formats row). A new format is one entry here.
import type { Work } from '../model/work.js';
import { type CiteContext, renderBibtex, renderCslJson, renderRis } from './cite/index.js';
import { renderWorkEpub } from './epub/index.js';
import { renderJson } from './json/index.js';
import { renderMarkdown } from './markdown/index.js';
import { printPdf, printWork } from './print/index.js';
import { renderTei } from './tei/index.js';
import { renderText } from './text/index.js';

/** What a renderer returns: text, or bytes for binary formats (EPUB, PDF), possibly later. */
export type Rendered = string | Uint8Array<ArrayBuffer>;

/** Where the work is published and when it is read: citations need the site's address (src/render/cite). */
export type ExportContext = CiteContext;

export interface ExportFormat {
  /** Name on the command line: `--format tei`. */
  name: string;
  /** Suffix after the work id, with its dot: ".txt", ".tei.xml". */
  ext: string;
  /** Link text in the Other Formats row. */
  label: string;
  /** Content-Type of the response. */
  type: string;
  render(work: Work, ctx?: ExportContext): Rendered | Promise<Rendered>;
  /** Made by printing in a browser (PDF): needs Chromium, set up by src/archive/pdf.ts. */
  browser?: boolean;
}

export const exportFormats: ExportFormat[] = [
  { name: 'txt', ext: '.txt', label: 'Plain text', type: 'text/plain; charset=utf-8', render: renderText },
  { name: 'md', ext: '.md', label: 'Markdown', type: 'text/markdown; charset=utf-8', render: renderMarkdown },
  { name: 'json', ext: '.json', label: 'JSON', type: 'application/json; charset=utf-8', render: renderJson },
  { name: 'tei', ext: '.tei.xml', label: 'TEI P5', type: 'application/tei+xml; charset=utf-8', render: (w) => renderTei(w) },
  { name: 'epub', ext: '.epub', label: 'EPUB', type: 'application/epub+zip', render: renderWorkEpub },
  { name: 'pdf', ext: '.pdf', label: 'PDF', type: 'application/pdf', browser: true, render: (w) => printPdf(printWork(w)) },
  { name: 'bibtex', ext: '.bib', label: 'BibTeX', type: 'application/x-bibtex; charset=utf-8', render: renderBibtex },
  { name: 'ris', ext: '.ris', label: 'RIS', type: 'application/x-research-info-systems; charset=utf-8', render: renderRis },
  {
    name: 'csl',
    ext: '.csl.json',
    label: 'CSL-JSON',
    type: 'application/vnd.citationstyles.csl+json; charset=utf-8',
    render: renderCslJson,
  },
];

export const formatByName = (name: string): ExportFormat | undefined => exportFormats.find((f) => f.name === name);
