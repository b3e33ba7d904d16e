// Markdown importer: YAML front matter for the header (as Octavo's Markdown export writes it, or a
// hand-written subset: title, author, recipient, date...), CommonMark + GFM footnotes/tables for the text.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { BlockContent, DefinitionContent, ListItem, Node, Root, RootContent } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { parseDate } from '../../model/dates.js';
import { workId } from '../../model/ids.js';
import { emptyEntities, Work, type Block, type Inline, type Note, type TextBlock } from '../../model/work.js';
import { sha256 } from '../../model/checksum.js';
import { classifyLines } from '../mia-text/body.js';
import { inlineToString } from '../../model/text.js';
import { decodeTextBytes } from '../text-decode.js';
import { failed, type ImportContext, type ImportOutcome, type Importer, type SourceFile } from '../types.js';
import { toInlines } from './inline.js';
import { linearAttention, TooDeepEmphasis } from './attention.js';
import { FRONT_MATTER_MAX_DEPTH, markdownDepthPast, yamlDepthPast } from './limits.js';
import { isEngineError, maxDepthOf, plainFailure, tooDeep, unexpectedFailure } from '../limits.js';
import { UNKNOWN_LICENCE } from '../../model/licences.js';

export const VERSION = '1.0.0';

export const markdown: Importer = {
  name: 'markdown',
  version: VERSION,
  sniff(file, head) {
    if (/^\uFEFF?---\r?\n[\s\S]*?\n(title|id|kind):/m.test(head)) return 0.95;
    return /\.(md|markdown)$/i.test(file.path) ? 0.6 : 0;
  },
  parse: parseMarkdown,
};

export function parseMarkdown(file: SourceFile, ctx: ImportContext): ImportOutcome {
  try {
    return parse(file, ctx);
  } catch (e) {
    return unexpectedFailure(file.path, e);
  }
}

/** The YAML parser's complaint, in its words when they are about the YAML, else in plain words. */
function yamlMessage(file: string, e: unknown): string {
  const first = e instanceof Error ? (e.message.split('\n')[0] ?? '') : '';
  if (/call stack|too much recursion/i.test(first)) return `could not read ${file}: the front matter nests too deeply to be read`;
  // The YAML library's own guard against alias bombs is a ReferenceError with a sentence of its own.
  if (/alias/i.test(first)) return `invalid YAML: ${first}`;
  return isEngineError(e) ? plainFailure(file, e) : `invalid YAML: ${first}`;
}

/**
 * The first node nested deeper than `limit` in the tree, counting quotes, lists and spans (a list item
 * is one level with its list). Iterative: the check itself never recurses.
 */
function treeDepthPast(tree: Root, limit: number): Node | undefined {
  const todo: [Node, number][] = [[tree, 0]];
  while (todo.length) {
    const [n, d] = todo.pop()!;
    if (d > limit) return n;
    const next = n.type === 'list' ? d : d + 1;
    if ('children' in n && Array.isArray(n.children)) for (const c of n.children as Node[]) todo.push([c, next]);
  }
  return undefined;
}

function parse(file: SourceFile, ctx: ImportContext): ImportOutcome {
  const decoded = decodeTextBytes(file);
  if ('error' in decoded) return failed({ file: file.path, ...decoded.error });
  const text = decoded.text.replace(/^\uFEFF/, '');
  const maxDepth = maxDepthOf(ctx);
  const deep = markdownDepthPast(text, maxDepth);
  if (deep) return tooDeep(file.path, deep, maxDepth);
  let tree: ReturnType<typeof fromMarkdown>;
  try {
    tree = fromMarkdown(text, {
      extensions: [frontmatter(['yaml']), gfmFootnote(), gfmTable(), linearAttention(maxDepth)],
      mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmFootnoteFromMarkdown(), gfmTableFromMarkdown()],
    });
  } catch (e) {
    if (e instanceof TooDeepEmphasis)
      return tooDeep(file.path, { offset: e.offset, line: e.line, what: 'emphasis spans', element: 'emphasis' }, maxDepth);
    return unexpectedFailure(file.path, e);
  }
  const past = treeDepthPast(tree, maxDepth);
  if (past)
    return tooDeep(file.path, { offset: 0, line: past.position?.start.line ?? 1, what: 'blocks and spans', element: past.type }, maxDepth);
  let meta: Record<string, unknown> = {};
  const yamlNode = tree.children.find((n) => n.type === 'yaml');
  if (yamlNode && 'value' in yamlNode) {
    const yamlLimit = Math.min(maxDepth, FRONT_MATTER_MAX_DEPTH);
    const deepYaml = yamlDepthPast(yamlNode.value, yamlLimit, (yamlNode.position?.start.line ?? 1) + 1);
    if (deepYaml) return tooDeep(file.path, deepYaml, yamlLimit);
    try {
      meta = (parseYaml(yamlNode.value) as Record<string, unknown>) ?? {};
    } catch (e) {
      return failed({
        file: file.path,
        line: (yamlNode.position?.start.line ?? 1) + 1,
        element: 'front matter',
        message: yamlMessage(file.path, e),
      });
    }
  }
  const blocks: Block[] = [];
  const notes: Note[] = [];
  let title = typeof meta.title === 'string' ? meta.title : undefined;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 1 && (!title || inlineToString(toInlines(node.children)) === title) && !blocks.length) {
      title ??= inlineToString(toInlines(node.children));
      continue;
    }
    if (node.type === 'footnoteDefinition') {
      notes.push({ id: `n${node.identifier}`, label: node.label ?? node.identifier, blocks: node.children.flatMap(toBlocks) });
      continue;
    }
    for (const b of toBlocks(node)) blocks.push(b);
  }
  // Letters: salutation, closer and signature are paragraphs in Markdown; recover their roles.
  const kind = typeof meta.kind === 'string' ? meta.kind : 'article';
  const paras = blocks.filter((b): b is TextBlock => b.type === 'paragraph');
  const roles = classifyLines(
    paras.map((b) => inlineToString(b.content)),
    kind === 'letter',
  );
  paras.forEach((b, k) => {
    b.type = roles[k]!;
  });

  const candidate = buildWork(
    meta,
    {
      title:
        title ??
        file.path
          .split('/')
          .at(-1)!
          .replace(/\.\w+$/, ''),
      kind,
      blocks,
      notes,
    },
    file,
    ctx,
  );
  const parsed = Work.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return failed({ file: file.path, line: 2, element: `front matter: ${issue.path.join('.')}`, message: issue.message });
  }
  return { works: [parsed.data], collections: [], diagnostics: [] };
}

