// Links: which hrefs from imported content may reach a page, and the site's own URLs.

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * An href from imported content, or undefined when it must not be linked. Allowed: http(s),
 * mailto, relative paths and #fragments. Dropped: javascript:, data:, vbscript:, file: and any
 * other scheme, including ones hidden by whitespace or control characters ("java\tscript:").
 * Relative hrefs are resolved against `base` (the original page's URL) when one is given, so
 * links copied from an archive page still lead where they led there.
 */
export function safeHref(href: string | undefined, base?: string): string | undefined {
  if (href === undefined) return undefined;
  // Browsers strip these characters before reading a scheme, so we do too before judging it.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are exactly what is stripped.
  const probe = href.replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g, '');
  if (probe === '') return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(probe)?.[1]?.toLowerCase();
  if (scheme !== undefined) return ALLOWED_SCHEMES.has(scheme) ? href.trim() : undefined;
  if (probe.startsWith('#')) return href.trim();
  // Backslashes act as slashes in browsers: "\\evil.example" would be protocol-relative.
  const rel = href.trim().replace(/\\/g, '/');
  const absoluteBase = base !== undefined ? httpBase(base) : undefined;
  if (absoluteBase === undefined) return rel;
  try {
    return new URL(rel, absoluteBase).href;
  } catch {
    return undefined;
  }
}

function httpBase(base: string): string | undefined {
  try {
    const u = new URL(base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

const encodePath = (id: string) => id.split('/').map(encodeURIComponent).join('/');

export const workHref = (id: string, ext = '') => `/works/${encodePath(id)}${ext}`;
export const collectionHref = (path: string[]) => `/collections/${path.map(encodeURIComponent).join('/')}`;
export const authorHref = (id: string) => `/authors/${encodeURIComponent(id)}`;
