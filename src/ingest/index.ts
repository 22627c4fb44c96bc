import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Article } from '../doc/types.js';
import { cleanText, type BoilerplateRules } from './clean.js';
import type { Feed, FeedItem } from './feed.js';
import { fetchUrl, formatBytes } from './fetch.js';
import { decodeCharset } from './html/charset.js';
import { parseJsonlLine } from './jsonl.js';
import { InputError } from '../errors.js';
import type { SourceArticle } from './source.js';
import { readPlainText } from './text.js';


export interface IngestOptions {
  /** Keep text and JSONL inputs' text exactly as given. */
  verbatim: boolean;
  /** Bound on each URL fetch. */
  timeoutMs: number;
  /** Largest article (file, record or download) accepted. */
  maxBytes: number;
  /** Fetch public addresses only (see FetchOptions). */
  publicOnly?: boolean;
  rules: BoilerplateRules;
  /** Read for the input "-". */
  stdin?: NodeJS.ReadableStream;
}

export type Ingested = { ok: true; article: Article } | { ok: false; error: InputError };

export type Kind = 'text' | 'html' | 'jsonl' | 'feed';

/** Content already in memory (an HTTP request body, a test): `kind` is sniffed when absent. */
export interface InlineInput {
  name: string;
  content: string | Buffer;
  kind?: Kind;
  /** JSONL records taken from a larger file (a queued job): the line of the first one there, so their origins and refs read as in that file. */
  line?: number;
}

/** A path, a directory, an http(s) URL, "-" for stdin, or inline content. */
export type Input = string | InlineInput;

export const EXTENSIONS: Record<string, Kind> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.rss': 'feed',
  '.atom': 'feed',
  '.xml': 'feed',
};

/**
 * Read every input in order — files, directories (walked recursively), http(s) URLs, "-" for
 * stdin — and yield each article cleaned, or an error naming the input that failed. One bad
 * input never stops the others.
 */
