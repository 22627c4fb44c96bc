import type { Analysis, Claim } from '../doc/types.js';
import type { AnalysisStep, ClaimPropositionRow } from '../store/index.js';
import { claimFeatures, positionOf, type ClaimFeatures } from './features.js';
import { inOneShape, keysOf, matchScore, propositionOf, widen, type PropFeatures } from './propositions.js';

/** An article ready for proposition assignment: its claims' features and lookup keys. */
export interface Prepared {
  analysis: Analysis;
  features: Map<string, ClaimFeatures>;
  keys: Map<string, string[]>;
  /**
   * Claims in the order they are matched: in text order, so a dismissal comes after the claim it answers, but a
   * headline's after the body's. A headline says in a few telegraphic words what the body says in full ("Ministry says
   * bridge was struck"); matched first, it would found the proposition, and the fuller statement, and every report of
   * it elsewhere, would be matched against its few words.
   */
  claims: Claim[];
}

export function prepare(analysis: Analysis): Prepared {
  const features = claimFeatures(analysis);
  const headline = headlineEnd(analysis.article);
  const inHeadline = (c: Claim) => (c.content.end <= headline ? 1 : 0);
  const claims = [...analysis.claims].sort((a, b) => inHeadline(a) - inHeadline(b) || a.content.start - b.content.start);
  return { analysis, features, claims, keys: new Map(claims.map((c) => [c.id, keysOf(features.get(c.id)!)])) };
}

/** Where the article's title ends when its text opens with it (a plain-text article's first line), else 0. */
function headlineEnd(article: Analysis['article']): number {
  const title = article.title?.trim();
  if (!title) return 0;
  const start = article.text.length - article.text.trimStart().length;
  return article.text.startsWith(title, start) ? start + title.length : 0;
}

/** The founding claim of a proposition it creates: "article/claim". */
export function founderOf(article: string, claim: string): string {
  return `${article}/${claim}`;
}

/**
 * Assign the article's claims to propositions (keys prefetched) and queue their rows; returns
 * each claim's proposition. The claims' ranks follow `rank` in the article's order of claims;
 * `group` is the article's near-duplicate group.
 */
export function assignArticle(matcher: Matcher, p: Prepared, claimSeqs: ReadonlyMap<string, number>, rows: ClaimPropositionRow[], rank: number, group: string): Map<string, number> {
  const id = p.analysis.article.id;
  // Ranks in the order the claims are matched: the order their proposition's members are read in, and derived again (rewind.ts).
  const rankOf = new Map(p.claims.map((c, i) => [c.id, rank + 1 + i]));
  const propOf = new Map<string, number>();
  const positions = new Map<string, number>();
  // A denial told before what it answers ("the League denied … . Osterlich insists …"): the claim it answers joins it.
  const answeredBy = new Map<string, string>();
  for (const c of p.claims) {
    const f = p.features.get(c.id)!;
    if (f.answers && !answeredBy.has(f.answers)) answeredBy.set(f.answers, c.id);
  }
  for (const c of p.claims) {
    const f = p.features.get(c.id)!;
    const claimSeq = claimSeqs.get(c.id);
    if (claimSeq === undefined) continue;
    // A reference joins the proposition of the claim it answers, pointing with or against it.
    const answered = f.answers ? propOf.get(f.answers) : undefined;
    const by = answeredBy.get(c.id);
    const joined = answered ?? (by !== undefined ? propOf.get(by) : undefined);
    const prop = joined ?? matcher.assign(f, p.keys.get(c.id)!, founderOf(id, c.id));
    const position = positionOf(c.stance, f, answered !== undefined ? positions.get(f.answers!) : undefined);
    propOf.set(c.id, prop);
    positions.set(c.id, position);
    rows.push({ claimSeq, article: id, proposition: prop, position, features: JSON.stringify(f), rank: rankOf.get(c.id)!, group, matched: joined === undefined });
  }
  return propOf;
}

/**
 * Keys and propositions a matcher holds before a batch starts with its caches empty. The caches grow
 * with what a refresh reads: PolNeAR's 923 articles left 142k keys and 15k propositions, 57 MB of
 * heap. A refresh of a whole large store, or the refreshes of a long run sharing one matcher, would
 * otherwise hold the whole key index.
 */
export const MAX_CACHED = { keys: 200_000, propositions: 40_000 };

/**
 * Finds a claim's proposition through the key index. Keys and proposition features are cached for
 * the length of one refresh, or of the refreshes sharing it (RefreshCache), up to `limits`; what a
 * batch needs of the store is read before its claims are assigned, and new propositions and keys
 * are written once per batch.
 */
