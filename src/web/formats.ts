// The work's other renderings served beside its page (/works/<id>.txt, .md, .json, .tei.xml): the
// registry in src/render/formats.ts, shared with the CLI.
// The PDF formats print through Chromium: this sets up the printer (playwright-core loads on the first PDF).
import '../archive/pdf.js';
import { bookFormats, type BookFormat } from '../render/book/index.js';
import { exportFormats, type ExportFormat } from '../render/formats.js';

export type { ExportFormat } from '../render/formats.js';
export const defaultFormats: ExportFormat[] = exportFormats;

/** The format a request path asks for, longest suffix first (".tei.xml" before ".xml"). */
export function matchFormat(path: string, formats: ExportFormat[]): { id: string; format: ExportFormat } | undefined {
  const f = [...formats].sort((a, b) => b.ext.length - a.ext.length).find((x) => path.endsWith(x.ext) && path.length > x.ext.length);
  return f ? { id: path.slice(0, -f.ext.length), format: f } : undefined;
}

/** A whole book's format from a collection address ("marx/1867-c1.epub"), longest suffix first. */
export function bookFormatFor(key: string, formats: BookFormat[] = bookFormats): { path: string[]; format: BookFormat } | undefined {
  const f = [...formats].sort((a, b) => b.ext.length - a.ext.length).find((x) => key.endsWith(x.ext) && key.length > x.ext.length);
  const path = f ? key.slice(0, -f.ext.length).split('/').filter(Boolean) : [];
  return f && path.length ? { path, format: f } : undefined;
}
