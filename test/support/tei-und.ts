// A small TEI letter whose language is "und" (ISO 639-2 "undetermined"), or not given at all:
// no letter of test/corpus says xml:lang="und", so this one is written for the tests.
import { tei } from '../../src/ingest/tei/index.js';
import { loadDefaultRegister } from '../../src/model/register.js';
import type { Work } from '../../src/model/work.js';

export function teiLetter(lang: string | undefined): string {
  const l = lang === undefined ? '' : ` xml:lang="${lang}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"${l}>
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Ein Brief ohne Sprachangabe</title></titleStmt>
      <publicationStmt><availability><licence target="https://creativecommons.org/publicdomain/zero/1.0/"/></availability></publicationStmt>
      <sourceDesc><p>Written for the tests.</p></sourceDesc>
    </fileDesc>
    <profileDesc>
      <correspDesc>
        <correspAction type="sent"><persName>Anna Muster</persName><date when="1900-01-02">2. 1. 1900</date></correspAction>
        <correspAction type="received"><persName>Bruno Beispiel</persName></correspAction>
      </correspDesc>
    </profileDesc>
  </teiHeader>
  <text${l}><body><p>Lieber Bruno, ich schreibe dir.</p></body></text>
</TEI>
`;
}

/** The letter as the TEI importer reads it; `lang` is its xml:lang ("und"), or undefined for none. */
export function teiLetterWork(lang: string | undefined): Work {
  const out = tei.parse({ path: 'und-letter.xml', bytes: Buffer.from(teiLetter(lang)) }, { register: loadDefaultRegister() });
  const work = out.works[0];
  if (!work || out.diagnostics.some((d) => d.severity === 'error')) throw new Error(`did not import: ${JSON.stringify(out.diagnostics)}`);
  return work;
}
