// ListIdentifiers, ListRecords and ListSets: one page at a time, with resumption tokens.
import type { ChangeQuery, ChangeRecord } from '../../store/store.js';
import { block, el, textEl } from '../../render/xml.js';
import type { ArgName } from './args.js';
import type { OaiContext } from './context.js';
import { datestamp, parseRange } from './dates.js';
import { OaiFailure, oaiError, throwIfAny, type OaiError } from './errors.js';
import { formatOf, type MetadataFormat } from './formats.js';
import { headerXml, recordXml } from './records.js';
import { collectionKeyOf, isSetSpec, listSets } from './sets.js';
import { decodeListToken, decodeSetsToken, encodeToken, type ListToken } from './tokens.js';

type Args = Partial<Record<ArgName, string>>;
type ListVerb = 'ListRecords' | 'ListIdentifiers';

/** The <resumptionToken> closing a page: a token when more follow, empty on the last page of a resumed list. */
function tokenXml(ctx: OaiContext, next: string | undefined, cursor: number, size: number): string {
  if (next === undefined && cursor === 0) return '';
  const expires = next === undefined ? undefined : datestamp(new Date(ctx.now.getTime() + ctx.tokenTtlSeconds * 1000));
  return el('resumptionToken', { expirationDate: expires, completeListSize: size, cursor: String(cursor) }, next ?? '');
}

const expiry = (ctx: OaiContext) => Math.floor(ctx.now.getTime() / 1000) + ctx.tokenTtlSeconds;

interface ListPlan {
  format: MetadataFormat;
  query: Omit<ChangeQuery, 'limit' | 'after'>;
  /** The original arguments, carried in the token. */
  token: Pick<ListToken, 'metadataPrefix' | 'set' | 'from' | 'until'>;
}

/** Check a fresh list request's arguments, reporting every problem together. */
async function planList(ctx: OaiContext, args: Args): Promise<ListPlan> {
  const errors: OaiError[] = [];
  const prefix = args.metadataPrefix!;
  const format = formatOf(prefix);
  if (!format)
    errors.push({
      code: 'cannotDisseminateFormat',
      message: `metadataPrefix "${prefix}" is not one this repository offers (see ListMetadataFormats)`,
    });
  let range: ReturnType<typeof parseRange> = {};
  try {
    range = parseRange(args.from, args.until);
  } catch (e) {
    if (!(e instanceof OaiFailure)) throw e;
    errors.push(...e.errors);
  }
  if (args.set !== undefined) {
    if (!isSetSpec(args.set)) errors.push({ code: 'badArgument', message: `set="${args.set}" is not a setSpec` });
    else if ((await ctx.store.listCollections()).length === 0)
      errors.push({ code: 'noSetHierarchy', message: 'this archive has no collections, so no sets' });
  }
  throwIfAny(errors);
  return {
    format: format!,
    query: { from: range.from?.start, until: range.until?.end, collection: args.set && collectionKeyOf(args.set) },
    token: { metadataPrefix: prefix, set: args.set, from: args.from, until: args.until },
  };
}

function planFromToken(t: ListToken): ListPlan {
  const format = formatOf(t.metadataPrefix);
  if (!format || (t.set !== undefined && !isSetSpec(t.set)))
    throw oaiError('badResumptionToken', 'the resumptionToken is not one this repository issued');
  let range: ReturnType<typeof parseRange>;
  try {
    range = parseRange(t.from, t.until);
  } catch {
    throw oaiError('badResumptionToken', 'the resumptionToken is not one this repository issued');
  }
  return {
    format,
    query: { from: range.from?.start, until: range.until?.end, collection: t.set && collectionKeyOf(t.set) },
    token: { metadataPrefix: t.metadataPrefix, set: t.set, from: t.from, until: t.until },
  };
}

export async function listItems(ctx: OaiContext, verb: ListVerb, args: Args): Promise<string> {
  const resumed = args.resumptionToken ? decodeListToken(args.resumptionToken, verb, ctx.now) : undefined;
  const plan = resumed ? planFromToken(resumed) : await planList(ctx, args);
  const cursor = resumed?.cursor ?? 0;
  let size: number;
  let page: ChangeRecord[];
  if (resumed) {
    size = resumed.size;
    page = await ctx.store.listChanges({ ...plan.query, after: resumed.after, limit: ctx.pageSize + 1 });
  } else {
    // The first page counts the whole list (completeListSize); later pages carry the count in the token.
    const all = await ctx.store.listChanges({ ...plan.query, limit: Number.MAX_SAFE_INTEGER });
    size = all.length;
    page = all.slice(0, ctx.pageSize + 1);
  }
  if (page.length === 0) throw oaiError('noRecordsMatch', 'no records match these arguments');
  const more = page.length > ctx.pageSize;
  if (more) page = page.slice(0, ctx.pageSize);
  const last = page.at(-1)!;
  // Works added mid-harvest can outgrow the first page's count: never claim fewer than are known.
  const total = more ? Math.max(size, cursor + page.length + 1) : cursor + page.length;
  const next = more
    ? encodeToken({
        v: 1,
        verb,
        ...plan.token,
        after: { updatedAt: last.updatedAt, id: last.id },
        cursor: cursor + page.length,
        size: total,
        exp: expiry(ctx),
      })
    : undefined;
  const items =
    verb === 'ListIdentifiers'
      ? page.map((c) => headerXml(ctx, c))
      : await Promise.all(page.map(async (c) => recordXml(ctx, c, c.deleted ? undefined : await ctx.store.getWork(c.id), plan.format)));
  return block(verb, {}, [...items, tokenXml(ctx, next, cursor, total)]);
}

export async function listSetsXml(ctx: OaiContext, args: Args): Promise<string> {
  const resumed = args.resumptionToken ? decodeSetsToken(args.resumptionToken, ctx.now) : undefined;
  const sets = await listSets(ctx.store);
  if (sets.length === 0) throw oaiError('noSetHierarchy', 'this archive has no collections, so no sets');
  const cursor = resumed?.cursor ?? 0;
  const page = sets.slice(cursor, cursor + ctx.pageSize);
  if (resumed && page.length === 0) throw oaiError('badResumptionToken', 'the resumptionToken points past the end of the list of sets');
  const more = cursor + page.length < sets.length;
  const next = more
    ? encodeToken({ v: 1, verb: 'ListSets', cursor: cursor + page.length, size: sets.length, exp: expiry(ctx) })
    : undefined;
  const items = page.map((s) => block('set', {}, [textEl('setSpec', {}, s.spec), textEl('setName', {}, s.name)]));
  return block('ListSets', {}, [...items, tokenXml(ctx, next, cursor, sets.length)]);
}
