// HTML escaping for text that reaches a page as markup: search snippets and titles with <mark>, and
// the page templates that write HTML as strings.

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;
/** The text with & < > " ' escaped (most texts have none of them: those are returned as they are). */
export function escapeHtml(s: string): string {
  let i = s.search(SPECIAL);
  if (i < 0) return s;
  let out = '';
  let last = 0;
  for (; i < s.length; i++) {
    const e = ESC[s[i]!];
    if (e === undefined) continue;
    out += s.slice(last, i) + e;
    last = i + 1;
  }
  return out + s.slice(last);
}
