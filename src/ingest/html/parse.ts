import { parseHTML } from 'linkedom';

/**
 * Parse a page with linkedom and give it the html > head + body skeleton a browser would build.
 *
 * linkedom keeps the tree exactly as written, and its `document.body` is only the element right
 * after <head>: a stray <div> before <body>, a <style> before <html> or a <body> nested in a
 * <div> leaves it a new, empty body, and Readability then sees no page at all. Browsers (the
 * HTML5 tree builder) move such nodes into place; this does the same for the skeleton only.
 */
export function parsePage(html: string): Document {
  const { document } = parseHTML(html);
  if (!wellFormed(document)) repairSkeleton(document);
  return document;
}

function wellFormed(document: Document): boolean {
  const root = document.documentElement;
  if (!root || root.tagName !== 'HTML' || root.nextElementSibling) return false;
  const head = root.firstElementChild;
  const body = head?.nextElementSibling;
  return head?.tagName === 'HEAD' && body?.tagName === 'BODY' && !body.nextElementSibling && root.getElementsByTagName('body').length === 1;
}

// Elements that belong in <head> when they come before the page's first content.
const HEAD_ONLY = new Set(['META', 'LINK', 'TITLE', 'BASE', 'STYLE', 'SCRIPT', 'NOSCRIPT', 'TEMPLATE']);

function repairSkeleton(document: Document): void {
  const html = document.getElementsByTagName('html')[0] ?? document.createElement('html');
  const head = document.getElementsByTagName('head')[0] ?? document.createElement('head');
  const body = document.createElement('body');
  const firstBody = document.getElementsByTagName('body')[0];
  for (const attr of firstBody ? Array.from(firstBody.attributes) : []) body.setAttribute(attr.name, attr.value);

  // The top-level nodes in document order, with <html>'s own children in its place.
  const nodes: Node[] = [];
  for (const node of Array.from(document.childNodes)) {
    if (node === html) nodes.push(...Array.from(html.childNodes));
    else if (node.nodeType !== 10) nodes.push(node);
  }
  let inBody = false;
  for (const node of nodes) {
    if (node === head) continue;
    const tag = node.nodeType === 1 ? (node as Element).tagName : null;
    if (tag === 'BODY' || tag === 'HTML') {
      body.append(...Array.from(node.childNodes));
      inBody = true;
    } else if (!inBody && tag && HEAD_ONLY.has(tag)) {
      head.append(node);
    } else if (tag || (node.nodeType === 3 && (inBody || node.nodeValue?.trim()))) {
      body.append(node);
      inBody = true;
    }
  }
  // A <body> or <html> tag inside the content (<div><body>…) only wraps what follows it.
  for (const stray of Array.from(body.querySelectorAll('html, head, body'))) stray.replaceWith(...Array.from(stray.childNodes));
  html.replaceChildren(head, body);
  if (html.parentNode !== document || document.documentElement !== html) {
    for (const node of Array.from(document.childNodes)) if (node.nodeType !== 10) node.remove();
    document.append(html);
  }
}

/**
 * Whether elements nest deeper than `limit` under `root`. The DOM library and Readability recurse
 * over the tree, and a page nested thousands deep overflows the stack; browsers' parsers stop
 * nesting at 512 (Blink) too.
 */
export function nestedDeeperThan(root: Element, limit: number): boolean {
  let el: Element | null = root.firstElementChild;
  let depth = 1;
  while (el) {
    if (depth > limit) return true;
    const child: Element | null = el.firstElementChild;
    if (child) {
      el = child;
      depth++;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) {
      el = el.parentElement;
      depth--;
    }
    el = el && el !== root ? el.nextElementSibling : null;
  }
  return false;
}
