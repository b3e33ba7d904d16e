// Importer for pages of the Marxists Internet Archive (marxists.org): a document page becomes one
// Work, an index page a Collection, and the archive's error pages a located error. Never throws.
import { bodyText } from '../../model/text.js';
import { sha256 } from '../../model/checksum.js';
import type { Diagnostic } from '../../model/diagnostics.js';
import { lineAt } from '../../model/diagnostics.js';
import type { Provenance } from '../../model/work.js';
import { decodeHtmlBytes } from '../decode.js';
import { maxDepthOf, tooDeep, unexpectedFailure } from '../limits.js';
import { failed, type ImportContext, type ImportOutcome, type Importer, type SourceFile } from '../types.js';
import { classifyPage } from './classify.js';
import { buildCollection } from './collection.js';
import { lineOf, loadPage } from './dom.js';
import { pageAuthors } from './meta.js';
import { miaArchivePath, miaUrl } from './paths.js';
import { flattenUnits, isNavUnit } from './units.js';
import { buildWork } from './work.js';

export const MIA_HTML_VERSION = '1.0.0';
export const MAX_BYTES = 20 * 1024 * 1024;

/** Reasons to refuse a file before parsing it: empty, too large, binary. */
export function checkBytes(file: SourceFile): Omit<Diagnostic, 'severity'> | undefined {
  const { bytes, path } = file;
  if (bytes.length === 0) return { file: path, message: 'the file is empty (0 bytes)' };
  if (bytes.length > MAX_BYTES) {
    return {
      file: path,
      message: `the file is ${(bytes.length / 1048576).toFixed(1)} MB (${bytes.length} bytes); HTML pages over ${MAX_BYTES / 1048576} MB are refused before parsing`,
    };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    let line = 1;
    for (let i = 0; i < nul; i++) if (bytes[i] === 10) line++;
    return { file: path, line, message: `binary data, not an HTML page: NUL byte at offset ${nul}` };
  }
  // Control characters other than tab/newline/carriage return/form feed in the first 4 KB: not text.
  let ctrl = 0;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) ctrl++;
  }
  if (ctrl > n * 0.05) return { file: path, message: `binary data, not an HTML page: ${ctrl} control bytes in the first ${n}` };
  return undefined;
}

function sniff(file: SourceFile, head: string): number {
  try {
    const h = head.slice(0, 8192);
    if (!/<(html|body|p|h[1-6]|meta|title)\b/i.test(h)) return 0;
    let score = /\.html?$/i.test(file.path) ? 0.5 : 0.3;
    if (/marxists\.org|marxists internet archive|class="(information|title|fst|sig|footer)"|class="info"/i.test(h)) score = 0.9;
    if (miaArchivePath(file.path)) score = Math.max(score, 0.8);
    return score;
  } catch {
    return 0;
  }
}

function parse(file: SourceFile, ctx: ImportContext): ImportOutcome {
  const refused = checkBytes(file);
  if (refused) return failed(refused);
  const { text } = decodeHtmlBytes(file.bytes);
  if (!/<[a-z!?/]/i.test(text)) return failed({ file: file.path, line: 1, message: 'not an HTML page: no markup in the file' });

  const maxDepth = maxDepthOf(ctx);
  const loaded = loadPage(text, maxDepth);
  if ('tooDeep' in loaded) return tooDeep(file.path, loaded.tooDeep, maxDepth);
  const page = loaded;
  const archivePath = miaArchivePath(file.path);
  const provenance: Provenance = {
    file: file.path,
    format: 'mia-html',
    importer: `mia-html@${MIA_HTML_VERSION}`,
    checksum: sha256(file.bytes),
    ...(ctx.now ? { importedAt: ctx.now() } : {}),
    ...(archivePath ? { url: miaUrl(archivePath) } : {}),
  };
  const units = flattenUnits(page.body);
  const strictNav = new Set(units.flatMap((u, i) => (isNavUnit(u, false) ? [i] : [])));
  // A page that opens <html>/<body> and never closes them was cut off; a bare fragment was not.
  const truncated = /<(html|body)[\s>]/i.test(text) && !/<\/(body|html)\s*>/i.test(text);

  if (!units.some((u, i) => !strictNav.has(i) && (u.text || u.kind === 'table' || u.kind === 'list')) && !page.$('area[href]').length) {
    const where = truncated
      ? `the HTML stops at line ${lineAt(text, text.length)} without </body></html>: the file looks truncated`
      : 'the page has no body content';
    return failed({ file: file.path, line: lineOf(page.body) ?? 1, element: 'body', message: `no recognisable text: ${where}` });
  }

  const fileName = archivePath?.at(-1) ?? file.path.split(/[\\/]/).pop() ?? file.path;
  const kind = classifyPage(page, fileName, units, strictNav);
  if (kind.kind === 'error')
    return failed({
      file: file.path,
      ...(kind.line ? { line: kind.line } : {}),
      element: kind.el ? kind.el.name : 'body',
      message: kind.message,
      code: 'not-a-document',
    });

  const warnings: Diagnostic[] = truncated
    ? [
        {
          severity: 'warning',
          file: file.path,
          line: lineAt(text, text.length),
          message: 'the HTML ends without </body></html>: the file may be truncated',
        },
      ]
    : [];
  if (kind.kind === 'collection') {
    const collection = buildCollection({
      page,
      units,
      nav: strictNav,
      ...(archivePath ? { archivePath } : {}),
      filePath: file.path,
      provenance,
      authors: pageAuthors(page, ctx.register),
      register: ctx.register,
    });
    if (!collection.members.length) {
      return failed({ file: file.path, element: 'body', message: 'a navigation page with no members and no text of its own' });
    }
    return { works: [], collections: [collection], diagnostics: warnings };
  }
  const nav = new Set(units.flatMap((u, i) => (isNavUnit(u) ? [i] : [])));
  const r = buildWork({
    page,
    units,
    nav,
    filePath: file.path,
    ...(archivePath ? { archivePath } : {}),
    register: ctx.register,
    provenance,
  });
  // A cut-off page keeps a record only when enough text survived to be worth reading; a page cut inside its
  // header would otherwise become a "work" whose text is a fragment of a label.
  const chars = truncated && r.work ? bodyText(r.work).replace(/\s+/g, ' ').trim().length : 0;
  if (truncated && r.work && chars < MIN_TRUNCATED_TEXT) {
    return failed({
      file: file.path,
      line: lineAt(text, text.length),
      element: 'body',
      message: `the HTML stops at line ${lineAt(text, text.length)} without </body></html> after only ${chars} characters of text: the file looks truncated`,
    });
  }
  // The truncation warning accompanies a record; without one, the error says it all.
  const diagnostics = [...(r.work ? warnings : []), ...r.diagnostics.map((d) => ({ ...d, file: file.path }))];
  return { works: r.work ? [r.work] : [], collections: [], diagnostics };
}

/** Characters of body text a truncated page must still hold to be imported (with a warning). */
const MIN_TRUNCATED_TEXT = 200;

export const miaHtml: Importer = {
  name: 'mia-html',
  version: MIA_HTML_VERSION,
  sniff,
  parse(file, ctx) {
    try {
      return parse(file, ctx);
    } catch (e) {
      return unexpectedFailure(file.path, e, { element: 'document' });
    }
  },
};