export async function* ingest(inputs: readonly Input[], options: IngestOptions): AsyncGenerator<Ingested> {
  for (const input of inputs) {
    try {
      if (typeof input !== 'string') yield* fromBuffer(Buffer.from(input.content), input.name, input.kind ?? null, options, null, null, input.line);
      else if (input === '-') yield* fromBuffer(await readStream(options.stdin ?? process.stdin), 'stdin', null, options);
      else if (/^https?:\/\//i.test(input)) yield* fromUrl(input, options);
      else yield* fromPath(input, options);
    } catch (e) {
      yield { ok: false, error: asInputError(e, typeof input === 'string' ? input : input.name) };
    }
  }
}

async function* fromPath(path: string, options: IngestOptions): AsyncGenerator<Ingested> {
  const info = await stat(path).catch((e: NodeJS.ErrnoException) => {
    throw new InputError(path, e.code === 'ENOENT' ? 'no such file or directory' : e.message);
  });
  if (info.isDirectory()) {
    const files = await walk(path);
    if (!files.length) {
      throw new InputError(path, `directory holds no articles (looked for ${Object.keys(EXTENSIONS).join(' ')} files)`);
    }
    for (const file of files) {
      try {
        yield* fromFile(file, options);
      } catch (e) {
        yield { ok: false, error: asInputError(e, file) };
      }
    }
    return;
  }
  yield* fromFile(path, options);
}

/**
 * The HTML reader (linkedom, Readability), loaded by the first input that is HTML or a feed: it takes
 * about 0.2 s to load, and most runs read text or JSONL of text and never need it.
 */
const htmlReader = () => import('./html.js');

async function* fromFile(path: string, options: IngestOptions): AsyncGenerator<Ingested> {
  const kind = EXTENSIONS[extname(path).toLowerCase()];
  if (kind === 'jsonl') {
    yield* fromJsonlStream(readLines(path), path, options);
    return;
  }
  const info = await stat(path);
  if (info.size > options.maxBytes) {
    throw new InputError(path, `file of ${formatBytes(info.size)} is over the ${formatBytes(options.maxBytes)} limit (--max-size)`);
  }
  yield* fromBuffer(await readFile(path), path, kind ?? null, options);
}

async function* fromUrl(url: string, options: IngestOptions): AsyncGenerator<Ingested> {
  const fetched = await fetchUrl(url, options);
  const kind: Kind | null = /(rss|atom)\+xml|^(application|text)\/xml$/.test(fetched.mediaType)
    ? 'feed'
    : /html/.test(fetched.mediaType)
      ? 'html'
      : /ndjson|jsonl|jsonlines/.test(fetched.mediaType)
        ? 'jsonl'
        : fetched.mediaType === 'text/plain'
          ? 'text'
          : null;
  yield* fromBuffer(fetched.body, url, kind, options, fetched.url, fetched.charset);
}

/** An input held in memory: decide what it is (unless known), decode it and read its articles. */
async function* fromBuffer(
  buf: Buffer,
  origin: string,
  known: Kind | null,
  options: IngestOptions,
  url: string | null = null,
  charset: string | null = null,
  firstLine = 1,
): AsyncGenerator<Ingested> {
  if (buf.length === 0) throw new InputError(origin, 'empty input');
  if (buf.length > options.maxBytes && known !== 'jsonl') {
    throw new InputError(origin, `input of ${formatBytes(buf.length)} is over the ${formatBytes(options.maxBytes)} limit (--max-size)`);
  }
  if (looksBinary(buf)) throw new InputError(origin, 'binary data, not an article (expected text, HTML, JSONL or a feed)');
  const kind = known ?? sniff(buf);
  if (kind === 'jsonl') {
    yield* fromJsonlStream(splitLines(buf, firstLine), origin, options);
    return;
  }
  const text = kind === 'html' || kind === 'feed' ? decodeHtml(buf, charset) : decodeUtf8(buf, origin);
  if (kind === 'feed') {
    yield* fromFeed(text, origin, options);
    return;
  }
  if (kind === 'html') {
    const page = (await htmlReader()).extractHtml(text, origin, url);
    yield finish({ origin, ref: origin, ...page, verbatim: false }, options);
    return;
  }
  const source = await readPlainText(text, origin, options.verbatim);
  yield finish({ ...source, url: url ?? source.url }, options);
}

async function* fromJsonlStream(lines: AsyncIterable<Line> | Iterable<Line>, origin: string, options: IngestOptions): AsyncGenerator<Ingested> {
  let records = 0;
  for await (const { line, number } of lines) {
    const at = `${origin}:${number}`;
    if (line.every((b) => b === 32 || b === 9 || b === 13)) continue;
    records++;
    try {
      if (line.length > options.maxBytes) {
        throw new InputError(at, `record of ${formatBytes(line.length)} is over the ${formatBytes(options.maxBytes)} limit (--max-size)`);
      }
      const r = parseJsonlLine(decodeUtf8(line, at), at);
      const meta = { origin: at, ref: r.id ?? at, title: r.title, published: r.published, source: r.source, url: r.url, language: r.language };
      if (r.text !== null) {
        const source = await readPlainText(r.text, at, options.verbatim);
        // The record's own fields first, then what its text leads with.
        yield finish({ ...source, ...meta, title: r.title ?? source.title, published: r.published ?? source.published, source: r.source ?? source.source, url: r.url ?? source.url, language: r.language ?? source.language }, options);
      } else {
        const page = (await htmlReader()).extractHtml(r.html!, at, r.url);
        yield finish({ ...meta, title: r.title ?? page.title, published: r.published ?? page.published, source: r.source ?? page.source, url: r.url ?? page.url, language: r.language ?? page.language, text: page.text, verbatim: false }, options);
      }
    } catch (e) {
      yield { ok: false, error: asInputError(e, at) };
    }
  }
  if (records === 0) throw new InputError(origin, 'no JSONL records');
}

async function* fromFeed(xml: string, origin: string, options: IngestOptions): AsyncGenerator<Ingested> {
  const { parseFeed } = await import('./feed.js');
  const feed = parseFeed(xml, origin);
  if (!feed.items.length) throw new InputError(origin, 'feed has no items');
  for (const item of feed.items) yield* ingestFeedItem(item, feed, origin, options);
}

/**
 * One item of the feed at `origin` as an article: its full content, or its link fetched when it
 * carries a summary only. A failure is yielded as an error naming the feed and the item.
 */
export async function* ingestFeedItem(item: FeedItem, feed: Pick<Feed, 'title' | 'language'>, origin: string, options: IngestOptions): AsyncGenerator<Ingested> {
  const at = item.link ?? `${origin}#${item.index}`;
  try {
    const meta = { origin: at, ref: at, source: feed.title, url: item.link, language: feed.language };
    if (item.summaryOnly && item.link) {
      for await (const got of fromUrl(item.link, options)) {
        if (!got.ok) throw got.error;
        const a = got.article;
        yield { ok: true, article: { ...a, title: a.title ?? item.title, published: a.published ?? item.published, source: a.source ?? feed.title, language: a.language ?? feed.language } };
      }
      return;
    }
    const [{ parseHTML }, { blockText }] = await Promise.all([import('linkedom'), htmlReader()]);
    const { document } = parseHTML(`<!doctype html><html><body>${item.html}</body></html>`);
    const body = blockText(document.body);
    const text = item.title && !body.startsWith(item.title) ? `${item.title}\n\n${body}` : body;
    yield finish({ ...meta, title: item.title, published: item.published, text, verbatim: false }, options);
  } catch (e) {
    yield { ok: false, error: asInputError(e, `${origin} item ${item.index} (${at})`) };
  }
}

/**
 * How many articles the inputs hold, for a progress bar: files count one each, JSONL files one per
 * non-blank line. Undefined when a URL, a feed or stdin makes the number unknowable in advance.
 */
export async function estimateCount(inputs: readonly Input[]): Promise<number | undefined> {
  let total = 0;
  for (const input of inputs) {
    if (typeof input !== 'string') {
      total++;
      continue;
    }
    if (input === '-' || /^https?:\/\//i.test(input)) return undefined;
    const info = await stat(input).catch(() => null);
    if (!info) continue;
    for (const file of info.isDirectory() ? await walk(input) : [input]) {
      const kind = EXTENSIONS[extname(file).toLowerCase()];
      if (kind === 'feed') return undefined;
      if (kind !== 'jsonl') total++;
      else for await (const { line } of readLines(file)) if (line.some((b) => b > 32)) total++;
    }
  }
  return total;
}

/**
 * Whether the inputs are known, before reading them, to hold one article: a single text or HTML file (a URL may
 * be a feed, a directory or JSONL file may hold many). A run of one article is not worth starting threads for.
 */
export async function holdsOneArticle(inputs: readonly Input[]): Promise<boolean> {
  if (inputs.length !== 1) return false;
  const [input] = inputs;
  if (typeof input !== 'string') return input!.kind === 'text' || input!.kind === 'html';
  const kind = EXTENSIONS[extname(input).toLowerCase()];
  if (kind !== 'text' && kind !== 'html') return false;
  return (await stat(input).catch(() => null))?.isFile() === true;
}

/** Clean a source article's text and give it its id; an article with no text left is an error. */
export function finish(source: SourceArticle, options: Pick<IngestOptions, 'rules'>): Ingested {
  const text = source.verbatim ? source.text : cleanText(source.text, options.rules);
  if (!text.trim()) return { ok: false, error: new InputError(source.origin, 'no text left after cleaning') };
  const firstLine = text.trimStart().split('\n', 1)[0]!.trim();
  const title = source.title?.replace(/\s+/g, ' ').trim() || firstLine || null;
  return {
    ok: true,
    article: {
      id: articleId(text),
      title,
      published: source.published,
      source: source.source,
      url: source.url,
      language: source.language,
      text,
      ref: source.ref,
    },
  };
}

/** The stable id of an article: a hash of its cleaned text. */
export function articleId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function asInputError(e: unknown, origin: string): InputError {
  if (e instanceof InputError) return e;
  return new InputError(origin, (e as Error)?.message ?? String(e), { cause: e });
}

/** The article files under a directory (by extension), in name order, walked recursively. */
export async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (entry.isFile() && EXTENSIONS[extname(entry.name).toLowerCase()]) out.push(full);
  }
  return out;
}