type BlockNode = RootContent | BlockContent | DefinitionContent;

/**
 * The blocks of one mdast node. Iterative (a stack of nodes still to read): block quotes nested as
 * deep as the import's limit allows never grow the call stack. Text blocks inside a quote become
 * quotes; a list item keeps the inline content of its blocks (nested lists inside it are not kept).
 */
function toBlocks(node: BlockNode): Block[] {
  const out: Block[] = [];
  const todo: { node: BlockNode; quoted: boolean }[] = [{ node, quoted: false }];
  while (todo.length) {
    const { node: n, quoted } = todo.pop()!;
    if (n.type === 'blockquote') {
      for (let k = n.children.length - 1; k >= 0; k--) todo.push({ node: n.children[k]!, quoted: true });
      continue;
    }
    const b = n.type === 'list' ? { type: 'list' as const, ordered: Boolean(n.ordered), items: n.children.map(itemContent) } : leafBlock(n);
    if (b) out.push(quoted && 'content' in b ? { ...b, type: 'quote' } : b);
  }
  return out;
}

/** The inline content of a list item's blocks, in order (quotes inside it read through, lists inside it left out). */
function itemContent(li: ListItem): Inline[] {
  const out: Inline[] = [];
  const todo: BlockNode[] = [...li.children].reverse();
  while (todo.length) {
    const n = todo.pop()!;
    if (n.type === 'blockquote') for (let k = n.children.length - 1; k >= 0; k--) todo.push(n.children[k]!);
    else if (n.type !== 'list') {
      const b = leafBlock(n);
      if (b && 'content' in b) for (const x of b.content) out.push(x);
    }
  }
  return out;
}

function leafBlock(node: BlockNode): Block | undefined {
  switch (node.type) {
    case 'paragraph':
      return { type: 'paragraph', content: toInlines(node.children) };
    case 'heading':
      return { type: 'heading', level: Math.max(1, node.depth - 1), content: toInlines(node.children) };
    case 'code':
      return { type: 'preformatted', content: [{ type: 'text', text: node.value }] };
    case 'thematicBreak':
      return { type: 'rule' };
    case 'table':
      return { type: 'table', rows: node.children.map((r) => r.children.map((c) => toInlines(c.children))) };
    case 'html':
      return { type: 'paragraph', content: [{ type: 'text', text: node.value }] };
    default:
      return undefined;
  }
}

/** Front matter → Work: the export's full header objects, or plain strings a person typed. */
function buildWork(
  meta: Record<string, unknown>,
  parts: { title: string; kind: string; blocks: Block[]; notes: Note[] },
  file: SourceFile,
  ctx: ImportContext,
) {
  const people = (v: unknown) => (Array.isArray(v) ? v : v ? [v] : []).map((p) => (typeof p === 'string' ? ctx.register.resolve(p) : p));
  const authors = people(meta.authors ?? meta.author);
  const recipients = people(meta.recipients ?? meta.recipient);
  const written =
    typeof meta.date === 'string' || typeof meta.date === 'number'
      ? { date: parseDate(String(meta.date)) ?? undefined, text: String(meta.date) }
      : meta.written;
  const writtenDate = (written as { date?: { start?: string; precision?: string } } | undefined)?.date;
  const rights =
    typeof meta.rights === 'string'
      ? { statement: meta.rights, licence: UNKNOWN_LICENCE }
      : (meta.rights ?? { statement: 'Rights not stated in the source.', licence: UNKNOWN_LICENCE });
  const id =
    typeof meta.id === 'string'
      ? meta.id
      : workId({
          author: (authors[0] as { id?: string } | undefined)?.id,
          isoDate: writtenDate?.precision === 'day' ? writtenDate.start : writtenDate?.start?.slice(0, 4),
          recipient: ((r) => (r?.asWritten ?? r?.name)?.split(' ').at(-1))(
            recipients[0] as { name?: string; asWritten?: string } | undefined,
          ),
          title: parts.title,
        });
  const { author: _a, recipient: _r, date: _d, noteKinds, ...rest } = meta;
  const kinds = (noteKinds ?? {}) as Record<string, Note['kind']>;
  return {
    published: [],
    contributors: [],
    collections: [],
    language: 'en',
    entities: emptyEntities(),
    ...rest,
    id,
    kind: parts.kind,
    title: parts.title,
    authors,
    recipients,
    rights,
    ...(written ? { written } : {}),
    body: parts.blocks,
    notes: parts.notes.map((n) => (kinds[n.id] ? { ...n, kind: kinds[n.id] } : n)),
    provenance: {
      file: file.path,
      format: 'markdown',
      importer: `markdown@${VERSION}`,
      checksum: sha256(file.bytes),
      ...(ctx.now ? { importedAt: ctx.now() } : {}),
    },
  };
}
