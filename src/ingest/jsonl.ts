import { InputError } from '../errors.js';
import { readMetadata, type Metadata } from './metadata.js';

/** One JSONL record, validated: `text` or `html` is present. */
export interface JsonlRecord extends Metadata {
  id: string | null;
  text: string | null;
  html: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null);

/**
 * Parse one line of a JSONL input. Field names follow the README; common crawler spellings
 * (publication_date, date, publisher, content; readMetadata) are accepted too.
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
  return { id: str(r.id), ...readMetadata(r), text, html };
}
