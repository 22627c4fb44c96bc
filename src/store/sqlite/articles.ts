import { sql, type Kysely } from 'kysely';
import type { Analysis, Article, ArticleFilters, ArticleSummary, Page, PageOptions, SaveStatus } from '../../contract/index.js';
import { countWords } from '../../doc/doc.js';
import { AmbiguousError } from '../../errors.js';
import type { ArticleStore, SaveManyOptions, SaveOptions, SaveResult } from '../article-store.js';
import { keptIntake, newIntakes, saveOutcome, type SaveWay } from '../intake.js';
import { layersJson, unchangedBy } from '../unchanged.js';
import { REPLACED_STATE, REWIND_STATE } from '../rewind-point.js';
import { sqliteCode, unwritableReason } from './driver-errors.js';
import { clampLimit, decodeDateArticleCursor, encodeDateArticleCursor } from '../page.js';
import { claimDay } from './migrations/0008-claim-made.js';
import type { Database } from './schema.js';
import type { SqliteStore } from './store.js';
import { ArticleStatements } from './article-statements.js';
import { saveBatch } from '../kysely/save-batch.js';
import { releasedEntities, rehomeEntities } from '../kysely/entity-rows.js';
import { addMentionCounts, removeMentionCounts } from './mention-counts.js';
import { articlesMatching, ftsQuery, unindexArticle, unindexClaims } from './text-search.js';
import { holdsOtherPipelines } from '../kysely/other-pipelines.js';

/** The articles of the SQLite store: each article and all its layers written in one transaction, or a batch of them in one (saveBatch). */
export class SqliteArticles implements ArticleStore {
  private statements: ArticleStatements | null = null;

  constructor(private readonly store: SqliteStore) {}

  async storedPipelines(ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.store.db.selectFrom('layers').select(['article_id', 'pipeline']).where('article_id', 'in', [...new Set(ids)]).execute();
    return new Map(rows.map((r) => [r.article_id, r.pipeline]));
  }

  holdsOtherPipelines(version: string): Promise<boolean> {
    return holdsOtherPipelines(this.store.db, version);
  }

  async save(analysis: Analysis, options: SaveOptions = {}): Promise<SaveStatus> {
    const intake = options.intake ?? newIntakes(1)[0]!;
    return this.store.writeTransaction((trx) => this.write(trx, analysis, { replace: Boolean(options.replace), runStart: options.runStart, intake }));
  }

  async saveMany(analyses: readonly Analysis[], options: SaveManyOptions = {}): Promise<SaveResult[]> {
    if (!analyses.length) return [];
    const intakes = options.intakes ?? newIntakes(analyses.length);
    return saveBatch<Database>(analyses, {
      transaction: (fn) => this.store.writeTransaction(fn),
      write: (trx, analysis, i) => this.write(trx, analysis, { replace: Boolean(options.replace), runStart: options.runStart, intake: intakes[i]! }),
      // SQLite has rolled the transaction back itself after some errors: nothing is left to save the others in.
      fatal: (e) => Boolean(unwritableReason(sqliteCode(e))) || !this.store.sqlite.inTransaction,
    });
  }

