// OAI-PMH error conditions (protocol section 3.6). Errors travel as one thrown value holding every
// problem found, so a request with two bad arguments hears about both.

export type OaiErrorCode =
  | 'badArgument'
  | 'badResumptionToken'
  | 'badVerb'
  | 'cannotDisseminateFormat'
  | 'idDoesNotExist'
  | 'noRecordsMatch'
  | 'noMetadataFormats'
  | 'noSetHierarchy';

export interface OaiError {
  code: OaiErrorCode;
  message: string;
}

export class OaiFailure extends Error {
  readonly errors: OaiError[];
  constructor(errors: OaiError[]) {
    super(errors.map((e) => `${e.code}: ${e.message}`).join('; '));
    this.name = 'OaiFailure';
    this.errors = errors;
  }
}

export const oaiError = (code: OaiErrorCode, message: string): OaiFailure => new OaiFailure([{ code, message }]);

/** Throw every collected error at once, if there are any. */
export function throwIfAny(errors: OaiError[]): void {
  if (errors.length > 0) throw new OaiFailure(errors);
}

/**
 * With badVerb or badArgument the request element must carry no attributes (protocol 3.2): the
 * arguments were not a legal request, so they are not echoed.
 */
export const echoesArguments = (errors: OaiError[]): boolean => !errors.some((e) => e.code === 'badVerb' || e.code === 'badArgument');
