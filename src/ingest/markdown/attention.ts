// Emphasis (`*a*`, `__b__`) for micromark, resolved in linear time. micromark's own resolver scans back
// from every closing run over all earlier events, copies and re-resolves the text inside every match,
// and splices the event list once per match: quadratic in time and memory, and recursive, so 24 KB of
// nested `*` took seconds and then overflowed the stack (issue 10). This construct tokenizes runs
// exactly as micromark does and matches them by the same rules (nearest opener of the same marker,
// the rule of three on the remaining lengths, strong when both runs have two left), with the
// delimiter stack and per-kind "openers bottom" of the CommonMark reference implementation, then
// writes the emphasis and strong groups into the event list in one pass. Nesting deeper than the
// import's limit stops the parse with a TooDeepEmphasis error the importer turns into a located message.
import type { Options } from 'mdast-util-from-markdown';

type Extension = NonNullable<Options['extensions']>[number];

interface Point {
  line: number;
  column: number;
  offset: number;
  _index: number;
  _bufferIndex: number;
}
interface Token {
  type: string;
  start: Point;
  end: Point;
  _open?: boolean;
  _close?: boolean;
}
type Event = ['enter' | 'exit', Token, Context];
interface Context {
  previous: number | null;
  sliceSerialize(token: Pick<Token, 'start' | 'end'>): string;
  parser: { constructs: { attentionMarkers: { null: number[] } } };
}
interface Effects {
  enter(type: string): Token;
  exit(type: string): Token;
  consume(code: number | null): void;
}
type State = (code: number | null) => State | undefined;

const SEQUENCE = 'octavoAttentionSequence';

/** Thrown from the resolver when emphasis nests deeper than the limit. */
export class TooDeepEmphasis extends Error {
  constructor(
    readonly line: number,
    readonly offset: number,
  ) {
    super('emphasis nested too deeply');
  }
}

const PUNCTUATION = /\p{P}|\p{S}/u;
const WHITESPACE = /\s/;

/** micromark's classifyCharacter: 1 whitespace, 2 punctuation, undefined otherwise. */
function classify(code: number | null): 1 | 2 | undefined {
  if (code === null || code < 0 || code === 32) return 1;
  const ch = String.fromCharCode(code);
  if (WHITESPACE.test(ch)) return 1;
  if (PUNCTUATION.test(ch)) return 2;
  return undefined;
}

function tokenize(this: Context, effects: Effects, ok: State): State {
  const attentionMarkers = this.parser.constructs.attentionMarkers.null;
  const previous = this.previous;
  const before = classify(previous);
  let marker: number;
  const inside: State = (code) => {
    if (code === marker) {
      effects.consume(code);
      return inside;
    }
    const token = effects.exit(SEQUENCE);
    const after = classify(code);
    const open = !after || (after === 2 && !!before) || (code !== null && attentionMarkers.includes(code) && code !== 42 && code !== 95);
    const close =
      !before ||
      (before === 2 && !!after) ||
      (previous !== null && attentionMarkers.includes(previous) && previous !== 42 && previous !== 95);
    token._open = Boolean(marker === 42 ? open : open && (before || !close));
    token._close = Boolean(marker === 42 ? close : close && (after || !open));
    return ok(code);
  };
  return (code) => {
    marker = code!;
    effects.enter(SEQUENCE);
    return inside(code);
  };
}

interface Run {
  token: Token;
  context: Context;
  marker: number;
  /** Characters left to match. */
  left: number;
  open: boolean;
  close: boolean;
  /** Matches this run closed (first made first: innermost first) and opened. */
  closings: Match[];
  openings: Match[];
}
interface Match {
  use: number;
  group: Token;
  text: Token;
  openSeq: Token;
  closeSeq: Token;
}

const moved = (p: Point, by: number): Point => ({ ...p, column: p.column + by, offset: p.offset + by, _bufferIndex: p._bufferIndex + by });

