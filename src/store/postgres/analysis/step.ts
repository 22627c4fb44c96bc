import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Analysis, Article } from '../../../contract/index.js';
import { memberQuery, memberRow, memberSourcesQuery, memberTables, replayQuery } from '../../kysely/members.js';
import type { AnalysisStep, ClaimPropositionRow, MemberRow, Members, MemberWindow, PropositionWrites, Recomputed, Replayed, ReplayMember, RewindPoint, Signature, SignatureRow, StoredArticle, TimelineRow } from '../../analysis-step.js';
import { REPLACED_STATE, REWIND_STATE } from '../../rewind-point.js';
import { rewindPoint } from '../../kysely/refresh-pending.js';
import type { Database } from '../schema.js';
import { freshenStatistics } from './statistics.js';

/** The materialised tables, dependents first: what clear() empties (prop_ids stays). */
const TABLES = ['timeline_entities', 'timeline_sources', 'timeline_items', 'stories', 'contradictions', 'claim_props', 'prop_keys', 'propositions', 'doc_bands', 'doc_signatures'] as const;

/**
 * One step of the refresh on the PostgreSQL store, inside the transaction PostgresAnalysis.step
 * holds. Each method answers its whole batch in one or a few statements: reads with
 * `= any(…)` (anyOf), writes with unnest() of one array per column, so a step costs a handful of round
 * trips however many rows it binds. Where a batch names a row twice, the last write wins, as the
 * SQLite store's row-by-row statements do.
 */
export class PostgresAnalysisStep implements AnalysisStep {
  constructor(private readonly db: Kysely<Database>) {}

  async getState(key: string): Promise<string | null> {
    const row = await this.db.selectFrom('analysis_state').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value ?? null;
  }

  async setState(key: string, value: string): Promise<void> {
    await this.db
      .insertInto('analysis_state')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }

  async clear(): Promise<void> {
    for (const table of TABLES) await this.db.deleteFrom(table).execute();
    await this.db.updateTable('articles').set({ refreshed: 0 }).where('refreshed', '=', 1).execute();
    // Every article is taken again, each in its place.
    await this.forgetReplaced();
  }

  async nextArticles(limit: number, before: string | null): Promise<StoredArticle[]> {
    // The first read of a step that takes articles (and of one that recomputes, below): what it reads next is planned on these statistics.
    await freshenStatistics(this.db);
    let query = this.db
      .selectFrom('articles as a')
      .innerJoin('layers as l', 'l.article_id', 'a.id')
      .select(['a.id', 'a.ref', 'a.title', 'a.published', 'a.source', 'a.url', 'a.language', 'a.text', 'l.json'])
      // A literal, so the planner matches the partial index articles_to_refresh.
      .where('a.refreshed', '=', sql.lit(0))
      .orderBy('a.intake')
      .orderBy('a.seq')
      .limit(limit);
    if (before !== null) query = query.where('a.intake', '<', before);
    const rows = await query.execute();
    return rows.map(({ json, ...article }) => ({ analysis: { article: article as Article, ...(JSON.parse(json) as Omit<Analysis, 'article'>) } }));
  }

  async claimSeqs(articleIds: readonly string[]): Promise<Map<string, Map<string, number>>> {
    const out = new Map(articleIds.map((id) => [id, new Map<string, number>()]));
    if (!articleIds.length) return out;
    const { rows } = await sql<{ article_id: string; claim_id: string; seq: number }>`
      select article_id, claim_id, seq from claims where article_id = ${anyOf(articleIds, 'text')}`.execute(this.db);
    for (const r of rows) out.get(r.article_id)!.set(r.claim_id, r.seq);
    return out;
  }

  async bandMembers(bands: readonly number[]): Promise<Map<number, string[]>> {
    const out = new Map(bands.map((band) => [band, [] as string[]]));
    if (!bands.length) return out;
    const { rows } = await sql<{ band: number; article_id: string }>`
      select band, article_id from doc_bands where band = ${anyOf(bands, 'integer')} order by band, ord`.execute(this.db);
    for (const r of rows) out.get(r.band)!.push(r.article_id);
    return out;
  }

