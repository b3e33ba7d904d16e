// Content checksums: the same Work content always hashes the same, whatever the key order or import time.
import { createHash } from 'node:crypto';
import type { Collection, Provenance, Work } from './work.js';

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

/** Provenance without what does not make content differ: when it was imported, and from which file path. */
function contentProvenance(p: Provenance): Omit<Provenance, 'importedAt' | 'file' | 'paths'> {
  const { importedAt: _t, file: _f, paths: _p, ...rest } = p;
  return rest;
}

/**
 * Checksum of what a work says. The import time and the file path are not part of its content: the
 * same page imported again from another folder is the same work, unchanged.
 */
export function workChecksum(work: Work): string {
  return sha256(canonicalJson({ ...work, provenance: contentProvenance(work.provenance) }));
}

/** Checksum of what a collection (an index page) says, by the same rule. */
export function collectionChecksum(c: Collection): string {
  return sha256(canonicalJson({ ...c, provenance: contentProvenance(c.provenance) }));
}

/** `paths` with `more` added, or undefined when nothing is new. */
export function mergedPaths(paths: readonly string[] | undefined, more: readonly string[] | undefined): string[] | undefined {
  const add = (more ?? []).filter((p) => !(paths ?? []).includes(p));
  return add.length ? [...(paths ?? []), ...add] : undefined;
}

export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');
