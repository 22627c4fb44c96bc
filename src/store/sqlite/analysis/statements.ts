import type SQLite from 'better-sqlite3';
import { sql, type Compilable, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';
import { BandIndex } from './band-index.js';
import { memberQuery, memberSourcesQuery, memberTables, replayQuery } from '../../kysely/members.js';

/** The materialised tables, dependents first: what AnalysisStep.clear() empties (prop_ids stays). */
const TABLES = ['timeline_entities', 'timeline_sources', 'timeline_items', 'stories', 'contradictions', 'claim_props', 'prop_keys', 'propositions', 'doc_bands', 'doc_signatures'] as const;

/**
 * Keys looked up by one statement: a batch reads some ten thousand keys, and one seek each from
 * JavaScript cost three times what SQLite's walk of a sorted IN list does.
 */
export const KEY_CHUNK = 256;

function param<T>(): RawBuilder<T> {
  return sql<T>`${null}`;
}

/**
 * The statements of the refresh. Each is a typed Kysely query, compiled by the store's dialect
 * once and prepared on its connection: the refresh binds thousands of small rows, which per-query
 * compilation and promises would slow several-fold.
 */
export class Statements {
  readonly getState: SQLite.Statement;
  readonly setState: SQLite.Statement;
  /** Articles not yet taken by the refresh whose intake sorts before a key (pass '\uffff' for all). */
  readonly nextArticles: SQLite.Statement;
  readonly markRefreshed: SQLite.Statement;
  readonly unrefresh: SQLite.Statement;
  readonly claimsOf: SQLite.Statement;
  readonly signature: SQLite.Statement;
  readonly insertSignature: SQLite.Statement;
  readonly bands: BandIndex;
  /** The propositions under KEY_CHUNK keys (pad with null), as [key, prop_id] rows. */
  readonly keysProps: SQLite.Statement;
  readonly propFeatures: SQLite.Statement;
  readonly maxProp: SQLite.Statement;
  readonly maxMappedProp: SQLite.Statement;
  readonly mappedProp: SQLite.Statement;
  readonly mapProp: SQLite.Statement;
  readonly propExists: SQLite.Statement;
  readonly insertProp: SQLite.Statement;
  readonly insertKey: SQLite.Statement;
  readonly updateFeatures: SQLite.Statement;
  readonly markDirty: SQLite.Statement;
  readonly insertClaimProp: SQLite.Statement;
  readonly itemByKey: SQLite.Statement;
  readonly maxItem: SQLite.Statement;
  readonly insertItem: SQLite.Statement;
  readonly insertItemEntity: SQLite.Statement;
  readonly insertItemSource: SQLite.Statement;
  readonly dirtyProps: SQLite.Statement;
  readonly deleteState: SQLite.Statement;
  /** Articles the refresh took whose intake sorts at or after a key. */
  readonly takenFrom: SQLite.Statement;
  readonly countTakenFrom: SQLite.Statement;
  /** What the refresh derived from one article, each taken back by its id. */
  readonly untake: SQLite.Statement[];
  readonly replayIds: SQLite.Statement;
  readonly replayMembers: SQLite.Statement;
  readonly setReplayed: SQLite.Statement;
  readonly deleteKeys: SQLite.Statement;
  readonly members: SQLite.Statement;
  readonly firstMembers: SQLite.Statement;
  readonly latestMembers: SQLite.Statement;
  readonly memberCount: SQLite.Statement;
  readonly memberSources: SQLite.Statement;
  readonly entityName: SQLite.Statement;
  readonly deleteContradiction: SQLite.Statement;
  readonly deleteStory: SQLite.Statement;
  readonly updateProp: SQLite.Statement;
  readonly deleteProp: SQLite.Statement;
  readonly insertContradiction: SQLite.Statement;
  readonly insertStory: SQLite.Statement;
  readonly clear: SQLite.Statement[];

  constructor(sq: SQLite.Database, db: Kysely<Database>) {
    const prep = (q: Compilable) => sq.prepare(q.compile().sql);
    const text = param<string>;
    const num = param<number>;
    this.getState = prep(db.selectFrom('analysis_state').select('value').where('key', '=', text()));
    this.setState = prep(
      db
        .insertInto('analysis_state')
        .values({ key: text(), value: text() })
        .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') }))),
    );
    this.nextArticles = prep(
      db
        .selectFrom('articles as a')
        .innerJoin('layers as l', 'l.article_id', 'a.id')
        .select(['a.id', 'a.ref', 'a.title', 'a.published', 'a.source', 'a.url', 'a.language', 'a.text', 'l.json'])
        .where('a.refreshed', '=', sql.lit(0))
        .where('a.intake', '<', text())
        .orderBy('a.intake')
        .orderBy('a.seq')
        .limit(num()),
    );
    this.markRefreshed = prep(db.updateTable('articles').set({ refreshed: sql.lit(1) }).where('id', '=', text()));
    this.unrefresh = prep(db.updateTable('articles').set({ refreshed: sql.lit(0) }).where('refreshed', '=', sql.lit(1)));
    this.claimsOf = prep(db.selectFrom('claims').select(['seq', 'claim_id']).where('article_id', '=', text()));
    this.signature = prep(db.selectFrom('doc_signatures').select(['minhash', 'dup_group']).where('article_id', '=', text()));
    this.insertSignature = prep(
      db
        .insertInto('doc_signatures')
        .values({ article_id: text(), seq: num(), minhash: param<Buffer>(), dup_group: text() })
        .onConflict((oc) => oc.doNothing()),
    );
    this.bands = new BandIndex(sq, db);
    // Rows of each key in rowid order, as one key's lookup through prop_keys_key gives them.
    this.keysProps = prep(
      db
        .selectFrom('prop_keys')
        .select(['key', 'prop_id'])
        .where('key', 'in', Array.from({ length: KEY_CHUNK }, text))
        .orderBy(sql`rowid`),
    ).raw();
    this.propFeatures = prep(db.selectFrom('propositions').select('features').where('id', '=', num())).pluck();
    this.maxProp = prep(db.selectFrom('propositions').select((eb) => eb.fn.coalesce(eb.fn.max('id'), sql.lit(0)).as('n'))).pluck();
    this.maxMappedProp = prep(db.selectFrom('prop_ids').select((eb) => eb.fn.coalesce(eb.fn.max('id'), sql.lit(0)).as('n'))).pluck();
    this.mappedProp = prep(db.selectFrom('prop_ids').select('id').where('founder', '=', text())).pluck();
    this.mapProp = prep(
      db
        .insertInto('prop_ids')
        .values({ founder: text(), id: num() })
        .onConflict((oc) => oc.column('founder').doUpdateSet((eb) => ({ id: eb.ref('excluded.id') }))),
    );
    this.propExists = prep(db.selectFrom('propositions').select('id').where('id', '=', num())).pluck();
    this.insertProp = prep(
      db
        .insertInto('propositions')
        .values({ id: num(), about: sql.lit(''), features: text(), claims: sql.lit(0), sources: sql.lit(0), dirty: sql.lit(1), search: sql.lit('') }),
    );
    this.insertKey = prep(db.insertInto('prop_keys').values({ key: text(), prop_id: num() }));
    this.updateFeatures = prep(db.updateTable('propositions').set({ features: text() }).where('id', '=', num()));
    this.markDirty = prep(db.updateTable('propositions').set({ dirty: sql.lit(1) }).where('id', '=', num()));
    this.insertClaimProp = prep(
      db
        .insertInto('claim_props')
        .values({ claim_seq: num(), article_id: text(), prop_id: num(), position: num(), features: text(), rank: num(), dup_group: text(), matched: num() })
        .onConflict((oc) => oc.doNothing()),
    );
    this.itemByKey = prep(db.selectFrom('timeline_items').select('id').where('key', '=', text())).pluck();
    this.maxItem = prep(db.selectFrom('timeline_items').select((eb) => eb.fn.coalesce(eb.fn.max('id'), sql.lit(0)).as('n'))).pluck();
    this.insertItem = prep(db.insertInto('timeline_items').values({ id: num(), key: text(), date: text(), kind: text(), json: text() }));
    this.insertItemEntity = prep(db.insertInto('timeline_entities').values({ item_id: num(), entity_id: text() }));
    this.insertItemSource = prep(db.insertInto('timeline_sources').values({ item_id: num(), article_id: text(), ref: text() }));
    this.deleteState = prep(db.deleteFrom('analysis_state').where('key', '=', text()));
    const takenFrom = db.selectFrom('articles').where('refreshed', '=', sql.lit(1)).where('intake', '>=', text());
    this.takenFrom = prep(takenFrom.select('id')).pluck();
    this.countTakenFrom = prep(takenFrom.select((eb) => eb.fn.countAll<number>().as('n'))).pluck();
    this.untake = [
      db.deleteFrom('claim_props').where('claim_seq', 'in', db.selectFrom('claims').select('seq').where('article_id', '=', text())),
      db.deleteFrom('doc_signatures').where('article_id', '=', text()),
      db.deleteFrom('doc_bands').where('article_id', '=', text()),
      // Its items go with their last source (trigger timeline_sources_gone).
      db.deleteFrom('timeline_sources').where('article_id', '=', text()),
      db.updateTable('articles').set({ refreshed: sql.lit(0) }).where('id', '=', text()),
    ].map(prep);
    this.replayIds = prep(db.selectFrom('propositions').select('id').where('replay', '=', sql.lit(1)).orderBy('id').limit(num())).pluck();
    this.replayMembers = prep(replayQuery(memberTables(db)).where('cp.prop_id', '=', num()));
    this.setReplayed = prep(db.updateTable('propositions').set({ features: text(), replay: sql.lit(0), dirty: sql.lit(1) }).where('id', '=', num()));
    this.deleteKeys = prep(db.deleteFrom('prop_keys').where('prop_id', '=', num()));
    this.dirtyProps = prep(db.selectFrom('propositions').select(['id', 'features']).where('dirty', '=', sql.lit(1)).orderBy('id').limit(num()));
    const members = memberQuery(memberTables(db)).where('cp.prop_id', '=', num());
    // Along the proposition's index (prop_id, rank): in the order the refresh took the claims.
    this.members = prep(members.orderBy('cp.rank'));
    this.firstMembers = prep(members.orderBy('cp.rank').limit(num()));
    this.latestMembers = prep(members.orderBy('cp.rank', 'desc').limit(num()));
    this.memberCount = prep(db.selectFrom('claim_props').select((eb) => eb.fn.countAll<number>().as('n')).where('prop_id', '=', num())).pluck();
    this.memberSources = prep(memberSourcesQuery(memberTables(db)).where('cp.prop_id', '=', num())).pluck();
    this.entityName = prep(db.selectFrom('entities').select('name').where('id', '=', text())).pluck();
    this.deleteContradiction = prep(db.deleteFrom('contradictions').where('prop_id', '=', num()));
    this.deleteStory = prep(db.deleteFrom('stories').where('prop_id', '=', num()));
    this.updateProp = prep(
      db
        .updateTable('propositions')
        .set({ about: text(), claims: num(), sources: num(), dirty: sql.lit(0), search: text() })
        .where('id', '=', num()),
    );
    this.deleteProp = prep(db.deleteFrom('propositions').where('id', '=', num()));
    this.insertContradiction = prep(db.insertInto('contradictions').values({ prop_id: num(), json: text(), search: text() }));
    this.insertStory = prep(db.insertInto('stories').values({ prop_id: num(), json: text(), search: text() }));
    this.clear = TABLES.map((t) => prep(db.deleteFrom(t)));
  }
}