  async signatures(articleIds: readonly string[]): Promise<Map<string, Signature>> {
    if (!articleIds.length) return new Map();
    const { rows } = await sql<{ article_id: string; minhash: Buffer; dup_group: string }>`
      select article_id, minhash, dup_group from doc_signatures where article_id = ${anyOf(articleIds, 'text')}`.execute(this.db);
    return new Map(rows.map((r) => [r.article_id, { minhash: r.minhash, group: r.dup_group }]));
  }

  async addSignatures(rows: readonly SignatureRow[]): Promise<void> {
    if (!rows.length) return;
    await sql`
      insert into doc_signatures (article_id, seq, minhash, dup_group)
      select * from unnest(${rows.map((r) => r.article)}::text[], ${rows.map((r) => r.seq)}::integer[], ${rows.map((r) => Buffer.from(r.minhash))}::bytea[], ${rows.map((r) => r.group)}::text[])
      on conflict do nothing`.execute(this.db);
    await sql`update articles set refreshed = 1 where id = ${anyOf(rows.map((r) => r.article), 'text')}`.execute(this.db);
    const bands = rows.flatMap((r) => r.bands.map((band) => [band, r.article] as const));
    if (bands.length) {
      // In the batch's order: bandMembers lists a band's articles in the order they were added.
      await sql`
        insert into doc_bands (band, article_id)
        select band, article_id from unnest(${bands.map((b) => b[0])}::integer[], ${bands.map((b) => b[1])}::text[]) with ordinality as u(band, article_id, n) order by n`.execute(this.db);
    }
  }

