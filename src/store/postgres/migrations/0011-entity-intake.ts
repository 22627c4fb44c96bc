import type { Migration } from './index.js';

/**
 * Migration 0011: `entities.intake`, the intake key (src/store/intake.ts) of the article whose
 * attributes the entity's row holds: the earliest submitted article's, not the first stored one's,
 * so several workers storing in an order of their own give what one process gives (SQLite's 0016).
 * A stored row gets the earliest key of the articles that mention it.
 */
export const entityIntake: Migration = {
  name: '0011_entity_intake',
  statements: [
    'alter table entities add column intake text collate "C"',
    'update entities set intake = (select min(a.intake) from mentions m join articles a on a.id = m.article_id where m.entity_id = entities.id)',
  ],
};
