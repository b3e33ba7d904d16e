// The explicit list of importers and the detect step that picks one for a file.
import type { Diagnostic } from '../model/diagnostics.js';
import { cmif } from './cmif/index.js';
import { markdown } from './markdown/index.js';
import { miaHtml } from './mia-html/index.js';
import { miaText } from './mia-text/index.js';
import { tei } from './tei/index.js';
import { failed, type ImportContext, type ImportOutcome, type Importer, type SourceFile } from './types.js';

export const importers: Importer[] = [miaHtml, miaText, markdown, tei, cmif];

export function registerImporter(imp: Importer): void {
  if (!importers.some((i) => i.name === imp.name)) importers.push(imp);
}

/** The start of a file as text, for sniffing: enough to see a doctype, a root element or header labels. */
function head(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes.subarray(0, 8192));
}

export function detect(file: SourceFile): { importer: Importer } | { error: Diagnostic } {
  if (file.bytes.length === 0) return { error: { severity: 'error', file: file.path, message: 'the file is empty' } };
  const h = head(file.bytes);
  let best: { importer: Importer; score: number } | undefined;
  for (const importer of importers) {
    let score = 0;
    try {
      score = importer.sniff(file, h);
    } catch {
      score = 0;
    }
    if (score > 0 && (!best || score > best.score)) best = { importer, score };
  }
  if (best) return { importer: best.importer };
  const what = h.includes('\u0000') ? 'binary data' : 'text in no known format';
  return {
    error: {
      severity: 'error',
      file: file.path,
      line: 1,
      message: `cannot tell what this file is (${what}); Octavo reads ${importers.map((i) => i.name).join(', ')}`,
    },
  };
}

/** Detect and parse, never throwing: an importer's crash becomes a located error for that file. */
export function importFile(file: SourceFile, ctx: ImportContext, format?: string): ImportOutcome {
  let importer: Importer | undefined;
  if (format) {
    importer = importers.find((i) => i.name === format);
    if (!importer) return failed({ file: file.path, message: `unknown format "${format}"` });
  } else {
    const d = detect(file);
    if ('error' in d) return { works: [], collections: [], diagnostics: [d.error] };
    importer = d.importer;
  }
  try {
    return importer.parse(file, ctx);
  } catch (e) {
    return failed({ file: file.path, message: `${importer.name} importer failed: ${(e as Error).message}` });
  }
}
