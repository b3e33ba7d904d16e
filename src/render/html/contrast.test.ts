// The colour tokens of the stylesheets meet WCAG 2 AA: every text colour against every surface it
// is drawn on, in the light scheme, the dark one (prefers-color-scheme) and print over either. The
// tokens are read from the CSS itself, so a change to a value or a new pairing cannot slip through.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const STYLESHEETS = ['octavo.css', 'search.css'].map((name) => ({
  name,
  css: readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8'),
}));

/** AA for normal text; no text drawn in these colours is large (24px, or 18.66px bold), so 3:1 never applies. */
const AA = 4.5;

/** Each text colour and the surfaces it is drawn on. */
const PAIRS: [text: string, surfaces: string[]][] = [
  ['fg', ['bg', 'box', 'target']],
  ['muted', ['bg', 'box']],
  ['faint', ['bg', 'box']], // a hovered pager link puts .pager-dir on --box
  ['accent', ['bg', 'box', 'target']], // links in marked titles and in the :target note
  ['accent-soft', ['bg', 'box', 'target']], // the same links, hovered
  ['bg', ['accent']], // the search button
];

/** WCAG 2 relative luminance of #rgb or #rrggbb. */
function luminance(hex: string): number {
  const h = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join('') : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const ratio = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

interface Rule {
  /** The enclosing at-rule preludes, e.g. "@media (prefers-color-scheme: dark)". */
  at: string;
  selector: string;
  decls: [property: string, value: string][];
}
/** The style rules of a stylesheet (comments dropped; enough CSS for ours: no braces in strings). */
function rules(css: string): Rule[] {
  const out: Rule[] = [];
  const stack: string[] = [];
  let buf = '';
  for (const ch of css.replace(/\/\*[\s\S]*?\*\//g, '')) {
    if (ch === '{') {
      stack.push(buf.trim());
      buf = '';
    } else if (ch === '}') {
      const selector = stack.pop() ?? '';
      if (!selector.startsWith('@')) {
        const decls = buf
          .split(';')
          .map((d) => d.split(/:(.*)/s).map((x) => x.trim()))
          .filter((d): d is [string, string] => !!d[0] && d[1] !== undefined);
        out.push({ at: stack.join(' '), selector, decls });
      }
      buf = '';
    } else if (ch === ';' && (stack.length === 0 || stack.at(-1)!.startsWith('@'))) buf = '';
    else buf += ch;
  }
  return out;
}

const all = STYLESHEETS.flatMap((s) => rules(s.css).map((r) => ({ ...r, sheet: s.name })));
const tokens = (at: (a: string) => boolean) =>
  Object.fromEntries(all.filter((r) => r.selector === ':root' && at(r.at)).flatMap((r) => r.decls.filter(([p]) => p.startsWith('--'))));
const light = tokens((a) => a === '');
const dark = { ...light, ...tokens((a) => /prefers-color-scheme:\s*dark/.test(a)) };
const print = tokens((a) => /^@media print$/.test(a));
const SCHEMES: Record<string, Record<string, string>> = {
  light,
  dark,
  'print (light)': { ...light, ...print },
  'print (dark)': { ...dark, ...print },
};

/** A token's colour as #hex, through var() references. */
function colour(scheme: Record<string, string>, name: string, seen: string[] = []): string {
  const v = scheme[`--${name}`];
  if (v === undefined || seen.includes(name)) throw new Error(`--${name} is not defined`);
  const ref = /^var\(--([\w-]+)\)$/.exec(v);
  if (ref) return colour(scheme, ref[1]!, [...seen, name]);
  if (!/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(v)) throw new Error(`--${name}: ${v} is not a #hex colour (teach the test to read it)`);
  return v;
}
/** The token a colour declaration names: "var(--muted, #6a6256)" → "muted"; undefined for keywords. */
const tokenOf = (value: string) => /^var\(--([\w-]+)/.exec(value)?.[1];
const COLOUR_KEYWORDS = new Set(['inherit', 'currentcolor', 'transparent', 'none', 'initial', 'unset']);

describe('colour contrast (WCAG 2 AA)', () => {
  it('reads the light, dark and print tokens from the stylesheets', () => {
    expect(light['--faint']).toMatch(/^#/);
    expect(dark['--bg']).not.toBe(light['--bg']);
    expect(print['--bg']).toBe('#fff');
  });

  it.each(Object.keys(SCHEMES))('every text colour meets 4.5:1 on its surfaces (%s)', (name) => {
    const scheme = SCHEMES[name]!;
    const failing: string[] = [];
    for (const [text, surfaces] of PAIRS) {
      for (const surface of surfaces) {
        const [fg, bg] = [colour(scheme, text), colour(scheme, surface)];
        const r = ratio(fg, bg);
        if (r < AA) failing.push(`--${text} ${fg} on --${surface} ${bg}: ${r.toFixed(2)}:1`);
      }
    }
    expect(failing).toEqual([]);
  });

  it('computes the ratios WCAG gives', () => {
    expect(ratio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(ratio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(ratio('#8f877a', '#fbf8f1')).toBeCloseTo(3.34, 1); // the old --faint, which failed
  });

  it('colours text and surfaces only with tokens the table checks, and pairs them as it says', () => {
    const texts = new Set(PAIRS.map(([t]) => t));
    const pairs = new Set(PAIRS.flatMap(([t, ss]) => ss.map((s) => `${t} on ${s}`)));
    const surfaces = new Set(PAIRS.flatMap(([, ss]) => ss));
    const problems: string[] = [];
    for (const r of all) {
      if (r.at.includes('print')) continue; // print redefines the tokens; the schemes above check them
      const get = (...props: string[]) => r.decls.find(([p]) => props.includes(p))?.[1];
      const [color, background] = [get('color'), get('background', 'background-color')];
      const where = `${r.sheet} ${r.selector}`;
      if (color !== undefined && !COLOUR_KEYWORDS.has(color.toLowerCase())) {
        const t = tokenOf(color);
        if (!t || !texts.has(t)) problems.push(`${where}: color ${color} is not a checked text token`);
      }
      if (background !== undefined && !COLOUR_KEYWORDS.has(background.toLowerCase())) {
        const s = tokenOf(background);
        if (!s || !surfaces.has(s)) problems.push(`${where}: background ${background} is not a checked surface`);
      }
      const [t, s] = [color && tokenOf(color), background && tokenOf(background)];
      if (t && s && !pairs.has(`${t} on ${s}`)) problems.push(`${where}: --${t} on --${s} is not in the table`);
    }
    expect(problems).toEqual([]);
  });
});
