// The OAI-PMH response document around a verb's element or the errors.
import { block, el, escapeText, textEl, XML_DECLARATION } from '../../render/xml.js';
import type { OaiRequest } from './args.js';
import { echoesArguments, type OaiError } from './errors.js';

export const OAI_NS = 'http://www.openarchives.org/OAI/2.0/';
export const OAI_SCHEMA = 'http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd';

export function envelope(responseDate: string, baseUrl: string, request: OaiRequest | undefined, body: string): string {
  const requestEl = el('request', request ? { verb: request.verb, ...request.args } : {}, escapeText(baseUrl));
  return `${XML_DECLARATION}\n${block(
    'OAI-PMH',
    {
      xmlns: OAI_NS,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${OAI_NS} ${OAI_SCHEMA}`,
    },
    [textEl('responseDate', {}, responseDate), requestEl, body],
  )}\n`;
}

export const errorsXml = (errors: OaiError[]): string => errors.map((e) => textEl('error', { code: e.code }, e.message)).join('\n');

/** The request element echoes the arguments unless they were illegal (badVerb, badArgument). */
export const echoed = (request: OaiRequest | undefined, errors: OaiError[]): OaiRequest | undefined =>
  request && echoesArguments(errors) ? request : undefined;
