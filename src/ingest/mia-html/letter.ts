// The parts of a letter: dateline, salutation, closer, signature, postscript; and who a letter is
// to, read from its title ("Engels to Conrad Schmidt In Berlin") or its salutation.
import type { Block, Inline } from '../../model/work.js';
import { datePhrase } from '../mia-common/fields.js';
import { inlineText, splitLines } from './inlines.js';

export interface Draft {
  block: Block;
  /** p.sig in the source. */
  sig?: boolean;
  /** Index of the source unit (for messages). */
  unit: number;
}

const SALUTATION =
  /^(?:my\s+)?(?:very\s+)?(?:dear(?:est)?|beloved|respected|esteemed|honou?red|liebe[rs]?|werte[rs]?|cher|chère|chers|citoyen|comrades?|citizens?|gentlemen|sirs?|madam|dear sirs?)\b/i;
const CLOSING =
  /^(?:yours|your\s+(?:old|faithful|devoted|affectionate|loving|sincere|own)|salut|adieu|vale|greetings|best\s|kind\s|cordial|with\s|sincerely|ever\s|faithfully|affectionately|farewell|regards|all the best|once more|many\s|hearty|warm(?:est)?\s|fraternally|comradely|heartily|auf wiedersehen|thanks|shake hands|totus tuus)/i;

const content = (b: Block): Inline[] => ('content' in b ? b.content : []);
const textOf = (b: Block) => inlineText(content(b));
const isTextBlock = (b: Block) => b.type === 'paragraph' || b.type === 'heading' || b.type === 'signature' || b.type === 'quote';

