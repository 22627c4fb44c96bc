import { stanceLabel } from '../doc/display.js';
import type { ClaimItem, ExportFormat } from '../contract/index.js';

/** Claim exports: JSON lines, CSV (RFC 4180) and schema.org ClaimReview JSON-LD. */

export const EXPORT_MEDIA: Record<ExportFormat, { type: string; extension: string }> = {
  jsonl: { type: 'application/x-ndjson; charset=utf-8', extension: 'jsonl' },
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  claimreview: { type: 'application/ld+json; charset=utf-8', extension: 'jsonld' },
};

const CSV_COLUMNS = ['article', 'claim', 'speaker', 'speaker_entity', 'cue', 'stance', 'kind', 'said', 'via', 'content', 'title', 'published', 'source', 'url', 'negated'] as const;

function csvRow(c: ClaimItem): string[] {
  return [c.article, c.claim, c.speaker?.name ?? '', c.speaker?.entity ?? '', c.cue ?? '', c.stance, c.kind, c.said ?? '', c.via?.name ?? '', c.content, c.title ?? '', c.published ?? '', c.source ?? '', c.url ?? '', c.negated ? 'true' : 'false'];
}

/**
 * One CSV cell, quoted when needed. A cell a spreadsheet would run as a formula (=, +, -, @, tab,
 * CR first) gets a leading apostrophe: article text is untrusted.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A claim as schema.org ClaimReview: claimtrail records who claimed what, it gives no verdict.
 * Undefined fields vanish in JSON.stringify.
 */
export function claimReview(c: ClaimItem, base: string): Record<string, unknown> {
  const appearance: Record<string, unknown> = { '@type': 'NewsArticle', identifier: c.article, headline: c.title ?? undefined, datePublished: c.published ?? undefined, publisher: c.source ? { '@type': 'Organization', name: c.source } : undefined, url: c.url ?? undefined };
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    identifier: `${c.article}/${c.claim}`,
    url: `${base}/articles/${encodeURIComponent(c.article)}#${encodeURIComponent(c.claim)}`,
    claimReviewed: c.content,
    itemReviewed: {
      '@type': 'Claim',
      author: c.speaker ? { '@type': 'Thing', name: c.speaker.name, identifier: c.speaker.entity ?? undefined } : undefined,
      datePublished: c.said ?? undefined,
      appearance,
    },
    // No truth rating: the stance says what the speaker did with the claim.
    reviewAspect: `stance: ${stanceLabel(c)}`,
    author: { '@type': 'Organization', name: 'claimtrail' },
  };
}

/** The export as text chunks, written as the claims are read. */
export async function* exportClaims(claims: AsyncIterable<ClaimItem>, format: ExportFormat, base: string): AsyncGenerator<string> {
  if (format === 'jsonl') {
    for await (const c of claims) yield `${JSON.stringify(c)}\n`;
    return;
  }
  if (format === 'csv') {
    yield `${CSV_COLUMNS.join(',')}\r\n`;
    for await (const c of claims) yield `${csvRow(c).map(csvCell).join(',')}\r\n`;
    return;
  }
  yield '[';
  let first = true;
  for await (const c of claims) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(claimReview(c, base))}`;
    first = false;
  }
  yield '\n]\n';
}
