// TEI dating attributes (@when, @from/@to, @notBefore/@notAfter, @when-custom) ⇄ PartialDate.
// The renderer picks the plainest attributes that read back to the same PartialDate, and falls
// back to an EDTF @when-custom form (with @notBefore/@notAfter for ordinary readers) otherwise.
import type { PartialDate } from '../../model/work.js';
import { parseDate } from '../../model/dates.js';

export interface DateAttrs {
  when?: string;
  notBefore?: string;
  notAfter?: string;
  from?: string;
  to?: string;
  'when-custom'?: string;
  datingMethod?: string;
  type?: string;
  subtype?: string;
  cert?: string;
  evidence?: string;
  calendar?: string;
}
export const DATE_ATTRS: readonly (keyof DateAttrs)[] = [
  'when',
  'notBefore',
  'notAfter',
  'from',
  'to',
  'when-custom',
  'datingMethod',
  'type',
  'subtype',
  'cert',
  'evidence',
  'calendar',
];

type Precision = PartialDate['precision'];
type Qualifier = NonNullable<PartialDate['qualifier']>;
const PRECISIONS: readonly Precision[] = ['day', 'month', 'season', 'year', 'decade', 'century'];
const QUALIFIERS: readonly Qualifier[] = ['early', 'mid', 'late', 'circa', 'before', 'after'];
export const EDTF_METHOD = '#edtf';

/** xsd:date / gYearMonth / gYear (a dateTime is cut to its date). */
const W3C = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function w3cDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim().replace(/T.*$/, '');
  const m = v.match(W3C);
  if (!m) return undefined;
  if (m[2] && (+m[2] < 1 || +m[2] > 12)) return undefined;
  if (m[3] && (+m[3] < 1 || +m[3] > lastDay(+m[1]!, +m[2]!))) return undefined;
  return v;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
function lastDay(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 31;
}

function precisionOf(d: string): Precision {
  const m = d.match(W3C)!;
  return m[3] ? 'day' : m[2] ? 'month' : 'year';
}
function coarser(a: Precision, b: Precision): Precision {
  return PRECISIONS.indexOf(a) >= PRECISIONS.indexOf(b) ? a : b;
}
function startOf(d: string): string {
  const m = d.match(W3C)!;
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}
function endOf(d: string): string {
  const m = d.match(W3C)!;
  const mm = m[2] ?? '12';
  return `${m[1]}-${mm}-${m[3] ?? pad(lastDay(+m[1]!, +mm))}`;
}

/** A PartialDate from a date element's attributes; `text` is the element's wording. */
export function dateFromAttrs(a: DateAttrs, text: string): PartialDate | undefined {
  const extra: Partial<PartialDate> = {};
  if (a.cert === 'low' || a.cert === 'medium' || a.evidence === 'conjecture') extra.uncertain = true;
  if (a.calendar && /julian/i.test(a.calendar)) extra.calendar = 'julian';

  if (a.datingMethod === EDTF_METHOD && a['when-custom']) {
    const iso = a['when-custom'];
    const nb = w3cDate(a.notBefore);
    const na = w3cDate(a.notAfter);
    const simple = w3cDate(iso.split('/')[0]);
    const start = nb ? startOf(nb) : simple ? startOf(simple) : undefined;
    const end = na ? endOf(na) : simple ? endOf(w3cDate(iso.split('/').pop()) ?? simple) : undefined;
    if (!start || !end) return undefined;
    const precision = PRECISIONS.includes(a.type as Precision) ? (a.type as Precision) : simple ? precisionOf(simple) : 'year';
    const d: PartialDate = { text: text || iso, iso, precision, start, end };
    if (QUALIFIERS.includes(a.subtype as Qualifier)) d.qualifier = a.subtype as Qualifier;
    return { ...d, ...extra };
  }

  const when = w3cDate(a.when);
  const from = w3cDate(a.from);
  const to = w3cDate(a.to);
  const nb = w3cDate(a.notBefore);
  const na = w3cDate(a.notAfter);
  let d: PartialDate | undefined;
  if (when) {
    d = { text: '', iso: when, precision: precisionOf(when), start: startOf(when), end: endOf(when) };
  } else if (from && to) {
    d = { text: '', iso: `${from}/${to}`, precision: coarser(precisionOf(from), precisionOf(to)), start: startOf(from), end: endOf(to) };
  } else if (nb && na) {
    d = { text: '', iso: `${nb}/${na}`, precision: coarser(precisionOf(nb), precisionOf(na)), start: startOf(nb), end: endOf(na) };
    extra.uncertain = true;
  } else if (nb || from) {
    const v = (nb ?? from)!;
    d = { text: '', iso: v, precision: precisionOf(v), start: startOf(v), end: endOf(v), qualifier: 'after' };
  } else if (na || to) {
    const v = (na ?? to)!;
    d = { text: '', iso: v, precision: precisionOf(v), start: startOf(v), end: endOf(v), qualifier: 'before' };
  }
  if (!d) {
    const parsed = text ? parseDate(text) : null;
    return parsed ? { ...parsed, text, ...extra } : undefined;
  }
  d.text = text || d.iso;
  return { ...d, ...extra };
}

function sameDate(a: PartialDate | undefined, b: PartialDate): boolean {
  if (!a) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof PartialDate>;
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

/** Standard attributes that describe the date, before any exactness check. */
function plainAttrs(d: PartialDate): DateAttrs {
  const parts = d.iso.split('/');
  const a = w3cDate(parts[0]);
  const b = parts.length === 2 ? w3cDate(parts[1]) : undefined;
  if (parts.length === 2 && a && b) return d.uncertain ? { notBefore: a, notAfter: b } : { from: a, to: b };
  if (parts.length === 1 && a) {
    if (d.qualifier === 'before') return { notAfter: a };
    if (d.qualifier === 'after') return { notBefore: a };
    return { when: a };
  }
  return { notBefore: d.start, notAfter: d.end };
}

/** Attributes for a TEI <date>; `exact` allows the EDTF fallback (TEI), CMIF passes false. */
export function attrsForDate(d: PartialDate, exact = true): DateAttrs {
  const plain = plainAttrs(d);
  const extras: DateAttrs = {};
  if (d.uncertain && !(plain.notBefore && plain.notAfter)) extras.cert = 'low';
  if (exact && d.calendar === 'julian') extras.calendar = '#julian';
  const candidate = { ...plain, ...extras };
  if (!exact || sameDate(dateFromAttrs(candidate, d.text), d)) return candidate;
  const custom: DateAttrs = {
    notBefore: d.start,
    notAfter: d.end,
    'when-custom': d.iso.replace(/\s+/g, ''),
    datingMethod: EDTF_METHOD,
    type: d.precision,
    ...(d.qualifier ? { subtype: d.qualifier } : {}),
    ...(d.uncertain ? { cert: 'low' } : {}),
    ...(d.calendar === 'julian' ? { calendar: '#julian' } : {}),
  };
  return custom;
}

/** Read the dating attributes off an element-like getter. */
export function readDateAttrs(get: (name: string) => string | undefined): DateAttrs {
  const a: DateAttrs = {};
  for (const k of DATE_ATTRS) {
    const v = get(k);
    if (v !== undefined) a[k] = v;
  }
  return a;
}
