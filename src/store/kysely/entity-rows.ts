import type { Kysely } from 'kysely';
import type { Analysis, Entity } from '../../contract/index.js';
import type { ArticlesTable, EntitiesTable, MentionsTable } from './tables.js';

/** The tables finding an entity row's holder reads, alike in both backends. */
export interface HolderTables {
  articles: ArticlesTable;
  entities: EntitiesTable;
  mentions: MentionsTable;
  layers: { article_id: string; json: string };
}

/**
 * The entity rows an article held (the earliest submitted article naming each) that its new analysis no longer names:
 * each takes what the earliest submitted article still naming it says, or, when none does, waits for the next article
 * naming it (no intake). Without this a re-analysed article would leave its old analysis in them for good. Run once the
 * save's rows are written; rare (an article analysed again), so each row is read one by one.
 */
export async function rehomeEntities<DB extends HolderTables>(db: Kysely<DB>, ids: Iterable<string>): Promise<void> {
  const trx = db as unknown as Kysely<HolderTables>;
  for (const id of ids) {
    const holder = await trx
      .selectFrom('mentions')
      .innerJoin('articles', 'articles.id', 'mentions.article_id')
      .innerJoin('layers', 'layers.article_id', 'articles.id')
      .select(['articles.intake', 'layers.json'])
      .where('mentions.entity_id', '=', id)
      .orderBy('articles.intake')
      .limit(1)
      .executeTakeFirst();
    const entity = holder ? (JSON.parse(holder.json) as { entities: Entity[] }).entities.find((e) => e.id === id) : undefined;
    await trx
      .updateTable('entities')
      .set(
        holder && entity
          ? { name: entity.name, type: entity.type, subtype: entity.subtype, kb: entity.kb, country: entity.country ?? null, lat: entity.coords?.[0] ?? null, lon: entity.coords?.[1] ?? null, intake: holder.intake }
          : { intake: null },
      )
      .where('id', '=', id)
      .execute();
  }
}

/**
 * The entity rows the stored article `articleId`, submitted at `intake`, holds (of those it names, the ones whose row is
 * its own) that its new analysis `next` no longer names: each is to pass on (rehomeEntities). Read before the article is
 * written again, while its old mentions are there.
 */
export async function releasedEntities<DB extends HolderTables>(db: Kysely<DB>, articleId: string, intake: string, next: Analysis): Promise<string[]> {
  const rows = await (db as unknown as Kysely<HolderTables>)
    .selectFrom('entities')
    .select('id')
    .where('id', 'in', (eb) => eb.selectFrom('mentions').select('entity_id').where('article_id', '=', articleId))
    .where('intake', '=', intake)
    .execute();
  if (!rows.length) return [];
  const named = new Set(next.entities.map((e) => e.id));
  return rows.map((r) => r.id).filter((id) => !named.has(id));
}
