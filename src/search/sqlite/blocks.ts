// Texts for snippets, as stored at index time: each text (a work's body, its notes) in blocks of
// about 1,000 characters (rows of search_blocks), and a map of the text (search_text.body_map,
// notes_map) giving, for each 20,000-character chunk a snippet chooses its passage in, the chunk's
// blocks with their length, their number of words and a Bloom filter of their index terms (./bloom.ts). A snippet
// reads only the blocks whose filter may hold a term of the query, and those its window spans: a
// long text that matches once costs a few blocks, not a parse of the work and a scan of every word.
// Blocks end before a space, like chunks, so their words are exactly the text's words.
import type { Highlight } from '../expand.js';
import { type ChunkWords, chunkEnd, framed, lead, LEAD_CHARS, passage } from '../snippets.js';
import { scanWords, termOf } from '../text.js';
import { bloom, mayHold } from './bloom.js';

export const BLOCK = 1024;
// ---- writing ----------------------------------------------------------------------------------

/** A growing byte buffer with LEB128 varints. */
class Bytes {
  buf = new Uint8Array(256);
  n = 0;
  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
    grown.set(this.buf.subarray(0, this.n));
    this.buf = grown;
  }
  varint(x: number): void {
    this.room(8);
    while (x >= 0x80) {
      this.buf[this.n++] = (x & 0x7f) | 0x80;
      x = Math.floor(x / 128);
    }
    this.buf[this.n++] = x;
  }
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.n);
    this.n += b.length;
  }
}

export interface TextBlocks {
  blocks: string[];
  map: Uint8Array;
}

/** Where each chunk's blocks start and end: [chunk][block] = [start, end). */
function layout(text: string): [number, number][][] {
  const chunks: [number, number][][] = [];
  for (let off = 0; off < text.length; ) {
    const end = chunkEnd(text, off);
    const blocks: [number, number][] = [];
    for (let b = off; b < end; ) {
      let e = b + BLOCK;
      if (e < end) {
        const space = text.indexOf(' ', e);
        e = space < 0 || space > end ? end : space;
      } else e = end;
      blocks.push([b, e]);
      b = e;
    }
    chunks.push(blocks);
    off = end;
  }
  return chunks;
}

const wordsIn = (text: string): number => {
  let n = 0;
  scanWords(text, () => {
    n++;
  });
  return n;
};

/**
 * A text cut into blocks, with its map. `terms` are the index terms of its words in order, as
 * indexText made them (read from the text again when they do not line up with its words).
 */
export function splitText(text: string, terms?: string[]): TextBlocks {
  const chunks = layout(text);
  const blocks: string[] = [];
  for (const chunk of chunks) for (const [s, e] of chunk) blocks.push(text.slice(s, e));
  // One block: its words are the text's, as many as its terms (when given).
  const counts = blocks.length === 1 && terms ? [terms.length] : blocks.map(wordsIn);
  let total = 0;
  for (const c of counts) total += c;
  const aligned = terms !== undefined && total === terms.length;
  const out = new Bytes();
  out.varint(chunks.length);
  let at = 0;
  let i = 0;
  const set = new Set<string>();
  for (const chunk of chunks) {
    out.varint(chunk.length);
    for (let k = 0; k < chunk.length; k++, i++) {
      const block = blocks[i]!;
      set.clear();
      if (aligned) for (let j = at; j < at + counts[i]!; j++) set.add(terms[j]!);
      else
        scanWords(block, (a, b) => {
          set.add(termOf(block.slice(a, b)));
        });
      at += counts[i]!;
      const f = bloom(set);
      out.varint(block.length);
      out.varint(counts[i]!);
      out.varint(f.length);
      out.bytes(f);
    }
  }
  return { blocks, map: out.buf.slice(0, out.n) };
}

// ---- reading ----------------------------------------------------------------------------------

/** Stored blocks that do not agree with their map (the caller makes the snippets from the work instead). */
export class StaleTextError extends Error {}

