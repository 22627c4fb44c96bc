import { sql, type Kysely } from 'kysely';
import type { Analysis, Article, ArticleFilters, ArticleSummary, Claim, Event, Page, PageOptions, SaveStatus } from '../../contract/index.js';
import { countWords } from '../../doc/doc.js';
import { AmbiguousError } from '../../errors.js';
import type { ArticleStore, SaveManyOptions, SaveOptions, SaveResult } from '../article-store.js';
import { keptIntake, newIntakes } from '../intake.js';
import { releasedEntities } from '../kysely/entity-rows.js';
import { pgCode, unwritableReason } from './driver-errors.js';
import { clampLimit, decodeDateArticleCursor, encodeDateArticleCursor } from '../page.js';
import { dateKey } from '../../doc/dates.js';
import type { Database } from './schema.js';
import type { PostgresStore } from './store.js';
import { addClaimMentions, SharedRows } from './mention-counts.js';
import { allWords, articlesMatching } from './text-search.js';
import { saveBatch } from '../kysely/save-batch.js';
import { holdsOtherPipelines } from '../kysely/other-pipelines.js';

/**
 * The articles of the PostgreSQL store: each article and all its layers written in one transaction.
 * The database keeps the full-text columns itself (generated tsvector columns).
 */
export class PostgresArticles implements ArticleStore {
  constructor(private readonly store: PostgresStore) {}

  async storedPipelines(ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.store.db.selectFrom('layers').select(['article_id', 'pipeline']).where('article_id', 'in', [...new Set(ids)]).execute();
    return new Map(rows.map((r) => [r.article_id, r.pipeline]));
  }

  holdsOtherPipelines(version: string): Promise<boolean> {
    return holdsOtherPipelines(this.store.db, version);
  }

  async save(analysis: Analysis, options: SaveOptions = {}): Promise<SaveStatus> {
    const [result] = await this.saveMany([analysis], { replace: Boolean(options.replace), intakes: [options.intake ?? newIntakes(1)[0]!] });
    if (!result!.ok) throw result!.error;
    return result!.status;
  }

  /** Saves of other articles by other processes run at once (PostgresStore.writeTransaction). */
  async saveMany(analyses: readonly Analysis[], options: SaveManyOptions = {}): Promise<SaveResult[]> {
    if (!analyses.length) return [];
    const intakes = options.intakes ?? newIntakes(analyses.length);
    const ids = analyses.map((a) => a.article.id);
    let shared = new SharedRows();
    let stored = new Map<string, Stored>();
    return saveBatch<Database>(analyses, {
      transaction: (fn) =>
        this.store.writeTransaction(
          async (trx) => {
            // Afresh for each transaction: when a batch is saved again article by article, nothing of the first try counts.
            shared = new SharedRows();
            // Read under the articles' locks, in one round trip for the batch.
            stored = await storedRows(trx, ids);
            return fn(trx);
          },
          { articles: ids },
        ),
      write: (trx, analysis, i) => this.write(trx, analysis, Boolean(options.replace), intakes[i]!, shared, stored),
      finish: (trx) => shared.write(trx),
      fatal: (e) => Boolean(unwritableReason(pgCode(e))),
    });
  }

  /**
   * Write one article of a batch; what it changes in the rows articles share goes to `shared`, written at the batch's end.
   * `stored` holds the batch's articles as the transaction found them, and is kept up to date as they are written (a
   * batch may hold one article twice).
   */
  private async write(trx: Kysely<Database>, analysis: Analysis, replace: boolean, intake: string, shared: SharedRows, stored: Map<string, Stored>): Promise<SaveStatus> {
    const { id } = analysis.article;
    const existing = stored.get(id);
    const duplicate = existing && !replace && existing.pipeline === this.store.pipelineVersion;
    // The same article submitted twice is the copy submitted first, stored where it was submitted, whichever copy a
    // worker stored first (its metadata, a date or a ref, may differ, and with it the analysis): until the refresh
    // has taken it, the earlier copy takes the later one's place.
    if (duplicate && !(intake < existing.intake && !existing.refreshed)) return 'duplicate';
    const mine = new SharedRows();
    if (existing) {
      mine.rehome(await releasedEntities(trx, id, existing.intake, analysis));
      await mine.remove(trx, id);
      await deleteArticle(trx, id);
    }
    const kept = keptIntake(existing?.intake, intake);
    await insertAnalysis(trx, analysis, this.store.pipelineVersion, kept);
    mine.add(analysis, kept);
    // Only now: an article that failed part-way (rolled back to its savepoint) changes no count.
    shared.merge(mine);
    stored.set(id, { pipeline: this.store.pipelineVersion, intake: kept, refreshed: false });
    return duplicate ? 'duplicate' : existing ? 'replaced' : 'new';
  }

