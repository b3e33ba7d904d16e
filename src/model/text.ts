// The plain text of a work — inline content, blocks, notes, header statements — as a reader sees it:
// what the text and Markdown exporters write and the words the search index and snippets are made of.
import type { Block, Contributor, Inline, Work } from './work.js';

export type InlineHandlers = { [K in Inline['type']]: (node: Extract<Inline, { type: K }>) => string };

export const plainInline: InlineHandlers = {
  text: (n) => n.text,
  noteRef: (n) => `[${n.label}]`,
  lineBreak: () => '\n',
  pageBreak: () => '',
};

export function inlineToString(content: Inline[], handlers: InlineHandlers = plainInline): string {
  return content.map((n) => (handlers[n.type] as (x: Inline) => string)(n)).join('');
}

/** Each block as one or more lines of plain text. */
export function blockToLines(block: Block, handlers: InlineHandlers = plainInline): string[] {
  switch (block.type) {
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${inlineToString(item, handlers)}`);
    case 'table':
      return block.rows.map((row) => row.map((cell) => inlineToString(cell, handlers)).join(' | '));
    case 'rule':
      return ['* * *'];
    default:
      return [inlineToString(block.content, handlers)];
  }
}

const ROLE_LABELS: Record<Contributor['role'], string> = {
  translator: 'Translated',
  transcriber: 'Transcription',
  markup: 'Markup',
  htmlMarkup: 'HTML Markup',
  proofreader: 'Proofread',
  editor: 'Editor',
  encoder: 'Encoding',
  other: 'Contributor',
};

/** Contributors grouped under the label the source used ("Transcription\Markup: R. Cymbala" once, not twice). */
export function contributorLines(contributors: Contributor[]): { label: string; names: string[] }[] {
  const groups: { label: string; names: string[] }[] = [];
  for (const c of contributors) {
    const label = c.label ?? ROLE_LABELS[c.role];
    const g = groups.find((x) => x.label === label);
    if (!g) groups.push({ label, names: [c.name] });
    else if (!g.names.includes(c.name)) g.names.push(c.name);
  }
  return groups;
}

/** The words of a work a reader sees in the body, for indexing and previews. */
export function bodyText(work: Work): string {
  return work.body.flatMap((b) => blockToLines(b)).join('\n');
}

/** The words of the editorial notes, one line per block. */
export const notesText = (work: Work): string => work.notes.flatMap((n) => n.blocks.flatMap((b) => blockToLines(b))).join('\n');

/** The header's printed statements: where and when written, publication, source, kept header lines. */
export function headerText(work: Work): string {
  return [
    work.written?.text,
    ...work.published.map((p) => p.text ?? [p.venue, p.issue, p.date?.text, p.note].filter(Boolean).join(', ')),
    work.source?.text ?? [work.source?.title, work.source?.volume, work.source?.publisher].filter(Boolean).join(', '),
    ...(work.headerNotes ?? []),
  ]
    .filter((x): x is string => !!x)
    .join('\n');
}
