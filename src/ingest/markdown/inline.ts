// mdast phrasing content → the Work's inline nodes.
import type { PhrasingContent } from 'mdast';
import type { Inline, Mark } from '../../model/work.js';

export function toInlines(nodes: PhrasingContent[], marks: Mark[] = []): Inline[] {
  const out: Inline[] = [];
  const text = (t: string, m: Mark[]) => out.push(m.length ? { type: 'text', text: t, marks: [...m] } : { type: 'text', text: t });
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        text(n.value.replace(/\n/g, ' '), marks);
        break;
      case 'emphasis':
        out.push(...toInlines(n.children, [...marks, { type: 'emphasis' }]));
        break;
      case 'strong':
        out.push(...toInlines(n.children, [...marks, { type: 'strong' }]));
        break;
      case 'delete':
        out.push(...toInlines(n.children, [...marks, { type: 'strike' }]));
        break;
      case 'inlineCode':
        text(n.value, [...marks, { type: 'code' }]);
        break;
      case 'link':
        out.push(...toInlines(n.children, [...marks, { type: 'link', href: n.url }]));
        break;
      case 'break':
        out.push({ type: 'lineBreak' });
        break;
      case 'footnoteReference':
        out.push({ type: 'noteRef', note: `n${n.identifier}`, label: n.label ?? n.identifier });
        break;
      case 'html': {
        // Only <sup>/<sub> survive as marks; any other raw HTML is kept as visible text, never as markup.
        text(n.value, marks);
        break;
      }
      case 'image':
        text(n.alt ?? '', marks);
        break;
      default:
        if ('value' in n && typeof n.value === 'string') text(n.value, marks);
    }
  }
  return mergeSupSub(out);
}

/** "<sup>", "x", "</sup>" arrive as three nodes; fold them into one superscript text. */
function mergeSupSub(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const a = nodes[i]!;
    const open = a.type === 'text' && /^<(sup|sub)>$/i.exec(a.text);
    const b = nodes[i + 1];
    const c = nodes[i + 2];
    if (open && b?.type === 'text' && c?.type === 'text' && c.text.toLowerCase() === `</${open[1]!.toLowerCase()}>`) {
      out.push({
        type: 'text',
        text: b.text,
        marks: [...(b.marks ?? []), { type: open[1]!.toLowerCase() === 'sup' ? 'superscript' : 'subscript' }],
      });
      i += 2;
    } else out.push(a);
  }
  return out;
}