  async getAnalysis(key: string): Promise<Analysis | null> {
    const id = await this.resolveArticleId(key);
    return id ? ((await this.getAnalyses([id]))[0] ?? null) : null;
  }

  async getAnalyses(ids: readonly string[]): Promise<Analysis[]> {
    if (!ids.length) return [];
    const rows = await this.store.db
      .selectFrom('articles')
      .innerJoin('layers', 'layers.article_id', 'articles.id')
      .select(['articles.id', 'ref', 'title', 'published', 'source', 'url', 'language', 'text', 'json'])
      .where('articles.id', 'in', ids)
      // SQLite answers in id order (it reads the ids along its index).
      .orderBy('articles.id')
      .execute();
    return rows.map(({ json, ...article }) => ({ article: article as Article, ...(JSON.parse(json) as Omit<Analysis, 'article'>) }));
  }

  async resolveArticleId(key: string): Promise<string | null> {
    const exact = await this.store.db.selectFrom('articles').select('id').where((eb) => eb.or([eb('id', '=', key), eb('ref', '=', key)])).execute();
    if (exact.length === 1) return exact[0]!.id;
    if (exact.length > 1) {
      const byId = exact.find((r) => r.id === key);
      if (byId) return byId.id;
      throw new AmbiguousError(key, exact.length);
    }
    if (key.length < 4 || !/^[0-9a-f]+$/.test(key)) return null;
    const prefixed = await this.store.db.selectFrom('articles').select('id').where('id', '>=', key).where('id', '<', `${key}g`).limit(2).execute();
    if (prefixed.length > 1) throw new AmbiguousError(key, null);
    return prefixed.length === 1 ? prefixed[0]!.id : null;
  }

  async listArticles(options: ArticleFilters & PageOptions = {}): Promise<Page<ArticleSummary>> {
    const limit = clampLimit(options.limit);
    const group = sql<string | null>`(select d.dup_group from doc_signatures d where d.article_id = articles.id and exists (select 1 from doc_signatures e where e.dup_group = d.dup_group and e.article_id <> d.article_id))`;
    // '' sorts undated articles after every date when the order is descending.
    const day = sql<string>`coalesce(published, '')`;
    let query = this.store.db
      .selectFrom('articles')
      .select(['seq', 'id', 'ref', 'title', 'published', 'source', 'url', 'words', 'added_at', group.as('duplicate_group')])
      .orderBy(day, 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1);
    const after = decodeDateArticleCursor(options.cursor);
    // One row-value comparison: PostgreSQL seeks articles_published_order to it (a deep page as quick as the first).
    if (after) query = query.where(sql<boolean>`(${day}, id) < (${after.date}, ${after.id})`);
    if (options.q?.trim()) query = query.where('seq', 'in', articlesMatching(allWords(options.q)));
    const rows = await query.execute();
    const items = rows.slice(0, limit).map(({ seq: _seq, added_at, duplicate_group, ...r }) => ({ ...r, added: added_at, duplicateGroup: duplicate_group }));
    const last = rows[limit - 1];
    return { items, next: rows.length > limit && last ? encodeDateArticleCursor(last.published ?? '', last.id) : null };
  }

