// Language codes as people read them: one table for the search facet and the page header.
// The stored code stays what the source says ("und", ISO 639-2 "undetermined", where it says none).

/** Codes whose English name from Intl is not what a reader should see ("und" reads "root" there). */
const NAMES: Record<string, string> = { und: 'Undetermined' };

const intl = new Intl.DisplayNames(['en'], { type: 'language' });
const memo = new Map<string, string>();

/** "de" → "German", "de-AT" → "Austrian German", "und" → "Undetermined"; a code without a name comes back unchanged. */
export function languageName(code: string): string {
  let name = memo.get(code);
  if (name === undefined) {
    const primary = code.toLowerCase().split(/[-_]/)[0] ?? '';
    try {
      name = Object.hasOwn(NAMES, primary) ? NAMES[primary]! : (intl.of(code) ?? code);
    } catch {
      name = code;
    }
    memo.set(code, name);
  }
  return name;
}
