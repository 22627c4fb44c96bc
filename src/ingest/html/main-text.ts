import { Readability } from '@mozilla/readability';
import { segmentBlocks, SKIPPED, type Block } from './blocks.js';
import { clean } from './metadata.js';
import { isBoilerplateElement, isTrailer, looksLikeProse, SENTENCE_END } from './signals.js';

/** What Readability says about the page besides its content. */
export interface ReadabilityMetadata {
  title: string | null;
  publishedTime: string | null;
  siteName: string | null;
  lang: string | null;
}

export interface MainText {
  /** The paragraphs of the main text, without the headline. */
  paragraphs: string[];
  readability: ReadabilityMetadata;
}

/**
 * The main text of a page: Readability chooses the article, then the paragraphs it dropped
 * between the headline and its last paragraph come back when they read as prose, and what it
 * kept that is page furniture (newsletter boxes, author cards, captions, share bars, trailing
 * "related" lists and prompts) goes. Works on the page's own DOM; Readability runs on a copy.
 */
export function extractMainText(document: Document, headline: Element | null): MainText {
  revealHiddenProse(document);
  removeInert(document);
  unmarkWrappers(document);
  // One text node per run of text on both sides, however the parser split it (at entities).
  document.body.normalize();
  const { parsed, kept } = runReadability(document);
  let blocks = segmentBlocks(document.body, kept);
  // Readability sometimes settles on a table or list inside the article (many short cells score
  // well). Then ask it again without that part, and take both answers.
  const container = keptContainer(blocks);
  if (container && container !== document.body && proseShare(blocks) < MIN_PROSE_SHARE) {
    const place = [container.parentNode!, container.nextSibling] as const;
    container.remove();
    const second = runReadability(document);
    place[0].insertBefore(container, place[1]);
    if (second.kept.size) {
      for (const node of second.kept) kept.add(node);
      blocks = segmentBlocks(document.body, kept);
    }
  }
  return {
    paragraphs: selectParagraphs(blocks, headline),
    readability: {
      title: clean(parsed?.title),
      publishedTime: clean(parsed?.publishedTime),
      siteName: clean(parsed?.siteName),
      lang: clean(parsed?.lang),
    },
  };
}

/** Readability over a copy of the page, and the page's own text nodes that it kept. */
function runReadability(document: Document): { parsed: ReturnType<Readability<Node>['parse']>; kept: Set<Node> } {
  const copy = document.cloneNode(true) as Document;
  const parsed = new Readability(copy, { serializer: (node: Node) => node }).parse();
  parsed?.content?.normalize();
  return { parsed, kept: parsed?.content ? alignTextNodes(document.body, parsed.content) : new Set<Node>() };
}

const isKept = (b: Block) => b.keptChars * 2 >= b.text.length;

/** The deepest element holding every block Readability kept. */
function keptContainer(blocks: Block[]): Element | null {
  let container: Element | null = null;
  for (const b of blocks) if (isKept(b)) container = container ? commonAncestor(container, b.element) : b.element.parentElement;
  return container;
}

/** Below this share of prose in what Readability kept, its choice is a table or list, not the story. */
const MIN_PROSE_SHARE = 0.35;

/** Share of the kept text that is in paragraphs of prose (long, ending as sentences end). */
function proseShare(blocks: Block[]): number {
  let prose = 0;
  let all = 0;
  for (const b of blocks) {
    all += b.keptChars;
    if (b.keptChars >= 80 && SENTENCE_END.test(b.text)) prose += b.keptChars;
  }
  return all ? prose / all : 1;
}

/** Share of the kept text above which a flagged element is the article's wrapper, not furniture in it. */
const WRAPPER_SHARE = 0.3;
/** How far before Readability's first paragraph the headline may sit for the text between to count. */
const HEADLINE_REACH = 30;

