// Byte → text decoding for HTML pages. The page's declared charset (<meta charset>, http-equiv
// Content-Type) wins when it fits the bytes; otherwise the bytes are sniffed: valid UTF-8, else
// windows-1252. ISO-8859-1 and US-ASCII are decoded as windows-1252, as browsers do (WHATWG).

export interface DecodedHtml {
  text: string;
  /** The encoding actually used, as a WHATWG label: "utf-8", "windows-1252", "windows-1251"... */
  charset: string;
  /** The charset the page declared, when it declared one. */
  declared?: string;
}

/** Labels that browsers map to windows-1252. */
const LATIN1_LABELS = new Set([
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'latin-1',
  'l1',
  'us-ascii',
  'ascii',
  'cp1252',
  'windows-1252',
  'x-cp1252',
  'cp819',
  'ibm819',
  'iso-ir-100',
  'csisolatin1',
]);

/** Charset declared in the first 8 KB: <meta charset="..."> or <meta http-equiv content="...; charset=...">. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = decodeWindows1252(bytes.subarray(0, 8192));
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const m = meta.match(/charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i);
    if (m) return m[1]!.toLowerCase();
  }
  const xml = head.match(/^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i);
  return xml ? xml[1]!.toLowerCase() : undefined;
}

// 0x80–0x9F in windows-1252 (undefined bytes keep their C1 code point, as WHATWG specifies).
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018,
  0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

const LATIN1 = new TextDecoder('latin1');

/**
 * windows-1252: Latin-1 natively (fast), then 0x80–0x9F by table. Node 20's
 * TextDecoder('windows-1252') takes a Latin-1 fast path and leaves 0x80–0x9F as C1 controls
 * instead of “ ” – — €, so it cannot be used alone.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return LATIN1.decode(bytes).replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]!));
}

function decodeStrictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** True when the bytes hold at least one multi-byte UTF-8 sequence (so they are not plain ASCII). */
function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

function labelToDecoder(label: string): TextDecoder | undefined {
  const l = LATIN1_LABELS.has(label) ? 'windows-1252' : label === 'utf8' ? 'utf-8' : label;
  try {
    return new TextDecoder(l);
  } catch {
    return undefined;
  }
}

/** Decode an HTML page's bytes by its declared charset, falling back to sniffing. Never throws. */
export function decodeHtmlBytes(bytes: Uint8Array): DecodedHtml {
  // Byte order marks are the strongest signal there is.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be' };
  const declared = declaredCharset(bytes);
  const tag = declared ? { declared } : {};
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8', ...tag };
  }
  const utf8 = decodeStrictUtf8(bytes);
  const sniffed = (): DecodedHtml =>
    utf8 !== undefined ? { text: utf8, charset: 'utf-8', ...tag } : { text: decodeWindows1252(bytes), charset: 'windows-1252', ...tag };

  if (!declared) return sniffed();
  const decoder = labelToDecoder(declared);
  if (!decoder) return sniffed(); // unknown label: sniff
  const encoding = decoder.encoding; // normalised WHATWG name
  if (encoding === 'utf-8') return sniffed(); // declared UTF-8 but invalid bytes → windows-1252
  // A single-byte declaration on bytes that are valid, non-ASCII UTF-8 is a wrong declaration.
  if (utf8 !== undefined && hasNonAscii(bytes) && (encoding === 'windows-1252' || encoding.startsWith('iso-8859'))) {
    return { text: utf8, charset: 'utf-8', declared };
  }
  return { text: encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes), charset: encoding, declared };
}
