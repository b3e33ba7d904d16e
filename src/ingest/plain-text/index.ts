// Importer for headerless plain-text books (Project Gutenberg-style texts with the headers stripped):
// paragraphs by blank lines, `_italics_`, `--` dashes, chapter headings, letters inside the book, or a
// text that is one letter. Pure and total: bytes in, records and located diagnostics out.
import type { Diagnostic } from '../../model/diagnostics.js';
import { Collection, Work } from '../../model/work.js';
import { failed, type ImportContext, type ImportOutcome, type Importer, type SourceFile } from '../types.js';
import { unexpectedFailure } from '../limits.js';
import { shapeBook } from './book.js';
import { dashes } from './inline.js';
import { guessLanguage } from './language.js';
import { fromFileName, titleCase } from './names.js';
import { agentFor } from './names.js';
import { decodePlainText, readParagraphs } from './paragraphs.js';
import { bookRecords, bookWork, FORMAT, letterWork, VERSION, type BookContext } from './records.js';
import { sniffPlainText } from './sniff.js';

export const plainText: Importer = {
  name: FORMAT,
  version: VERSION,
  sniff: sniffPlainText,
  parse: parsePlainText,
};

export function parsePlainText(file: SourceFile, ctx: ImportContext): ImportOutcome {
  try {
    return parse(file, ctx);
  } catch (e) {
    return unexpectedFailure(file.path, e);
  }
}

function parse(file: SourceFile, ctx: ImportContext): ImportOutcome {
  const decoded = decodePlainText(file);
  if ('error' in decoded) return failed({ file: file.path, ...decoded.error });
  const { paras, wrap } = readParagraphs(decoded.text);
  if (!paras.length) return failed({ file: file.path, line: 1, message: 'the file holds no text (only blank lines)' });

  const shape = shapeBook(paras, wrap);
  const named = fromFileName(file.path, ctx.register);
  const fromText = shape.title ? dashes(titleCase(shape.title)).replace(/_/g, '').replace(/\.$/, '').trim() : '';
  const title = fromText || named.title;
  const authors = shape.byline?.length ? shape.byline.map((n) => agentFor(n, ctx.register)) : named.author ? [named.author] : [];
  const contributors = (shape.credits ?? []).map((c) => ({ role: c.role, name: c.name }));
  const book: BookContext = { file, ctx, title, authors, contributors, language: guessLanguage(decoded.text) };

  const diagnostics: Diagnostic[] = [];
  let candidates: unknown[];
  let collections: Collection[] = [];
  if (shape.letter) candidates = [letterWork(book, shape.letter, ctx.register)];
  else if (shape.parts.length === 1 && shape.parts[0]!.kind === 'opening') {
    const only = shape.parts[0]!;
    candidates = [bookWork(book, only.blocks, only.datelines)];
  } else {
    const { works, collection } = bookRecords(book, shape.parts, ctx.register);
    candidates = works;
    collections = [collection];
    for (const p of shape.parts)
      if (p.kind === 'letter' && !p.letter?.dateline)
        diagnostics.push({
          severity: 'warning',
          file: file.path,
          line: p.line,
          message: `no dated dateline under the letter heading "${p.title}"`,
        });
  }

  const works: Work[] = [];
  for (const [i, c] of candidates.entries()) {
    const parsed = Work.safeParse(c);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return failed({
        file: file.path,
        line: shape.parts[i]?.line ?? 1,
        element: issue.path.join('.'),
        message: `the record read from this file is invalid: ${issue.message}`,
      });
    }
    works.push(parsed.data);
  }
  for (const c of collections) {
    const parsed = Collection.safeParse(c);
    if (!parsed.success) return failed({ file: file.path, line: 1, element: 'collection', message: parsed.error.issues[0]!.message });
  }
  return { works, collections, diagnostics };
}
