// Located messages: every importer reports problems with the file and the place inside it.
export interface Location {
  file: string;
  line?: number;
  column?: number;
  /** CSS/XPath-ish path of the element, e.g. "p.information > span.info[2]" or "/TEI/teiHeader". */
  element?: string;
}

export interface Diagnostic extends Location {
  severity: 'error' | 'warning';
  message: string;
  /**
   * 'not-a-document': the file is well formed but holds no work (an archive's removed-page notice,
   * its 404 page): an import skips it instead of failing.
   */
  code?: 'not-a-document';
}

export function formatLocation(loc: Location): string {
  let s = loc.file;
  if (loc.line !== undefined) s += `:${loc.line}${loc.column !== undefined ? `:${loc.column}` : ''}`;
  if (loc.element) s += ` (${loc.element})`;
  return s;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${formatLocation(d)}: ${d.severity}: ${d.message}`;
}

/** 1-based line number of a character offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
