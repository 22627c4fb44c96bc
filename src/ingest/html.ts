import type { Article } from '../doc/types.js';
import { extractMainText } from './html/main-text.js';
import { clean, readMetadata, stripSiteName } from './html/metadata.js';
import { nestedDeeperThan, parsePage } from './html/parse.js';
import { InputError } from '../errors.js';
import { normalizeDate } from './source.js';

export { blockText } from './html/blocks.js';
export { decodeCharset } from './html/charset.js';

/**
 * What an HTML page yields: its main text (paragraphs separated by blank lines, the title as its
 * first line) and what the page says about itself.
 */
export type HtmlArticle = Pick<Article, 'title' | 'published' | 'source' | 'url' | 'language' | 'text'>;

/** Deepest nesting read, as in browsers' parsers (Blink's limit). */
const MAX_DEPTH = 512;

/**
 * Extract the main text of a page (Readability over linkedom, refined: see html/main-text.ts)
 * and its metadata from meta tags, JSON-LD, microdata, <time> and the URL. Throws an
 * InputError naming the input when the page holds no article.
 */
export function extractHtml(html: string, origin: string, pageUrl: string | null = null): HtmlArticle {
  const document = parsePage(html);
  if (nestedDeeperThan(document.documentElement, MAX_DEPTH)) throw new InputError(origin, `HTML nested more than ${MAX_DEPTH} elements deep; not a page to read`);
  const meta = readMetadata(document, pageUrl);
  const main = extractMainText(document, meta.headline);
  if (!main.paragraphs.length) throw new InputError(origin, 'no article text found in this HTML page');
  const source = meta.source ?? main.readability.siteName ?? hostOf(meta.url ?? pageUrl);
  const readabilityTitle = main.readability.title ? stripSiteName(main.readability.title, [], true) : null;
  const title = meta.title ?? readabilityTitle;
  // The headline leads the text once, even when the body repeats it at its top.
  const body = title && clean(main.paragraphs[0]) === title ? main.paragraphs.slice(1) : main.paragraphs;
  return {
    title,
    published: meta.published ?? normalizeDate(main.readability.publishedTime),
    source,
    url: meta.url ?? pageUrl,
    language: meta.language ?? main.readability.lang,
    text: (title ? [title, ...body] : body).join('\n\n'),
  };
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