/** A decoded map: per block its length, words and filter (an offset into the encoding); per chunk its blocks. */
export interface TextMap {
  chars: number;
  chunkFirst: number[];
  blockChars: number[];
  blockWords: number[];
  filterAt: number[];
  filterLen: number[];
  buf: Uint8Array;
}

export function readMap(buf: Uint8Array): TextMap {
  let o = 0;
  const next = () => {
    let n = 0;
    let scale = 1;
    for (;;) {
      if (o >= buf.length) throw new StaleTextError('the map is cut short');
      const x = buf[o++]!;
      n += (x & 0x7f) * scale;
      if (x < 0x80) return n;
      scale *= 128;
    }
  };
  const m: TextMap = { chars: 0, chunkFirst: [], blockChars: [], blockWords: [], filterAt: [], filterLen: [], buf };
  if (!buf.length) return m;
  const chunks = next();
  for (let c = 0; c < chunks; c++) {
    m.chunkFirst.push(m.blockChars.length);
    const n = next();
    for (let b = 0; b < n; b++) {
      const chars = next();
      m.chars += chars;
      m.blockChars.push(chars);
      m.blockWords.push(next());
      const len = next();
      m.filterAt.push(o);
      m.filterLen.push(len);
      o += len;
    }
  }
  m.chunkFirst.push(m.blockChars.length);
  return m;
}

/** Whether block b may hold a word matching the query (see ./bloom.ts). */
const mayMatch = (m: TextMap, b: number, h: Highlight): boolean => mayHold(m.buf, m.filterAt[b]!, m.filterLen[b]!, h);

interface Loaded {
  text: string;
  starts: number[];
  ends: number[];
}

/** Reads blocks from..to (inclusive, numbered within the text) from the store. */
export type BlockReader = (from: number, to: number) => string[];

/** Blocks read together at most: consecutive blocks a snippet will read anyway come in one query. */
const RUN = 8;

/** The words of one chunk, read block by block from the store as they are asked for. */
class BlockWords implements ChunkWords {
  private readonly first: number;
  private readonly last: number;
  /** Per block of the chunk: where its words and characters start. */
  private readonly wordAt: number[] = [];
  private readonly charAt: number[] = [];
  private readonly n: number;
  private readonly loaded = new Map<number, Loaded>();
  /** Words [from, to) of the last block found to be worth reading. */
  private open: [number, number] = [0, 0];
  // The block the last word was read from: its index in the chunk, first word, word count, contents.
  private atK = -1;
  private atFirst = 0;
  private atWords = 0;
  private atBlock: Loaded = { text: '', starts: [], ends: [] };

  constructor(
    private readonly m: TextMap,
    chunk: number,
    private readonly read: BlockReader,
    private readonly h: Highlight,
  ) {
    this.first = m.chunkFirst[chunk]!;
    this.last = m.chunkFirst[chunk + 1]! - 1;
    let words = 0;
    let chars = 0;
    for (let b = this.first; b <= this.last; b++) {
      this.wordAt.push(words);
      this.charAt.push(chars);
      words += m.blockWords[b]!;
      chars += m.blockChars[b]!;
    }
    this.n = words;
  }

  upTo(): number {
    return this.n;
  }