  private async write(trx: Kysely<Database>, analysis: Analysis, way: SaveWay): Promise<SaveStatus> {
    // Rows go through statements prepared on the connection this transaction holds.
    this.statements ??= new ArticleStatements(this.store.sqlite, this.store.db);
    const existing = this.statements.findArticle.get(analysis.article.id);
    const stored = existing && { pipeline: existing.pipeline, copyIntake: existing.copy_intake, refreshed: Boolean(existing.refreshed) };
    const { status, write } = saveOutcome(stored, this.store.pipelineVersion, way);
    if (!write) return status;
    const intake = keptIntake(existing?.intake, way.intake);
    // Analysed again as it was: it keeps its rows and what the refresh derived from them (src/store/unchanged.ts).
    const was = existing && status === 'replaced' && existing.pipeline === this.store.pipelineVersion ? this.statements.storedAnalysis.get(analysis.article.id) : undefined;
    if (was && unchangedBy(was, analysis)) {
      this.statements.keepArticle.run(intake, way.intake, analysis.article.id);
      if (existing?.refreshed) await noteReplaced(trx, 1, null);
      return status;
    }
    const released = existing ? await releasedEntities(trx, analysis.article.id, existing.intake, analysis) : [];
    if (existing?.refreshed) await noteReplaced(trx, 1, intake);
    if (existing) {
      await deleteLayers(trx, analysis.article.id);
      await unindexArticle(trx, existing.seq, existing.title, existing.text);
      await trx.deleteFrom('articles').where('id', '=', analysis.article.id).execute();
    }
    insertAnalysis(this.statements, analysis, this.store.pipelineVersion, intake, way.intake);
    if (released.length) await rehomeEntities(trx, released);
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
    // One row-value comparison, as on PostgreSQL (which seeks its index to it); SQLite scans articles_published_order either way.
    if (after) query = query.where(sql<boolean>`(${day}, id) < (${after.date}, ${after.id})`);
    if (options.q?.trim()) query = query.where('seq', 'in', articlesMatching(ftsQuery(options.q)));
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

/**
 * Articles the refresh had taken were replaced: `count` more of them, and the earliest place of those whose analysis
 * changed, if any (src/analysis/rewind.ts).
 */
async function noteReplaced(trx: Kysely<Database>, count: number, changedAt: string | null): Promise<void> {
  await trx
    .insertInto('analysis_state')
    .values({ key: REPLACED_STATE, value: String(count) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql<string>`cast(cast(value as integer) + cast(excluded.value as integer) as text)` }))
    .execute();
  if (changedAt === null) return;
  await trx
    .insertInto('analysis_state')
    .values({ key: REWIND_STATE, value: changedAt })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql<string>`min(value, excluded.value)` }))
    .execute();
}

async function deleteLayers(trx: Kysely<Database>, articleId: string): Promise<void> {
  const claimSeqs = await trx.selectFrom('claims').select('seq').where('article_id', '=', articleId).execute();
  await unindexClaims(trx, claimSeqs.map((c) => c.seq));
  await removeMentionCounts(trx, articleId);
  for (const table of ['mentions', 'claims', 'events', 'layers'] as const) await trx.deleteFrom(table).where('article_id', '=', articleId).execute();
}

/** Insert an article and its layers: at its place `intake`, the copy submitted at `copyIntake`. */
function insertAnalysis(st: ArticleStatements, analysis: Analysis, pipeline: string, intake: string, copyIntake: string): void {
  const { article, entities, claims, events } = analysis;
  const seq = Number(
    st.insertArticle.run(article.id, article.ref ?? null, article.title ?? null, article.published ?? null, article.source ?? null, article.url ?? null, article.language ?? null, article.text, countWords(article.text), new Date().toISOString(), intake, copyIntake).lastInsertRowid,
  );
  st.indexArticle.run(seq, article.title ?? null, article.text);
  st.insertLayers.run(article.id, layersJson(analysis), pipeline);
  // A row is written when it is new or this article was submitted before the one it holds.
  for (const e of entities) st.insertEntity.run(e.id, e.name, e.type, e.subtype ?? null, e.kb ?? null, e.country ?? null, e.coords?.[0] ?? null, e.coords?.[1] ?? null, intake);
  for (const e of entities) for (const m of e.mentions) st.insertMention.run(article.id, e.id, m.start, m.end, m.text, m.label ?? null);
  addMentionCounts(st, analysis);
  const name = new Map(entities.map((e) => [e.id, e.name]));
  // Most claims say no time of their own and take their article's day: worked out once.
  const publishedDay = claimDay(null, article.published);
  for (const c of claims) {
    const claimSeq = st.insertClaim.run(
      article.id,
      c.id,
      c.speaker?.entity ?? null,
      c.speaker?.text ?? null,
      c.cue?.lemma ?? null,
      c.cue?.text ?? null,
      c.content.text,
      c.content.start,
      c.content.end,
      c.kind,
      c.stance,
      c.negated ? 1 : 0,
      c.said ?? null,
      c.said ? claimDay(c.said, article.published) : publishedDay,
      c.via?.entity ?? null,
      c.via?.text ?? null,
      c.explain?.rule ?? null,
    ).lastInsertRowid;
    // Each claim is indexed for search under its speaker's canonical name.
    st.indexClaim.run(claimSeq, (c.speaker?.entity && name.get(c.speaker.entity)) ?? c.speaker?.text ?? '', c.content.text);
  }
  for (const e of events) {
    st.insertEvent.run(article.id, e.id, e.type, e.trigger.text, e.trigger.start, e.actor ?? null, e.target ?? null, e.place ?? null, e.time ?? null, e.quantity ?? null, e.status, JSON.stringify(e.claims), e.explain?.rule ?? null, article.published ?? null);
  }
}
