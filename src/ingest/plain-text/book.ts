// Why: a headerless book is a flat run of paragraphs; this module turns it into the parts a reader
// sees — a title page, chapters, and letters quoted inside chapters — so that every paragraph lands in
// exactly one part. It decides which headings divide the book and where each letter ends; records.ts
// turns the parts into Work and Collection records.
import type { Block } from '../../model/work.js';
import { blockOf, shapeOf, type Shape } from './blocks.js';
import {
  canTakeTitle,
  displayTitle,
  headingBlock,
  isSectionHeading,
  isTitleLine,
  numberOf,
  splitHeading,
  type SplitHeading,
} from './headings.js';
import {
  dateline,
  isCloser,
  isPostscript,
  isSalutation,
  isSignature,
  letterHeading,
  opensQuote,
  recipientLine,
  type Dateline,
  type LetterHeading,
} from './letters.js';
import { dashes, toInlines } from './inline.js';
import { isAllCaps, titleCase } from './names.js';
import { baseIndent, type Para } from './paragraphs.js';

type UnitKind = 'split' | 'letter' | 'section' | 'text';

interface Unit {
  kind: UnitKind;
  line: number;
  text: string;
  /** The unit's block; for split and letter headings the level is set once the ranks are known. */
  block: Block;
  shape: Shape;
  split?: SplitHeading;
  letter?: LetterHeading;
  dateline?: Dateline;
  /** Source lines of a heading (a numeral and its title paragraph become one heading). */
  lines: string[];
  /** "Yours,\nK. Marx" in one paragraph: the closing formula's lines and the signature. */
  closing?: { closer: string[]; signature: string };
}

export type Role = 'paragraph' | 'salutation' | 'dateline' | 'closer' | 'signature' | 'postscript';

/** One part of the book: the title page and text before the first division, a chapter, or a letter. */
export interface Part {
  kind: 'opening' | 'chapter' | 'preface' | 'letter';
  key: string;
  title: string;
  line: number;
  blocks: Block[];
  split?: SplitHeading;
  letter?: LetterHeading & { dateline?: Dateline };
  /** Datelines standing as paragraphs of a chapter ("LONDON, September, 1851."). */
  datelines: Dateline[];
}

export interface BookShape {
  /** The title line at the very top, in the source's wording, when there is one. */
  title?: string;
  /** Names from a "by …" line under the title. */
  byline?: string[];
  /** "Translated by …", "Edited by …" lines of the title page. */
  credits?: { role: 'translator' | 'editor'; name: string }[];
  /** A single letter: the text opens with a salutation (after at most a dateline). */
  letter?: { blocks: Block[]; dateline?: Dateline; salutation?: string; signature?: string };
  /** The parts in reading order; one part of kind 'opening' alone means a book without divisions. */
  parts: Part[];
}

const BYLINE = /^by\s+(\p{Lu}.{1,80})$/iu;
const CREDIT = /^(translated(?:\s+from\s+the\s+\p{L}+)?|edited)(?:\s+and\s+annotated)?\s+by\s+(\p{Lu}.{1,80})$/iu;

export function shapeBook(paras: Para[], wrap: number): BookShape {
  const units = toUnits(paras, wrap);
  settleRanks(units);
  const levels = headingLevels(units);
  const out: BookShape = { parts: [] };

  // The title page: a title line at the very top, and a "by …" line under it.
  let k = 0;
  const first = units[0];
  if (first && units.length >= 2 && isTopTitle(first)) {
    out.title = first.text;
    first.block = headingBlock(first.lines, 1);
    first.kind = 'section';
    k = 1;
  }
  const by = units[k] && BYLINE.exec(units[k]!.text);
  if (by && units[k]!.kind === 'text' && units[k]!.lines.length === 1) {
    const names = by[1]!
      .replace(/\.$/, '')
      .split(/\s*(?:,|\band\b|&)\s*/)
      .filter(Boolean);
    if (names.every((n) => /^\p{Lu}/u.test(n))) out.byline = names;
  }
  const titlePage = new Set(units.slice(0, by ? k + 1 : k));
  for (let c = titlePage.size; c < Math.min(units.length, titlePage.size + 3); c++) {
    const u = units[c]!;
    const m = u.kind === 'text' && u.lines.length === 1 ? CREDIT.exec(u.text) : null;
    if (!m) break;
    (out.credits ??= []).push({ role: /^edited/i.test(m[1]!) ? 'editor' : 'translator', name: m[2]!.replace(/\.$/, '') });
    titlePage.add(u);
  }

  // A single letter: no divisions, and a salutation at the top (after the title page and a dateline).
  if (!units.some((u) => u.kind === 'split' || u.kind === 'letter')) {
    let s = titlePage.size;
    if (units[s]?.dateline) s++;
    if (units[s] && isSalutation(units[s]!.text)) return { ...out, letter: singleLetter(units) };
  }

  for (const u of units) {
    if (u.kind === 'split') u.block = headingBlock(u.lines, levels[u.split!.rank === 'part' ? 'part' : 'chapter']);
    if (u.kind === 'letter') u.block = headingBlock(u.lines, levels.section);
    if (u.kind === 'section' && !titlePage.has(u)) u.block = headingBlock(u.lines, levels.section);
  }
  out.parts = divide(units, titlePage);
  return out;
}

