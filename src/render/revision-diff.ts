// What changed between two revisions of a work, for people: the header field by field (as YAML), and
// the text as its plain-text export line by line, with the changed words marked in paired lines.
import { diffLines, diffWordsWithSpace } from 'diff';
import { stringify } from 'yaml';
import { canonicalJson } from '../model/checksum.js';
import type { Work } from '../model/work.js';
import { renderText } from './text/index.js';

const CONTEXT = 3;
const MAX_EDIT = 5000;
const TEXT_FIELDS = new Set(['body', 'notes']);

export interface FieldChange {
  field: string;
  before?: string;
  after?: string;
}
export type DiffLine = { kind: 'same' | 'add' | 'del'; parts: { text: string; changed?: boolean }[] } | { kind: 'skip'; count: number };

/** The header, field by field: every top-level field but the text (body, notes), as readable YAML. */
export function headerChanges(a: Work | undefined, b: Work | undefined): FieldChange[] {
  const show = (v: unknown) => (v === undefined ? undefined : typeof v === 'string' ? v : stringify(v).trimEnd());
  const keys = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].filter((k) => !TEXT_FIELDS.has(k));
  const field = (w: Work | undefined, k: string) => (w as Record<string, unknown> | undefined)?.[k];
  return keys
    .filter((k) => canonicalJson(field(a, k) ?? null) !== canonicalJson(field(b, k) ?? null))
    .map((k) => ({ field: k, before: show(field(a, k)), after: show(field(b, k)) }));
}

const splitLines = (s: string) => s.replace(/\n$/, '').split('\n');

/** Line diff of two texts with CONTEXT lines around changes; changed words marked in paired lines. */
export function textDiff(before: string, after: string): DiffLine[] | undefined {
  const changes = diffLines(before, after, { maxEditLength: MAX_EDIT });
  if (!changes) return undefined;
  const out: DiffLine[] = [];
  for (let i = 0; i < changes.length; i++) {
    const ch = changes[i]!;
    const lines = ch.value === '' ? [] : splitLines(ch.value);
    if (!ch.added && !ch.removed) {
      const first = i === 0;
      const last = i === changes.length - 1;
      const keepHead = first ? 0 : CONTEXT;
      const keepTail = last ? 0 : CONTEXT;
      if (lines.length > keepHead + keepTail + 1) {
        lines.slice(0, keepHead).forEach((t) => {
          out.push({ kind: 'same', parts: [{ text: t }] });
        });
        out.push({ kind: 'skip', count: lines.length - keepHead - keepTail });
        lines.slice(lines.length - keepTail).forEach((t) => {
          out.push({ kind: 'same', parts: [{ text: t }] });
        });
      } else
        lines.forEach((t) => {
          out.push({ kind: 'same', parts: [{ text: t }] });
        });
      continue;
    }
    const next = changes[i + 1];
    if (ch.removed && next?.added) {
      const added = splitLines(next.value);
      if (lines.length === added.length) {
        // Same number of lines: a line-for-line edit, shown with the changed words marked.
        lines.forEach((old, j) => {
          const words = diffWordsWithSpace(old, added[j]!);
          out.push({ kind: 'del', parts: words.filter((w) => !w.added).map((w) => ({ text: w.value, changed: w.removed })) });
          out.push({ kind: 'add', parts: words.filter((w) => !w.removed).map((w) => ({ text: w.value, changed: w.added })) });
        });
        i++;
        continue;
      }
    }
    lines.forEach((t) => {
      out.push({ kind: ch.added ? 'add' : 'del', parts: [{ text: t, changed: true }] });
    });
  }
  return out;
}

/** Both parts at once: the header's changed fields, and the text's diff (undefined when too large to show). */
export function revisionDiff(a: Work | undefined, b: Work | undefined): { fields: FieldChange[]; text: DiffLine[] | undefined } {
  return { fields: headerChanges(a, b), text: textDiff(a ? renderText(a) : '', b ? renderText(b) : '') };
}
