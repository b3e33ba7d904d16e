// The registry of single-work export formats, shared by the CLI (`octavo export --format`) and the web
// app (/works/<id><ext>, the Other Formats row). A new format is one entry here.
import type { Work } from '../model/work.js';
import { renderJson } from './json/index.js';
import { renderMarkdown } from './markdown/index.js';
import { renderTei } from './tei/index.js';
import { renderText } from './text/index.js';

/** What a renderer returns: text, or bytes for binary formats (EPUB, PDF), possibly later. */
export type Rendered = string | Uint8Array<ArrayBuffer>;

export interface ExportFormat {
  /** Name on the command line: `--format tei`. */
  name: string;
  /** Suffix after the work id, with its dot: ".txt", ".tei.xml". */
  ext: string;
  /** Link text in the Other Formats row. */
  label: string;
  /** Content-Type of the response. */
  type: string;
  render(work: Work): Rendered | Promise<Rendered>;
}

export const exportFormats: ExportFormat[] = [
  { name: 'txt', ext: '.txt', label: 'Plain text', type: 'text/plain; charset=utf-8', render: renderText },
  { name: 'md', ext: '.md', label: 'Markdown', type: 'text/markdown; charset=utf-8', render: renderMarkdown },
  { name: 'json', ext: '.json', label: 'JSON', type: 'application/json; charset=utf-8', render: renderJson },
  { name: 'tei', ext: '.tei.xml', label: 'TEI P5', type: 'application/tei+xml; charset=utf-8', render: (w) => renderTei(w) },
];

export const formatByName = (name: string): ExportFormat | undefined => exportFormats.find((f) => f.name === name);
