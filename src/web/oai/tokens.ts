// Resumption tokens. A token is the rest of a list request, self-contained so the server keeps no
// state: the original arguments, the (updatedAt, id) position of the last record sent, how many have
// been sent (cursor), the list size counted on the first page, and an expiry time. Encoded as
// base64url JSON (URL-safe, no escaping needed); anything that does not decode to exactly this shape,
// belongs to another verb, or has expired is a badResumptionToken.
//
// Resuming after a (updatedAt, id) position rather than an offset means a harvest never skips a
// record: a work changed mid-harvest moves to the end of the list and comes again.
import { z } from 'zod';
import { oaiError } from './errors.js';

const ListToken = z.strictObject({
  v: z.literal(1),
  verb: z.enum(['ListRecords', 'ListIdentifiers']),
  metadataPrefix: z.string().min(1),
  set: z.string().min(1).optional(),
  from: z.string().min(1).optional(),
  until: z.string().min(1).optional(),
  after: z.strictObject({ updatedAt: z.string().min(1), id: z.string().min(1) }),
  cursor: z.number().int().positive(),
  size: z.number().int().nonnegative(),
  /** Expiry, seconds since the epoch. */
  exp: z.number().int(),
});
export type ListToken = z.infer<typeof ListToken>;

const SetsToken = z.strictObject({
  v: z.literal(1),
  verb: z.literal('ListSets'),
  cursor: z.number().int().positive(),
  size: z.number().int().nonnegative(),
  exp: z.number().int(),
});
export type SetsToken = z.infer<typeof SetsToken>;

type AnyToken = ListToken | SetsToken;

export function encodeToken(t: AnyToken): string {
  return Buffer.from(JSON.stringify(t), 'utf8').toString('base64url');
}

function parse<T>(schema: z.ZodType<T>, token: string, verb: string, now: Date): T {
  const bad = (why: string) => oaiError('badResumptionToken', `the resumptionToken ${why}`);
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw bad('is not one this repository issued');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw bad('is not one this repository issued');
  }
  if (typeof json === 'object' && json !== null && 'verb' in json && json.verb !== verb)
    throw bad(`was issued for ${String(json.verb)}, not ${verb}`);
  const r = schema.safeParse(json);
  if (!r.success) throw bad('is not one this repository issued');
  if ((r.data as { exp: number }).exp * 1000 < now.getTime()) throw bad('has expired; start the list again');
  return r.data;
}

export const decodeListToken = (token: string, verb: 'ListRecords' | 'ListIdentifiers', now: Date): ListToken =>
  parse(ListToken, token, verb, now);

export const decodeSetsToken = (token: string, now: Date): SetsToken => parse(SetsToken, token, 'ListSets', now);
