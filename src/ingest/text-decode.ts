// Decoding of plain-text sources: UTF-8 (with or without BOM) or, failing that, windows-1252.
// Binary data is refused with a located message instead of being imported as garbage.
import { decodeWindows1252 } from './decode.js';
import type { SourceFile } from './types.js';

export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

export function decodeTextBytes(file: SourceFile): { text: string } | { error: { message: string; line?: number } } {
  const { bytes } = file;
  if (bytes.length === 0) return { error: { message: 'the file is empty' } };
  if (bytes.length > MAX_SOURCE_BYTES)
    return {
      error: {
        message: `the file is ${(bytes.length / 1048576).toFixed(1)} MB; sources over ${MAX_SOURCE_BYTES / 1048576} MB are refused`,
      },
    };
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    let line = 1;
    for (let i = 0; i < nul; i++) if (bytes[i] === 10) line++;
    return { error: { message: `binary data (NUL byte at offset ${nul}): not a text file`, line } };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { text: decodeWindows1252(bytes) }; // Node 20's TextDecoder maps 0x80–0x9F to C1 controls
  }
}
