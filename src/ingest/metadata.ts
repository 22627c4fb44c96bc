import { normalizeDate } from './source.js';

/** What a record or a file's header says about its article. */
export interface Metadata {
  title: string | null;
  published: string | null;
  source: string | null;
  url: string | null;
  language: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);

/**
 * An article's metadata from named fields: a JSONL record, a YAML front matter, a header of "Key: value" lines. Field
 * names follow the README; common crawler and site-generator spellings (publication_date, date, publisher, lang, link)
 * are accepted too. A date that cannot be read is left out, as a missing one is.
 */
export function readMetadata(r: Readonly<Record<string, unknown>>): Metadata {
  return {
    title: str(r.title),
    published: normalizeDate(r.published ?? r.publication_date ?? r.date),
    source: str(r.source) ?? str(r.publisher),
    url: str(r.url) ?? str(r.link),
    language: str(r.language) ?? str(r.lang),
  };
}

/** The names readMetadata reads: a header line of another name is text, not a header. */
export const METADATA_FIELDS: ReadonlySet<string> = new Set(['title', 'published', 'publication_date', 'date', 'source', 'publisher', 'url', 'link', 'language', 'lang']);
