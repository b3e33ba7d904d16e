// OAI-PMH UTC datestamps. The repository declares seconds granularity (YYYY-MM-DDThh:mm:ssZ) and also
// accepts day granularity (YYYY-MM-DD) in from/until; the store keeps millisecond ISO timestamps, so a
// bound becomes the first or last millisecond of the second or day it names (both bounds inclusive).
import { oaiError } from './errors.js';

export const GRANULARITY = 'YYYY-MM-DDThh:mm:ssZ';

export interface DateBound {
  granularity: 'day' | 'seconds';
  /** First and last millisecond the value denotes, as ISO strings comparable with the store's. */
  start: string;
  end: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECONDS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** A from/until value, or undefined when it is not a real date in either granularity. */
export function parseBound(value: string): DateBound | undefined {
  const m = DAY.exec(value) ?? SECONDS.exec(value);
  if (!m) return undefined;
  const day = m[4] === undefined;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, day ? 4 : 7).map(Number) as [number, number, number, number?, number?, number?];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // unlike Date.UTC, years 0-99 stay themselves
  date.setUTCHours(h, mi, s, 0);
  // 2024-02-30 rolls over to March; a real date survives the round trip unchanged.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
    return undefined;
  const t = date.getTime();
  const span = day ? 86_400_000 : 1000;
  return { granularity: day ? 'day' : 'seconds', start: new Date(t).toISOString(), end: new Date(t + span - 1).toISOString() };
}

export interface DateRange {
  from?: DateBound;
  until?: DateBound;
}

/** from/until checked together: each must parse, share one granularity, and from ≤ until. */
export function parseRange(from: string | undefined, until: string | undefined): DateRange {
  const f = from === undefined ? undefined : parseBound(from);
  const u = until === undefined ? undefined : parseBound(until);
  const bad: string[] = [];
  if (from !== undefined && !f) bad.push(`from="${from}" is not a date in YYYY-MM-DD or ${GRANULARITY} form`);
  if (until !== undefined && !u) bad.push(`until="${until}" is not a date in YYYY-MM-DD or ${GRANULARITY} form`);
  if (bad.length) throw oaiError('badArgument', bad.join('; '));
  if (f && u && f.granularity !== u.granularity) throw oaiError('badArgument', 'from and until must have the same granularity');
  if (f && u && f.start > u.end) throw oaiError('badArgument', `from (${from}) is later than until (${until})`);
  return { from: f, until: u };
}

/** A stored ISO timestamp as an OAI datestamp (seconds granularity, always UTC "Z"). */
export function datestamp(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return `${d.toISOString().slice(0, 19)}Z`;
}
