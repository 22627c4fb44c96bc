import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { IngestError, normalizeDate } from './source.js';

/** What an HTML page yields: its main text and what the page says about itself. */
export interface HtmlArticle {
  title: string | null;
  published: string | null;
  source: string | null;
  url: string | null;
  language: string | null;
  /** Main text: paragraphs separated by blank lines, the title as its first line. */
  text: string;
}

/**
 * Extract the main text of a page with @mozilla/readability over linkedom, and its metadata from
 * meta tags, JSON-LD and <time>. Throws an IngestError when the page holds no article.
 */
export function extractHtml(html: string, origin: string, pageUrl: string | null = null): HtmlArticle {
  const { document } = parseHTML(html);
  const meta = readMetadata(document, pageUrl);
  const parsed = new Readability(document, { serializer: (node: Node) => node }).parse();
  const body = parsed?.content ? blockText(parsed.content) : '';
  if (!body.trim()) throw new IngestError(origin, 'no article text found in this HTML page');
  const title = meta.title ?? clean(parsed?.title) ?? null;
  const text = title && !body.startsWith(title) ? `${title}\n\n${body}` : body;
  return {
    title,
    published: meta.published ?? normalizeDate(parsed?.publishedTime),
    source: meta.source ?? clean(parsed?.siteName) ?? hostOf(meta.url ?? pageUrl),
    url: meta.url ?? pageUrl,
    language: meta.language ?? clean(parsed?.lang) ?? null,
    text,
  };
}

const BLOCK = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TH THEAD TR UL'.split(
    ' ',
  ),
);

/** Text of a DOM subtree with block elements as paragraph breaks and inline whitespace collapsed. */
export function blockText(root: Node): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const p = current.replace(/\s+/g, ' ').trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) current += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toUpperCase();
        if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') continue;
        const block = BLOCK.has(tag);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

interface PageMetadata {
  title: string | null;
  published: string | null;
  source: string | null;
  url: string | null;
  language: string | null;
}

function readMetadata(document: Document, pageUrl: string | null): PageMetadata {
  const metaContent = (...keys: string[]): string | null => {
    for (const key of keys) {
      const el =
        document.querySelector(`meta[property="${key}"]`) ??
        document.querySelector(`meta[name="${key}"]`) ??
        document.querySelector(`meta[itemprop="${key}"]`);
      const v = clean(el?.getAttribute('content'));
      if (v) return v;
    }
    return null;
  };
  const ld = readJsonLd(document);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaContent('og:url');
  const timeEl = document.querySelector('article time[datetime], time[pubdate], time[datetime]');
  return {
    title:
      metaContent('og:title', 'twitter:title') ??
      clean(ld.headline) ??
      clean(document.querySelector('h1')?.textContent) ??
      clean(document.querySelector('title')?.textContent),
    published: normalizeDate(
      metaContent(
        'article:published_time',
        'datePublished',
        'pubdate',
        'publishdate',
        'publish-date',
        'date',
        'dc.date',
        'DC.date.issued',
        'sailthru.date',
        'parsely-pub-date',
        'og:published_time',
      ) ??
        ld.datePublished ??
        timeEl?.getAttribute('datetime'),
    ),
    source: metaContent('og:site_name', 'application-name') ?? clean(ld.publisher),
    url: resolveUrl(canonical, pageUrl),
    language:
      clean(document.documentElement?.getAttribute('lang')) ??
      metaContent('og:locale', 'language', 'content-language')?.replace('_', '-') ??
      null,
  };
}

interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  publisher: string | null;
}

/** The first JSON-LD object that describes an article (NewsArticle, Article, BlogPosting …). */
function readJsonLd(document: Document): JsonLdArticle {
  const found: JsonLdArticle = { headline: null, datePublished: null, publisher: null };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const o = item as Record<string, unknown>;
        if (o['@graph']) queue.push(o['@graph']);
        const type = ([] as unknown[]).concat(o['@type'] ?? []).join(' ');
        if (/Article|Posting|Report/i.test(type)) {
          found.headline ??= typeof o.headline === 'string' ? o.headline : null;
          found.datePublished ??= typeof o.datePublished === 'string' ? o.datePublished : null;
          const pub = o.publisher as Record<string, unknown> | undefined;
          found.publisher ??= pub && typeof pub.name === 'string' ? pub.name : null;
        }
      }
    }
  }
  return found;
}

function clean(v: string | null | undefined): string | null {
  const s = v?.replace(/\s+/g, ' ').trim();
  return s ? s : null;
}

function resolveUrl(href: string | null, base: string | null): string | null {
  if (!href) return base;
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    return base;
  }
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
