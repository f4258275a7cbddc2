/**
 * The HTML page as a light tree: parse5 (through cheerio) builds it with a tree adapter of our own, so the tree is
 * exactly the one the HTML5 algorithm gives (implied <html>/<body>, foster-parented table text, the adoption agency
 * for misnested formatting tags) but each node is one small object of a single shape with only what fromHtml reads:
 * type, tag name, attributes, text, children, parent and the source range. cheerio's default adapter builds
 * domhandler nodes with namespace and prefix maps per element and copies every location object when an element
 * closes; ours keeps two offsets per node (a quarter of the parse time on government pages).
 *
 * Why parse5 and not htmlparser2 (which cheerio also ships and which parses about four times faster): htmlparser2
 * does not run the HTML5 tree construction. It adds no implied <body>, leaves text inside <table> where it stands
 * instead of moving it before the table, does not repair misnested formatting tags and does not fold CR. On the
 * messy CMS pages qplan reads that changes blocks, the body container and line numbers. The parse is most of what
 * is left of the HTML adapter's time (see fromHtml), and the trade was not worth it.
 */
import * as cheerio from 'cheerio';
import type { Token, TreeAdapter, TreeAdapterTypeMap } from 'parse5';

/**
 * A node of the page. `type` is domhandler's: `root` (document, template content), `tag`, `script`, `style`,
 * `text`, `comment`, `directive` (doctype). `name` is '' and `attribs`/`children` undefined where they do not apply.
 * One class, every field set in the constructor: all nodes share one shape, so the walks over them stay monomorphic.
 */
export class DomNode {
  parent: DomNode | null = null;
  /** Source range `[start, end)`, -1 when parse5 made the node up (an implied <tbody>, a reconstructed <b>). */
  start = -1;
  end = -1;
  /** The element was closed by its own end tag (parse5 asks, for <html> and <body>). */
  endTag = false;
  /**
   * A text node whose text is its source range character for character and holds no `&`: `data` equals
   * `source.slice(start, end)` (no entity, no CR, no NUL), so readers may take the characters from the source.
   */
  plain = false;
  /** Document mode (documents only; parse5 asks for it). */
  mode = '';
  /** Scratch counts for fromHtml: CJK characters inside (-1: not counted, the node is dropped), in links, links, h1–h3. */
  cjk = -1;
  linkCjk = 0;
  links = 0;
  headings = 0;
  constructor(
    public type: string,
    public name: string,
    public data: string,
    public attribs: Record<string, string> | undefined,
    /** The attributes as parse5 gave them (parse5 reads them back to clone formatting elements). */
    public attrs: Token.Attribute[] | undefined,
    public namespace: string,
    public children: DomNode[] | undefined,
  ) {}
}

type LiteMap = TreeAdapterTypeMap<DomNode, DomNode, DomNode, DomNode, DomNode, DomNode, DomNode, DomNode, DomNode, DomNode>;

/** The page being parsed and the last text chunk parse5 inserted (parse5 sets its location right after). */
let source = '';
let chunk = '';

const container = () => new DomNode('root', '', '', undefined, undefined, '', []);
const textNode = (data: string) => new DomNode('text', '', data, undefined, undefined, '', undefined);

/** The last chunk is the source `[from, to)` as written, with no `&`. */
function isVerbatim(from: number, to: number): boolean {
  return to - from === chunk.length && chunk.indexOf('&') < 0 && source.startsWith(chunk, from);
}

