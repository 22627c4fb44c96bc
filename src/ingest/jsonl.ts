import { InputError } from '../errors.js';
import { normalizeDate } from './source.js';

/** One JSONL record, validated: `text` or `html` is present. */
export interface JsonlRecord {
  id: string | null;
  url: string | null;
  title: string | null;
  published: string | null;
  source: string | null;
  language: string | null;
  text: string | null;
  html: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null);

/**
 * Parse one line of a JSONL input. Field names follow the README; common crawler spellings
 * (publication_date, date, publisher, content) are accepted too.
 */
export function parseJsonlLine(line: string, origin: string): JsonlRecord {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (e) {
    throw new InputError(origin, `not valid JSON (${(e as Error).message})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new InputError(origin, 'a JSONL record must be a JSON object');
  const r = data as Record<string, unknown>;
  const text = str(r.text) ?? str(r.content);
  const html = str(r.html);
  if (text === null && html === null) throw new InputError(origin, 'record has neither "text" nor "html"');
  return {
    id: str(r.id),
    url: str(r.url),
    title: str(r.title),
    published: normalizeDate(r.published ?? r.publication_date ?? r.date),
    source: str(r.source) ?? str(r.publisher),
    language: str(r.language) ?? str(r.lang),
    text,
    html,
  };
}
