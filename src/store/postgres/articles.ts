import { sql, type Kysely } from 'kysely';
import type { Analysis, Article, ArticleFilters, ArticleSummary, Page, PageOptions, SaveStatus } from '../../contract/index.js';
import { AmbiguousError } from '../../errors.js';
import type { ArticleStore, SaveManyOptions, SaveOptions, SaveResult } from '../article-store.js';
import { keptIntake, newIntakes, saveOutcome, type SaveWay, type StoredCopy } from '../intake.js';
import { releasedEntities } from '../kysely/entity-rows.js';
import { unchangedBy, type StoredAnalysis } from '../unchanged.js';
import { REPLACED_STATE, REWIND_STATE } from '../rewind-point.js';
import { pgCode, unwritableReason } from './driver-errors.js';
import { clampLimit, decodeDateArticleCursor, encodeDateArticleCursor } from '../page.js';
import type { Database } from './schema.js';
import type { PostgresStore } from './store.js';
import { SharedRows } from './mention-counts.js';
import { LayerRows } from './layer-rows.js';
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
    const { intake, ...how } = options;
    const [result] = await this.saveMany([analysis], { ...how, intakes: [intake ?? newIntakes(1)[0]!] });
    if (!result!.ok) throw result!.error;
    return result!.status;
  }

  /** Saves of other articles by other processes run at once (PostgresStore.writeTransaction). */
  async saveMany(analyses: readonly Analysis[], options: SaveManyOptions = {}): Promise<SaveResult[]> {
    if (!analyses.length) return [];
    const intakes = options.intakes ?? newIntakes(analyses.length);
    const ids = analyses.map((a) => a.article.id);
    let shared = new SharedRows();
    let rows = new LayerRows();
    let stored = new Map<string, Stored>();
    const replaced: Replaced = { count: 0, changedAt: null };
    return saveBatch<Database>(analyses, {
      transaction: (fn) =>
        this.store.writeTransaction(
          async (trx) => {
            // Afresh for each transaction: when a batch is saved again article by article, nothing of the first try counts.
            shared = new SharedRows();
            rows = new LayerRows();
            replaced.count = 0;
            replaced.changedAt = null;
            // Read under the articles' locks, in one round trip for the batch.
            stored = await storedRows(trx, ids, Boolean(options.replace));
            return fn(trx);
          },
          { articles: ids },
        ),
      write: (trx, analysis, i, alone) => this.write(trx, analysis, { replace: Boolean(options.replace), runStart: options.runStart, intake: intakes[i]! }, alone, shared, rows, stored, replaced),
      finish: async (trx) => {
        await rows.flush(trx);
        await shared.write(trx);
        // Last, as the shared rows: two batches replacing articles wait for each other only while one commits.
        if (replaced.count) await noteReplaced(trx, replaced);
      },
      fatal: (e) => Boolean(unwritableReason(pgCode(e))),
    });
  }

  /**
   * Write one article of a batch: its own rows go to `rows` and what it changes in the rows articles share to `shared`,
   * both written at the batch's end, or its own rows at once when it is saved `alone` (under a savepoint of its own).
   * `stored` holds the batch's articles as the transaction found them, and is kept up to date as they are written (a
   * batch may hold one article twice). `replaced` counts the articles it replaces that the refresh had taken, with the
   * earliest place of those whose analysis changed (src/analysis/rewind.ts).
   */
  private async write(
    trx: Kysely<Database>,
    analysis: Analysis,
    way: SaveWay,
    alone: boolean,
    shared: SharedRows,
    rows: LayerRows,
    stored: Map<string, Stored>,
    replaced: Replaced,
  ): Promise<SaveStatus> {
    const { id } = analysis.article;
    const existing = stored.get(id);
    const { status, write } = saveOutcome(existing, this.store.pipelineVersion, way);
    if (!write) return status;
    const kept = keptIntake(existing?.intake, way.intake);
    // Analysed again as it was: it keeps its rows and what the refresh derived from them (src/store/unchanged.ts).
    if (existing?.analysis && status === 'replaced' && existing.pipeline === this.store.pipelineVersion && unchangedBy(existing.analysis, analysis)) {
      await trx.updateTable('articles').set({ intake: kept, copy_intake: way.intake }).where('id', '=', id).execute();
      stored.set(id, { ...existing, intake: kept, copyIntake: way.intake });
      if (existing.refreshed) replaced.count++;
      return status;
    }
    const mine = new SharedRows();
    if (existing) {
      // A batch may hold the article already (submitted twice): its rows go in first, to be counted and deleted.
      await rows.flush(trx);
      mine.rehome(await releasedEntities(trx, id, existing.intake, analysis));
      await mine.remove(trx, id);
      await deleteArticle(trx, id);
    }
    rows.add(analysis, this.store.pipelineVersion, kept, way.intake);
    if (alone) await rows.flush(trx);
    mine.add(analysis, kept);
    // Only now: an article that failed part-way (rolled back to its savepoint) changes no count.
    shared.merge(mine);
    if (existing?.refreshed) {
      replaced.count++;
      if (replaced.changedAt === null || kept < replaced.changedAt) replaced.changedAt = kept;
    }
    stored.set(id, { pipeline: this.store.pipelineVersion, intake: kept, copyIntake: way.intake, refreshed: false });
    return status;
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

/** A stored article as a save finds it (StoredCopy), its place in the order of submission, and for a re-analysis what it holds. */
interface Stored extends StoredCopy {
  intake: string;
  analysis?: StoredAnalysis;
}

async function storedRows(trx: Kysely<Database>, ids: readonly string[], withAnalysis: boolean): Promise<Map<string, Stored>> {
  const rows = await trx
    .selectFrom('articles')
    .leftJoin('layers', 'layers.article_id', 'articles.id')
    .select(['articles.id', 'layers.pipeline', 'articles.intake', 'articles.copy_intake', 'articles.refreshed'])
    .$if(withAnalysis, (q) => q.select(['articles.ref', 'articles.title', 'articles.published', 'articles.source', 'articles.url', 'articles.language', 'layers.json']))
    .where('articles.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((r) => {
      const { id, pipeline, intake, copy_intake, refreshed, ref, title, published, source, url, language, json } = r;
      const analysis = json != null ? { ref: ref ?? null, title: title ?? null, published: published ?? null, source: source ?? null, url: url ?? null, language: language ?? null, json } : undefined;
      return [id, { pipeline, intake, copyIntake: copy_intake, refreshed: refreshed === 1, ...(analysis ? { analysis } : {}) }];
    }),
  );
}

/** What a batch replaced of the articles the refresh had taken: how many, and the earliest place of those that changed. */
interface Replaced {
  count: number;
  changedAt: string | null;
}

/** The refresh's notes of replaced articles (src/analysis/rewind.ts), written last as the shared rows are: two batches wait for each other only while one commits. */
async function noteReplaced(trx: Kysely<Database>, replaced: Replaced): Promise<void> {
  await trx
    .insertInto('analysis_state')
    .values({ key: REPLACED_STATE, value: String(replaced.count) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql<string>`(analysis_state.value::bigint + excluded.value::bigint)::text` }))
    .execute();
  if (replaced.changedAt === null) return;
  await trx
    .insertInto('analysis_state')
    .values({ key: REWIND_STATE, value: replaced.changedAt })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql<string>`least(analysis_state.value collate "C", excluded.value collate "C")` }))
    .execute();
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
