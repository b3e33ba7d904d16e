// Work → a complete TEI P5 document (valid against tei_all.rng). Importing the result with the
// TEI importer gives back the same Work, provenance aside.
import type { Work } from '../../model/work.js';
import { loadDefaultRegister, type PeopleRegister } from '../../model/register.js';
import { el, XML_DECLARATION } from '../xml.js';
import { renderHeader } from './header.js';
import { renderBody } from './blocks.js';
import { renderBack, renderStandOff } from './standoff.js';

export interface RenderTeiOptions {
  /** The register the importer resolves names with (decides when names need the exact form). */
  register?: PeopleRegister;
}

export function renderTei(work: Work, opts: RenderTeiOptions = {}): string {
  const register = opts.register ?? loadDefaultRegister();
  const text = el('text', { type: work.kind }, `\n<body>\n${renderBody(work.body)}\n</body>\n${renderBack(work)}\n`);
  return [
    XML_DECLARATION,
    '<TEI xmlns="http://www.tei-c.org/ns/1.0">',
    renderHeader(work, register),
    renderStandOff(work),
    text,
    '</TEI>',
    '',
  ]
    .filter((s, i, a) => s !== '' || i === a.length - 1)
    .join('\n');
}