// ---- paragraphs → units -----------------------------------------------------------------------

function toUnits(paras: Para[], wrap: number): Unit[] {
  const base = baseIndent(paras);
  const units: Unit[] = [];
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    const shape = shapeOf(p, base);
    const lines = p.lines.map((l) => l.trim());
    const unit = (kind: UnitKind, block: Block, extra: Partial<Unit> = {}): Unit => ({
      kind,
      line: p.line,
      text: p.text,
      block,
      shape,
      lines,
      ...extra,
    });
    if (shape === 'rule' || shape === 'preformatted' || p.text.length > 300) {
      units.push(unit('text', blockOf(p, shape, wrap)));
      continue;
    }
    const letter = p.lines.length <= 3 ? letterHeading(p.text) : undefined;
    if (letter) {
      // "Letter 1" over "_To Mrs. Saville, England._": the recipient line belongs to the heading.
      const next = paras[i + 1];
      const to = !letter.recipient && next && next.lines.length === 1 ? recipientLine(next.text) : undefined;
      if (to) {
        letter.recipient = to;
        lines.push(next!.lines[0]!.trim());
        i++;
      }
      units.push(unit('letter', headingBlock(lines, 3), { letter }));
      continue;
    }
    const split = splitHeading(p);
    if (split) {
      // "IV." over "AUSTRIA.", "CHAPTER I" over "The Period": the numeral and its title are one heading.
      const next = paras[i + 1];
      if (
        next &&
        canTakeTitle(split) &&
        next.lines.length <= 3 &&
        next.lines.every((l) => isTitleLine(l, !split.bare)) &&
        !letterHeading(next.text) &&
        !splitHeading(next) &&
        !dateline(next.text)
      ) {
        const more = next.lines.map((l) => l.trim());
        split.title = more.join(' ');
        split.lines = [...split.lines, ...more];
        i++;
      }
      units.push(unit('split', headingBlock(split.lines, 2), { split, lines: split.lines }));
      continue;
    }
    const dl = shape === 'paragraph' && p.lines.length <= 2 ? dateline(p.text) : undefined;
    if (dl) {
      units.push(unit('text', { type: 'dateline', content: headingContent(blockOf(p, 'paragraph', wrap)) }, { dateline: dl }));
      continue;
    }
    if (isSectionHeading(p)) {
      units.push(unit('section', headingBlock(lines, 3)));
      continue;
    }
    units.push(unit('text', blockOf(p, shape, wrap), closingOf(p, shape)));
  }
  return units;
}

/** A paragraph that is a closing formula over a signature ("Yours ever,\nF. Engels"). */
function closingOf(p: Para, shape: Shape): Partial<Unit> {
  if (shape !== 'paragraph' || p.lines.length < 2 || p.lines.length > 4) return {};
  const lines = p.lines.map((l) => l.trim());
  const signature = lines.at(-1)!;
  if (!isCloser(lines[0]!) || !isSignature(signature) || lines.some((l) => l.length > 70)) return {};
  return { closing: { closer: lines.slice(0, -1), signature } };
}

