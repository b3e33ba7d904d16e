// The explicit list of importers and the detect step that picks one for a file.
import type { Diagnostic } from '../model/diagnostics.js';
import { cmif } from './cmif/index.js';
import { markdown } from './markdown/index.js';
import { miaHtml } from './mia-html/index.js';
import { miaText } from './mia-text/index.js';
import { LABEL_LINE } from './mia-text/header.js';
import { plainText } from './plain-text/index.js';
import { tei } from './tei/index.js';
import { plainFailure } from './limits.js';
import { failed, type ImportContext, type ImportOutcome, type Importer, type SourceFile } from './types.js';

export const importers: Importer[] = [miaHtml, miaText, markdown, tei, cmif, plainText];

export function registerImporter(imp: Importer): void {
  if (!importers.some((i) => i.name === imp.name)) importers.push(imp);
}

/** The start of a file as text, for sniffing: enough to see a doctype, a root element or header labels. */
function head(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes.subarray(0, 8192));
}

export function detect(file: SourceFile): { importer: Importer } | { error: Diagnostic } {
  if (file.bytes.length === 0) return { error: { severity: 'error', file: file.path, line: 1, message: 'the file is empty' } };
  const h = head(file.bytes);
  let best: { importer: Importer; score: number } | undefined;
  const claimed = new Map<string, { importer: Importer; score: number }>();
  for (const importer of importers) {
    let score = 0;
    try {
      score = importer.sniff(file, h);
    } catch {
      score = 0;
    }
    if (score > 0) claimed.set(importer.name, { importer, score });
    if (score > 0 && (!best || score > best.score)) best = { importer, score };
  }
  const preferred = byExtension(file.path, h, claimed);
  if (preferred) return { importer: preferred };
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

/**
 * The tie-break by extension, among the importers whose sniff claimed the file (it never claims a file
 * for an importer that did not): a .md/.markdown file with YAML front matter is Markdown (never MIA
 * HTML, whatever HTML it quotes); a .txt file is an MIA text dump when an MIA header label opens it
 * (within its first 7 lines, where the mia-text importer reads its header), else headerless plain
 * text; .htm/.html is MIA HTML; .xml/.tei is TEI or CMIF (whichever of the two sniffs higher).
 */
function byExtension(path: string, head: string, claimed: Map<string, { importer: Importer; score: number }>): Importer | undefined {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  const pick = (...names: string[]) => names.map((n) => claimed.get(n)?.importer).find(Boolean);
  if (ext === 'md' || ext === 'markdown') return /^(?:\uFEFF|\u00EF\u00BB\u00BF)?---\r?\n/.test(head) ? pick('markdown') : undefined;
  if (ext === 'txt') {
    const top = head
      .replace(/^(?:\uFEFF|\u00EF\u00BB\u00BF)/, '')
      .split(/\r?\n/)
      .slice(0, 7);
    return top.some((l) => LABEL_LINE.test(l.trim())) ? pick('mia-text', 'plain-text') : pick('plain-text');
  }
  if (ext === 'htm' || ext === 'html') return pick('mia-html');
  if (ext === 'xml' || ext === 'tei') {
    const [t, c] = [claimed.get('tei'), claimed.get('cmif')];
    return t && c ? (c.score > t.score ? c : t).importer : (t ?? c)?.importer;
  }
  return undefined;
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
    return failed({ file: file.path, line: 1, message: plainFailure(file.path, e) });
  }
}
