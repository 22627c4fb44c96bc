/** What one `claimtrail analyze` run did, for its closing line on stderr. */
export interface RunSummary {
  read: number;
  /** null when nothing was stored (--no-store). */
  stored: { new: number; duplicates: number; replaced: number } | null;
  failed: number;
  words: number;
  /** Loading the pipeline and opening the store, before the first article. */
  startupMs: number;
  /** Reading, analysing and storing the articles (the cross-article refresh runs alongside, unless the run replaces stored ones). */
  analysisMs: number;
  /** Bringing the cross-article analysis up to date after the last article was stored. */
  refreshMs: number;
  db: string | null;
}

/**
 * Runs shorter than this show no rate: a few articles measure the first-use cost of lexicons and
 * the JIT warming up, not the speed of the analyze path (docs/quality.md measures that).
 */
export const MIN_RATE_MS = 1000;

const n = (x: number) => x.toLocaleString('en-US');
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** "read 13 · new 13 · duplicates 0 · failed 0 · 3,324 words analysed in 0.39 s · start-up 0.41 s · cross-article 0.05 s · claimtrail.db" */
export function summaryLine(r: RunSummary): string {
  const stored = r.stored ? `new ${r.stored.new} · duplicates ${r.stored.duplicates}${r.stored.replaced ? ` · replaced ${r.stored.replaced}` : ''}` : 'not stored';
  const rate = r.analysisMs >= MIN_RATE_MS ? ` (${n(Math.round(r.words / (r.analysisMs / 1000)))} words/s)` : '';
  const parts = [
    `read ${r.read}`,
    stored,
    `failed ${r.failed}`,
    `${n(r.words)} words analysed in ${s(r.analysisMs)}${rate}`,
    `start-up ${s(r.startupMs)}`,
    ...(r.stored ? [`cross-article ${s(r.refreshMs)}`] : []),
    ...(r.db ? [r.db] : []),
  ];
  return parts.join(' · ');
}
