// A linear look at a Markdown text before micromark reads it: how deep block quotes and lists nest
// (micromark's container handling slows down with depth, and the tree is walked recursively), and how
// deep `[` brackets nest in a paragraph (each `]` makes micromark read back to its `[` to look the
// label up: nested brackets cost the square of their depth; a `]` with no `[` open makes the footnote
// extension read back to the paragraph's last `[`). Emphasis is bounded in attention.ts.
import type { TooDeep } from '../limits.js';

/** Characters micromark may read back over for the `]` of one paragraph before the paragraph is refused. */
export const BRACKET_BUDGET = 20_000_000;

/**
 * An upper estimate of the container depth a line opens: its `>` markers and list markers (`-`, `*`,
 * `+`, `1.`, `1)` followed by a space) at the start, plus, when there is a marker, one level for
 * every two spaces of indentation that do not just follow a marker (nested lists by indentation).
 */
function containerDepth(text: string, from: number, to: number): number {
  let depth = 0;
  let spaces = 0;
  let afterMarker = false;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      if (afterMarker) afterMarker = false;
      else spaces += c === 9 ? 4 : 1;
      i++;
    } else if (c === 62) {
      depth++;
      afterMarker = true;
      i++;
    } else if ((c === 45 || c === 42 || c === 43) && (i + 1 === to || text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) {
      depth++;
      afterMarker = true;
      i++;
    } else if (c >= 48 && c <= 57) {
      let j = i;
      while (j < to && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      const d = text.charCodeAt(j);
      if ((d === 46 || d === 41) && (j + 1 === to || text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 9)) {
        depth++;
        afterMarker = true;
        i = j + 1;
      } else break;
    } else break;
  }
  // Indentation alone opens nothing (it is code or a continuation): it counts only before a marker.
  return depth ? depth + (spaces >> 1) : 0;
}

/** Where the block quotes and lists, or the brackets of a paragraph, first nest past `limit`; undefined if nowhere. */
export function markdownDepthPast(text: string, limit: number): TooDeep | undefined {
  let line = 1;
  let brackets: number[] = [];
  let cost = 0;
  let paragraphLine = 1;
  // Where the last `[` of the paragraph is: a `]` with none open makes the footnote extension read back to it.
  let lastOpen = 0;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (containerDepth(text, start, lineEnd) > limit)
      return { offset: start, line, what: 'block quotes and lists', element: 'block quote or list' };
    if (/^[ \t]*$/.test(text.slice(start, Math.min(lineEnd, start + 64))) && lineEnd - start < 64) {
      brackets = [];
      cost = 0;
      paragraphLine = line + 1;
      lastOpen = end + 1;
    } else {
      for (let i = start; i < lineEnd; i++) {
        const c = text.charCodeAt(i);
        if (c === 92)
          i++; // a backslash escapes the next character
        else if (c === 91) {
          lastOpen = i;
          brackets.push(i);
          if (brackets.length > limit) return { offset: i, line, what: 'brackets', element: '[' };
        } else if (c === 93) {
          cost += i - (brackets.length ? brackets.pop()! : lastOpen);
          if (cost > BRACKET_BUDGET)
            return {
              offset: i,
              line: paragraphLine,
              what: 'brackets',
              element: `paragraph at line ${paragraphLine}`,
              message: `the paragraph at line ${paragraphLine} nests [ brackets so deeply that reading it would take too long: the file is refused`,
            };
        }
      }
    }
    start = end + 1;
  }
  return undefined;
}

/** Front matter nests no deeper than this (the YAML parser recurses, and runs out of stack near a thousand levels). */
export const FRONT_MATTER_MAX_DEPTH = 100;

/**
 * Where YAML front matter first nests past `limit` levels: two columns of indentation a level, plus
 * the `[` and `{` of flow collections still open. `firstLine` is the line of the YAML's first line.
 */
export function yamlDepthPast(yaml: string, limit: number, firstLine: number): TooDeep | undefined {
  let flow = 0;
  let line = firstLine;
  for (let start = 0; start <= yaml.length; line++) {
    let end = yaml.indexOf('\n', start);
    if (end < 0) end = yaml.length;
    let indent = 0;
    while (start + indent < end && yaml.charCodeAt(start + indent) === 32) indent++;
    for (let i = start + indent; i < end; i++) {
      const c = yaml.charCodeAt(i);
      if (c === 91 || c === 123) flow++;
      else if ((c === 93 || c === 125) && flow > 0) flow--;
      if ((indent >> 1) + flow > limit)
        return {
          offset: i,
          line,
          what: 'levels',
          element: 'front matter',
          message: `the front matter is nested deeper than ${limit} levels at line ${line}: the file is refused`,
        };
    }
    start = end + 1;
  }
  return undefined;
}
