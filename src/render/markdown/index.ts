// Markdown with YAML front matter: the header as data, the text as CommonMark, notes as footnotes.
import { stringify } from 'yaml';
import type { Block, BlockOf, Work } from '../../model/work.js';
import { inlineToString, type InlineHandlers } from '../../model/text.js';

const escapeMd = (s: string) => s.replace(/([\\`*_{}[\]<>#|])/g, '\\$1').replace(/^(\d+)\. /, '$1\\. ');

const mdInline: InlineHandlers = {
  text: (n) => {
    let t = escapeMd(n.text);
    for (const m of n.marks ?? []) {
      if (m.type === 'emphasis') t = `*${t}*`;
      else if (m.type === 'strong') t = `**${t}**`;
      else if (m.type === 'link' && /^(https?:|mailto:|\/|#|\.)/.test(m.href))
        t = `[${t}](${m.href.replace(/[()\s]/g, encodeURIComponent)})`;
      else if (m.type === 'superscript') t = `<sup>${t}</sup>`;
    }
    return t;
  },
  noteRef: (n) => `[^${footnoteLabel(n.label, n.note)}]`,
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

/**
 * The header travels as YAML front matter holding the Work's own header fields (people, dates, printings,
 * source, contributors, rights, collections), so a Markdown file re-imports without losing them.
 */
export function markdownFrontMatter(work: Work): Record<string, unknown> {
  const { body: _b, notes: _n, provenance: _p, entities, ...header } = work;
  const hasEntities = Object.values(entities).some((list) => list.length);
  // Footnotes cannot say who wrote them; the front matter does.
  const noteKinds = Object.fromEntries(work.notes.filter((n) => n.kind).map((n) => [n.id, n.kind]));
  return { ...header, ...(hasEntities ? { entities } : {}), ...(Object.keys(noteKinds).length ? { noteKinds } : {}) };
}

export function renderMarkdown(work: Work): string {
  const body = work.body.map(renderBlockMarkdown).join('\n\n');
  const notes = work.notes.map((n) => {
    const paras = n.blocks.map(renderBlockMarkdown);
    return `[^${footnoteLabel(n.label, n.id)}]: ${paras[0] ?? ''}${paras
      .slice(1)
      .map((p) => `\n\n    ${p.replace(/\n/g, '\n    ')}`)
      .join('')}`;
  });
  return `---\n${stringify(markdownFrontMatter(work), { lineWidth: 0 })}---\n\n# ${escapeMd(work.title)}\n\n${body}\n${notes.length ? `\n${notes.join('\n\n')}\n` : ''}`;
}

const footnoteLabel = (label: string, id: string) => label.replace(/[^\w-]/g, '') || id.replace(/[^\w-]/g, '');
