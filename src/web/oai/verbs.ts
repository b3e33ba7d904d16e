// The six verbs. Each returns its element (<Identify>, <GetRecord>...) or throws an OaiFailure.
import { block, el, textEl } from '../../render/xml.js';
import type { ChangeRecord } from '../../store/store.js';
import type { OaiRequest } from './args.js';
import type { OaiContext } from './context.js';
import { datestamp, GRANULARITY } from './dates.js';
import { OaiFailure, type OaiError } from './errors.js';
import { FORMATS, formatOf } from './formats.js';
import { isDomainName, oaiIdentifier, workIdOf } from './identifiers.js';
import { listItems, listSetsXml } from './lists.js';
import { findChange, recordXml } from './records.js';

const OAI_IDENTIFIER_NS = 'http://www.openarchives.org/OAI/2.0/oai-identifier';

async function identify(ctx: OaiContext): Promise<string> {
  const earliest = await ctx.store.earliestChange();
  const [sample] = await ctx.store.listChanges({ limit: 1 });
  const description = isDomainName(ctx.repositoryId)
    ? el(
        'description',
        {},
        `\n${block(
          'oai-identifier',
          {
            xmlns: OAI_IDENTIFIER_NS,
            'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
            'xsi:schemaLocation': `${OAI_IDENTIFIER_NS} http://www.openarchives.org/OAI/2.0/oai-identifier.xsd`,
          },
          [
            textEl('scheme', {}, 'oai'),
            textEl('repositoryIdentifier', {}, ctx.repositoryId),
            textEl('delimiter', {}, ':'),
            textEl('sampleIdentifier', {}, oaiIdentifier(ctx.repositoryId, sample?.id ?? 'author/1918/05/14-recipient')),
          ],
        )}\n`,
      )
    : '';
  return block('Identify', {}, [
    textEl('repositoryName', {}, ctx.repositoryName),
    textEl('baseURL', {}, ctx.oaiBaseUrl),
    textEl('protocolVersion', {}, '2.0'),
    ...ctx.adminEmails.map((m) => textEl('adminEmail', {}, m)),
    // An empty archive has no changes yet: any datestamp it ever gives will be later than now.
    textEl('earliestDatestamp', {}, datestamp(earliest ?? ctx.now)),
    textEl('deletedRecord', {}, 'persistent'),
    textEl('granularity', {}, GRANULARITY),
    description,
  ]);
}

/** The change record an identifier argument names, or the idDoesNotExist error. */
async function lookup(ctx: OaiContext, identifier: string): Promise<ChangeRecord | OaiError> {
  const id = workIdOf(ctx.repositoryId, identifier);
  const change = id === undefined ? undefined : await findChange(ctx, id);
  return change ?? { code: 'idDoesNotExist', message: `"${identifier}" is not an identifier in this repository` };
}

const isError = (x: ChangeRecord | OaiError): x is OaiError => 'code' in x;

async function listMetadataFormats(ctx: OaiContext, identifier: string | undefined): Promise<string> {
  const found = identifier === undefined ? undefined : await lookup(ctx, identifier);
  if (found && isError(found)) throw new OaiFailure([found]);
  return block(
    'ListMetadataFormats',
    {},
    FORMATS.map((f) =>
      block('metadataFormat', {}, [
        textEl('metadataPrefix', {}, f.prefix),
        textEl('schema', {}, f.schema),
        textEl('metadataNamespace', {}, f.namespace),
      ]),
    ),
  );
}

async function getRecord(ctx: OaiContext, identifier: string, prefix: string): Promise<string> {
  const format = formatOf(prefix);
  const change = await lookup(ctx, identifier);
  const errors: OaiError[] = [];
  if (isError(change)) errors.push(change);
  if (!format)
    errors.push({
      code: 'cannotDisseminateFormat',
      message: `metadataPrefix "${prefix}" is not one this repository offers (see ListMetadataFormats)`,
    });
  if (isError(change) || !format) throw new OaiFailure(errors);
  const work = change.deleted ? undefined : await ctx.store.getWork(change.id);
  return block('GetRecord', {}, [recordXml(ctx, change, work, format)]);
}

export async function runVerb(ctx: OaiContext, req: OaiRequest): Promise<string> {
  const a = req.args;
  switch (req.verb) {
    case 'Identify':
      return identify(ctx);
    case 'ListMetadataFormats':
      return listMetadataFormats(ctx, a.identifier);
    case 'ListSets':
      return listSetsXml(ctx, a);
    case 'ListIdentifiers':
    case 'ListRecords':
      return listItems(ctx, req.verb, a);
    case 'GetRecord':
      return getRecord(ctx, a.identifier!, a.metadataPrefix!);
  }
}
