import { codeDigest, pipelineVersion } from '../annotate/version.js';
import type { ClaimPropositionRow, Store } from '../store/index.js';
import { groupDuplicates } from './duplicates.js';
import { assignArticle, founderOf, Matcher, prepare } from './matcher.js';
import { recomputeDirty, settleSingles, type NewSingle } from './recompute.js';
import { due, rewind } from './rewind.js';
import { bumpGeneration, stateNumber } from './state.js';
import { TimelineBatch } from './timeline.js';

export interface RefreshOptions {
  /**
   * Take only articles whose intake key sorts before this one (src/store/intake.ts): the first job
   * a queue has not finished, so that articles stored by other workers after it wait for it and
   * every article is taken in the order it was queued. Articles after it stay for a later refresh.
   */
  before?: string | null;
  /**
   * Leave the contradictions and stories of the propositions this refresh touches to a later refresh that is not
   * partial: for the refreshes a run starts alongside its saves (RefreshAlongside), whose last one recomputes, once
   * and from all the claims, what all of them touched. Recomputed after every refresh, a proposition that many
   * articles join was read and judged again each time.
   */
  partial?: boolean;
  /** Kept by the caller from one refresh to the next (a run's refreshes alongside): what they read of the propositions. */
  cache?: RefreshCache;
}

/**
 * What refreshes given the same cache share: the matcher's keys and proposition features. Its generation check
 * (Matcher.begin) drops them when another process changed the propositions in between.
 */
export interface RefreshCache {
  matcher?: Matcher;
}

export interface RefreshStats {
  articles: number;
  claims: number;
  /** Propositions computed, each counted once: settled as the refresh created them, or recomputed. */
  propositions: number;
  ms: number;
}

/**
 * Version of what the refresh computes (claim features, matching, contradictions, stories): the
 * pipeline's version (the language it reads) and a digest of this code, so a store analysed by
 * another build is recomputed from scratch on its next refresh — no stale proposition survives an
 * upgrade, and no one has to remember to bump a number.
 */
let version: string | null = null;
function analysisVersion(): string {
  version ??= `${pipelineVersion()}/${codeDigest('../analysis')}`;
  return version;
}

/** Articles per step: small enough that readers are not held up long. */
const BATCH = 100;

const running = new WeakMap<Store, Promise<RefreshStats>>();

/**
 * Bring the materialised cross-article analysis up to date with the store: near-duplicate groups
 * (duplicates.ts), proposition membership (matcher.ts) and the timeline (timeline.ts) for articles
 * not yet taken, in the order they were submitted (their intake keys, not the order they were
 * stored, so that workers storing in an order of their own give what one process gives), then
 * the contradictions and stories of every proposition that gained or lost a claim
 * (recompute.ts; a partial refresh leaves them to the next). Incremental and cheap when nothing
 * changed; call it after saving articles (`claimtrail analyze` does, and so does the API after
 * POST /api/articles).
 * Concurrent calls on one store share one run.
 *
 * Several processes may refresh one database at once (two `claimtrail analyze` runs, a server):
 * each step is one AnalysisRepo.step, which holds the analysis's write lock from its start and
 * reads where the analysis stands inside it, so steps of different processes serialise and none
 * repeats or skips another's work. The analysis runs no query of its own: it reads and writes
 * through the step's batch methods.
 */
export function refreshAnalysis(store: Store, options: RefreshOptions = {}): Promise<RefreshStats> {
  const pending = running.get(store);
  if (pending) return pending.then(() => refreshAnalysis(store, options));
  const run = refreshNow(store, options).finally(() => running.delete(store));
  running.set(store, run);
  return run;
}

