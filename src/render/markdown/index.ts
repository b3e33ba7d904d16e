// Markdown with YAML front matter: the header as data, the text as CommonMark, notes as footnotes.
import { stringify } from 'yaml';
import type { Block, BlockOf, Work } from '../../model/work.js';
import { inlineToString, type InlineHandlers } from '../plain.js';

const escapeMd = (s: string) => s.replace(/([\\`*_{}[\]<>#|])/g, '\\$1').replace(/^(\d+)\. /, '$1\\. ');

const mdInline: InlineHandlers = {
  text: (n) => {
    let t = escapeMd(n.text);
    for (const m of n.marks ?? []) {
      if (m.type === 'emphasis') t = `*${t}*`;
      else if (m.type === 'strong') t = `**${t}**`;
      else if (m.type === 'link' && /^(https?:|mailto:|\/|#|\.)/.test(m.href)) t = `[${t}](${m.href.replace(/[()\s]/g, encodeURIComponent)})`;
      else if (m.type === 'superscript') t = `<sup>${t}</sup>`;
    }
    return t;
  },
  noteRef: (n) => `[^${n.label.replace(/[^\w-]/g, '') || n.note}]`,
  lineBreak: () => '\\\n',
  pageBreak: () => '',
};

const handlers: { [K in Block['type']]: (b: BlockOf<K>) => string } = {
  paragraph: (b) => inlineToString(b.content, mdInline),
  heading: (b) => `${'#'.repeat(Math.min((b.level ?? 2) + 1, 6))} ${inlineToString(b.content, mdInline)}`,
  salutation: (b) => inlineToString(b.content, mdInline),
  dateline: (b) => inlineToString(b.content, mdInline),
  closer: (b) => inlineToString(b.content, mdInline),
  signature: (b) => inlineToString(b.content, mdInline),
  postscript: (b) => inlineToString(b.content, mdInline),
  quote: (b) => `> ${inlineToString(b.content, mdInline).replace(/\n/g, '\n> ')}`,
  verse: (b) => inlineToString(b.content, mdInline).replace(/\n/g, '  \n'),
  preformatted: (b) => `\`\`\`\n${inlineToString(b.content).replace(/```/g, '`\u200b``')}\n\`\`\``,
  list: (b) => b.items.map((it, i) => `${b.ordered ? `${i + 1}.` : '-'} ${inlineToString(it, mdInline)}`).join('\n'),
  table: (b) => {
    const rows = b.rows.map((r) => `| ${r.map((c) => inlineToString(c, mdInline).replace(/\n/g, ' ')).join(' | ')} |`);
    const width = b.rows[0]?.length ?? 1;
    return [rows[0] ?? '|  |', `|${' --- |'.repeat(width)}`, ...rows.slice(1)].join('\n');
  },
  rule: () => '---',
};

export function renderBlockMarkdown(b: Block): string {
  return (handlers[b.type] as (x: Block) => string)(b);
}

export function renderMarkdown(work: Work): string {
  const front = {
    id: work.id,
    kind: work.kind,
    title: work.title,
    ...(work.subtitle ? { subtitle: work.subtitle } : {}),
    language: work.language,
    authors: work.authors.map((a) => a.name),
    ...(work.recipients.length ? { recipients: work.recipients.map((r) => r.name) } : {}),
    ...(work.written ? { written: { ...(work.written.date ? { date: work.written.date.iso, text: work.written.date.text } : {}), ...(work.written.place ? { place: work.written.place.name } : {}) } } : {}),
    ...(work.sentTo ? { sentTo: work.sentTo.name } : {}),
    ...(work.published.length ? { published: work.published.map((p) => ({ venue: p.venue, ...(p.issue ? { issue: p.issue } : {}), ...(p.date ? { date: p.date.iso } : {}) })) } : {}),
    ...(work.source ? { source: Object.fromEntries(Object.entries(work.source).filter(([k]) => k !== 'text')) } : {}),
    ...(work.contributors.length ? { contributors: work.contributors.map((c) => ({ role: c.role, name: c.name })) } : {}),
    rights: { statement: work.rights.statement, licence: work.rights.licence, ...(work.rights.credit ? { credit: work.rights.credit } : {}) },
    ...(work.collections.length ? { collections: work.collections.map((c) => c.path.join('/')) } : {}),
  };
  const body = work.body.map(renderBlockMarkdown).join('\n\n');
  const notes = work.notes.map((n) => {
    const paras = n.blocks.map(renderBlockMarkdown);
    return `[^${n.label.replace(/[^\w-]/g, '') || n.id}]: ${paras[0] ?? ''}${paras.slice(1).map((p) => `\n\n    ${p.replace(/\n/g, '\n    ')}`).join('')}`;
  });
  return `---\n${stringify(front, { lineWidth: 0 })}---\n\n# ${escapeMd(work.title)}\n\n${body}\n${notes.length ? `\n${notes.join('\n\n')}\n` : ''}`;
}