function resolver(maxDepth: number) {
  return function resolveAllLinearAttention(events: Event[]): Event[] {
    const runs: Run[] = [];
    for (let i = 0; i < events.length; i++) {
      const [kind, token, context] = events[i]!;
      if (kind !== 'enter' || token.type !== SEQUENCE) continue;
      runs.push({
        token,
        context,
        marker: context.sliceSerialize({ start: token.start, end: moved(token.start, 1) }).charCodeAt(0),
        left: token.end.offset - token.start.offset,
        open: !!token._open,
        close: !!token._close,
        closings: [],
        openings: [],
      });
    }
    if (!runs.length) return events;

    // The delimiter stack (runs that may still open) and, per kind of closer, how many entries at its
    // bottom are known not to match that kind, so no failed search is ever repeated.
    const stack: Run[] = [];
    const bottom = new Map<number, number>();
    for (const c of runs) {
      while (c.close && c.left > 0) {
        const key = c.marker * 8 + (c.open ? 4 : 0) + (c.left % 3);
        const floor = bottom.get(key) ?? 0;
        let j = stack.length - 1;
        for (; j >= floor; j--) {
          const o = stack[j]!;
          if (o.marker !== c.marker) continue;
          if ((o.close || c.open) && c.left % 3 && !((o.left + c.left) % 3)) continue;
          break;
        }
        if (j < floor) {
          bottom.set(key, stack.length);
          break;
        }
        const o = stack[j]!;
        const use = o.left > 1 && c.left > 1 ? 2 : 1;
        const strong = use > 1;
        // The opening sequence is taken from the end of the opener's run, the closing from the start of the closer's.
        const openEnd = moved(o.token.end, -o.openings.reduce((n, x) => n + x.use, 0));
        const openSeq: Token = { type: strong ? 'strongSequence' : 'emphasisSequence', start: moved(openEnd, -use), end: openEnd };
        const closeStart = moved(
          c.token.start,
          c.closings.reduce((n, x) => n + x.use, 0),
        );
        const closeSeq: Token = { type: strong ? 'strongSequence' : 'emphasisSequence', start: closeStart, end: moved(closeStart, use) };
        const m: Match = {
          use,
          openSeq,
          closeSeq,
          group: { type: strong ? 'strong' : 'emphasis', start: { ...openSeq.start }, end: { ...closeSeq.end } },
          text: { type: strong ? 'strongText' : 'emphasisText', start: { ...openSeq.end }, end: { ...closeSeq.start } },
        };
        o.openings.push(m);
        c.closings.push(m);
        o.left -= use;
        c.left -= use;
        // Every run between the two is inside the match now and opens nothing more.
        stack.length = j + 1;
        if (o.left === 0) stack.pop();
        for (const [k, v] of bottom) if (v > j) bottom.set(k, j);
      }
      if (c.open && c.left > 0) stack.push(c);
    }

    // One pass writing the groups in: for each run, what it closes, what is left of it (plain text), what it opens.
    const out: Event[] = [];
    let depth = 0;
    let r = 0;
    for (let i = 0; i < events.length; i++) {
      const ev = events[i]!;
      if (ev[0] !== 'enter' || ev[1].type !== SEQUENCE) {
        out.push(ev);
        continue;
      }
      const run = runs[r++]!;
      const ctx = run.context;
      i++; // the run's exit
      for (const m of run.closings) {
        out.push(['exit', m.text, ctx], ['enter', m.closeSeq, ctx], ['exit', m.closeSeq, ctx], ['exit', m.group, ctx]);
        depth--;
      }
      if (run.left > 0) {
        const t = run.token;
        const closed = run.closings.reduce((n, m) => n + m.use, 0);
        const opened = run.openings.reduce((n, m) => n + m.use, 0);
        t.start = moved(t.start, closed);
        t.end = moved(t.end, -opened);
        t.type = 'data';
        out.push(['enter', t, ctx], ['exit', t, ctx]);
      }
      for (let k = run.openings.length - 1; k >= 0; k--) {
        const m = run.openings[k]!;
        out.push(['enter', m.group, ctx], ['enter', m.openSeq, ctx], ['exit', m.openSeq, ctx], ['enter', m.text, ctx]);
        if (++depth > maxDepth) throw new TooDeepEmphasis(m.group.start.line, m.group.start.offset);
      }
    }
    // In place: micromark's subtokenizer holds on to the array it passed.
    events.length = 0;
    for (let i = 0; i < out.length; i += 10000) events.push(...out.slice(i, i + 10000));
    return events;
  };
}

/**
 * A micromark extension: micromark's own emphasis switched off, this one in its place (in running
 * text and inside link text). `maxDepth` bounds how deep emphasis and strong may nest.
 */
export function linearAttention(maxDepth: number): Extension {
  const construct = { name: 'octavoAttention', tokenize, resolveAll: resolver(maxDepth) };
  return {
    text: { 42: construct, 95: construct },
    insideSpan: { null: [construct] },
    disable: { null: ['attention'] },
  } as unknown as Extension;
}