  /** The chunk's block (0-based within the chunk) holding word i. */
  private blockOf(i: number): number {
    let lo = 0;
    let hi = this.wordAt.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.wordAt[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  candidate(i: number, h: Highlight): number {
    if (i >= this.n) return -1;
    if (i >= this.open[0] && i < this.open[1]) return i;
    for (let k = this.blockOf(i); k < this.wordAt.length; k++) {
      const b = this.first + k;
      if (this.m.blockWords[b]! > 0 && mayMatch(this.m, b, h)) {
        this.open = [this.wordAt[k]!, this.wordAt[k]! + this.m.blockWords[b]!];
        return Math.max(i, this.wordAt[k]!);
      }
    }
    return -1;
  }

  private block(k: number): Loaded {
    let l = this.loaded.get(k);
    if (!l) {
      // With it, the blocks after it that the query may match (the scan will read them next).
      let z = k;
      while (z + 1 < this.wordAt.length && z - k + 1 < RUN && !this.loaded.has(z + 1) && mayMatch(this.m, this.first + z + 1, this.h)) z++;
      this.fill(k, z);
      l = this.loaded.get(k)!;
    }
    return l;
  }

  /** Read blocks a..z of the chunk (those not read yet) and find their words. */
  private fill(a: number, z: number): void {
    while (a <= z && this.loaded.has(a)) a++;
    while (z >= a && this.loaded.has(z)) z--;
    if (a > z) return;
    const texts = this.read(this.first + a, this.first + z);
    for (let k = a; k <= z; k++) {
      if (this.loaded.has(k)) continue;
      const text = texts[k - a]!;
      const base = this.charAt[k]!;
      const starts: number[] = [];
      const ends: number[] = [];
      scanWords(text, (s, e) => {
        starts.push(s + base);
        ends.push(e + base);
      });
      if (starts.length !== this.m.blockWords[this.first + k] || text.length !== this.m.blockChars[this.first + k]) {
        throw new StaleTextError(`block ${this.first + k} does not match its map`);
      }
      this.loaded.set(k, { text, starts, ends });
    }
  }

  /** Makes word i's block the current one; returns i's index within it. */
  private word(i: number): number {
    if (this.atK < 0 || i < this.atFirst || i >= this.atFirst + this.atWords) {
      const k = this.blockOf(i);
      this.atK = k;
      this.atFirst = this.wordAt[k]!;
      this.atWords = this.m.blockWords[this.first + k]!;
      this.atBlock = this.block(k);
    }
    return i - this.atFirst;
  }

  start(i: number): number {
    const j = this.word(i);
    return this.atBlock.starts[j]!;
  }
  end(i: number): number {
    const j = this.word(i);
    return this.atBlock.ends[j]!;
  }
  firstCode(i: number): number {
    const j = this.word(i);
    return this.atBlock.text.charCodeAt(this.atBlock.starts[j]! - this.charAt[this.atK]!);
  }
  surface(i: number): string {
    const j = this.word(i);
    const base = this.charAt[this.atK]!;
    const l = this.atBlock;
    return l.text.slice(l.starts[j]! - base, l.ends[j]! - base);
  }

  around(from: number, to: number): { text: string; base: number } {
    const a = this.blockOf(from);
    const z = this.blockOf(to);
    this.fill(a, z);
    let text = '';
    for (let k = a; k <= z; k++) text += this.block(k).text;
    // After the last word's block comes a space (blocks end before one) or the chunk's end: what
    // follows the last word within its block is all a passage can end with.
    return { text, base: this.charAt[a]! };
  }
}

/** The snippet of a stored text: as snippet() would make it from the whole text. */
export function storedSnippet(m: TextMap, read: BlockReader, h: Highlight, size = 30): string | undefined {
  const chunks = m.chunkFirst.length - 1;
  for (let c = 0; c < chunks; c++) {
    let any = false;
    for (let b = m.chunkFirst[c]!; b < m.chunkFirst[c + 1]! && !any; b++) any = m.blockWords[b]! > 0 && mayMatch(m, b, h);
    if (!any) continue;
    const found = passage(new BlockWords(m, c, read, h), h, size);
    if (found) return framed(found, c === 0, c === chunks - 1);
  }
  return undefined;
}

/** The lead of a stored text (reads only its first blocks). */
export function storedLead(m: TextMap, read: BlockReader): string | undefined {
  if (m.chars === 0) return undefined;
  // The blocks holding the first LEAD_CHARS + 1 characters (lead() tells by the length whether there is more).
  let z = 0;
  let chars = m.blockChars[0]!;
  for (; chars <= LEAD_CHARS && z + 1 < m.blockChars.length; z++) chars += m.blockChars[z + 1]!;
  const text = read(0, z).join('');
  if (text.length !== chars) throw new StaleTextError('the text does not match its map');
  return lead(text);
}
