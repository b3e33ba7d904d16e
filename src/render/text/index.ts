// Plain text in the Marxists Internet Archive's layout: header fields, the text, then the notes.
// The output re-imports through the mia-text importer to the same Work.
import type { Work } from '../../model/work.js';
import { blockToLines, contributorLines } from '../../model/text.js';

export function renderText(work: Work): string {
  const out: string[] = [work.title];
  const w = work.written;
  if (w?.text || w?.date) out.push(`Written: ${w.text ?? w.date!.text}`);
  const pubLines = [
    ...work.published.map((p) => p.text ?? `${[p.venue, p.issue && `No. ${p.issue}`, p.date?.text].filter(Boolean).join(', ')}.`),
    ...(work.sentTo ? [`Sent to ${work.sentTo.name}.`] : []),
    ...(work.headerNotes ?? []),
  ];
  if (pubLines.length) out.push('Published:', ...pubLines);
  if (work.source) {
    const s = work.source;
    out.push(
      `Source: ${s.text ?? [s.author, s.title, s.publisher, s.year, s.place, s.volume && `Volume ${s.volume}`, s.pages && `page ${s.pages}`].filter(Boolean).join(', ')}`,
    );
  }
  for (const g of contributorLines(work.contributors)) out.push(`${g.label}: ${g.names.join(', ')}`);
  out.push(/^[^:]{3,40}:\s/.test(work.rights.statement) ? work.rights.statement : `Rights: ${work.rights.statement}`);
  if (work.otherFormats?.length) out.push('Other Formats:', ...work.otherFormats.map((f) => f.label));
  out.push('');
  for (const b of work.body) out.push(...blockToLines(b), '');
  for (const n of work.notes) {
    const paras = n.blocks.flatMap((b) => blockToLines(b));
    out.push(`[${n.label}] ${paras[0] ?? ''}`, ...paras.slice(1), '');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
