// Small pure formatting helpers shared by the HTML templates.
import type { Contributor, PartialDate, Source } from '../../model/work.js';
import { PUBLIC_DOMAIN } from '../../model/licences.js';

/** "volume-35" → "Volume 35"; "collected-works" → "Collected Works". */
export function humanize(slug: string): string {
  return (
    slug
      .split(/[-_]+/)
      .filter(Boolean)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(' ') || slug
  );
}

/** "en" → "English", "und" → "Undetermined" (src/model/languages.ts). */
export { languageName } from '../../model/languages.js';

/** A machine-readable value for <time datetime>, only when the ISO form is a plain date. */
export function datetimeAttr(d: PartialDate | undefined): string | undefined {
  return d && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d.iso) ? d.iso : undefined;
}

/** A date as the reader should see it: the source's wording, with its calendar when not Gregorian. */
export function dateLabel(d: PartialDate): string {
  const base = d.text.trim() || isoLabel(d.iso);
  return d.calendar === 'julian' && !/o\.\s?s\.|old style/i.test(base) ? `${base} (Old Style)` : base;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** An ISO date with no wording of its own, as words: "1932-07-17" → "17 July 1932", "1932-07" → "July 1932". */
export function isoLabel(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  const month = m?.[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || (m[2] && !month)) return iso;
  return [m[3] ? String(Number(m[3])) : '', month ?? '', m[1]].filter(Boolean).join(' ');
}

/** A year for grouping lists; undefined for undated works. */
export const yearOf = (isoDay: string | undefined): string | undefined => isoDay?.match(/^-?\d{4}/)?.[0];

/** Labels of the header rows, in the wording of the Marxists Internet Archive. */
const ROLE_LABELS: Record<Contributor['role'], string> = {
  translator: 'Translated',
  transcriber: 'Transcription/Markup',
  markup: 'Transcription/Markup',
  htmlMarkup: 'Transcription/Markup',
  encoder: 'Transcription/Markup',
  proofreader: 'Proofread',
  editor: 'Edited',
  other: 'Contributor',
};

/** Contributors grouped into labelled rows, keeping first-seen order. */
export function contributorRows(contributors: Contributor[]): { label: string; names: string[] }[] {
  const rows: { label: string; names: string[] }[] = [];
  for (const c of contributors) {
    const label = c.label?.replace(/\\/g, '/').replace(/:\s*$/, '').trim() || ROLE_LABELS[c.role];
    const name = c.date ? `${c.name} (${c.date})` : c.name;
    const row = rows.find((r) => r.label === label);
    if (row) {
      if (!row.names.includes(name)) row.names.push(name);
    } else rows.push({ label, names: [name] });
  }
  return rows;
}

/** The parts of a printed source, in citation order, without the title (which is italicised). */
export function sourceParts(s: Source): { before: string[]; after: string[] } {
  const pages = s.pages?.trim();
  const pageLabel = pages ? (/[-–,]/.test(pages) ? `pages ${pages.replace(/-/g, '–')}` : `page ${pages}`) : undefined;
  const volume = s.volume?.trim();
  const after = [
    s.publisher,
    s.year,
    s.place,
    volume ? (/^vol/i.test(volume) ? volume : `Volume ${volume}`) : undefined,
    pageLabel,
    s.note,
  ];
  return { before: s.author ? [s.author] : [], after: after.filter((x): x is string => !!x && x.trim() !== '') };
}

/** Rights label as MIA prints it: "Public Domain", else "Rights". */
export const rightsLabel = (licence: string) => (licence === PUBLIC_DOMAIN ? 'Public Domain' : 'Rights');

const KIND_LABELS: Record<string, string> = { letter: 'Letter', telegram: 'Telegram', note: 'Note', article: 'Article', speech: 'Speech' };
export const kindLabel = (kind: string) => KIND_LABELS[kind] ?? humanize(kind);
