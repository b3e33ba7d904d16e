// The outline of a text: its headings renumbered so levels never skip (the page title is the h1, so
// the text's headings start at h2 and go down one level at a time, whatever levels the source used),
// each with an anchor for the in-page contents list.
import { slugify } from '../../model/ids.js';
import { inlineToString } from '../../model/text.js';
import type { Block } from '../../model/work.js';

export interface OutlineHeading {
  /** The heading's place among the text's blocks. */
  index: number;
  /** h2…h6 as rendered. */
  level: number;
  id: string;
  text: string;
}

export function outline(blocks: readonly Block[]): OutlineHeading[] {
  const found = blocks.flatMap((b, index) =>
    b.type === 'heading' ? [{ index, source: b.level ?? 1, text: inlineToString(b.content).replace(/\s+/g, ' ').trim() }] : [],
  );
  // The source's distinct levels, in order, become h2, h3, …; a heading never goes more than one
  // level below the one before it.
  const rank = new Map([...new Set(found.map((h) => h.source))].sort((a, b) => a - b).map((l, i) => [l, i + 2]));
  const used = new Set<string>();
  let previous = 1;
  return found
    .filter((h) => h.text)
    .map((h, n) => {
      const level = Math.min(rank.get(h.source)!, previous + 1, 6);
      previous = level;
      let id = `s${n + 1}-${slugify(h.text, 40) || 'section'}`;
      while (used.has(id)) id += '-';
      used.add(id);
      return { index: h.index, level, id, text: h.text };
    });
}
