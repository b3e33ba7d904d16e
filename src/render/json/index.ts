// JSON export: the Work record itself, validated, pretty-printed.
import { Work } from '../../model/work.js';

export const renderJson = (work: Work): string => `${JSON.stringify(Work.parse(work), null, 2)}\n`;
