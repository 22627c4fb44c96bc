import type { Analysis, Article } from '../../../contract/index.js';
import type { AnalysisStep, ClaimPropositionRow, Members, MemberWindow, PropositionWrites, Recomputed, Replayed, ReplayMember, RewindPoint, Signature, SignatureRow, StoredArticle, TimelineRow } from '../../analysis-step.js';
import { REPLACED_STATE, REWIND_STATE } from '../../rewind-point.js';
import { KEY_CHUNK, type Statements } from './statements.js';
import { memberRow, type MemberSqlRow } from '../../kysely/members.js';

/**
 * One step of the refresh on the SQLite store: every method binds its batch to statements
 * prepared once per connection. The methods are synchronous underneath; SqliteAnalysis.step
 * holds the connection and the write lock while they run.
 */
export class SqliteAnalysisStep implements AnalysisStep {
  constructor(private readonly st: Statements) {}

  async getState(key: string): Promise<string | null> {
    return (this.st.getState.get(key) as { value: string } | undefined)?.value ?? null;
  }

  async setState(key: string, value: string): Promise<void> {
    this.st.setState.run(key, value);
  }

  async clear(): Promise<void> {
    for (const statement of this.st.clear) statement.run();
    this.st.unrefresh.run();
    // Every article is taken again, each in its place.
    this.forgetReplaced();
  }

  async nextArticles(limit: number, before: string | null): Promise<StoredArticle[]> {
    // Intake keys are ASCII: U+FFFF sorts after every one.
    const rows = this.st.nextArticles.all(before ?? '\uffff', limit) as (Article & { json: string })[];
    return rows.map(({ json, ...article }) => ({ analysis: { article, ...(JSON.parse(json) as Omit<Analysis, 'article'>) } }));
  }

  async claimSeqs(articleIds: readonly string[]): Promise<Map<string, Map<string, number>>> {
    const out = new Map<string, Map<string, number>>();
    for (const id of articleIds) out.set(id, new Map((this.st.claimsOf.all(id) as { seq: number; claim_id: string }[]).map((c) => [c.claim_id, c.seq])));
    return out;
  }

  async bandMembers(bands: readonly number[]): Promise<Map<number, string[]>> {
    return this.st.bands.lookup(bands);
  }

  async signatures(articleIds: readonly string[]): Promise<Map<string, Signature>> {
    const out = new Map<string, Signature>();
    for (const id of articleIds) {
      const row = this.st.signature.get(id) as { minhash: Buffer; dup_group: string } | undefined;
      if (row) out.set(id, { minhash: row.minhash, group: row.dup_group });
    }
    return out;
  }

  async addSignatures(rows: readonly SignatureRow[]): Promise<void> {
    for (const r of rows) {
      this.st.insertSignature.run(r.article, r.seq, r.minhash, r.group);
      this.st.markRefreshed.run(r.article);
      this.st.bands.add(r.article, r.bands);
    }
    this.st.bands.settle();
  }

  async highestPropositionId(): Promise<number> {
    return Math.max(Number(this.st.maxProp.get()), Number(this.st.maxMappedProp.get()));
  }

  async propositionsByKey(keys: readonly string[]): Promise<Map<string, number[]>> {
    const out = new Map<string, number[]>(keys.map((key) => [key, []]));
    // A key in two chunks would have its rows read twice.
    const unique = [...out.keys()];
    for (let i = 0; i < unique.length; i += KEY_CHUNK) {
      const chunk: (string | null)[] = unique.slice(i, i + KEY_CHUNK);
      while (chunk.length < KEY_CHUNK) chunk.push(null);
      for (const [key, id] of this.st.keysProps.all(chunk) as [string, number][]) out.get(key)!.push(id);
    }
    return out;
  }

  async propositionFeatures(ids: readonly number[]): Promise<Map<number, string>> {
    return new Map(ids.map((id) => [id, this.st.propFeatures.get(id) as string]));
  }

