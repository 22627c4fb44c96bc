import type { RefreshOptions } from '../analysis/index.js';
import type { Store } from '../store/index.js';
import { resolveDbPath } from '../store/index.js';

/**
 * Bring the cross-article analysis up to date, as a command does after storing articles or before
 * reading the analysis. With a job queue, only as far as its first unfinished job (src/queue
 * refreshLimit): the workers take the articles after it in the order submitted, so a command run
 * while they work changes nothing they produce. The analysis loads only when a command refreshes:
 * every command starts faster (npm run bench -- --startup).
 */
export async function refreshInOrder(store: Store, db: string | undefined, options: Omit<RefreshOptions, 'before'> = {}): Promise<void> {
  const [{ refreshAnalysis }, { refreshLimit }] = await Promise.all([import('../analysis/index.js'), import('../queue/index.js')]);
  await refreshAnalysis(store, { ...options, before: await refreshLimit(resolveDbPath(db)) });
}
