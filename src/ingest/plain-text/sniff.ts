// Why: "is this headerless prose?" must be cheap and must lose to every real format, so the plain-text
// importer claims a file only when nothing marks it as anything else (no tags, no front matter, no
// Markdown headings, no binary) and its start reads as sentences. Its score stays below every other
// importer's lowest, so content detection never prefers it over a format that applies.
import type { SourceFile } from '../types.js';

/** Below mia-html's 0.3 (tags, no MIA markers), mia-text's 0.4 (one header label), markdown's 0.6. */
export const SCORE = 0.2;

/** The first 8 KB as text: UTF-8 when it decodes (a character cut at the end is dropped), else Latin-1. */
function headText(file: SourceFile, head: string): string {
  if (!file.bytes.length) return head;
  const bytes = file.bytes.subarray(0, 8192);
  for (let cut = 0; cut < 4 && cut < bytes.length; cut++) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - cut));
    } catch {
      if (bytes.length < 8192) break;
    }
  }
  return new TextDecoder('latin1').decode(bytes);
}

export function sniffPlainText(file: SourceFile, head: string): number {
  if (file.bytes.subarray(0, 8192).includes(0) || head.includes('\u0000')) return 0;
  const text = headText(file, head).replace(/^\uFEFF/, '');
  if (/^---\r?\n/.test(text)) return 0; // front matter
  if (/<(?:!DOCTYPE|\?xml|html|head|body|p|div|span|br|TEI|teiHeader|table)\b/i.test(text)) return 0;
  if ((text.match(/^#{1,6} \S/gm)?.length ?? 0) >= 2 || /^```/m.test(text)) return 0;
  let controls = 0;
  let letters = 0;
  let visible = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) controls++;
    else if (c === 0xfffd || (c >= 0x7f && c < 0xa0)) controls++;
    else if (/\p{L}/u.test(ch)) letters++;
    if (!/\s/.test(ch)) visible++;
  }
  if (!visible || controls * 200 > text.length || letters < visible * 0.6) return 0;
  const words = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  const sentences = text.match(/\p{Ll}[.!?]["”’')\]]*(?:\s|$)/gu)?.length ?? 0;
  const paragraphs = text.split(/\r?\n[ \t]*\r?\n/).filter((p) => p.trim());
  const long = paragraphs.some((p) => (p.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= 20);
  if (words < 4 || sentences < 1 || (paragraphs.length < 2 && !long)) return 0;
  return SCORE;
}
