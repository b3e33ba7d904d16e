// Splits a plain-text MIA dump into header fields, body lines and note lines. Labels may stand alone
// on a line with the value on the following lines ("Source:" then "Lenin", "Collected Works,", ...).

export interface HeaderField {
  label: string;
  value: string[];
  line: number;
}

export interface TextLayout {
  titleLines: { text: string; line: number }[];
  fields: HeaderField[];
  body: { text: string; line: number }[];
  notes: { label: string; lines: { text: string; line: number }[]; line: number }[];
}

const LABELS = [
  'Written',
  'First Published',
  'Published',
  'Source',
  'Translated',
  'Translated by',
  'Translation',
  'Transcription\\Markup',
  'Transcription/Markup',
  'Transcription & HTML Markup',
  'Transcription',
  'HTML Markup',
  'Markup',
  'Proofread',
  'Proofed',
  'Proofreading',
  'Editor',
  'Edited',
  'Public Domain',
  'Copyleft',
  'Copyright',
  'Online Version',
  'Other Formats',
  'Delivered',
  'Sent',
  'Date',
  'Place',
  'Rights',
  'Licence',
  'License',
];
const escapeRegExp = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
export const LABEL_LINE = new RegExp(
  `^(${LABELS.sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})\\s*:\\s*(.*)$`,
  'i',
);
const FORMAT_ITEM = /^[•·*\-–]?\s*(Text|README|PDF|ePub|EPUB|Mobi|HTML|Word|Audio|MP3|Kindle|Markdown|TEI|JSON|ODT|RTF)\s*$/i;
const NAV_LINE = /^(\|\s*)+\|?\s*$/;
const NOTE_START = /^\[(\d+|[*†‡a-z])\]\s*(.*)$/;
const RIGHTS_END = /(as your source\.?|all rights reserved\.?)\s*$/i;

export function splitLayout(text: string): TextLayout {
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const lines = raw.map((t, i) => ({ text: t.replace(/\u00a0/g, ' ').trim(), line: i + 1 }));
  while (lines.length && (lines.at(-1)!.text === '' || NAV_LINE.test(lines.at(-1)!.text))) lines.pop();
  const out: TextLayout = { titleLines: [], fields: [], body: [], notes: [] };

  let i = 0;
  const skipBlank = () => {
    while (i < lines.length && lines[i]!.text === '') i++;
  };
  skipBlank();
  // Lines before the first label are the title (and breadcrumbs, if the dump kept them).
  const firstLabel = lines.findIndex((l) => LABEL_LINE.test(l.text));
  if (firstLabel > 0 && firstLabel <= 6) {
    for (; i < firstLabel; i++) if (lines[i]!.text && !NAV_LINE.test(lines[i]!.text)) out.titleLines.push(lines[i]!);
  }
  // Header: label lines and their continuation lines. Between two labels every line belongs to the
  // first; after the last label a field-specific rule decides where the body starts.
  if (firstLabel >= 0 && firstLabel <= 6) {
    let lastLabel = firstLabel;
    for (let k = firstLabel + 1; k < Math.min(lines.length, firstLabel + 80); k++) {
      if (LABEL_LINE.test(lines[k]!.text)) lastLabel = k;
      else if (lines[k]!.text.length > 250) break;
    }
    let field: HeaderField | undefined;
    while (i < lines.length) {
      const l = lines[i]!;
      const m = l.text.match(LABEL_LINE);
      if (m && i <= lastLabel) {
        field = { label: m[1]!, value: m[2] ? [m[2]] : [], line: l.line };
        out.fields.push(field);
        i++;
        continue;
      }
      if (!field) break;
      if (l.text === '') {
        i++;
        if (i > lastLabel && field.value.length) break; // a blank line after the last field ends the header
        continue;
      }
      if (i > lastLabel && !accepts(field, l.text)) break;
      field.value.push(l.text);
      i++;
    }
  }
  // Body until the notes; notes are "[n] text" followed by continuation paragraphs.
  const rest = lines.slice(i).filter((l) => l.text !== '' && !NAV_LINE.test(l.text));
  const notesFrom = firstNoteLine(rest);
  out.body = rest.slice(0, notesFrom);
  for (const l of rest.slice(notesFrom)) {
    const m = l.text.match(NOTE_START);
    if (m) out.notes.push({ label: m[1]!, lines: [{ text: m[2]!, line: l.line }], line: l.line });
    else out.notes.at(-1)?.lines.push(l);
  }
  return out;
}

/** The notes section starts at the first "[n] ..." line whose marker the text before it uses. */
function firstNoteLine(rest: { text: string }[]): number {
  for (let k = 1; k < rest.length; k++) {
    const m = rest[k]!.text.match(NOTE_START);
    if (m && rest.slice(0, k).some((l) => l.text.includes(`[${m[1]}]`))) return k;
  }
  return rest.length;
}

/** Whether a line continues the current header field rather than starting the body. */
function accepts(f: HeaderField, text: string): boolean {
  const label = f.label.toLowerCase();
  const last = f.value.at(-1) ?? '';
  if (label === 'other formats') return FORMAT_ITEM.test(text);
  if (/public domain|copyleft|copyright/.test(label)) return !RIGHTS_END.test(f.value.join(' '));
  if (label === 'source') return f.value.length === 0 || !/\.\s*$/.test(last);
  if (/published/.test(label))
    return f.value.length === 0 || /^(sent|printed|first|published|signed|written|reprinted|translated)\b/i.test(text);
  return f.value.length === 0;
}
