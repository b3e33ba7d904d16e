// Licences, in one table: SPDX ids (and "public-domain") ↔ canonical URLs ↔ the wordings sources use.
// Importers read ids from URLs and statements; renderers write the URL harvesters recognise.

const FIXED_LICENCES: readonly { spdx: string; url: string; url2?: RegExp; text: RegExp }[] = [
  {
    spdx: 'CC0-1.0',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    url2: /creativecommons\.org\/publicdomain\/zero\/1\.0/i,
    text: /\bCC0\b|CC[ -]Zero/i,
  },
  {
    spdx: 'public-domain',
    url: 'https://creativecommons.org/publicdomain/mark/1.0/',
    url2: /creativecommons\.org\/publicdomain\/mark\//i,
    text: /public[ -]domain|gemeinfrei|domaine public|общественное достояние/i,
  },
  { spdx: 'MIT', url: 'https://opensource.org/licenses/MIT', url2: /opensource\.org\/licenses\/MIT/i, text: /\bMIT licen[cs]e\b/i },
  {
    spdx: 'BSD-2-Clause',
    url: 'https://opensource.org/licenses/BSD-2-Clause',
    url2: /opensource\.org\/licenses\/BSD-2/i,
    text: /\bBSD-2(-Clause)?\b/i,
  },
  {
    spdx: 'Apache-2.0',
    url: 'https://www.apache.org/licenses/LICENSE-2.0',
    url2: /apache\.org\/licenses\/LICENSE-2\.0/i,
    text: /Apache Licen[cs]e,? (Version )?2\.0/i,
  },
  {
    spdx: 'GFDL-1.3-or-later',
    url: 'https://www.gnu.org/licenses/fdl-1.3.html',
    url2: /gnu\.org\/licenses\/fdl/i,
    text: /GNU Free Documentation Licen[cs]e/i,
  },
];

const CC_URL = /creativecommons\.org\/licenses\/((?:by|sa|nc|nd)(?:-(?:by|sa|nc|nd))*)\/(\d\.\d)/i;
const CC_TEXT = /\bCC[ -]?(BY(?:[ -](?:SA|NC|ND))*)[ -]?(\d\.\d)\b/i;

/** SPDX id for a licence URL (CC licences of any version, CC0, PD mark and a few others). */
export function spdxFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const cc = url.match(CC_URL);
  if (cc) return `CC-${cc[1]!.toUpperCase()}-${cc[2]}`;
  return FIXED_LICENCES.find((l) => l.url2?.test(url))?.spdx;
}

/** SPDX id from a licence statement ("CC BY 4.0", "CC0", "public domain"). */
export function spdxFromText(text: string): string | undefined {
  const cc = text.match(CC_TEXT);
  if (cc) return `CC-${cc[1]!.toUpperCase().replace(/ /g, '-')}-${cc[2]}`;
  return FIXED_LICENCES.find((l) => l.text.test(text))?.spdx;
}

/** Canonical URL of a licence id (SPDX, any case, or "public-domain"), when we know one. */
export function licenceUrl(licence: string): string | undefined {
  const id = licence.trim().toUpperCase();
  const cc = id.match(/^CC-((?:BY|SA|NC|ND)(?:-(?:BY|SA|NC|ND))*)-(\d\.\d)$/);
  if (cc) return `https://creativecommons.org/licenses/${cc[1]!.toLowerCase()}/${cc[2]}/`;
  return FIXED_LICENCES.find((l) => l.spdx.toUpperCase() === id)?.url;
}

/** Licence id used when a source states none we can recognise (SPDX's own term). */
export const UNKNOWN_LICENCE = 'NOASSERTION';

/** Not an SPDX licence: the work is in the public domain (a statement, not a grant). */
export const PUBLIC_DOMAIN = 'public-domain';
