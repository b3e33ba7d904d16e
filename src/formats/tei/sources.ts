// What kind of thing a work's source and its printings are, as far as the record tells: shared by
// the TEI renderer (title levels in sourceDesc) and the CMIF renderer (bibl types), so the two agree.
// The Work record has no field for it; these read the shapes the importers give.
import type { Publication, Source } from '../../model/work.js';

/**
 * - `print`: a printed edition (a book: Collected Works, a volume of letters): it has an imprint
 *   (publisher, year, volume, pages) or a printed statement of its source (MIA's "Source:" line).
 * - `manuscript`: none of that, but a place or a shelfmark: what the TEI importer makes of an
 *   msDesc (repository and idno as the title, the settlement as the place) and of a bibl whose
 *   idno goes to the note.
 * - `unknown`: a title alone (a CMIF bibl, a sourceDesc paragraph).
 */
export function sourceKind(s: Source): 'print' | 'manuscript' | 'unknown' {
  if (s.publisher || s.year || s.volume || s.pages || s.text) return 'print';
  if (s.place || (s.note && !/^https?:\/\//i.test(s.note))) return 'manuscript';
  return 'unknown';
}

/**
 * A printing in a periodical (a newspaper or journal, TEI title level "j"): it names an issue, or
 * it is dated to the day or month. A book or pamphlet (dated by its year) is a monograph.
 */
export function isPeriodical(p: Publication): boolean {
  return !!p.issue || p.date?.precision === 'day' || p.date?.precision === 'month';
}
