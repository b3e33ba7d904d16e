// Content checksums: the same Work content always hashes the same, whatever the key order or import time.
import { createHash } from 'node:crypto';
import type { Work } from './work.js';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = canonical(v);
    }
    return out;
  }
  return value;
}

export const canonicalJson = (value: unknown): string => JSON.stringify(canonical(value));

/** Checksum of what a work says; the import time is not part of its content. */
export function workChecksum(work: Work): string {
  const { importedAt: _ignored, ...provenance } = work.provenance;
  return createHash('sha256')
    .update(canonicalJson({ ...work, provenance }))
    .digest('hex');
}

export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');
