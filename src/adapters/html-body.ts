/**
 * Finding the article body of a government web page by where the Chinese text is, not by site-specific selectors:
 * from <body> down, the element that holds most of the page's non-link CJK text is the body container. Outside
 * it, chrome (menus, which are mostly links; nav/header/footer/aside; regions named so in their class) is dropped.
 */
import type { Collector } from '../diagnostics.js';
import type { LineIndex } from '../source/lines.js';
import { CHROME_CLASS_WORDS, CHROME_ROLES, SHARE_CLASS_WORDS, TITLE_LIKE } from '../lexicon/html.js';
import { BLOCK, DROP, countCjk, counted, headingLevel, isHidden, isPlain, plainText, type DomNode } from './dom.js';

/** Page chrome by element name, dropped outside the article body. */
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu', 'dialog']);

/** The page's <body>, the article's container inside it (null on a page without Chinese text) and the chrome test. */
export interface PageBody {
  body: DomNode;
  container: DomNode | null;
  /** True for an element to drop: `inBody` when it lies inside the container. */
  isChrome: (el: DomNode, inBody: boolean) => boolean;
}

/** Counts each element's text (pass 1, stored on the nodes) and finds the body container. */
export function findBody(root: DomNode, src: string, lines: LineIndex, ctx: Collector): PageBody {
  // Pass 1, children before parents: how much Chinese text (and how much of it in links) each element holds.
  const order: DomNode[] = [];
  for (const stack = [root]; stack.length > 0;) {
    const n = stack.pop() as DomNode;
    const type = n.type;
    if (type === 'tag' || type === 'script' || type === 'style' || type === 'root') {
      if (type !== 'root' && (DROP.has(n.name) || isHidden(n))) continue;
      order.push(n);
      const kids = n.children;
      if (kids !== undefined) for (let k = 0; k < kids.length; k++) stack.push(kids[k] as DomNode);
    }
  }
  for (let k = order.length - 1; k >= 0; k--) {
    const n = order[k] as DomNode;
    let cjk = 0, linkCjk = 0, links = 0, headings = 0;
    const kids = n.children;
    if (kids !== undefined) {
      for (let i = 0; i < kids.length; i++) {
        const c = kids[i] as DomNode;
        if (c.type === 'text') cjk += isPlain(c) ? countCjk(src, c.start, c.end) : countCjk(c.data, 0, c.data.length);
        else if (counted(c)) { cjk += c.cjk; linkCjk += c.linkCjk; links += c.links; headings += c.headings; }
      }
    }
    const name = n.name;
    if (name === 'a') { linkCjk = cjk; links++; }
    const h = headingLevel(name);
    if (h >= 1 && h <= 3) headings++;
    n.cjk = cjk; n.linkCjk = linkCjk; n.links = links; n.headings = headings;
  }
  const text$ = (n: DomNode) => (counted(n) ? n.cjk - n.linkCjk : 0);

  // The body container: descend from <body> while one child holds at least half of the page's running text.
  let body: DomNode = root;
  for (const stack = [root]; stack.length > 0;) {
    const n = stack.pop() as DomNode;
    if (n.name === 'body') { body = n; break; }
    if (n.type === 'root' || n.name === 'html') for (const c of n.children ?? []) stack.push(c);
  }
  const total = text$(body);
  let container: DomNode | null = null;
  if (total > 0) {
    let at: DomNode = body;
    for (;;) {
      let best: DomNode | null = null;
      for (const c of at.children ?? []) if (counted(c) && (best === null || text$(c) > text$(best))) best = c;
      if (best === null || text$(best) < total * 0.5) break;
      at = best;
    }
    container = at;
    if (container !== body) {
      ctx.report('html-body-guessed', container.start >= 0 ? lines.position(container.start).line : null,
        `article body taken as <${container.name}${describe(container)}> (${Math.round((text$(container) / total) * 100)}% of the page's text)`);
    }
  }
  const spine = new Set<DomNode>();
  for (let n: DomNode | null | undefined = container; n; n = n.parent) spine.add(n);

  /**
   * Chrome: menus (mostly links), chrome elements, chrome-named regions. Inside the body container a region must
   * be more clearly a link list (`详见<a>附件1</a>、<a>附件2</a>` in a paragraph is text).
   */
  const isChrome = (el: DomNode, inBody: boolean): boolean => {
    if (spine.has(el)) return false;
    const name = el.name;
    if (el.headings === 0 && CHROME_TAGS.has(name)) return true;
    const a = el.attribs;
    if (a?.role !== undefined && CHROME_ROLES.test(a.role)) return true;
    if (inBody ? el.links >= 3 && el.linkCjk >= el.cjk * 0.7 && name !== 'p' : el.links >= 2 && el.linkCjk >= el.cjk * 0.5) return true;
    // class/id hints name regions, not inline runs: `<span class="font">` inside a paragraph is text
    if (!BLOCK.has(name) || el.headings !== 0) return false;
    const cls = a?.class, id = a?.id;
    if (!cls && !id) return false;
    const words = `${cls ?? ''} ${id ?? ''}`.split(/[\s_-]+/);
    const hint = inBody ? SHARE_CLASS_WORDS : CHROME_CLASS_WORDS;
    return words.some((w) => w !== '' && hint.test(w)) && !TITLE_LIKE.test(plainText(el));
  };

  return { body, container, isChrome };
}

function describe(el: DomNode): string {
  const id = el.attribs?.id ? ` id="${el.attribs.id}"` : '';
  const cls = el.attribs?.class ? ` class="${el.attribs.class}"` : '';
  return id + cls;
}
