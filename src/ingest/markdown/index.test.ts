import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './index.js';
import { renderMarkdown } from '../../render/markdown/index.js';
import { loadDefaultRegister } from '../../model/register.js';
import { seedWork } from '../../../test/support/seed.js';

const ctx = { register: loadDefaultRegister() };
const md = (s: string, path = 'in.md') => parseMarkdown({ path, bytes: new TextEncoder().encode(s) }, ctx);
const noProv = <T extends { provenance: unknown }>(w: T) => ({ ...w, provenance: undefined });

describe('Markdown importer', () => {
  it('round-trips the seed: import → export md → import gives the same Work', () => {
    const seed = seedWork();
    const out = md(renderMarkdown(seed));
    expect(out.diagnostics).toEqual([]);
    expect(noProv(out.works[0]!)).toEqual(noProv(seed));
  });

  it('reads a hand-written letter with simple front matter', () => {
    const out = md(
      `---\ntitle: To Shaumyan\nkind: letter\nauthor: Lenin\nrecipient: Shaumyan\ndate: May 14, 1918\n---\n\nDear Comrade Shaumyan,\n\nWe have to *learn* diplomacy.[^1]\n\nYours,\n\nLenin\n\n[^1]: A note.\n`,
    );
    const w = out.works[0]!;
    expect(w).toMatchObject({
      id: 'lenin/1918/05/14-shaumyan',
      kind: 'letter',
      authors: [{ id: 'lenin' }],
      recipients: [{ id: 'shaumyan-stepan' }],
    });
    expect(w.written?.date?.iso).toBe('1918-05-14');
    expect(w.body.map((b) => b.type)).toEqual(['salutation', 'paragraph', 'closer', 'signature']);
    expect(w.body[1]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'We have to ' },
        { type: 'text', text: 'learn', marks: [{ type: 'emphasis' }] },
        { type: 'text', text: ' diplomacy.' },
        { type: 'noteRef', note: 'n1', label: '1' },
      ],
    });
    expect(w.notes).toEqual([{ id: 'n1', label: '1', blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'A note.' }] }] }]);
  });

  it('keeps raw HTML as text, never as markup', () => {
    const w = md('---\ntitle: X\n---\n\n<script>alert(1)</script>\n').works[0]!;
    expect(JSON.stringify(w.body)).toContain('<script>alert(1)</script>');
    expect(w.body[0]!.type).toBe('paragraph');
  });

  it('names the line of broken front matter', () => {
    const out = md('---\ntitle: [unclosed\n---\n\nText\n', 'broken.md');
    expect(out.works).toEqual([]);
    expect(out.diagnostics[0]).toMatchObject({ severity: 'error', file: 'broken.md', line: 2, element: 'front matter' });
  });

  it('names the field of invalid front matter', () => {
    const out = md('---\ntitle: X\nkind: sonnet-cycle\n---\n\nText\n');
    expect(out.diagnostics[0]).toMatchObject({ severity: 'error', element: 'front matter: kind' });
  });
});
