import type SQLite from 'better-sqlite3';
import { sql, type Compilable, type InferResult, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from './schema.js';
import type { StoredAnalysis } from '../unchanged.js';

/** The stored article a save meets under the same id, with its analysis's pipeline version. */
function existingArticle(db: Kysely<Database>) {
  return db
    .selectFrom('articles')
    .leftJoin('layers', 'layers.article_id', 'articles.id')
    .select(['articles.seq', 'articles.title', 'articles.text', 'articles.intake', 'articles.copy_intake', 'articles.refreshed', 'layers.pipeline'])
    .where('articles.id', '=', param<string>());
}

export type ExistingArticle = InferResult<ReturnType<typeof existingArticle>>[number];

/** What a stored article holds of its analysis (StoredAnalysis): read only when a re-analysis may leave it as it is. */
function storedAnalysis(db: Kysely<Database>) {
  return db
    .selectFrom('articles')
    .innerJoin('layers', 'layers.article_id', 'articles.id')
    .select(['articles.ref', 'articles.title', 'articles.published', 'articles.source', 'articles.url', 'articles.language', 'layers.json'])
    .where('articles.id', '=', param<string>());
}

function param<T>(): RawBuilder<T> {
  return sql<T>`${null}`;
}

/**
 * The row inserts of saving an article: typed Kysely queries compiled once and prepared on the
 * store's connection, each bound once per row. An import writes tens of rows per article, and
 * building, compiling and preparing a multi-row query for each chunk cost more than the writes.
 */
export class ArticleStatements {
  /** (id) → the article stored under it (ExistingArticle), if any: looked up before every save. */
  readonly findArticle: SQLite.Statement<[string], ExistingArticle>;
  /** (id) → what the article stored under it holds of its analysis. */
  readonly storedAnalysis: SQLite.Statement<[string], StoredAnalysis>;
  /** (intake, copy_intake, id): an article analysed again as it was keeps its rows and takes these keys. */
  readonly keepArticle: SQLite.Statement;
  readonly insertArticle: SQLite.Statement;
  readonly indexArticle: SQLite.Statement;
  readonly insertLayers: SQLite.Statement;
  readonly insertEntity: SQLite.Statement;
  readonly insertMention: SQLite.Statement;
  readonly insertClaim: SQLite.Statement;
  readonly indexClaim: SQLite.Statement;
  readonly insertEvent: SQLite.Statement;
  /** Add (entity, mentions, articles) to an entity's kept counts (mention-counts.ts). */
  readonly addEntityCount: SQLite.Statement;
  /** Add (entity, text, count) to a surface form's kept count. */
  readonly addAliasCount: SQLite.Statement;

  constructor(sq: SQLite.Database, db: Kysely<Database>) {
    const prep = (q: Compilable) => sq.prepare(q.compile().sql);
    const text = param<string>;
    const maybe = param<string | null>;
    const num = param<number>;
    this.findArticle = sq.prepare<[string], ExistingArticle>(existingArticle(db).compile().sql);
    this.storedAnalysis = sq.prepare<[string], StoredAnalysis>(storedAnalysis(db).compile().sql);
    this.keepArticle = prep(db.updateTable('articles').set({ intake: text(), copy_intake: text() }).where('id', '=', text()));
    this.insertArticle = prep(
      db.insertInto('articles').values({ id: text(), ref: maybe(), title: maybe(), published: maybe(), source: maybe(), url: maybe(), language: maybe(), text: text(), words: num(), added_at: text(), intake: text(), copy_intake: text() }),
    );
    this.indexArticle = prep(db.insertInto('articles_fts').values({ rowid: num(), title: maybe(), text: text() }));
    this.insertLayers = prep(db.insertInto('layers').values({ article_id: text(), json: text(), pipeline: text() }));
    // An entity's row holds what the earliest submitted article naming it says (migration 0016), whatever order they are
    // stored in; an equal key is that article analysed again (replaced, keeping its key).
    this.insertEntity = prep(
      db
        .insertInto('entities')
        .values({ id: text(), name: text(), type: text(), subtype: maybe(), kb: maybe(), country: maybe(), lat: param<number | null>(), lon: param<number | null>(), intake: text() })
        .onConflict((oc) =>
          oc
            .column('id')
            .doUpdateSet((eb) => ({
              name: eb.ref('excluded.name'),
              type: eb.ref('excluded.type'),
              subtype: eb.ref('excluded.subtype'),
              kb: eb.ref('excluded.kb'),
              country: eb.ref('excluded.country'),
              lat: eb.ref('excluded.lat'),
              lon: eb.ref('excluded.lon'),
              intake: eb.ref('excluded.intake'),
            }))
            .where((eb) => eb.or([eb('entities.intake', 'is', null), eb(eb.ref('excluded.intake'), '<=', eb.ref('entities.intake'))])),
        ),
    );
    this.insertMention = prep(db.insertInto('mentions').values({ article_id: text(), entity_id: text(), start: num(), end: num(), text: text(), label: maybe() }));
    this.insertClaim = prep(
      db.insertInto('claims').values({
        article_id: text(),
        claim_id: text(),
        speaker_entity: maybe(),
        speaker_text: maybe(),
        cue_lemma: maybe(),
        cue_text: maybe(),
        content: text(),
        content_start: num(),
        content_end: num(),
        kind: text(),
        stance: text(),
        negated: num(),
        said: maybe(),
        made: maybe(),
        via_entity: maybe(),
        via_text: maybe(),
        rule: maybe(),
      }),
    );
    this.indexClaim = prep(db.insertInto('claims_fts').values({ rowid: num(), speaker: text(), content: text() }));
    this.insertEvent = prep(
      db.insertInto('events').values({
        article_id: text(),
        event_id: text(),
        type: text(),
        trigger: text(),
        trigger_start: num(),
        actor: maybe(),
        target: maybe(),
        place: maybe(),
        time: maybe(),
        quantity: param<number | null>(),
        status: text(),
        claims: text(),
        rule: maybe(),
        published: maybe(),
      }),
    );
    this.addEntityCount = prep(
      db
        .insertInto('entity_counts')
        .values({ entity_id: text(), mentions: num(), articles: num() })
        .onConflict((oc) =>
          oc.column('entity_id').doUpdateSet((eb) => ({
            mentions: eb('entity_counts.mentions', '+', eb.ref('excluded.mentions')),
            articles: eb('entity_counts.articles', '+', eb.ref('excluded.articles')),
          })),
        ),
    );
    this.addAliasCount = prep(
      db
        .insertInto('entity_aliases')
        .values({ entity_id: text(), text: text(), count: num() })
        .onConflict((oc) => oc.columns(['entity_id', 'text']).doUpdateSet((eb) => ({ count: eb('entity_aliases.count', '+', eb.ref('excluded.count')) }))),
    );
  }
}
