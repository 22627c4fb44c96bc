import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Migration 0017: the claim ledger and the article list break a tie of dates by article id, not by the order stored
 * (workers store in an order of their own; the article's id is the hash of its text). Its indexes, overall and per
 * speaker, replace 0012's in that order; the article list gets one of its own (PostgreSQL's 0012).
 */
export const ledgerTies: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.dropIndex('claims_made_order').ifExists().execute();
    await db.schema.dropIndex('claims_speaker_made_order').ifExists().execute();
    await sql`create index claims_ledger_order on claims ((coalesce(made, '')), article_id, seq)`.execute(db);
    await sql`create index claims_speaker_ledger_order on claims (speaker_entity, (coalesce(made, '')), article_id, seq)`.execute(db);
    await sql`create index articles_published_order on articles ((coalesce(published, '')), id)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('articles_published_order').ifExists().execute();
    await db.schema.dropIndex('claims_speaker_ledger_order').ifExists().execute();
    await db.schema.dropIndex('claims_ledger_order').ifExists().execute();
    await sql`create index claims_made_order on claims ((coalesce(made, '')), seq)`.execute(db);
    await sql`create index claims_speaker_made_order on claims (speaker_entity, (coalesce(made, '')), seq)`.execute(db);
  },
};
