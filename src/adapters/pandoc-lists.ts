/**
 * Word's automatic numbering through pandoc (`pandoc -f docx -t gfm` or `-t markdown`): the printed `一、` `（一）`
 * `1.` are gone and the outline survives only as list nesting. pandoc numbers a list by Word's list instance
 * (`w:numId`): when a group's first task has an instance of its own (`startOverride` 5), the tasks after it open a
 * second list that restarts at 1, parted from the first by pandoc's `<!-- -->`. Word counts on (5, 6, 7), so a list
 * that only such a separator parts from the one before continues its numbers. A list item that holds a heading
 * (`3.  ## 推动…`) is a heading whose marker counted Word's paragraphs, not a printed number.
 */

/** The part of an mdast node read here. */
interface MdNode {
  type: string;
  value?: string;
  lang?: string | null;
  ordered?: boolean | null;
  start?: number | null;
  children?: MdNode[];
}

/** pandoc's separator between two adjacent lists: `<!-- -->`, in its own Markdown a raw block (```{=html}). */
const SEPARATOR = /^<!--\s*-->$/;
export const isRawHtml = (n: MdNode): boolean => n.type === 'code' && n.lang === '{=html}';
const separates = (n: MdNode) => (n.type === 'html' || isRawHtml(n)) && SEPARATOR.test((n.value ?? '').trim());

/**
 * The numbers of the lists among a container's children that continue the list before them (first number by
 * list); lists that start where their source says are absent.
 */
export function continuedLists(kids: MdNode[]): Map<MdNode, number> {
  const out = new Map<MdNode, number>();
  let prev: MdNode | null = null, next = 0;
  for (const k of kids) {
    if (separates(k)) continue;
    if (k.type === 'list' && k.ordered === true && prev !== null && (k.start ?? 1) === 1 && next > 1) out.set(k, next);
    if (k.type === 'list' && k.ordered === true) {
      const first = out.get(k) ?? k.start ?? 1;
      prev = k;
      next = first + (k.children ?? []).length;
    } else { prev = null; next = 0; }
  }
  return out;
}

/** Whether a list item's marker stands before a heading (`3.  ## 推动…`): Word's count, no printed number. */
export const headsItem = (item: MdNode): boolean => item.children?.[0]?.type === 'heading';
