// JSON export: the Work record itself, validated, pretty-printed; a work read with what it inherits
// from its books keeps the marks that say so (`inherited`), last.
import type { ResolvedWork } from '../../model/inherit.js';
import { Work } from '../../model/work.js';

export const renderJson = (work: ResolvedWork): string =>
  `${JSON.stringify({ ...Work.parse(work), ...(work.inherited?.length ? { inherited: work.inherited } : {}) }, null, 2)}\n`;