  async highestPropositionId(): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      select greatest((select coalesce(max(id), 0) from propositions), (select coalesce(max(id), 0) from prop_ids)) as n`.execute(this.db);
    return Number(rows[0]!.n);
  }

  async propositionsByKey(keys: readonly string[]): Promise<Map<string, number[]>> {
    const out = new Map(keys.map((key) => [key, [] as number[]]));
    if (!keys.length) return out;
    const { rows } = await sql<{ key: string; prop_id: number }>`
      select key, prop_id from prop_keys where key = ${anyOf(keys, 'text')} order by key, ord`.execute(this.db);
    for (const r of rows) out.get(r.key)!.push(r.prop_id);
    return out;
  }

  async propositionFeatures(ids: readonly number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const { rows } = await sql<{ id: number; features: string }>`
      select id, features from propositions where id = ${anyOf(ids, 'integer')}`.execute(this.db);
    const features = new Map(rows.map((r) => [r.id, r.features]));
    return new Map(ids.map((id) => [id, features.get(id)!]));
  }

  async foundedIds(founders: readonly string[]): Promise<Map<string, number>> {
    if (!founders.length) return new Map();
    const { rows } = await sql<{ founder: string; id: number }>`
      select founder, id from prop_ids where founder = ${anyOf(founders, 'text')}`.execute(this.db);
    return new Map(rows.map((r) => [r.founder, r.id]));
  }

  async existingPropositions(ids: readonly number[]): Promise<Set<number>> {
    if (!ids.length) return new Set();
    const { rows } = await sql<{ id: number }>`select id from propositions where id = ${anyOf(ids, 'integer')}`.execute(this.db);
    return new Set(rows.map((r) => r.id));
  }

  async writePropositions(w: PropositionWrites): Promise<void> {
    const founders = lastWins(w.founders);
    if (founders.length) {
      await sql`
        insert into prop_ids (founder, id) select * from unnest(${founders.map((f) => f[0])}::text[], ${founders.map((f) => f[1])}::integer[])
        on conflict (founder) do update set id = excluded.id`.execute(this.db);
    }
    if (w.created.length) {
      await sql`
        insert into propositions (id, about, features, claims, sources, dirty, search)
        select id, '', features, 0, 0, 1, '' from unnest(${w.created.map((c) => c[0])}::integer[], ${w.created.map((c) => c[1])}::text[]) as u(id, features)`.execute(this.db);
    }
    if (w.keys.length) {
      await sql`
        insert into prop_keys (key, prop_id)
        select key, prop_id from unnest(${w.keys.map((k) => k[0])}::text[], ${w.keys.map((k) => k[1])}::integer[]) with ordinality as u(key, prop_id, n) order by n`.execute(this.db);
    }
    const widened = lastWins(w.widened);
    if (widened.length) {
      await sql`
        update propositions p set features = u.features
        from unnest(${widened.map((x) => x[0])}::integer[], ${widened.map((x) => x[1])}::text[]) as u(id, features) where p.id = u.id`.execute(this.db);
    }
    if (w.dirty.length) await sql`update propositions set dirty = 1 where id = ${anyOf(w.dirty, 'integer')}`.execute(this.db);
  }

  async addClaimPropositions(rows: readonly ClaimPropositionRow[]): Promise<void> {
    if (!rows.length) return;
    await sql`
      insert into claim_props (claim_seq, article_id, prop_id, position, features, rank, dup_group, matched)
      select * from unnest(${rows.map((r) => r.claimSeq)}::integer[], ${rows.map((r) => r.article)}::text[], ${rows.map((r) => r.proposition)}::integer[],
        ${rows.map((r) => r.position)}::integer[], ${rows.map((r) => r.features)}::text[], ${rows.map((r) => r.rank)}::bigint[], ${rows.map((r) => r.group)}::text[],
        ${rows.map((r) => (r.matched ? 1 : 0))}::smallint[])
      on conflict do nothing`.execute(this.db);
  }

  rewindPoint(): Promise<RewindPoint | null> {
    return rewindPoint(this.db);
  }

  async rewind(from: string): Promise<void> {
    // A literal, so the planner matches the partial index articles_taken.
    const taken = (await this.db.selectFrom('articles').select('id').where('refreshed', '=', sql.lit(1)).where('intake', '>=', from).execute()).map((r) => r.id);
    if (taken.length) {
      await sql`
        with gone as (select seq from claims where article_id = ${anyOf(taken, 'text')})
        delete from claim_props where claim_seq in (select seq from gone)`.execute(this.db);
      // A timeline item goes with its last source (trigger timeline_sources_gone).
      for (const table of ['doc_signatures', 'doc_bands', 'timeline_sources'] as const) await sql`delete from ${sql.table(table)} where article_id = ${anyOf(taken, 'text')}`.execute(this.db);
      await sql`update articles set refreshed = 0 where id = ${anyOf(taken, 'text')}`.execute(this.db);
    }
    await this.forgetReplaced();
  }

  private async forgetReplaced(): Promise<void> {
    await this.db.deleteFrom('analysis_state').where('key', 'in', [REWIND_STATE, REPLACED_STATE]).execute();
  }

  async replays(limit: number): Promise<Map<number, ReplayMember[]>> {
    const ids = (await this.db.selectFrom('propositions').select('id').where('replay', '=', sql.lit(1)).orderBy('id').limit(limit).execute()).map((r) => r.id);
    const out = new Map(ids.map((id) => [id, [] as ReplayMember[]]));
    if (!ids.length) return out;
    for (const r of await replayQuery(memberTables(this.db)).where('cp.prop_id', '=', anyOf(ids, 'integer')).execute()) out.get(r.prop_id)!.push({ features: r.features, matched: r.matched === 1 });
    return out;
  }

  async replayed(propositions: readonly Replayed[]): Promise<void> {
    const kept = propositions.filter((p): p is Replayed & { features: string } => p.features !== null);
    const all = propositions.map((p) => p.id);
    if (!all.length) return;
    await sql`delete from prop_keys where prop_id = ${anyOf(all, 'integer')}`.execute(this.db);
    const keptIds = new Set(kept.map((p) => p.id));
    const gone = all.filter((id) => !keptIds.has(id));
    if (gone.length) {
      await sql`delete from contradictions where prop_id = ${anyOf(gone, 'integer')}`.execute(this.db);
      await sql`delete from stories where prop_id = ${anyOf(gone, 'integer')}`.execute(this.db);
      await sql`delete from propositions where id = ${anyOf(gone, 'integer')}`.execute(this.db);
    }
    if (!kept.length) return;
    await sql`
      update propositions p set features = u.features, replay = 0, dirty = 1
      from unnest(${kept.map((p) => p.id)}::integer[], ${kept.map((p) => p.features)}::text[]) as u(id, features) where p.id = u.id`.execute(this.db);
    const keys = kept.flatMap((p) => p.keys.map((key) => [key, p.id] as const));
    if (keys.length) {
      await sql`
        insert into prop_keys (key, prop_id)
        select key, prop_id from unnest(${keys.map((k) => k[0])}::text[], ${keys.map((k) => k[1])}::integer[]) with ordinality as u(key, prop_id, n) order by n`.execute(this.db);
    }
  }

  async addTimeline(items: readonly TimelineRow[]): Promise<void> {
    if (!items.length) return;
    const keys = [...new Set(items.map((i) => i.key))];
    const { rows } = await sql<{ key: string; id: number; next: number }>`
      select key, id, 0 as next from timeline_items where key = ${anyOf(keys, 'text')}
      union all select null, null, coalesce(max(id), 0) + 1 from timeline_items`.execute(this.db);
    const ids = new Map<string, number>();
    let next = 0;
    for (const r of rows) {
      if (r.key === null) next = Number(r.next);
      else ids.set(r.key, r.id);
    }
    const created: TimelineRow[] = [];
    const createdIds: number[] = [];
    const sources: [number, string, string][] = [];
    for (const item of items) {
      let id = ids.get(item.key);
      if (id === undefined) {
        ids.set(item.key, (id = next++));
        created.push(item);
        createdIds.push(id);
      }
      for (const [article, ref] of item.sources) sources.push([id, article, ref]);
    }
    if (created.length) {
      await sql`
        insert into timeline_items (id, key, date, kind, json)
        select * from unnest(${createdIds}::integer[], ${created.map((i) => i.key)}::text[], ${created.map((i) => i.date)}::text[],
          ${created.map((i) => i.kind)}::text[], ${created.map((i) => i.json)}::text[])`.execute(this.db);
      const entities = created.flatMap((item, i) => item.entities.map((entity) => [createdIds[i]!, entity] as const));
      if (entities.length) {
        await sql`
          insert into timeline_entities (item_id, entity_id)
          select * from unnest(${entities.map((e) => e[0])}::integer[], ${entities.map((e) => e[1])}::text[])`.execute(this.db);
      }
    }
    if (sources.length) {
      await sql`
        insert into timeline_sources (item_id, article_id, ref)
        select * from unnest(${sources.map((s) => s[0])}::integer[], ${sources.map((s) => s[1])}::text[], ${sources.map((s) => s[2])}::text[])`.execute(this.db);
    }
  }

  async dirtyPropositions(limit: number): Promise<{ id: number; features: string }[]> {
    await freshenStatistics(this.db);
    return this.db.selectFrom('propositions').select(['id', 'features']).where('dirty', '=', 1).orderBy('id').limit(limit).execute();
  }

  async members(propositionIds: readonly number[], window: MemberWindow): Promise<Map<number, Members>> {
    const out = new Map<number, Members>();
    if (!propositionIds.length) return out;
    const counted = await sql<{ prop_id: number; n: string }>`select prop_id, count(*) as n from claim_props where prop_id = ${anyOf(propositionIds, 'integer')} group by prop_id`.execute(this.db);
    const claims = new Map(counted.rows.map((r) => [r.prop_id, Number(r.n)]));
    const small = propositionIds.filter((id) => (claims.get(id) ?? 0) <= window.size);
    const rows = new Map(small.map((id) => [id, [] as MemberRow[]]));
    if (small.length) {
      // In the order the refresh took the claims, as the SQLite store reads them.
      for (const r of await memberQuery(memberTables(this.db)).where('cp.prop_id', '=', anyOf(small, 'integer')).orderBy('cp.prop_id').orderBy('cp.rank').execute()) rows.get(r.prop_id)!.push(memberRow(r));
      for (const id of small) {
        const list = rows.get(id)!;
        out.set(id, { rows: list, claims: list.length, sources: new Set(list.map((r) => r.dupGroup ?? r.article)).size });
      }
    }
    for (const id of propositionIds.filter((x) => (claims.get(x) ?? 0) > window.size)) {
      const first = await memberQuery(memberTables(this.db)).where('cp.prop_id', '=', id).orderBy('cp.rank').limit(window.head).execute();
      const latest = await memberQuery(memberTables(this.db)).where('cp.prop_id', '=', id).orderBy('cp.rank', 'desc').limit(window.size - window.head).execute();
      const sources = await memberSourcesQuery(memberTables(this.db)).where('cp.prop_id', '=', id).executeTakeFirstOrThrow();
      out.set(id, { rows: [...first, ...latest.reverse()].map(memberRow), claims: claims.get(id)!, sources: Number(sources.n) });
    }
    return out;
  }

  async entityNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const { rows } = await sql<{ id: string; name: string }>`select id, name from entities where id = ${anyOf(ids, 'text')}`.execute(this.db);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async saveRecomputed(results: readonly Recomputed[]): Promise<void> {
    const last = new Map(results.map((r) => [r.id, r]));
    if (!last.size) return;
    const all = [...last.keys()];
    const kept = [...last.values()].filter((r): r is Extract<Recomputed, { gone: false }> => !r.gone);
    const gone = all.filter((id) => last.get(id)!.gone);
    await sql`delete from contradictions where prop_id = ${anyOf(all, 'integer')}`.execute(this.db);
    await sql`delete from stories where prop_id = ${anyOf(all, 'integer')}`.execute(this.db);
    if (gone.length) {
      // Their keys have no cascade (migration 0010); their claims are gone already.
      await sql`delete from prop_keys where prop_id = ${anyOf(gone, 'integer')}`.execute(this.db);
      await sql`delete from propositions where id = ${anyOf(gone, 'integer')}`.execute(this.db);
    }
    if (kept.length) {
      await sql`
        update propositions p set about = u.about, claims = u.claims, sources = u.sources, dirty = 0, search = u.search
        from unnest(${kept.map((r) => r.id)}::integer[], ${kept.map((r) => r.about)}::text[], ${kept.map((r) => r.claims)}::integer[],
          ${kept.map((r) => r.sources)}::integer[], ${kept.map((r) => r.search)}::text[]) as u(id, about, claims, sources, search)
        where p.id = u.id`.execute(this.db);
    }
    for (const [table, of] of [
      ['contradictions', (r: (typeof kept)[number]) => r.contradiction],
      ['stories', (r: (typeof kept)[number]) => r.story],
    ] as const) {
      const rows = kept.flatMap((r) => {
        const x = of(r);
        return x ? [[r.id, x.json, x.search] as const] : [];
      });
      if (rows.length) {
        await sql`
          insert into ${sql.table(table)} (prop_id, json, search)
          select * from unnest(${rows.map((r) => r[0])}::integer[], ${rows.map((r) => r[1])}::text[], ${rows.map((r) => r[2])}::text[])`.execute(this.db);
      }
    }
  }
}

/**
 * `any(…)` of a batch's values, the array given as a scalar subquery's result. As a plain parameter PostgreSQL would
 * estimate every element against the column's statistics while planning: for the refresh's thousands of lookup keys that
 * cost more than the lookup itself (about 40 ms a statement once the table is analysed). As an InitPlan's value the
 * array is planned for once, whatever its length, and still read along the index.
 */
function anyOf(values: readonly (string | number)[], type: 'text' | 'integer'): RawBuilder<number> {
  return sql<number>`any((select ${values}::${sql.raw(type)}[])::${sql.raw(type)}[])`;
}

/** The pairs with the last value for each key, in the order keys first appear. */
function lastWins<K, V>(pairs: readonly (readonly [K, V])[]): [K, V][] {
  return [...new Map(pairs.map(([k, v]) => [k, v])).entries()];
}
