import { METADATA_FIELDS, readMetadata, type Metadata } from './metadata.js';
import { normalizeDate, type SourceArticle } from './source.js';

/** An ISO date, perhaps with a time, at the start of a value ("2025-04-28 Back our reporting"). */
const LEADING_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b/;
/** A scraper's header line such as "date 2025-04-28 Back our reporting": it carries the date. */
const HEADER_LINE = /^\s*date\s*[:=]?\s*(\d{4}-\d{2}-\d{2}.*)$/i;

/** A line of a header block: a field name readMetadata knows ("Title:", "Published:", "Source:"), a colon, a value. */
const FIELD_LINE = /^[ \t]*([A-Za-z][A-Za-z _-]{0,30}?)[ \t]*:[ \t]*(.*?)[ \t]*\r?$/;

const DATE_FIELDS: ReadonlySet<string> = new Set(['date', 'published', 'publication_date']);

/** A YAML front matter's fences: "---" opens it, "---" or "..." closes it. */
const FENCE_OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const FENCE_CLOSE = /^(?:---|\.\.\.)[ \t]*\r?$/m;

/**
 * A plain-text article. Its metadata comes from what it leads with, dropped from the text (unless verbatim, where the
 * text stays exactly as given):
 * - a YAML front matter between "---" lines, as Markdown site generators write it (`title:`, `date:`, `source:` …);
 * - or a block of "Key: value" lines of known fields ("Title: …", "Published: …", "Source: …") ended by a blank line;
 * - or a scraper's header line "date YYYY-MM-DD …".
 * Without a title there, the first non-empty line is the title (and stays in the text).
 */
export async function readPlainText(text: string, origin: string, verbatim: boolean): Promise<SourceArticle> {
  const header = (await frontMatter(text)) ?? fieldBlock(text) ?? dateLine(text);
  const rest = header ? text.slice(header.end) : text;
  let title = header?.meta.title ?? null;
  if (title === null) {
    const titleLine = firstNonEmptyLine(rest);
    title = (titleLine && rest.slice(titleLine.start, titleLine.end).trim()) || null;
  }
  return {
    origin,
    ref: origin,
    title,
    published: header?.meta.published ?? null,
    source: header?.meta.source ?? null,
    url: header?.meta.url ?? null,
    language: header?.meta.language ?? null,
    text: verbatim ? text : rest,
    verbatim,
  };
}

/** The metadata a text leads with, and where its body starts. */
interface Header {
  meta: Metadata;
  end: number;
}

/**
 * A YAML front matter, if the text opens with one that reads as a mapping with a field readMetadata knows; anything
 * else between two "---" lines (Markdown rules around a line) is left as text, without a warning. The YAML reader is
 * loaded only for a text that opens with a fence.
 */
async function frontMatter(text: string): Promise<Header | null> {
  const open = FENCE_OPEN.exec(text);
  if (!open) return null;
  const close = FENCE_CLOSE.exec(text.slice(open[0].length));
  if (!close) return null;
  const yaml = text.slice(open[0].length, open[0].length + close.index);
  let data: unknown;
  try {
    data = (await import('yaml')).parse(yaml, { logLevel: 'silent' });
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const fields = Object.fromEntries(Object.entries(data).map(([k, v]) => [k.toLowerCase(), v]));
  if (!Object.keys(fields).some((k) => METADATA_FIELDS.has(k))) return null;
  const end = open[0].length + close.index + close[0].length;
  return { meta: readMetadata(fields), end: skipNewline(text, end) };
}

/** A block of "Key: value" lines at the start, every key one readMetadata knows and one a title or a date, then a blank line. */
function fieldBlock(text: string): Header | null {
  const fields: Record<string, string> = {};
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return null;
    const line = text.slice(at, nl);
    if (!line.trim()) break;
    const m = FIELD_LINE.exec(line);
    const key = m?.[1]!.toLowerCase().replace(/[ -]/g, '_');
    if (!m || !key || !METADATA_FIELDS.has(key)) return null;
    // A date followed by other words (a scraper's "Date: 2025-04-28 Back our reporting") is read for its date.
    fields[key] = DATE_FIELDS.has(key) ? (LEADING_DATE.exec(m[2]!)?.[0] ?? m[2]!) : m[2]!;
    at = nl + 1;
  }
  if (!('title' in fields || Object.keys(fields).some((k) => DATE_FIELDS.has(k)))) return null;
  return { meta: readMetadata(fields), end: at };
}

/** A scraper's "date YYYY-MM-DD …" line as the first non-empty line. */
function dateLine(text: string): Header | null {
  const first = firstNonEmptyLine(text);
  const m = first && HEADER_LINE.exec(text.slice(first.start, first.end));
  if (!first || !m) return null;
  const published = normalizeDate(LEADING_DATE.exec(m[1]!)![0].replace(' ', 'T'));
  return { meta: { title: null, published, source: null, url: null, language: null }, end: skipNewline(text, first.end) };
}

function skipNewline(text: string, at: number): number {
  if (text[at] === '\r') at++;
  return text[at] === '\n' ? at + 1 : at;
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
