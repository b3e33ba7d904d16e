// The arguments each verb takes (protocol section 4), and the checks every request passes before a
// verb runs: known verb, said once; only that verb's arguments, each once and non-empty; required
// ones present; resumptionToken alone when given.
import { oaiError, throwIfAny, type OaiError } from './errors.js';

export const VERBS = ['Identify', 'ListMetadataFormats', 'ListSets', 'ListIdentifiers', 'ListRecords', 'GetRecord'] as const;
export type Verb = (typeof VERBS)[number];

export type ArgName = 'identifier' | 'metadataPrefix' | 'from' | 'until' | 'set' | 'resumptionToken';

interface VerbArgs {
  required: ArgName[];
  optional: ArgName[];
  /** An argument that may only come alone (beside verb). */
  exclusive?: ArgName;
}

const SPEC: Record<Verb, VerbArgs> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  ListIdentifiers: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  ListRecords: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
};

export interface OaiRequest {
  verb: Verb;
  args: Partial<Record<ArgName, string>>;
}

const isVerb = (v: string): v is Verb => (VERBS as readonly string[]).includes(v);

/** Parse the request's key=value pairs (query string or form body, in order) or throw every error found. */
export function parseRequest(pairs: [string, string][]): OaiRequest {
  const verbs = pairs.filter(([k]) => k === 'verb').map(([, v]) => v);
  if (verbs.length === 0) throw oaiError('badVerb', 'the verb argument is missing');
  if (verbs.length > 1) throw oaiError('badVerb', 'the verb argument is repeated');
  const verb = verbs[0]!;
  if (!isVerb(verb)) throw oaiError('badVerb', `"${verb}" is not an OAI-PMH verb (${VERBS.join(', ')})`);

  const spec = SPEC[verb];
  const allowed = new Set<string>([...spec.required, ...spec.optional, ...(spec.exclusive ? [spec.exclusive] : [])]);
  const errors: OaiError[] = [];
  const args: Partial<Record<ArgName, string>> = {};
  const seen = new Set<string>();
  for (const [k, v] of pairs) {
    if (k === 'verb') continue;
    if (!allowed.has(k)) {
      errors.push({ code: 'badArgument', message: `${verb} does not take the argument "${k}"` });
    } else if (seen.has(k)) {
      errors.push({ code: 'badArgument', message: `the argument "${k}" is repeated` });
    } else if (v === '') {
      errors.push({ code: 'badArgument', message: `the argument "${k}" is empty` });
    } else {
      args[k as ArgName] = v;
    }
    seen.add(k);
  }
  if (spec.exclusive && args[spec.exclusive] !== undefined) {
    const others = [...seen].filter((k) => k !== spec.exclusive);
    if (others.length)
      errors.push({ code: 'badArgument', message: `${spec.exclusive} is an exclusive argument; remove ${others.join(', ')}` });
  } else {
    for (const r of spec.required) {
      if (!seen.has(r)) errors.push({ code: 'badArgument', message: `${verb} requires the argument "${r}"` });
    }
  }
  throwIfAny(errors);
  return { verb, args };
}
