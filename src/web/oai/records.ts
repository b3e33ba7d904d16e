// <header> and <record> elements. Deleted works keep their identifier and come back with
// status="deleted" and no metadata (deletedRecord policy "persistent").
import type { Work } from '../../model/work.js';
import type { ChangeRecord } from '../../store/store.js';
import { block, el, textEl } from '../../render/xml.js';
import type { OaiContext } from './context.js';
import { datestamp } from './dates.js';
import type { MetadataFormat } from './formats.js';
import { oaiIdentifier } from './identifiers.js';
import { setSpecOfKey } from './sets.js';

export function headerXml(ctx: OaiContext, change: ChangeRecord, deleted = change.deleted): string {
  const specs = [...new Set(change.collections.map(setSpecOfKey).filter((s): s is string => !!s))].sort();
  return block('header', { status: deleted ? 'deleted' : undefined }, [
    textEl('identifier', {}, oaiIdentifier(ctx.repositoryId, change.id)),
    textEl('datestamp', {}, datestamp(change.updatedAt)),
    ...specs.map((s) => textEl('setSpec', {}, s)),
  ]);
}

export function recordXml(ctx: OaiContext, change: ChangeRecord, work: Work | undefined, format: MetadataFormat): string {
  // A work deleted between listing and loading is reported as what it now is.
  if (change.deleted || !work) return block('record', {}, [headerXml(ctx, change, true)]);
  const metadata = format.render(work, { url: ctx.workUrl(work.id), workUrl: ctx.workUrl, repositoryName: ctx.repositoryName });
  return block('record', {}, [headerXml(ctx, change), el('metadata', {}, `\n${metadata}\n`)]);
}

/** The change record of one work, present or deleted; undefined when the archive never had it. */
export async function findChange(ctx: OaiContext, id: string): Promise<ChangeRecord | undefined> {
  // The Store has no lookup of one change by id, so this scans the change feed: fine for GetRecord
  // and ListMetadataFormats of one identifier; a candidate for a Store method if archives grow large.
  const all = await ctx.store.listChanges({ limit: Number.MAX_SAFE_INTEGER });
  return all.find((c) => c.id === id);
}