  async foundedIds(founders: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const founder of founders) {
      const id = this.st.mappedProp.get(founder) as number | undefined;
      if (id !== undefined) out.set(founder, id);
    }
    return out;
  }

  async existingPropositions(ids: readonly number[]): Promise<Set<number>> {
    return new Set(ids.filter((id) => this.st.propExists.get(id) !== undefined));
  }

  async writePropositions(w: PropositionWrites): Promise<void> {
    for (const [founder, id] of w.founders) this.st.mapProp.run(founder, id);
    for (const [id, features] of w.created) this.st.insertProp.run(id, features);
    for (const [key, id] of w.keys) this.st.insertKey.run(key, id);
    for (const [id, features] of w.widened) this.st.updateFeatures.run(features, id);
    for (const id of w.dirty) this.st.markDirty.run(id);
  }

  async addClaimPropositions(rows: readonly ClaimPropositionRow[]): Promise<void> {
    for (const r of rows) this.st.insertClaimProp.run(r.claimSeq, r.article, r.proposition, r.position, r.features, r.rank, r.group, r.matched ? 1 : 0);
  }

  async rewindPoint(): Promise<RewindPoint | null> {
    const from = await this.getState(REWIND_STATE);
    if (from === null) return null;
    return { from, replaced: Number((await this.getState(REPLACED_STATE)) ?? 0), taken: this.st.countTakenFrom.get(from) as number };
  }

  async rewind(from: string): Promise<void> {
    for (const id of this.st.takenFrom.all(from) as string[]) for (const statement of this.st.untake) statement.run(id);
    this.forgetReplaced();
  }

  private forgetReplaced(): void {
    this.st.deleteState.run(REWIND_STATE);
    this.st.deleteState.run(REPLACED_STATE);
  }

  async replays(limit: number): Promise<Map<number, ReplayMember[]>> {
    const ids = this.st.replayIds.all(limit) as number[];
    return new Map(ids.map((id) => [id, (this.st.replayMembers.all(id) as { features: string; matched: number }[]).map((m) => ({ features: m.features, matched: m.matched === 1 }))]));
  }

  async replayed(propositions: readonly Replayed[]): Promise<void> {
    for (const p of propositions) {
      if (p.features === null) {
        this.st.deleteContradiction.run(p.id);
        this.st.deleteStory.run(p.id);
        this.st.deleteProp.run(p.id);
        continue;
      }
      this.st.setReplayed.run(p.features, p.id);
      this.st.deleteKeys.run(p.id);
      for (const key of p.keys) this.st.insertKey.run(key, p.id);
    }
  }

  async addTimeline(items: readonly TimelineRow[]): Promise<void> {
    let next = Number(this.st.maxItem.get()) + 1;
    for (const item of items) {
      let id = this.st.itemByKey.get(item.key) as number | undefined;
      if (id === undefined) {
        id = next++;
        this.st.insertItem.run(id, item.key, item.date, item.kind, item.json);
        for (const entity of item.entities) this.st.insertItemEntity.run(id, entity);
      }
      for (const [article, ref] of item.sources) this.st.insertItemSource.run(id, article, ref);
    }
  }

  async dirtyPropositions(limit: number): Promise<{ id: number; features: string }[]> {
    return this.st.dirtyProps.all(limit) as { id: number; features: string }[];
  }

  async members(propositionIds: readonly number[], window: MemberWindow): Promise<Map<number, Members>> {
    return new Map(
      propositionIds.map((id) => {
        const claims = this.st.memberCount.get(id) as number;
        if (claims <= window.size) {
          const rows = (this.st.members.all(id) as MemberSqlRow[]).map(memberRow);
          return [id, { rows, claims, sources: new Set(rows.map((r) => r.dupGroup ?? r.article)).size }];
        }
        const first = this.st.firstMembers.all(id, window.head) as MemberSqlRow[];
        const latest = (this.st.latestMembers.all(id, window.size - window.head) as MemberSqlRow[]).reverse();
        return [id, { rows: [...first, ...latest].map(memberRow), claims, sources: this.st.memberSources.get(id) as number }];
      }),
    );
  }

  async entityNames(ids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const id of ids) {
      const name = this.st.entityName.get(id) as string | undefined;
      if (name !== undefined) out.set(id, name);
    }
    return out;
  }

  async saveRecomputed(results: readonly Recomputed[]): Promise<void> {
    for (const r of results) {
      this.st.deleteContradiction.run(r.id);
      this.st.deleteStory.run(r.id);
      if (r.gone) {
        this.st.deleteProp.run(r.id);
        continue;
      }
      this.st.updateProp.run(r.about, r.claims, r.sources, r.search, r.id);
      if (r.contradiction) this.st.insertContradiction.run(r.id, r.contradiction.json, r.contradiction.search);
      if (r.story) this.st.insertStory.run(r.id, r.story.json, r.story.search);
    }
  }
}
