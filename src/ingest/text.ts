import { normalizeDate, type SourceArticle } from './source.js';

/** A scraper's header line such as "date 2025-04-28 Back our reporting": it carries the date. */
const HEADER_LINE = /^\s*date\s*[:=]?\s*(\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)\b.*$/i;

/**
 * A plain-text article: the first non-empty line is the title; a leading header line gives the
 * publication date and is dropped (unless verbatim, where the text stays exactly as given).
 */
export function readPlainText(text: string, origin: string, verbatim: boolean): SourceArticle {
  let rest = text;
  let published: string | null = null;
  const first = firstNonEmptyLine(text);
  const header = first && HEADER_LINE.exec(text.slice(first.start, first.end));
  if (first && header) {
    published = normalizeDate(header[1]!.replace(' ', 'T'));
    rest = text.slice(first.end).replace(/^\r?\n/, '');
  }
  const titleLine = firstNonEmptyLine(rest);
  const title = titleLine ? rest.slice(titleLine.start, titleLine.end).trim() : '';
  return {
    origin,
    ref: origin,
    title: title || null,
    published,
    source: null,
    url: null,
    language: null,
    text: verbatim ? text : rest,
    verbatim,
  };
}

function firstNonEmptyLine(text: string): { start: number; end: number } | null {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (text.slice(start, end).trim()) return { start, end: text[end - 1] === '\r' ? end - 1 : end };
    start = end + 1;
  }
  return null;
}
