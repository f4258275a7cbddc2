/**
 * Navigation in a page converted to Markdown: pandoc keeps a sidebar (`### 相关文件` over `- [某市…的通知](…)`) as a
 * heading and a list of links before the body, where the outline would read the heading as a chapter and the
 * links as notice titles. A heading over a list whose every item is a link is navigation, not the plan.
 */

/** The part of an mdast node read here. */
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

const LINKS = new Set(['link', 'linkReference']);
/** Text beside a link that is no prose (a date `2023-09-15`, brackets, separators): still a navigation item. */
const CJK = /[\u3400-\u9fff]/;

/** Whether a list item holds one or more links and, outside them, no Chinese text. */
function linkItem(item: MdNode): boolean {
  let links = 0;
  const stack: MdNode[] = [...(item.children ?? [])];
  while (stack.length > 0) {
    const n = stack.pop() as MdNode;
    if (LINKS.has(n.type)) links++;
    else if (n.type === 'text' || n.type === 'inlineCode') { if (CJK.test(n.value ?? '')) return false; }
    else if (n.type === 'paragraph' || n.type === 'emphasis' || n.type === 'strong' || n.type === 'delete') stack.push(...(n.children ?? []));
    else if (n.type !== 'html' && n.type !== 'break' && n.type !== 'image') return false;
  }
  return links > 0;
}

/** A container's children without the headings that stand over a list of links, and those lists. */
export function dropNavigation(kids: MdNode[]): MdNode[] {
  if (!kids.some((k) => k.type === 'heading')) return kids;
  const out: MdNode[] = [];
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i] as MdNode, next = kids[i + 1];
    if (k.type === 'heading' && next?.type === 'list' && (next.children ?? []).length > 0 && (next.children ?? []).every(linkItem)) {
      i++;
      continue;
    }
    out.push(k);
  }
  return out;
}
