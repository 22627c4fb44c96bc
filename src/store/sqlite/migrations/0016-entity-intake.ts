import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Migration 0016: `entities.intake`, the intake key (src/store/intake.ts) of the article whose
 * attributes the entity's row holds. Articles write one entity differently (a name's case, a
 * subtype); the row is the earliest submitted article's, not the first stored one's, so several
 * workers storing in an order of their own give what one process gives. A stored row gets the
 * earliest key of the articles that mention it (one process wrote it from that article).
 */
export const entityIntake: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table entities add column intake text`.execute(db);
    await sql`update entities set intake = (select min(a.intake) from mentions m join articles a on a.id = m.article_id where m.entity_id = entities.id)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table entities drop column intake`.execute(db);
  },
};
