// Stable work ids for TEI letters and CMIF records.
import { slugify, workId } from '../../model/ids.js';
import type { Work } from '../../model/work.js';

const ID_RE = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;
const GENERIC_HOST = new Set(['www', 'tei', 'data', 'id', 'digital', 'edition', 'editions', 'letters', 'briefe']);

export const isWorkId = (s: string | undefined): s is string => !!s && ID_RE.test(s);

/**
 * "http://dehmel.digital/brief/HANSb13009" → "dehmel/hansb13009",
 * "https://thun-korrespondenz.acdh.oeaw.ac.at/thun-an-bach-1850-07-ca932.html" → "thun-korrespondenz/thun-an-bach-1850-07-ca932".
 * The TEI letter and its CMIF record get the same id this way.
 */
export function idFromLetterUri(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    return undefined;
  }
  const labels = u.hostname
    .toLowerCase()
    .split('.')
    .filter((l) => !GENERIC_HOST.has(l));
  const prefix = labels[0];
  const param = u.searchParams.get('id') ?? u.searchParams.get('letter');
  const segs = u.pathname.split('/').filter(Boolean);
  const last = param ?? segs.pop()?.replace(/\.(x?html?|xml|php|pl)$/i, '');
  if (!prefix || !last) return undefined;
  return `${slugify(prefix, 40)}/${slugify(last, 80)}`;
}

/** "schnitzler-briefe" + "L00001" → "schnitzler-briefe/l00001". */
export function idFromEdition(edition: string | undefined, localId: string | undefined): string | undefined {
  if (!edition || !localId) return undefined;
  return `${slugify(edition, 40)}/${slugify(localId, 80)}`;
}

/** workId() from the letter's first sender, date and first recipient (or title). */
export function idFromParties(w: Pick<Work, 'authors' | 'recipients' | 'written' | 'title'>): string {
  return workId({
    author: w.authors[0]?.name,
    isoDate: w.written?.date?.iso,
    recipient: w.recipients[0]?.name,
    title: w.title,
  });
}

/** Make an id unique among those already used in this file ("…-2", "…-3"). */
export function uniqueId(id: string, used: Set<string>): string {
  let out = id;
  for (let k = 2; used.has(out); k++) out = `${id}-${k}`;
  used.add(out);
  return out;
}
