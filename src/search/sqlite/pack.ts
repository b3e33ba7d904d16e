// The stored texts of a work of ordinary length (a letter, an article: texts up to one snippet chunk),
// packed into one compressed value of search_text: its hit's heading, its header's statements, its
// body and notes. Deflate on its own gains little on a few kilobytes; a preset dictionary of the most
// frequent words of historical English and German writing (./dictionary.json, from the word
// frequencies of the MIA pages, Gutenberg texts and TEI letters in test/corpus) takes a packed
// letter to under half its size. Longer texts keep their blocks and maps (./blocks.ts), so a snippet
// of a book-length text still reads only the blocks that may match.
import { readFileSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { StaleTextError } from './blocks.js';

/** The first byte of a packed value: how it was packed (2: deflate with the 32 KB dictionary; a new dictionary is a new format). */
const FORMAT = 2;

let dictionary: Buffer | undefined;
function dict(): Buffer {
  if (!dictionary) {
    const words = JSON.parse(readFileSync(new URL('./dictionary.json', import.meta.url), 'utf8')) as string[];
    // The heading's keys come last: every packed value begins with them.
    const keys =
      '{"id":"","kind":"letter","title":"","language":"en","date":"","dateText":"","authors":[{"id":"","name":""}],"recipients":[]}';
    dictionary = Buffer.from(`${words.join(' ')} ${keys}`);
  }
  return dictionary;
}

/** Texts in one value: their lengths, then the texts one after another, compressed. */
export function pack(parts: string[]): Buffer {
  const body = deflateRawSync(Buffer.from(`${parts.map((p) => p.length).join(',')};${parts.join('')}`), { dictionary: dict() });
  const out = Buffer.allocUnsafe(body.length + 1);
  out[0] = FORMAT;
  body.copy(out, 1);
  return out;
}

/** The texts of a packed value; a value that cannot be read is a StaleTextError (the hit is made from the work). */
export function unpack(buf: Uint8Array, count: number): string[] {
  if (buf[0] !== FORMAT) throw new StaleTextError('the packed texts have an unknown format');
  let text: string;
  try {
    text = inflateRawSync(buf.subarray(1), { dictionary: dict() }).toString('utf8');
  } catch {
    throw new StaleTextError('the packed texts cannot be read');
  }
  const semi = text.indexOf(';');
  const lengths = text.slice(0, semi).split(',').map(Number);
  if (semi < 0 || lengths.length !== count || lengths.some((n) => !Number.isInteger(n) || n < 0))
    throw new StaleTextError('the packed texts are not what was packed');
  const out: string[] = [];
  let at = semi + 1;
  for (const n of lengths) {
    out.push(text.slice(at, at + n));
    at += n;
  }
  if (at !== text.length) throw new StaleTextError('the packed texts are not what was packed');
  return out;
}