/** What an input holds when its name or media type does not say. */
function sniff(buf: Buffer): Kind {
  const head = buf.subarray(0, 4096).toString('utf8').replace(/^\ufeff/, '').trimStart();
  if (head.startsWith('{')) return 'jsonl';
  if (head.startsWith('<')) return isFeedHead(head) ? 'feed' : 'html';
  return 'text';
}

function isFeedHead(head: string): boolean {
  const lower = head.toLowerCase();
  return /<(rss|feed|rdf:rdf)[\s>]/.test(lower) && !/<html[\s>]/.test(lower);
}

/** Whether content said to be text is an RSS or Atom document (a feed pasted or posted as text/plain). */
export function looksLikeFeed(content: string): boolean {
  const head = content.slice(0, 4096).replace(/^\ufeff/, '').trimStart();
  return head.startsWith('<') && isFeedHead(head);
}

/** NUL bytes, or a known binary signature, mean the input is not text. */
function looksBinary(buf: Buffer): boolean {
  const head = buf.subarray(0, 8192);
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return false; // UTF-16 BOM
  return head.includes(0);
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(buf: Buffer, origin: string): string {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf);
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf);
  try {
    return UTF8.decode(buf).replace(/^\ufeff/, '');
  } catch {
    const at = firstInvalidUtf8(buf);
    throw new InputError(origin, `not valid UTF-8 (first bad byte at offset ${at}); convert it first, e.g. iconv -f latin1 -t utf-8`);
  }
}