/** The closer and signature blocks of a closing paragraph. */
function closingBlocks(c: NonNullable<Unit['closing']>): Block[] {
  return [
    { type: 'closer', content: toInlines(c.closer.join('\n')) },
    { type: 'signature', content: toInlines(c.signature) },
  ];
}

/** The key a division is known by: "chapter-5", "part-1", "preface". */
function splitKey(h: SplitHeading): string {
  return h.number !== undefined ? `${h.word}-${String(h.number).padStart(2, '0')}` : h.word.replace(/\s+/g, '-');
}

/**
 * Which headings divide the book. CHAPTER headings and numerals do; SECTION headings only when there are
 * no chapters; PREFACE, INTRODUCTION... only beside chapters or parts; a lone numeral does not. A run of
 * divisions with nothing between them whose first comes again later is a table of contents, not divisions.
 */
function settleRanks(units: Unit[]): void {
  const demote = (u: Unit) => {
    if (isAllCaps(u.text) || u.lines.length === 1) u.kind = 'section';
    else {
      u.kind = 'text';
      u.block = { type: 'paragraph', content: headingContent(u.block) };
    }
  };
  const splits = () => units.filter((u) => u.kind === 'split');
  const has = (rank: string) => splits().some((u) => u.split!.rank === rank);
  if (has('chapter')) {
    for (const u of splits()) if (u.split!.rank === 'section') demote(u);
  } else {
    for (const u of splits()) if (u.split!.rank === 'section') u.split!.rank = 'chapter';
  }
  const numbered = splits().filter((u) => u.split!.rank === 'chapter');
  if (numbered.length === 1 && numbered[0]!.split!.bare && !has('part')) demote(numbered[0]!);
  if (!has('chapter') && !has('part')) for (const u of splits()) if (u.split!.rank === 'matter') demote(u);
  // Tables of contents: adjacent divisions whose first key recurs after the run.
  const lastAt = new Map<string, number>();
  units.forEach((u, i) => {
    if (u.kind === 'split') lastAt.set(splitKey(u.split!), i);
  });
  for (let i = 0; i < units.length; i++) {
    if (units[i]!.kind !== 'split') continue;
    const seen = new Set<string>();
    let last = i;
    for (let k = i; k < units.length && (units[k]!.kind === 'split' || units[k]!.kind === 'section'); k++) {
      if (units[k]!.kind !== 'split') continue;
      const key = splitKey(units[k]!.split!);
      if (seen.has(key)) break;
      seen.add(key);
      last = k;
    }
    const run = units.slice(i, last + 1).filter((u) => u.kind === 'split');
    if (run.length >= 2 && (lastAt.get(splitKey(run[0]!.split!)) ?? -1) > last)
      for (const u of run) {
        u.kind = 'text';
        u.block = { type: 'paragraph', content: headingContent(u.block) };
      }
    i = last;
  }
}

/** Heading levels: parts above chapters above sections and letter headings; the title line is level 1. */
function headingLevels(units: Unit[]): { part: number; chapter: number; section: number } {
  const hasPart = units.some((u) => u.kind === 'split' && u.split!.rank === 'part');
  const hasChapter = units.some((u) => u.kind === 'split' && u.split!.rank !== 'part');
  const part = 2;
  const chapter = hasPart ? 3 : 2;
  return { part, chapter, section: hasChapter || hasPart ? chapter + 1 : 2 };
}

/** A title line at the very top: one or two short lines in capitals or capitalised words, no sentence. */
function isTopTitle(u: Unit): boolean {
  if (u.split) return false; // a demoted PREFACE or numeral is no title
  if ((u.kind !== 'text' && u.kind !== 'section') || u.shape === 'rule' || u.shape === 'preformatted' || u.dateline) return false;
  if (u.lines.length > 2 || u.text.length > 120 || u.text.split(/\s+/).length > 16) return false;
  if (isSalutation(u.text) || BYLINE.test(u.text) || /[,;:]$/.test(u.text)) return false;
  if (/\.$/.test(u.text) && !isAllCaps(u.text)) return false;
  // "FRANKENSTEIN;" over "OR, THE MODERN PROMETHEUS": only the last line must end like a title.
  return u.lines.every((l, i) => isTitleLine(i < u.lines.length - 1 ? l.replace(/[,;:]$/, '') : l, true));
}

// ---- units → parts ----------------------------------------------------------------------------

