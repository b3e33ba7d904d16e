// Licence identifiers (SPDX, or "public-domain") to the URLs harvesters recognise in dc:rights.

const CC = 'https://creativecommons.org';

const KNOWN: Record<string, string> = {
  'public-domain': `${CC}/publicdomain/mark/1.0/`,
  'cc0-1.0': `${CC}/publicdomain/zero/1.0/`,
};

/** The canonical URL of a licence, or undefined when the identifier is not one we know. */
export function licenceUrl(licence: string): string | undefined {
  const id = licence.trim().toLowerCase();
  if (KNOWN[id]) return KNOWN[id];
  // CC-BY-4.0, CC-BY-SA-2.0, CC-BY-NC-ND-3.0 ... → https://creativecommons.org/licenses/by-sa/2.0/
  const m = /^cc-(by(?:-(?:nc|sa|nd))*)-(\d\.\d)$/.exec(id);
  return m ? `${CC}/licenses/${m[1]}/${m[2]}/` : undefined;
}