function selectParagraphs(blocks: Block[], headline: Element | null): string[] {
  let first = blocks.findIndex(isKept);
  let last = blocks.findLastIndex(isKept);
  // Readability found nothing: read the whole page, keeping only what reads as prose.
  const fallback = first < 0;
  if (fallback) {
    first = 0;
    last = blocks.length - 1;
  }
  const headlineAt = headline ? blocks.findIndex((b) => b.element === headline || headline.contains(b.element)) : -1;
  const start = headlineAt >= 0 && headlineAt < first && first - headlineAt <= HEADLINE_REACH ? headlineAt : first;

  let container = fallback ? null : keptContainer(blocks);
  container ??= blocks[0]?.element.ownerDocument.body ?? null;
  if (headlineAt === start && headline && container) container = commonAncestor(container, headline);

  // Furniture inside the container (flagged by tag or class) unless it holds much of the kept
  // text; captions too unless together they do (a gallery's captions are its story).
  const flags = new Map<Element, boolean>();
  const flaggedAncestors = (b: Block): Element[] => {
    const out: Element[] = [];
    for (let el: Element | null = b.element; el && el !== container; el = el.parentElement) {
      let f = flags.get(el);
      if (f === undefined) flags.set(el, (f = isBoilerplateElement(el)));
      if (f) out.push(el);
    }
    return out;
  };
  const keptIn = new Map<Element | string, number>();
  const add = (key: Element | string, n: number) => keptIn.set(key, (keptIn.get(key) ?? 0) + n);
  let totalKept = 0;
  const ancestors = new Map<Block, Element[]>();
  for (let i = start; i <= last; i++) {
    const b = blocks[i]!;
    const flagged = flaggedAncestors(b);
    ancestors.set(b, flagged);
    totalKept += b.keptChars;
    for (const el of flagged) {
      add(el, b.keptChars);
      if (el.tagName === 'FIGCAPTION') add('captions', b.keptChars);
    }
  }
  const small = (key: Element | string) => (keptIn.get(key) ?? 0) <= WRAPPER_SHARE * totalKept;
  const furniture = (b: Block) =>
    (ancestors.get(b) ?? flaggedAncestors(b)).some((el) => small(el) && (el.tagName !== 'FIGCAPTION' || small('captions')));

  // Past Readability's last paragraph, the prose that runs on without a break in its container
  // (a recipe's steps after its ingredient list) — up to the first label, link list or furniture.
  const runsOn = (b: Block | undefined) =>
    b !== undefined && !!container?.contains(b.element) && !furniture(b) && !isTrailer(b) && b.linkChars < 0.3 * b.text.length;
  let end = last;
  while (!fallback) {
    const next = blocks[end + 1];
    if (runsOn(next) && !next!.heading && next!.text.length >= 60) end++;
    else if (runsOn(next) && next!.heading && runsOn(blocks[end + 2]) && !blocks[end + 2]!.heading && blocks[end + 2]!.text.length >= 60) end += 2;
    else break;
  }

  const window = blocks.slice(start, end + 1);
  const chosen: Block[] = [];
  window.forEach((b) => {
    if (headline && (b.element === headline || headline.contains(b.element))) return;
    if (furniture(b)) return;
    if ((!fallback && isKept(b)) || looksLikeProse(b)) chosen.push(b);
  });
  // Trailers go from the end, and the headings they leave last.
  while (chosen.length && (isTrailer(chosen.at(-1)!) || chosen.at(-1)!.heading)) chosen.pop();
  // A heading Readability did not keep goes when it stands straight before a heading as high.
  return chosen
    .filter((b, i) => {
      if (!b.heading) return true;
      const next = chosen[i + 1];
      return !next!.heading || next!.heading > b.heading || (!fallback && isKept(b));
    })
    .map((b) => b.text);
}

function commonAncestor(a: Element, b: Element): Element {
  let el: Element | null = a;
  while (el && !el.contains(b)) el = el.parentElement;
  return el ?? a.ownerDocument.documentElement;
}

/**
 * Pages that render their article with script often ship a copy in <noscript>, or hide the
 * article until a script shows it. Both are the article for a reader without script: unwrap
 * the <noscript> and unhide the element when it holds prose (several paragraphs of text).
 */