/** "KM", "F. Engels", "Karl Marx", "F. E.", "Lenin", "Your old General": a signature line. */
export function looksLikeName(inl: Inline[]): boolean {
  const t = inlineText(inl).replace(/(?<![.,;!])[.,;!]+$/, '');
  if (!t || t.length > 40 || /[:?]/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 5) return false;
  const allStrong = inl.every((i) => i.type !== 'text' || i.marks?.some((m) => m.type === 'strong'));
  return allStrong || words.every((w) => /^[A-ZÀ-ÞА-Я][\p{L}.'’-]*$/u.test(w) || /^(von|van|de|der|la|le|your|old|the)$/i.test(w));
}

const retype = (d: Draft, type: 'salutation' | 'dateline' | 'closer' | 'signature' | 'postscript', content: Inline[]): void => {
  d.block = { type, content };
};

const joinLines = (lines: Inline[][]): Inline[] => lines.flatMap((l, i) => (i ? [{ type: 'lineBreak' } as Inline, ...l] : l));

/** Is a short line a dateline ("London, 5 May 1875", "[London] April 17, 1871", "Folkestone, near Dover / August 21, 1890")? */
export function isDateline(text: string): boolean {
  if (text.length > 100 || /[.!?]\s+\S/.test(text)) return false;
  const dp = datePhrase(text);
  if (!dp) return false;
  // What is left besides the date must be a place: "[London]", "Folkestone, near Dover".
  const rest = text
    .replace(dp.phrase, ' ')
    .replace(/[[\](),.;:]/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return (
    rest.length <= 4 &&
    rest.every(
      (w) =>
        /^(near|bei|am|an|der|de|la|le|sur|on)$/.test(w) ||
        (/^\p{Lu}/u.test(w) && !/^(The|A|An|Address|Speech|Letter|Report|Chapter|Part|To|By|Of|On|In)$/.test(w)),
    )
  );
}
export const isSalutation = (text: string): boolean => text.length <= 80 && SALUTATION.test(text);
export const isClosing = (text: string): boolean => text.length <= 80 && CLOSING.test(text);

/** Turn a letter's opening and closing paragraphs into salutation, dateline, closer, signature, postscript. */
export function shapeLetter(drafts: Draft[]): void {
  // Opening: a dateline and a salutation among the first few blocks.
  for (let i = 0; i < Math.min(drafts.length, 4); i++) {
    const d = drafts[i]!;
    if (!isTextBlock(d.block) && d.block.type !== 'dateline' && d.block.type !== 'salutation') break;
    const t = textOf(d.block);
    if (d.block.type === 'salutation') break;
    if (d.block.type === 'dateline') continue;
    if (isDateline(t) && !isSalutation(t)) retype(d, 'dateline', content(d.block));
    else if (isSalutation(t) || (d.sig && t.length <= 80)) {
      retype(d, 'salutation', content(d.block));
      break;
    } else if (d.block.type !== 'heading') break;
  }

  // Closing: the last p.sig (or a bare name after a closing formula) splits into closer + signature;
  // what follows is postscript.
  let sigAt = -1;
  for (let i = drafts.length - 1; i >= Math.max(0, drafts.length - 8); i--) {
    if (drafts[i]!.sig && drafts[i]!.block.type !== 'salutation') {
      sigAt = i;
      break;
    }
  }
  if (sigAt < 0) {
    for (let i = drafts.length - 1; i >= Math.max(1, drafts.length - 4); i--) {
      const b = drafts[i]!.block;
      if (b.type === 'paragraph' && looksLikeName(b.content) && isClosing(textOf(drafts[i - 1]!.block))) {
        sigAt = i;
        break;
      }
    }
  }
  if (sigAt < 0) {
    // No signature: a closing formula as the last paragraph is still a closer.
    const last = drafts.at(-1);
    if (last && last.block.type === 'paragraph' && isClosing(textOf(last.block))) retype(last, 'closer', last.block.content);
    markPostscripts(drafts, drafts.length);
    return;
  }
  const sig = drafts[sigAt]!;
  const lines = splitLines(content(sig.block));
  let hasSignature = true;
  if (lines.length > 1 && looksLikeName(lines.at(-1)!)) {
    sig.block = { type: 'signature', content: lines.at(-1)! };
    drafts.splice(sigAt, 0, { block: { type: 'closer', content: joinLines(lines.slice(0, -1)) }, unit: sig.unit });
    sigAt++;
  } else if (isClosing(textOf(sig.block))) {
    retype(sig, 'closer', content(sig.block));
    const next = drafts[sigAt + 1];
    if (next && next.block.type === 'paragraph' && looksLikeName(next.block.content)) {
      retype(next, 'signature', next.block.content);
      sigAt++;
    } else hasSignature = false;
  } else retype(sig, 'signature', content(sig.block));
  // Closing formulas just before the closer/signature ("Yours,", "With best regards,").
  for (let i = sigAt - 1; i >= 0; i--) {
    const b = drafts[i]!.block;
    if (b.type === 'closer') continue;
    if (b.type === 'paragraph' && isClosing(textOf(b))) retype(drafts[i]!, 'closer', b.content);
    else break;
  }
  void hasSignature;
  markPostscripts(drafts, sigAt + 1);
}

/** Paragraphs after the signature, and "P.S." paragraphs near the end, are postscript. */
function markPostscripts(drafts: Draft[], from: number): void {
  for (let i = from; i < drafts.length; i++) {
    const b = drafts[i]!.block;
    if (b.type === 'paragraph' || b.type === 'quote') retype(drafts[i]!, 'postscript', b.content);
  }
  for (let i = Math.max(0, drafts.length - 6); i < drafts.length; i++) {
    const b = drafts[i]!.block;
    if (b.type === 'paragraph' && /^P\.\s?S\.|^Post-?script/i.test(textOf(b))) {
      for (let k = i; k < drafts.length; k++) {
        const bk = drafts[k]!.block;
        if (bk.type === 'paragraph') retype(drafts[k]!, 'postscript', bk.content);
      }
      break;
    }
  }
}

const PLACE_SUFFIX = /\s+(?:[Ii]n|[Aa]t)\s+([A-Z][\p{L}-]+(?:[ -][A-Z][\p{L}-]+)*)\s*$/u;

/**
 * Sender, recipients and destination from a letter title: "Engels to Conrad Schmidt In Berlin",
 * "Karl Marx to Ludwig Kugelmann, 30 January 1868", "Letter to Kugelmann", "To the Editor of ...".
 */
export function parseLetterTitle(title: string): { sender?: string; recipients: string[]; place?: string } {
  const t = title.replace(/\s+/g, ' ').trim();
  let m = t.match(/^(?:(?:an?\s+)?(?:open\s+)?(?:letter|telegram|note|message|reply)s?\s+)?to\s+(.+)$/i);
  let sender: string | undefined;
  let rest: string | undefined;
  if (m) rest = m[1];
  else if ((m = t.match(/^(.+?)\s+to\s+(.+)$/i)) && m[1]!.split(/\s+/).length <= 6 && /^[A-Z]/.test(m[1]!)) {
    sender = m[1]!.replace(/^(?:letter|telegram)\s+(?:from\s+)?/i, '');
    rest = m[2];
  }
  if (!rest) return { recipients: [] };
  rest = rest.replace(/\s*[,.]\s*(?:\d{1,2}\s+)?(?:\[?\w+\]?\s+)?\d{4}.*$/, '').replace(/\s*,\s*\d.*$/, '');
  rest = rest.replace(/\s+(?:concerning|regarding|about|on the|on)\s+.*$/i, '').replace(/\s*\(.*$/, '');
  let place: string | undefined;
  const pm = rest.match(PLACE_SUFFIX);
  if (pm) {
    place = pm[1];
    rest = rest.slice(0, pm.index);
  }
  const recipients = rest
    .split(/\s+(?:and|&)\s+(?=[A-Z])/)
    .map((r) => r.replace(/(?<![,.;:])[,.;:]+$/, '').trim())
    .filter(Boolean);
  return { ...(sender ? { sender } : {}), recipients, ...(place ? { place } : {}) };
}

/** "Dear Comrade Shahumyan," → "Comrade Shahumyan"; generic forms ("Dear Comrades:") give nothing. */
export function nameFromSalutation(s: string): string | undefined {
  const n = s
    .replace(/(?<![,:!.])[,:!.]+$/, '')
    .trim()
    .replace(/^(?:my\s+)?(?:very\s+)?(?:dear(?:est)?|respected|esteemed|honou?red|liebe[rs]?|werte[rs]?|cher|chère)\s+/i, '')
    .trim();
  return !n || /^(?:dear\s+)?(?:comrades?|friends?|sirs?|madam|gentlemen|citizens?|all|colleagues?)$/i.test(n) ? undefined : n;
}