const firstWords = (text: string, n = 8): string => {
  const words = text.replace(/_/g, '').split(/\s+/);
  return words.length > n ? `${words.slice(0, n).join(' ')}…` : words.join(' ');
};

/**
 * Units into parts, in order. A division heading starts a part. A letter heading starts a letter inside
 * the current chapter, and the letter ends at the next heading of any kind, or:
 *   - when the letter is quoted (its dateline or first paragraph opens with a quotation mark, as an
 *     editor prints letters he quotes), at the first paragraph that opens no quotation — the editor's
 *     commentary resuming;
 *   - otherwise after its signature (a short name after a closing formula) and any postscripts.
 * What follows a letter, up to the next letter or division, belongs to the chapter it is in.
 * A part that holds only headings (the title page, a PART heading) goes with the part after it.
 */
function divide(units: Unit[], titlePage: Set<Unit>): Part[] {
  const opening: Part = { kind: 'opening', key: 'opening', title: '', line: units[0]?.line ?? 1, blocks: [], datelines: [] };
  const parts: Part[] = [opening];
  const carriable = new Map<Part, boolean>([[opening, true]]);
  let chapter = opening;
  let letter: (Part & { quoted?: boolean; signed?: boolean; last?: Role; body: number }) | undefined;
  let within: { key: string; label: string } | undefined;

  const toChapter = (u: Unit) => {
    chapter.blocks.push(u.block);
    if (u.dateline) chapter.datelines.push(u.dateline);
    if (u.kind !== 'section' && !titlePage.has(u)) carriable.set(chapter, false);
  };
  const toLetter = (u: Unit, role: Role) => {
    const l = letter!;
    l.blocks.push(role === 'paragraph' || u.block.type !== 'paragraph' ? u.block : { ...u.block, type: role });
    l.last = role;
    if (role !== 'dateline') l.body++;
  };

  for (const u of units) {
    if (u.kind === 'split') {
      letter = undefined;
      const h = u.split!;
      // Chapters inside a BOOK or PART are known by both: "book-02-chapter-01", "Book Two, Chapter I".
      if (h.rank === 'part') within = { key: splitKey(h), label: h.label };
      const inPart = h.rank !== 'part' && within;
      chapter = {
        kind: h.word === 'preface' || h.word === 'foreword' ? 'preface' : 'chapter',
        key: inPart ? `${within!.key}-${splitKey(h)}` : splitKey(h),
        title: inPart ? `${within!.label}, ${displayTitle(h)}` : displayTitle(h),
        line: u.line,
        blocks: [u.block],
        split: h,
        datelines: [],
      };
      parts.push(chapter);
      carriable.set(chapter, h.rank === 'part');
      continue;
    }
    if (u.kind === 'letter') {
      const h = u.letter!;
      letter = {
        kind: 'letter',
        key: `letter-${String(numberOf(h.number) ?? parts.length).padStart(2, '0')}`,
        title: dashes(
          h.sender && h.recipient
            ? `${titleCase(h.sender, { leadingThe: true })} to ${titleCase(h.recipient, { leadingThe: true })}`
            : h.recipient
              ? `To ${titleCase(h.recipient, { leadingThe: true })}`
              : `Letter ${h.number}`,
        ),
        line: u.line,
        blocks: [u.block],
        letter: { ...h },
        datelines: [],
        body: 0,
      };
      parts.push(letter);
      continue;
    }
    if (letter) {
      const l = letter;
      const t = u.text;
      if (u.kind === 'section') {
        if (l.last === 'closer' && isSignature(t)) {
          toLetter({ ...u, block: { type: 'signature', content: headingContent(u.block) } }, 'signature');
          l.signed = true;
          continue;
        }
        letter = undefined;
      } else if (u.dateline && l.blocks.length === 1 && !l.letter!.dateline) {
        l.letter!.dateline = u.dateline;
        if (opensQuote(t)) l.quoted = true;
        toLetter(u, 'dateline');
        continue;
      } else {
        l.quoted ??= opensQuote(t);
        const indentedBlock = u.shape === 'quote' || u.shape === 'preformatted' || u.shape === 'rule';
        const continues = l.quoted ? opensQuote(t) || indentedBlock : !l.signed || isPostscript(t);
        if (continues && u.closing) {
          for (const b of closingBlocks(u.closing)) l.blocks.push(b);
          l.last = 'signature';
          l.signed = true;
          l.body++;
          continue;
        }
        if (continues) {
          const role: Role =
            l.body === 0 && isSalutation(t)
              ? 'salutation'
              : isPostscript(t) || l.last === 'postscript'
                ? 'postscript'
                : isCloser(t) && !indentedBlock
                  ? 'closer'
                  : (l.last === 'closer' || l.last === 'signature') && isSignature(t)
                    ? 'signature'
                    : 'paragraph';
          if (role === 'signature') l.signed = true;
          if (u.dateline && role === 'paragraph') {
            toLetter(u, 'dateline');
            continue;
          }
          toLetter(u, role);
          continue;
        }
        letter = undefined;
      }
    }
    toChapter(u);
  }

  // Title pages and PART headings with no text of their own go with the part after them.
  const kept: Part[] = [];
  let carry: Part | undefined;
  const nextWithText: (Part | undefined)[] = [];
  for (let i = parts.length - 1, seen: Part | undefined; i >= 0; i--) {
    nextWithText[i] = seen;
    if (parts[i]!.blocks.length) seen = parts[i];
  }
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (!p.blocks.length) continue;
    if (carry && p.kind !== 'letter') {
      p.blocks = [...carry.blocks, ...p.blocks];
      p.line = carry.line;
    } else if (carry) kept.push(carry);
    carry = undefined;
    const next = nextWithText[i];
    if (p.kind !== 'letter' && carriable.get(p) && next && next.kind !== 'letter') carry = p;
    else kept.push(p);
  }
  if (carry) kept.push(carry);
  for (const p of kept) if (p.kind === 'opening') p.title = openingTitle(p.blocks);
  return kept;
}