/** HTML declares its charset; without one, bytes that are not UTF-8 are read as Windows-1252, as browsers do. */
export function decodeHtml(buf: Buffer, declared: string | null): string {
  const head = buf.subarray(0, 2048).toString('latin1');
  const charset = declared ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? /^<\?xml[^>]+encoding=["']([\w-]+)/i.exec(head)?.[1] ?? null;
  if (charset && !/^utf-?8$/i.test(charset)) {
    try {
      return decodeCharset(buf, charset);
    } catch {
      // unknown label: fall through to UTF-8
    }
  }
  try {
    return UTF8.decode(buf).replace(/^\ufeff/, '');
  } catch {
    return decodeCharset(buf, 'windows-1252');
  }
}

function firstInvalidUtf8(buf: Buffer): number {
  // The lenient decoder marks the first bad sequence with U+FFFD; its byte offset is the length of what precedes it.
  const text = new TextDecoder('utf-8').decode(buf);
  return Buffer.byteLength(text.slice(0, Math.max(0, text.indexOf('\ufffd'))));
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

interface Line {
  line: Buffer;
  number: number;
}

function* splitLines(buf: Buffer, first = 1): Generator<Line> {
  let start = 0;
  let number = first;
  while (start < buf.length) {
    let end = buf.indexOf(10, start);
    if (end < 0) end = buf.length;
    yield { line: buf.subarray(start, end > start && buf[end - 1] === 13 ? end - 1 : end), number: number++ };
    start = end + 1;
  }
}

/** Lines of a file, streamed, as raw bytes: large JSONL dumps never sit in memory whole. */
async function* readLines(path: string): AsyncGenerator<Line> {
  let rest: Buffer = Buffer.alloc(0);
  let number = 1;
  try {
    for await (const chunk of createReadStream(path)) {
      const buf = rest.length ? Buffer.concat([rest, chunk as Buffer]) : (chunk as Buffer);
      let start = 0;
      for (let end = buf.indexOf(10); end >= 0; end = buf.indexOf(10, start)) {
        yield { line: buf.subarray(start, end > start && buf[end - 1] === 13 ? end - 1 : end), number: number++ };
        start = end + 1;
      }
      rest = Buffer.from(buf.subarray(start));
    }
  } catch (e) {
    throw new InputError(path, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message);
  }
  if (rest.length) yield { line: rest, number };
}
