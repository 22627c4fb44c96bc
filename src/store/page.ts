import type { Page } from '../contract/index.js';
import { UsageError } from '../errors.js';

/**
 * Paging shared by every store backend: page sizes, and cursors that say where the next page
 * starts. A cursor is opaque to the client (base64url); one the store did not issue is a
 * UsageError naming it.
 */

export function clampLimit(limit: number | undefined, max = 500): number {
  if (limit === undefined || !Number.isFinite(limit)) return 50;
  return Math.max(1, Math.min(max, Math.floor(limit)));
}

function invalid(cursor: string): UsageError {
  return new UsageError(`invalid cursor "${cursor}"`);
}

/** A cursor holding a position: the offset of a ranked list's next page, or the last row's seq. */
export function encodeCursor(n: number): string {
  return Buffer.from(String(n)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): number | null {
  if (!cursor) return null;
  const n = Number(Buffer.from(cursor, 'base64url').toString());
  if (!Number.isInteger(n) || n < 0) throw invalid(cursor);
  return n;
}

/**
 * A cursor after a row of a list ordered by a date text, then an article id, then seq: the claim ledger (the claims of
 * one article in seq order) and the article list (seq 0). Ties of a date go by article id, which the article's text
 * gives, not by the order it was stored in: any number of workers storing the same articles list them alike.
 */
export function encodeDateArticleCursor(date: string, id: string, seq = 0): string {
  return Buffer.from(JSON.stringify([date, id, seq])).toString('base64url');
}

/** The array a JSON cursor holds, or an empty one for anything else (then refused by the caller's checks). */
function cursorArray(cursor: string): unknown[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

export function decodeDateArticleCursor(cursor: string | null | undefined): { date: string; id: string; seq: number } | null {
  if (!cursor) return null;
  const value = cursorArray(cursor);
  if (value.length !== 3 || typeof value[0] !== 'string' || typeof value[1] !== 'string' || !Number.isInteger(value[2])) throw invalid(cursor);
  return { date: value[0], id: value[1], seq: value[2] as number };
}

/** Where a page of events ends: its article's publication ('' for none) and id, the trigger's offset, the event's id. */
export interface EventPosition {
  date: string;
  id: string;
  start: number;
  event: string;
}

export function encodeEventCursor(p: EventPosition): string {
  return Buffer.from(JSON.stringify(['e', p.date, p.id, p.start, p.event])).toString('base64url');
}

export function decodeEventCursor(cursor: string | null | undefined): EventPosition | null {
  if (!cursor) return null;
  const v = cursorArray(cursor);
  if (v.length !== 5 || v[0] !== 'e' || typeof v[1] !== 'string' || typeof v[2] !== 'string' || !Number.isInteger(v[3]) || typeof v[4] !== 'string') throw invalid(cursor);
  return { date: v[1], id: v[2], start: v[3] as number, event: v[4] };
}

/** A cursor after the row with this id (lists of the analysis, ordered by id). */
export function encodeIdCursor(id: number): string {
  return Buffer.from(`i${id}`).toString('base64url');
}

export function decodeIdCursor(cursor: string | null | undefined): number | null {
  if (!cursor) return null;
  const s = Buffer.from(cursor, 'base64url').toString();
  const n = Number(s.slice(1));
  if (s[0] !== 'i' || !Number.isInteger(n)) throw invalid(cursor);
  return n;
}

/** A cursor after a row of a list ordered by date, then id (the timeline). */
export function encodeDateIdCursor(date: string, id: number): string {
  return Buffer.from(`d${date}|${id}`).toString('base64url');
}

export function decodeDateIdCursor(cursor: string | null | undefined): { date: string; id: number } | null {
  if (!cursor) return null;
  const s = Buffer.from(cursor, 'base64url').toString();
  const bar = s.lastIndexOf('|');
  const id = Number(s.slice(bar + 1));
  if (s[0] !== 'd' || bar < 0 || !Number.isInteger(id)) throw invalid(cursor);
  return { date: s.slice(1, bar), id };
}

/** Every item of a paged list, page after page, up to `max` items. */
export async function* allItems<T>(page: (cursor: string | null) => Promise<Page<T>>, max = Infinity): AsyncGenerator<T> {
  let cursor: string | null = null;
  let n = 0;
  do {
    const p: Page<T> = await page(cursor);
    for (const item of p.items) {
      if (n++ >= max) return;
      yield item;
    }
    cursor = p.next;
  } while (cursor);
}