function headingContent(b: Block): Extract<Block, { content: unknown }>['content'] {
  return 'content' in b ? b.content : [];
}

/** The opening's title: its first heading, else the first words of its first paragraph. */
function openingTitle(blocks: Block[]): string {
  const text = (b: Block) => ('content' in b ? b.content.map((n) => (n.type === 'text' ? n.text : ' ')).join('') : '');
  const heading = blocks.find((b) => b.type === 'heading');
  const para = blocks.find((b) => b.type !== 'heading' && b.type !== 'rule' && text(b).trim());
  if (heading && (!para || blocks.indexOf(heading) < blocks.indexOf(para)))
    return titleCase(text(heading).replace(/\s+/g, ' ').trim()).replace(/\.$/, '') || 'Opening';
  return (para && firstWords(text(para).replace(/\s+/g, ' ').trim())) || 'Opening';
}

/** A text that is one letter: roles from the top (dateline, salutation) and the bottom (closer, signature, postscripts). */
function singleLetter(units: Unit[]): NonNullable<BookShape['letter']> {
  const roles: Role[] = units.map(() => 'paragraph');
  let k = units.findIndex((u) => isSalutation(u.text));
  const dl = k > 0 ? units[k - 1]!.dateline : undefined;
  if (dl) roles[k - 1] = 'dateline';
  roles[k] = 'salutation';
  let end = units.length;
  const ps = units.findIndex((u, i) => i > k && isPostscript(u.text));
  if (ps > 0) {
    for (let i = ps; i < end; i++) roles[i] = 'postscript';
    end = ps;
  }
  let signature: string | undefined;
  const closing = end - 1 > k ? units[end - 1]!.closing : undefined;
  const closingAt = closing ? end - 1 : -1;
  if (closing || (end - 1 > k && isSignature(units[end - 1]!.text))) {
    roles[--end] = 'signature';
    signature = closing?.signature ?? units[end]!.text;
    while (end - 1 > k && isCloser(units[end - 1]!.text)) roles[--end] = 'closer';
  }
  if (k < 0) k = 0;
  const blocks = units.flatMap((u, i): Block[] => {
    const role = roles[i]!;
    if (closing && i === closingAt) return closingBlocks(closing);
    if (role === 'paragraph') return [u.block];
    return [{ type: role, content: headingContent(u.block) }];
  });
  return { blocks, ...(dl ? { dateline: dl } : {}), salutation: units[k]!.text, ...(signature ? { signature } : {}) };
}
