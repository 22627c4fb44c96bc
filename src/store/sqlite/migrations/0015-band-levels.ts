import { sql, type Kysely, type Migration } from 'kysely';
import { levelFor } from '../analysis/band-index.js';

/**
 * Migration 0015: the near-duplicate bands' index is levelled (analysis/band-index.ts), indexed on
 * (level, band) instead of band. A store's existing bands go together into the first level that
 * holds them all, so every later level move stays within its capacity.
 */
export const bandLevels: Migration = {
  async up(db: Kysely<unknown>) {
    const { n } = await sql<{ n: number }>`select count(*) as n from doc_bands`.execute(db).then((r) => r.rows[0]!);
    await sql`alter table doc_bands add column level integer not null default 0`.execute(db);
    if (n > 0) await sql`update doc_bands set level = ${levelFor(n)}`.execute(db);
    await sql`drop index doc_bands_band`.execute(db);
    await sql`create index doc_bands_level on doc_bands (level, band)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop index doc_bands_level`.execute(db);
    await sql`create index doc_bands_band on doc_bands (band)`.execute(db);
    await sql`alter table doc_bands drop column level`.execute(db);
  },
};