  async countArticles(): Promise<number> {
    const row = await this.store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

/** A stored article as a save finds it: who analysed it, where it stands in the order of submission, and whether the refresh took it. */
interface Stored {
  pipeline: string | null;
  intake: string;
  refreshed: boolean;
}

async function storedRows(trx: Kysely<Database>, ids: readonly string[]): Promise<Map<string, Stored>> {
  const rows = await trx
    .selectFrom('articles')
    .leftJoin('layers', 'layers.article_id', 'articles.id')
    .select(['articles.id', 'layers.pipeline', 'articles.intake', 'articles.refreshed'])
    .where('articles.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { pipeline: r.pipeline, intake: r.intake, refreshed: r.refreshed === 1 }]));
}

/**
 * Delete an article and every row of it: its rows no longer check their article by a foreign key, so nothing cascades
 * (migration 0015). A claim's proposition row marks its proposition for the refresh (trigger claim_props_gone), and a
 * timeline source its item (timeline_sources_gone), as their cascades did.
 */
async function deleteArticle(trx: Kysely<Database>, id: string): Promise<void> {
  await sql`
    with gone as (delete from claims where article_id = ${id} returning seq),
      props as (delete from claim_props where claim_seq in (select seq from gone)),
      named as (delete from claim_mentions where claim_seq in (select seq from gone))
    select count(*) from gone`.execute(trx);
  for (const table of ['mentions', 'events', 'layers', 'doc_bands', 'doc_signatures', 'timeline_sources'] as const) {
    await trx.deleteFrom(table).where('article_id', '=', id).execute();
  }
  await trx.deleteFrom('articles').where('id', '=', id).execute();
}

async function insertAnalysis(trx: Kysely<Database>, analysis: Analysis, pipeline: string, intake: string): Promise<void> {
  const { article, entities, times, quantities, claims, events } = analysis;
  const layers = { entities, times, quantities, claims, events };
  await trx
    .insertInto('articles')
    .values({
      id: article.id,
      ref: article.ref,
      title: article.title,
      published: article.published,
      source: article.source,
      url: article.url,
      language: article.language,
      text: article.text,
      words: countWords(article.text),
      added_at: new Date().toISOString(),
      intake,
    })
    .execute();
  await trx.insertInto('layers').values({ article_id: article.id, json: JSON.stringify(layers), pipeline }).execute();

  // The entities' own rows and counts are the batch's (SharedRows), written at its end. The layers' rows go in as
  // arrays (unnest): one statement text whatever their number, which the server parses and plans once per connection's
  // use rather than once per article (a multi-row VALUES list is a new statement for every row count).
  const mentions = entities.flatMap((e) => e.mentions.map((m) => ({ entity: e.id, m })));
  if (mentions.length) {
    await sql`
      insert into mentions (article_id, entity_id, start, "end", text, label)
      select ${article.id}, entity_id, start, "end", text, label
      from unnest(${mentions.map((x) => x.entity)}::text[], ${mentions.map((x) => x.m.start)}::integer[], ${mentions.map((x) => x.m.end)}::integer[],
        ${mentions.map((x) => x.m.text)}::text[], ${mentions.map((x) => x.m.label ?? null)}::text[]) with ordinality as u(entity_id, start, "end", text, label, n)
      order by n`.execute(trx);
  }
  if (claims.length) {
    const name = new Map(entities.map((e) => [e.id, e.name]));
    const col = <T>(f: (c: Claim) => T) => claims.map(f);
    // Each claim is searched under its speaker's canonical name (fts_speaker).
    const { rows } = await sql<{ seq: number; claim_id: string }>`
      insert into claims (article_id, claim_id, speaker_entity, speaker_text, cue_lemma, cue_text, content, content_start, content_end, kind, stance, negated,
        said, made, via_entity, via_text, rule, fts_speaker)
      select ${article.id}, claim_id, speaker_entity, speaker_text, cue_lemma, cue_text, content, content_start, content_end, kind, stance, negated,
        said, made, via_entity, via_text, rule, fts_speaker
      from unnest(${col((c) => c.id)}::text[], ${col((c) => c.speaker?.entity ?? null)}::text[], ${col((c) => c.speaker?.text ?? null)}::text[],
        ${col((c) => c.cue?.lemma ?? null)}::text[], ${col((c) => c.cue?.text ?? null)}::text[], ${col((c) => c.content.text)}::text[],
        ${col((c) => c.content.start)}::integer[], ${col((c) => c.content.end)}::integer[], ${col((c) => c.kind)}::text[], ${col((c) => c.stance)}::text[],
        ${col((c) => (c.negated ? 1 : 0))}::integer[], ${col((c) => c.said ?? null)}::text[], ${col((c) => dateKey(c.said) ?? dateKey(article.published))}::text[],
        ${col((c) => c.via?.entity ?? null)}::text[], ${col((c) => c.via?.text ?? null)}::text[], ${col((c) => c.explain?.rule ?? null)}::text[],
        ${col((c) => (c.speaker?.entity && name.get(c.speaker.entity)) ?? c.speaker?.text ?? '')}::text[])
        with ordinality as u(claim_id, speaker_entity, speaker_text, cue_lemma, cue_text, content, content_start, content_end, kind, stance, negated,
          said, made, via_entity, via_text, rule, fts_speaker, n)
      order by n
      returning seq, claim_id`.execute(trx);
    await addClaimMentions(trx, analysis, new Map(rows.map((r) => [r.claim_id, r.seq])));
  }
  if (events.length) {
    const col = <T>(f: (e: Event) => T) => events.map(f);
    await sql`
      insert into events (article_id, event_id, type, trigger, trigger_start, actor, target, place, time, quantity, status, claims, rule, published)
      select ${article.id}, event_id, type, trigger, trigger_start, actor, target, place, time, quantity, status, claims, rule, ${article.published ?? null}
      from unnest(${col((e) => e.id)}::text[], ${col((e) => e.type)}::text[], ${col((e) => e.trigger.text)}::text[], ${col((e) => e.trigger.start)}::integer[],
        ${col((e) => e.actor)}::text[], ${col((e) => e.target)}::text[], ${col((e) => e.place)}::text[], ${col((e) => e.time)}::text[],
        ${col((e) => e.quantity)}::double precision[], ${col((e) => e.status)}::text[], ${col((e) => JSON.stringify(e.claims))}::text[],
        ${col((e) => e.explain?.rule ?? null)}::text[])
        with ordinality as u(event_id, type, trigger, trigger_start, actor, target, place, time, quantity, status, claims, rule, n)
      order by n`.execute(trx);
  }
}
