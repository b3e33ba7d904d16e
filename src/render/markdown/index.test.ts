import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderMarkdown } from './index.js';
import { seedWork } from '../../../test/support/seed.js';

describe('Markdown export', () => {
  const md = renderMarkdown(seedWork());
  const [, front, body] = md.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/)!;

  it('carries the header as YAML front matter', () => {
    const data = parse(front!);
    expect(data).toMatchObject({
      id: 'lenin/1918/05/14-shahumyan',
      kind: 'letter',
      authors: [{ id: 'lenin' }],
      recipients: [{ name: 'S. G. Shahumyan' }],
      written: { date: { iso: '1918-05-14' } },
      sentTo: { name: 'Baku' },
      source: { volume: '35', pages: '332' },
      rights: { licence: 'public-domain', credit: 'Marxists Internet Archive' },
    });
    expect(data.published[0]).toMatchObject({ issue: '33', date: { iso: '1918-09-08' } });
  });

  it('renders the note as a footnote with both paragraphs', () => {
    expect(body).toContain('learn diplomacy.[^1]');
    expect(body).toMatch(/\[\^1\]: The defeat[\s\S]*\n\n {4}The Azerbaijan/);
  });

  it('escapes Markdown syntax in imported text', () => {
    const w = seedWork();
    w.title = 'A *bold* [claim](javascript:alert(1)) <script>';
    expect(renderMarkdown(w)).toContain('# A \\*bold\\* \\[claim\\](javascript:alert(1)) \\<script\\>');
  });
});