function revealHiddenProse(document: Document): void {
  for (const el of Array.from(document.body.getElementsByTagName('noscript'))) {
    if (holdsProse(el)) el.replaceWith(...Array.from(el.childNodes));
  }
  for (const el of Array.from(document.body.querySelectorAll('[hidden], [style*="display"], [aria-hidden="true"]'))) {
    const style = el.getAttribute('style') ?? '';
    const hidden = el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || /display\s*:\s*none/i.test(style);
    if (hidden && holdsProse(el)) {
      el.removeAttribute('hidden');
      el.removeAttribute('aria-hidden');
      el.setAttribute('style', style.replace(/display\s*:\s*none\s*;?/gi, ''));
    }
  }
}

function holdsProse(el: Element): boolean {
  let paragraphs = 0;
  for (const p of Array.from(el.getElementsByTagName('p'))) if ((p.textContent ?? '').trim().length >= 80 && ++paragraphs >= 3) return true;
  return false;
}

/** Class and id words that make Readability drop an element before scoring it. */
const DROPPED_BY_NAME = /footer|sidebar|comment|header|banner|menu|social|related|sponsor|extra|community|remark|pager|popup|(^|[-_\s])ads?([-_\s]|$)/i;

/**
 * Some sites wrap the whole page, article included, in an element named like furniture
 * ("above-footer", "post-wrap sidebar-right"), and Readability drops it with everything in it.
 * An element that holds most of the page's paragraphs is the page, whatever its name: its
 * class and id go.
 */
function unmarkWrappers(document: Document): void {
  const paragraphs = Array.from(document.body.getElementsByTagName('p'));
  const held = new Map<Element, number>();
  let total = 0;
  for (const p of paragraphs) {
    const n = (p.textContent ?? '').length;
    total += n;
    for (let el = p.parentElement; el && el !== document.body; el = el.parentElement) held.set(el, (held.get(el) ?? 0) + n);
  }
  for (const [el, n] of held) {
    if (n * 2 < total) continue;
    if (DROPPED_BY_NAME.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) {
      el.removeAttribute('class');
      el.removeAttribute('id');
    }
  }
}

/** Script, style and embedded objects carry no text to read; dropping them first makes the rest faster. */
function removeInert(document: Document): void {
  for (const tag of ['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'object', 'embed', 'canvas']) {
    for (const el of Array.from(document.body.getElementsByTagName(tag))) el.remove();
  }
}

/**
 * The text nodes of `root` that Readability's `content` (built from a copy of the page) holds:
 * each of its text nodes matched, in document order, to the next original node with the same
 * text. Identity cannot be used: Readability re-parses the page when it retries.
 */
function alignTextNodes(root: Node, content: Node): Set<Node> {
  const positions = new Map<string, number[]>();
  const nodes: Node[] = [];
  collectTextNodes(root, (node) => {
    const key = textKey(node);
    if (!key) return;
    const list = positions.get(key);
    if (list) list.push(nodes.length);
    else positions.set(key, [nodes.length]);
    nodes.push(node);
  });
  const kept = new Set<Node>();
  let at = 0;
  collectTextNodes(content, (node) => {
    const list = positions.get(textKey(node));
    if (!list) return;
    // The first occurrence after the last match, else (Readability moved it) the first unused one.
    const next = list[firstAtLeast(list, at)] ?? list.find((i) => !kept.has(nodes[i]!));
    if (next === undefined) return;
    kept.add(nodes[next]!);
    if (next >= at) at = next + 1;
  });
  return kept;
}

/** Index of the first element of a sorted list that is >= value (list.length when none is). */
function firstAtLeast(list: number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function textKey(node: Node): string {
  return (node.nodeValue ?? '').replace(/\s+/g, ' ').trim();
}

function collectTextNodes(root: Node, visit: (node: Node) => void): void {
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) visit(child);
    else if (child.nodeType === 1 && !SKIPPED.has((child as Element).tagName)) collectTextNodes(child, visit);
  }
}
