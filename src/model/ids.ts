// Stable slugs and work ids. Ids are paths such as "lenin/1918/05/14-shahumyan".
import anyAscii from 'any-ascii';

/** Lowercase ASCII slug; Cyrillic and accented letters are transliterated, not dropped. */
export function slugify(text: string, maxLength = 60): string {
  const ascii = anyAscii(text.normalize('NFC')).toLowerCase();
  const slug = ascii
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/g, '') || 'untitled';
}

/** Make an id path segment-safe: each segment slugified, empty segments dropped. */
export function normaliseIdPath(path: string): string {
  return path
    .split('/')
    .map((s) => slugify(s, 80))
    .filter(Boolean)
    .join('/');
}

/**
 * Id for a work from its author, written date and recipient or title:
 * lenin/1918/05/14-shahumyan, marx/1852/03/05-weydemeyer, marx/1848/manifesto-ch01.
 */
export function workId(parts: { author?: string; isoDate?: string; recipient?: string; title?: string }): string {
  const segs: string[] = [slugify(parts.author ?? 'anonymous', 40)];
  const m = parts.isoDate?.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/);
  if (m) {
    segs.push(m[1]!);
    if (m[2]) segs.push(m[2]);
  }
  const tail = parts.recipient ? slugify(parts.recipient, 40) : slugify(parts.title ?? 'untitled', 60);
  segs.push(m?.[3] ? `${m[3]}-${tail}` : tail);
  return segs.join('/');
}