/** parse5's tree adapter interface over {@link DomNode}; behaviour mirrors parse5-htmlparser2-tree-adapter. */
const lite: TreeAdapter<LiteMap> = {
  createDocument: () => {
    const d = container();
    d.mode = 'no-quirks';
    return d;
  },
  createDocumentFragment: container,
  createElement(tagName, namespaceURI, attrs) {
    const attribs: Record<string, string> = Object.create(null);
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i] as Token.Attribute;
      attribs[a.name] = a.value;
    }
    const type = tagName === 'script' ? 'script' : tagName === 'style' ? 'style' : 'tag';
    return new DomNode(type, tagName, '', attribs, attrs, namespaceURI, []);
  },
  createCommentNode: (data) => new DomNode('comment', '', data, undefined, undefined, '', undefined),
  createTextNode: textNode,
  appendChild(parent, node) {
    (parent.children as DomNode[]).push(node);
    node.parent = parent;
  },
  insertBefore(parent, node, ref) {
    const kids = parent.children as DomNode[];
    kids.splice(kids.indexOf(ref), 0, node);
    node.parent = parent;
  },
  setTemplateContent(tmpl, content) {
    lite.appendChild(tmpl, content);
  },
  getTemplateContent: (tmpl) => (tmpl.children as DomNode[])[0] as DomNode,
  setDocumentType(document, name) {
    const kids = document.children as DomNode[];
    if (!kids.some((n) => n.type === 'directive')) lite.appendChild(document, new DomNode('directive', '!doctype', name, undefined, undefined, '', undefined));
  },
  setDocumentMode(document, mode) {
    document.mode = mode;
  },
  getDocumentMode: (document) => document.mode as ReturnType<TreeAdapter['getDocumentMode']>,
  detachNode(node) {
    const p = node.parent;
    if (p) {
      const kids = p.children as DomNode[];
      kids.splice(kids.indexOf(node), 1);
      node.parent = null;
    }
  },
  insertText(parent, text) {
    chunk = text;
    const kids = parent.children as DomNode[];
    const last = kids[kids.length - 1];
    if (last !== undefined && last.type === 'text') last.data += text;
    else lite.appendChild(parent, textNode(text));
  },
  insertTextBefore(parent, text, ref) {
    chunk = text;
    const kids = parent.children as DomNode[];
    const prev = kids[kids.indexOf(ref) - 1];
    if (prev !== undefined && prev.type === 'text') prev.data += text;
    else lite.insertBefore(parent, textNode(text), ref);
  },
  adoptAttributes(recipient, attrs) {
    const attribs = recipient.attribs as Record<string, string>;
    for (const a of attrs) {
      if (attribs[a.name] !== undefined) continue;
      attribs[a.name] = a.value;
      recipient.attrs = [...(recipient.attrs ?? []), a];
    }
  },
  getFirstChild: (node) => node.children?.[0] ?? null,
  getChildNodes: (node) => node.children ?? [],
  getParentNode: (node) => node.parent,
  getAttrList: (el) => el.attrs ?? [],
  getTagName: (el) => el.name,
  getNamespaceURI: (el) => el.namespace as ReturnType<TreeAdapter['getNamespaceURI']>,
  getTextNodeContent: (node) => node.data,
  getCommentNodeContent: (node) => node.data,
  getDocumentTypeNodeName: (node) => node.data,
  getDocumentTypeNodePublicId: () => '',
  getDocumentTypeNodeSystemId: () => '',
  isTextNode: (node): node is DomNode => node.type === 'text',
  isCommentNode: (node): node is DomNode => node.type === 'comment',
  isDocumentTypeNode: (node): node is DomNode => node.type === 'directive',
  isElementNode: (node): node is DomNode => node.type === 'tag' || node.type === 'script' || node.type === 'style',
  setNodeSourceCodeLocation(node, loc) {
    node.start = loc ? loc.startOffset : -1;
    node.end = loc ? loc.endOffset : -1;
    // (a location is set when a node is made, before any end tag: `endTag` comes with updates)
    node.endTag = false;
    // a new text node: its first chunk is plain when it is exactly the source it spans
    if (node.type === 'text') node.plain = loc !== null && isVerbatim(node.start, node.end);
  },
  // parse5 reads a location back only to test that it exists and whether <html>/<body> got an end tag: the node
  // itself answers both (`endTag`), no location object is kept
  getNodeSourceCodeLocation: (node) => (node.start >= 0 ? (node as unknown as ReturnType<TreeAdapter['getNodeSourceCodeLocation']>) : null),
  updateNodeSourceCodeLocation(node, end) {
    if (node.start < 0) return;
    if (end.endOffset !== undefined && end.endOffset !== null) {
      // a chunk appended to a text node keeps it plain when it is the source right after the node's end
      if (node.type === 'text') node.plain = node.plain && isVerbatim(node.end, end.endOffset);
      node.end = end.endOffset;
    }
    if (end.endTag !== undefined) node.endTag = true;
  },
};

/**
 * Parses a page into a {@link DomNode} tree. The document cheerio returns stays referenced from the long-lived
 * closures `cheerio.load` makes, so a tree hanging from it would survive the young generation and be promoted (the
 * GC then cost more than the parse): the children are moved to a root of our own, and the tree dies young once the
 * page is read.
 */
