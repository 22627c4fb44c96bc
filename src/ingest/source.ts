import type { Article } from '../doc/types.js';

/** An article as read from its input, before cleaning gives it its final text and id. */
export interface SourceArticle extends Omit<Article, 'id'> {
  /** Where it came from, for error messages and `ref`: a path, path:line, a URL. */
  origin: string;
  /** Keep `text` exactly as given: no cleaning (evaluation against gold offsets needs this). */
  verbatim: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A publication date as ISO 8601: a plain date stays a date (2025-04-28), a date-time becomes
 * UTC (2025-04-28T09:30:00Z). Returns null for anything that is not a recognisable date.
 */
export function normalizeDate(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const s = String(value).trim();
  if (!s) return null;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) ?? /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(s);
  if (day) return validDay(+day[1]!, +day[2]!, +day[3]!);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (compact) return validDay(+compact[1]!, +compact[2]!, +compact[3]!);
  // "28 April 2025", "April 28, 2025" with no time of day: keep them dates, not midnight UTC.
  const dmy = /^(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})$/i.exec(s);
  if (dmy) return validDay(+dmy[3]!, MONTHS.indexOf(dmy[2]!.toLowerCase()) + 1, +dmy[1]!);
  const mdy = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(s);
  if (mdy) return validDay(+mdy[3]!, MONTHS.indexOf(mdy[1]!.toLowerCase()) + 1, +mdy[2]!);
  // Date-times keep the publisher's own clock and offset: converting an evening in New York to UTC
  // would move the article to the next day, and "yesterday" in its text with it.
  const iso = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(s);
  if (iso) return dateTime(+iso[1]!, +iso[2]!, +iso[3]!, iso[4]!, iso[5]!, iso[6], iso[7]);
  const rfc = /^(?:[a-z]{3},?\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([a-z]{1,4}|[+-]\d{4})?$/i.exec(s);
  if (rfc) {
    const zone = rfc[7]?.toUpperCase();
    const offset = zone === undefined ? undefined : /^[+-]/.test(zone) ? zone : ZONES[zone];
    if (zone === undefined || offset !== undefined) {
      return dateTime(+rfc[3]!, MONTHS.indexOf(rfc[2]!.toLowerCase()) + 1, +rfc[1]!, rfc[4]!.padStart(2, '0'), rfc[5]!, rfc[6], offset);
    }
  }
  if (!/\d{4}/.test(s)) return null;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Offsets of the zone names feeds and pages use (RFC 822 and the North American ones). */
const ZONES: Record<string, string> = {
  Z: 'Z', UT: 'Z', UTC: 'Z', GMT: 'Z',
  EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00',
};

function dateTime(y: number, m: number, d: number, hh: string, mm: string, ss: string | undefined, zone: string | undefined): string | null {
  const day = validDay(y, m, d);
  if (!day || +hh > 23 || +mm > 59 || (ss !== undefined && +ss > 60)) return null;
  let offset = '';
  if (zone) {
    const z = zone.toUpperCase();
    offset = z === 'Z' || /^[+-]00:?(00)?$/.test(z) ? 'Z' : `${z.slice(0, 3)}:${z.slice(-2).padStart(2, '0')}`;
    if (/^[+-]\d{2}$/.test(z)) offset = `${z}:00`;
  }
  return `${day}T${hh}:${mm}:${ss ?? '00'}${offset}`;
}

function validDay(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