async function refreshNow(store: Store, options: RefreshOptions): Promise<RefreshStats> {
  const t0 = performance.now();
  const before = options.before ?? null;
  const repo = store.analysis;
  const stats: RefreshStats = { articles: 0, claims: 0, propositions: 0, ms: 0 };
  // Only the steps with something to do take the write lock (a worker refreshes after every batch).
  const pending = await repo.pending(analysisVersion(), before);
  if (pending.stale) {
    await repo.step(async (step) => {
      if ((await step.getState('version')) === analysisVersion()) return;
      await step.clear();
      await step.setState('rank', '0');
      await step.setState('version', analysisVersion());
      // Emptied propositions are a change like any other: every matcher's caches of them go (Matcher.begin).
      await bumpGeneration(step);
    });
  }
  // Propositions computed, each once: settled as created, or recomputed (one settled, then joined, is both).
  const computed = new Set<number>();
  // Propositions that lost claims to a replaced article go first: one left with none is deleted,
  // so the same claims coming back found it again, under the same id.
  if (!options.partial && (pending.stale || pending.dirty)) for (const id of await recomputeDirty(repo)) computed.add(id);
  if (!pending.stale && !pending.articles && !due(pending.rewind, before)) {
    stats.propositions = computed.size;
    stats.ms = performance.now() - t0;
    return stats;
  }
  const matcher = options.cache ? (options.cache.matcher ??= new Matcher()) : new Matcher();
  const names = new Map<string, string>();
  for (;;) {
    const more = await repo.step(async (step) => {
      // A re-analysed article is taken up in its place first: until then the propositions are not as the articles before it left them.
      if (await rewind(step, before)) return true;
      // Read inside the step: another process may have taken the articles after the last one seen.
      const batch = await step.nextArticles(BATCH, before);
      if (!batch.length) return false;
      await matcher.begin(step, await stateNumber(step, 'generation'));
      // Each article and each of its claims get the next rank: the order members are read in.
      let rank = await stateNumber(step, 'rank');
      const ranks = batch.map(({ analysis }) => {
        const first = rank;
        rank += 1 + analysis.claims.length;
        return first;
      });
      const groups = await groupDuplicates(
        step,
        batch.map(({ analysis }, i) => ({ seq: ranks[i]!, id: analysis.article.id, text: analysis.article.text })),
      );
      const prepared = batch.map((a) => prepare(a.analysis));
      const claimSeqs = await step.claimSeqs(prepared.map((p) => p.analysis.article.id));
      const seqsOf = (id: string) => claimSeqs.get(id) ?? new Map<string, number>();
      const founders = prepared.flatMap((p) => p.claims.filter((c) => seqsOf(p.analysis.article.id).has(c.id)).map((c) => founderOf(p.analysis.article.id, c.id)));
      await matcher.prefetch(step, prepared.flatMap((p) => [...p.keys.values()].flat()), founders);
      const rows: ClaimPropositionRow[] = [];
      const timeline = new TimelineBatch();
      const contentOf = new Map<number, string>();
      for (const [i, p] of prepared.entries()) {
        const propOf = assignArticle(matcher, p, seqsOf(p.analysis.article.id), rows, ranks[i]!, groups.get(p.analysis.article.id)!);
        for (const c of p.claims) if (propOf.has(c.id)) contentOf.set(propOf.get(c.id)!, c.content.text);
        timeline.add(p.analysis, propOf, p.features);
        stats.articles++;
      }
      stats.claims += rows.length;
      const claimsOf = new Map<number, number>();
      for (const r of rows) claimsOf.set(r.proposition, (claimsOf.get(r.proposition) ?? 0) + 1);
      const singles: NewSingle[] = matcher
        .createdUnmatched()
        .filter((id) => claimsOf.get(id) === 1)
        .map((id) => ({ id, features: matcher.featuresOf(id)!, content: contentOf.get(id)! }));
      await matcher.flush(step);
      await step.addClaimPropositions(rows);
      await settleSingles(step, singles, names);
      for (const s of singles) computed.add(s.id);
      await step.addTimeline(timeline.rows());
      await step.setState('rank', String(rank));
      matcher.wrote(await bumpGeneration(step));
      return true;
    });
    if (!more) break;
  }
  if (!options.partial) for (const id of await recomputeDirty(repo)) computed.add(id);
  stats.propositions = computed.size;
  stats.ms = performance.now() - t0;
  return stats;
}