export function parseTree(src: string): DomNode {
  const options = { sourceCodeLocationInfo: true, treeAdapter: lite as unknown as NonNullable<cheerio.CheerioOptions['treeAdapter']> };
  let doc: DomNode;
  source = src;
  try {
    doc = cheerio.load(src, options).root()[0] as unknown as DomNode;
  } finally {
    source = chunk = '';
  }
  const root = container();
  root.children = doc.children ?? [];
  for (const c of root.children) c.parent = root;
  doc.children = [];
  return root;
}

// What fromHtml's passes share: which elements never hold text, which start a line, and small node tests.

/** Never text: their content is code, styling, embedded objects or form controls. */
export const DROP = new Set(['head', 'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'svg', 'math', 'canvas', 'object', 'embed', 'applet',
  'audio', 'video', 'map', 'select', 'option', 'optgroup', 'button', 'input', 'textarea', 'datalist', 'meta', 'link', 'title', 'img', 'picture', 'source', 'param']);
/** Elements that start a new line (one block per paragraph, like one line of a .txt). */
export const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'listing', 'plaintext', 'xmp']);

/** The ASCII whitespace a browser collapses (not NBSP, not U+3000). */
export const isWs = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
/** What `/[\s\u00a0\u3000\u200b\ufeff]/` matches: a line made only of these is blank. */
export const isBlankChar = (c: number) => c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** CJK characters in `s[from, to)`. */
export function countCjk(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    // CJK ideographs (U+4E00–9FFF, extension A U+3400–4DBF, compatibility U+F900–FAFF), tested inline: V8 ran
    // this loop four times slower through a helper
    if (c >= 0x3400 && ((c >= 0x4e00 && c <= 0x9fff) || c <= 0x4dbf || (c >= 0xf900 && c <= 0xfaff))) n++;
  }
  return n;
}

/** `h1`…`h6` → 1…6, anything else 0. */
export function headingLevel(name: string): number {
  if (name.length !== 2 || name.charCodeAt(0) !== 104) return 0;
  const d = name.charCodeAt(1) - 48;
  return d >= 1 && d <= 6 ? d : 0;
}

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

export function isHidden(el: DomNode): boolean {
  const a = el.attribs;
  if (a === undefined) return false;
  if ('hidden' in a) return true;
  const style = a.style;
  return style !== undefined && style.length >= 11 && HIDDEN_STYLE.test(style);
}

/** Pass 1 counted this element (it is not dropped): its counts are in `cjk`, `linkCjk`, `links`, `headings`. */
export const counted = (n: DomNode) => n.cjk >= 0;
/**
 * A text node that is its source range character for character, without entities (see DomNode.plain): its
 * characters are read from the (flat) source, and its `data`, built by parse5 chunk by chunk, is never touched.
 */
export const isPlain = (n: DomNode) => n.plain && n.end - n.start === n.data.length;
/** Start offset of a node in the source, or `dflt` for a node parse5 made up. */
export const startOf = (n: DomNode, dflt: number) => (n.start >= 0 ? n.start : dflt);

/** Visible text of an element (iterative), for the title check on chrome hints. */
export function plainText(el: DomNode): string {
  let out = '';
  for (const stack = [el]; stack.length > 0 && out.length < 2000;) {
    const n = stack.pop() as DomNode;
    if (n.type === 'text') out += n.data;
    else if (n.type === 'tag' && !DROP.has(n.name)) for (let k = (n.children ?? []).length - 1; k >= 0; k--) stack.push((n.children as DomNode[])[k] as DomNode);
  }
  return out;
}

/** `plainText(cell).trim() !== ''` without building the text. */
export function hasVisibleText(el: DomNode): boolean {
  let seen = 0;
  for (const stack = [el]; stack.length > 0 && seen < 2000;) {
    const n = stack.pop() as DomNode;
    if (n.type === 'text') {
      const d = n.data;
      for (let i = 0; i < d.length; i++) if (!isTrimmed(d.charCodeAt(i))) return true;
      seen += d.length;
    } else if (n.type === 'tag' && !DROP.has(n.name)) for (let k = (n.children ?? []).length - 1; k >= 0; k--) stack.push((n.children as DomNode[])[k] as DomNode);
  }
  return false;
}

/** What `String.prototype.trim` removes: JS whitespace and line terminators (not U+200B). */
const isTrimmed = (c: number) => c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
