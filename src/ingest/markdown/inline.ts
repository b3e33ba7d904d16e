// mdast phrasing content → the Work's inline nodes.
import type { PhrasingContent } from 'mdast';
import type { Inline, Mark } from '../../model/work.js';

/**
 * mdast phrasing content → inline nodes with the marks of the spans around them. Iterative (a stack
 * of the spans being read), so emphasis nested as deep as the import's limit never grows the call
 * stack, and every node is written once into one array.
 */
export function toInlines(nodes: PhrasingContent[], marks: Mark[] = []): Inline[] {
  const out: Inline[] = [];
  const text = (t: string, m: Mark[]) => out.push(m.length ? { type: 'text', text: t, marks: [...m] } : { type: 'text', text: t });
  const todo: { nodes: PhrasingContent[]; i: number; marks: Mark[] }[] = [{ nodes, i: 0, marks }];
  while (todo.length) {
    const top = todo[todo.length - 1]!;
    if (top.i >= top.nodes.length) {
      todo.pop();
      continue;
    }
    const n = top.nodes[top.i++]!;
    const m = top.marks;
    // A span inside a span of the same kind (emphasis in emphasis) adds no mark: marks say how text is set, and
    // `<em><em>x</em></em>` is set as `<em>x</em>`. Nested emphasis therefore costs no more than flat emphasis.
    const span = (mark: Mark, children: PhrasingContent[]) =>
      todo.push({ nodes: children, i: 0, marks: m.some((x) => sameMark(x, mark)) ? m : [...m, mark] });
    switch (n.type) {
      case 'text':
        text(n.value.replace(/\n/g, ' '), m);
        break;
      case 'emphasis':
        span({ type: 'emphasis' }, n.children);
        break;
      case 'strong':
        span({ type: 'strong' }, n.children);
        break;
      case 'delete':
        span({ type: 'strike' }, n.children);
        break;
      case 'inlineCode':
        text(n.value, [...m, { type: 'code' }]);
        break;
      case 'link':
        span({ type: 'link', href: n.url }, n.children);
        break;
      case 'break':
        out.push({ type: 'lineBreak' });
        break;
      case 'footnoteReference':
        out.push({ type: 'noteRef', note: `n${n.identifier}`, label: n.label ?? n.identifier });
        break;
      case 'html': {
        // Only <sup>/<sub> survive as marks; any other raw HTML is kept as visible text, never as markup.
        text(n.value, m);
        break;
      }
      case 'image':
        text(n.alt ?? '', m);
        break;
      default:
        if ('value' in n && typeof n.value === 'string') text(n.value, m);
    }
  }
  return mergeSupSub(out);
}

const sameMark = (a: Mark, b: Mark): boolean => a.type === b.type && (a.type !== 'link' || (b.type === 'link' && a.href === b.href));

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
