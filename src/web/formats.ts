// The work's other renderings served beside its page: /works/<id>.txt, .md, .json. Another format
// (TEI) is one more entry here, or in createApp's `formats` option.
import type { Work } from '../model/work.js';
import { renderJson } from '../render/json/index.js';
import { renderMarkdown } from '../render/markdown/index.js';
import { renderText } from '../render/text/index.js';

export interface ExportFormat {
  /** Suffix after the work id, with its dot: ".txt", ".tei.xml". */
  ext: string;
  /** Link text in the Other Formats row. */
  label: string;
  /** Content-Type of the response. */
  type: string;
  render(work: Work): string | Promise<string>;
}

export const defaultFormats: ExportFormat[] = [
  { ext: '.txt', label: 'Plain text', type: 'text/plain; charset=utf-8', render: renderText },
  { ext: '.md', label: 'Markdown', type: 'text/markdown; charset=utf-8', render: renderMarkdown },
  { ext: '.json', label: 'JSON', type: 'application/json; charset=utf-8', render: renderJson },
];

/** The format a request path asks for, longest suffix first (".tei.xml" before ".xml"). */
export function matchFormat(path: string, formats: ExportFormat[]): { id: string; format: ExportFormat } | undefined {
  const f = [...formats].sort((a, b) => b.ext.length - a.ext.length).find((x) => path.endsWith(x.ext) && path.length > x.ext.length);
  return f ? { id: path.slice(0, -f.ext.length), format: f } : undefined;
}