export class Matcher {
  private readonly keys = new Map<string, number[]>();
  private readonly props = new Map<number, PropFeatures>();
  private nextId = 1;
  private created = new Set<number>();
  private widened = new Set<number>();
  private touched = new Set<number>();
  private newKeys: [string, number][] = [];
  /** The ids the batch's founding claims had before, and which of those propositions exist. */
  private founded = new Map<string, number>();
  private existing = new Set<number>();
  private founders: [string, number][] = [];
  /** The analysis generation this matcher's caches reflect (see bumpGeneration). */
  private generation = -1;

  constructor(private readonly limits = MAX_CACHED) {}

  /**
   * Start a batch (inside its step): ids continue from the store's, and the caches are dropped
   * when another process changed the propositions since this one's last batch, or they grew past
   * the limits (what they drop is read again as needed).
   */
  async begin(step: AnalysisStep, generation: number): Promise<void> {
    if (generation !== this.generation || this.keys.size > this.limits.keys || this.props.size > this.limits.propositions) {
      this.keys.clear();
      this.props.clear();
    }
    this.nextId = (await step.highestPropositionId()) + 1;
  }

  /** The batch was written as this generation. */
  wrote(generation: number): void {
    this.generation = generation;
  }

  /** Read the propositions under these keys, and the ids these founders had before. */
  async prefetch(step: AnalysisStep, keys: readonly string[], founders: readonly string[]): Promise<void> {
    const missing = [...new Set(keys)].filter((k) => !this.keys.has(k));
    const found = await step.propositionsByKey(missing);
    for (const k of missing) this.keys.set(k, found.get(k) ?? []);
    const unseen = [...new Set([...found.values()].flat())].filter((id) => !this.props.has(id));
    for (const [id, features] of await step.propositionFeatures(unseen)) this.props.set(id, inOneShape(JSON.parse(features) as PropFeatures));
    this.founded = await step.foundedIds(founders);
    this.existing = await step.existingPropositions([...new Set(this.founded.values())]);
  }

  /**
   * The best-matching proposition's id, or a new proposition's (`keys`: the claim's, keysOf(f),
   * prefetched).
   * A new proposition takes the id its founding claim (`article/claim`) had before, so ids of
   * propositions, contradictions and stories survive a recompute and a re-analysis.
   */
  assign(f: ClaimFeatures, keys: readonly string[], founder: string): number {
    let best: number | null = null;
    let bestScore = 0;
    const candidates = new Set<number>();
    for (const k of keys) for (const id of this.keys.get(k) ?? []) candidates.add(id);
    for (const id of candidates) {
      const p = this.props.get(id);
      const s = p ? matchScore(f, p) : 0;
      if (s > bestScore || (s === bestScore && s > 0 && best !== null && id < best)) {
        best = id;
        bestScore = s;
      }
    }
    if (best !== null) {
      // Written back whenever the features changed: a matcher whose caches were dropped (another process's batch,
      // the limits) reads them from the store, and must find what this one held.
      const { changed, keys: added } = widen(this.props.get(best)!, f);
      if (changed) this.widened.add(best);
      if (added.length) this.addKeys(best, added);
      this.touched.add(best);
      return best;
    }
    const id = this.idFor(founder);
    this.props.set(id, propositionOf(f));
    this.created.add(id);
    // A new proposition's keys are its founding claim's (the same events, words and wide places).
    this.addKeys(id, keys);
    return id;
  }

  private idFor(founder: string): number {
    const before = this.founded.get(founder);
    if (before !== undefined && !this.created.has(before) && !this.existing.has(before)) return before;
    const id = this.nextId++;
    this.founders.push([founder, id]);
    return id;
  }

  private addKeys(id: number, keys: readonly string[]): void {
    for (const key of keys) {
      this.newKeys.push([key, id]);
      const list = this.keys.get(key);
      if (list) list.push(id);
      else this.keys.set(key, [id]);
    }
  }

  /** Propositions the batch created that no later claim was matched to (a claim answering another joins it unmatched: count rows too). */
  createdUnmatched(): number[] {
    return [...this.created].filter((id) => !this.touched.has(id));
  }

  /** A proposition's features as this matcher holds them. */
  featuresOf(id: number): PropFeatures | undefined {
    return this.props.get(id);
  }

  /** Write the batch's new propositions and keys, widened features, dirty marks and founders' ids. */
  async flush(step: AnalysisStep): Promise<void> {
    const features = (id: number) => JSON.stringify(this.props.get(id));
    await step.writePropositions({
      founders: this.founders,
      created: [...this.created].map((id) => [id, features(id)] as const),
      keys: this.newKeys,
      widened: [...this.widened].filter((id) => !this.created.has(id)).map((id) => [id, features(id)] as const),
      dirty: [...this.touched],
    });
    this.created = new Set();
    this.widened = new Set();
    this.touched = new Set();
    this.newKeys = [];
    this.founders = [];
  }
}
