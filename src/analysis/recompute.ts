import type { AnalysisStep, AnalysisRepo, MemberRow, Recomputed } from '../store/index.js';
import { aboutFrom, propositionAbout } from './about.js';
import { contradictionOf } from './contradictions.js';
import type { ClaimFeatures } from './features.js';
import type { Member } from './members.js';
import { inOneShape, type PropFeatures } from './propositions.js';
import { bumpGeneration } from './state.js';
import { storyOf } from './stories.js';

/** Dirty propositions recomputed per step. */
const RECOMPUTE_BATCH = 500;
/**
 * A proposition of more claims than this is judged on its first `head` (where its story starts)
 * and its latest others (where the dispute stands now); its counts are of all. Recomputing it then
 * costs the same however large it grows — a store's largest propositions ("who is to blame for the
 * war") grow with it, and would otherwise make every refresh that touches them cost more.
 */
const WINDOW = { size: 1000, head: 100 };

/** Recompute about, counts, contradiction and story of every proposition marked dirty; returns the ids of those that remain. */
export async function recomputeDirty(repo: AnalysisRepo): Promise<number[]> {
  const done: number[] = [];
  const names = new Map<string, string>();
  for (;;) {
    const more = await repo.step(async (step) => {
      const dirty = await step.dirtyPropositions(RECOMPUTE_BATCH);
      if (!dirty.length) return false;
      const read = await step.members(dirty.map((d) => d.id), WINDOW);
      const fresh = (id: number, features: string) => {
        const m = read.get(id);
        return { prop: inOneShape(JSON.parse(features) as PropFeatures), members: (m?.rows ?? []).map(memberOf), counts: { claims: m?.claims ?? 0, sources: m?.sources ?? 0 } };
      };
      const batch = dirty.map(({ id, features }) => ({ id, features, ...fresh(id, features) }));
      // Names are read for the whole step at once: those of the entities the features name.
      await learnNames(step, names, batch.flatMap((p) => [...entitiesOf(p.prop), ...p.members.flatMap((m) => entitiesOf(m.features))]));
      const results: Recomputed[] = [];
      for (const p of batch) {
        // Computed again from its rows, not the objects the first computation was given.
        const result = await withNames(step, names, (nameOf, again) => {
          const q = again ? fresh(p.id, p.features) : p;
          return recompute(p.id, q.prop, q.members, q.counts, nameOf);
        });
        results.push(result);
        if (!result.gone) done.push(p.id);
      }
      await step.saveRecomputed(results);
      await bumpGeneration(step);
      return true;
    });
    if (!more) return done;
  }
}

/** A proposition a refresh batch created for one claim, with that claim's content. */
export interface NewSingle {
  id: number;
  features: PropFeatures;
  content: string;
}

/**
 * Settle, as the refresh creates them, the propositions of one claim (most are: 12,868 of the 14,840 of PolNeAR's
 * articles): what recompute gives them, from what the refresh holds, so that the recompute after a run does not read
 * them back. One that a later claim joins is marked dirty then, and recomputed with its members.
 */
export async function settleSingles(step: AnalysisStep, singles: readonly NewSingle[], names: Map<string, string>): Promise<void> {
  if (!singles.length) return;
  await learnNames(step, names, singles.flatMap((s) => entitiesOf(s.features)));
  const results: Recomputed[] = [];
  for (const s of singles) results.push(await withNames(step, names, (nameOf) => recomputeOne(s.id, s.features, s.content, nameOf)));
  await step.saveRecomputed(results);
}

function recompute(id: number, features: PropFeatures, members: readonly Member[], counts: { claims: number; sources: number }, nameOf: (id: string) => string): Recomputed {
  if (!members.length) return { id, gone: true };
  // One claim: no contradiction or story (each needs two), and the about settleSingles gives it.
  if (members.length === 1 && counts.claims === 1) return recomputeOne(id, features, members[0]!.content, nameOf);
  const about = propositionAbout(features, members, nameOf);
  // What --about searches; a single claim is found through the claims' own full-text index.
  const search = members.length > 1 ? [about, ...members.flatMap((m) => [m.speaker ?? '', m.content])].join('\n').toLowerCase() : about.toLowerCase();
  const x = contradictionOf(id, members, nameOf);
  const s = storyOf(id, members, nameOf);
  return {
    id,
    gone: false,
    about,
    claims: counts.claims,
    sources: counts.sources,
    search,
    contradiction: x ? { json: JSON.stringify(x), search: `${x.about.toLowerCase()}\n${search}` } : null,
    story: s ? { json: JSON.stringify(s), search: `${s.about.toLowerCase()}\n${search}` } : null,
  };
}

function recomputeOne(id: number, features: PropFeatures, content: string, nameOf: (id: string) => string): Recomputed {
  const about = aboutFrom(features, () => content, nameOf);
  return { id, gone: false, about, claims: 1, sources: 1, search: about.toLowerCase(), contradiction: null, story: null };
}

/** Entity ids a proposition's or claim's features name: those its text is written with. */
function entitiesOf(f: PropFeatures | ClaimFeatures): string[] {
  const ids = [...f.entities, ...f.events.flatMap((e) => [e.actor, e.target, e.place])];
  if (f.subject) ids.push(f.subject);
  if ('blame' in f && f.blame) ids.push(f.blame.target);
  if ('standing' in f && f.standing) ids.push(f.standing.party);
  return ids.filter((id): id is string => typeof id === 'string');
}

/**
 * `compute` with the names read so far; when it meets an entity the features do not list, its name is read and
 * `compute` runs again (`again` true).
 */
async function withNames(step: AnalysisStep, names: Map<string, string>, compute: (nameOf: (id: string) => string, again: boolean) => Recomputed): Promise<Recomputed> {
  const missed: string[] = [];
  const result = compute((id) => names.get(id) ?? (missed.push(id), id), false);
  if (!missed.length) return result;
  await learnNames(step, names, missed);
  return compute((id) => names.get(id) ?? id, true);
}

/** Read the names of the entities not known yet (an id that names none stands for itself). */
async function learnNames(step: AnalysisStep, names: Map<string, string>, ids: readonly string[]): Promise<void> {
  const unknown = [...new Set(ids)].filter((id) => !names.has(id));
  if (!unknown.length) return;
  const found = await step.entityNames(unknown);
  for (const id of unknown) names.set(id, found.get(id) ?? id);
}

function memberOf(r: MemberRow): Member {
  return {
    article: r.article,
    articleSeq: r.articleSeq,
    claim: r.claim,
    speaker: r.speakerName ?? r.speakerText,
    speakerKey: r.speakerEntity ?? (r.speakerText ? `text:${r.speakerText.toLowerCase()}` : 'article'),
    stance: r.stance,
    content: r.content,
    contentStart: r.contentStart,
    contentEnd: r.contentEnd,
    said: r.said,
    published: r.published,
    source: r.source,
    dupGroup: r.dupGroup ?? r.article,
    position: r.position,
    features: JSON.parse(r.features) as ClaimFeatures,
  };
}
