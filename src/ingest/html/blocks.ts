/** Elements that start a new paragraph of text. */
const BLOCK = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR CAPTION DD DETAILS DIALOG DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HGROUP HR LEGEND LI MAIN MENU NAV OL P PRE SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL'.split(
    ' ',
  ),
);

/** Elements whose content is never text to read. */
export const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SELECT', 'TEXTAREA', 'BUTTON', 'INPUT', 'HEAD']);

/** One paragraph of a page: its text and what it is made of. */
export interface Block {
  /** Text with whitespace collapsed. */
  text: string;
  /** The nearest block-level element around the text. */
  element: Element;
  /** Characters inside links. */
  linkChars: number;
  /** Characters of text nodes in the given `kept` set (what Readability chose). */
  keptChars: number;
  /** 1–6 for a heading, else 0. */
  heading: number;
}

/**
 * The paragraphs of a subtree in document order: block elements (and <br>) end a paragraph,
 * inline whitespace collapses. `kept` marks text nodes whose characters count as kept.
 */
export function segmentBlocks(root: Node, kept: ReadonlySet<Node> | null = null): Block[] {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let linkChars = 0;
  let keptChars = 0;
  let links = 0;
  let owner: Element | null = root.nodeType === 1 ? (root as Element) : null;
  const flush = () => {
    if (parts.length) {
      const text = parts.join('').replace(/\s+/g, ' ').trim();
      if (text && owner) {
        const tag = owner.tagName;
        const heading = tag.length === 2 && tag[0] === 'H' && tag[1]! >= '1' && tag[1]! <= '6' ? +tag[1]! : 0;
        blocks.push({ text, element: owner, linkChars: Math.min(linkChars, text.length), keptChars: Math.min(keptChars, text.length), heading });
      }
    }
    parts = [];
    linkChars = 0;
    keptChars = 0;
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const value = child.nodeValue ?? '';
        parts.push(value);
        if (links || kept?.has(child)) {
          const n = value.replace(/\s+/g, ' ').length;
          if (links) linkChars += n;
          if (kept?.has(child)) keptChars += n;
        }
      } else if (child.nodeType === 1) {
        const el = child as Element;
        const tag = el.tagName;
        if (SKIPPED.has(tag)) continue;
        if (!BLOCK.has(tag)) {
          const isLink = tag === 'A';
          if (isLink) links++;
          walk(el);
          if (isLink) links--;
          continue;
        }
        flush();
        const outer = owner;
        owner = el;
        walk(el);
        flush();
        owner = outer;
      }
    }
  };
  walk(root);
  flush();
  return blocks;
}

/** Text of a DOM subtree with block elements as paragraph breaks and inline whitespace collapsed. */
export function blockText(root: Node): string {
  return segmentBlocks(root)
    .map((b) => b.text)
    .join('\n\n');
}
