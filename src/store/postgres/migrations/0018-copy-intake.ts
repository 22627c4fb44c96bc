import type { Migration } from './index.js';

/**
 * Migration 0018: `articles.copy_intake`, the intake key of the copy whose analysis is stored, as on SQLite (its 0022,
 * which says why). A stored article's copy is the one its place came from.
 */
export const copyIntake: Migration = {
  name: '0018_copy_intake',
  statements: [`alter table articles add column copy_intake text collate "C" not null default ''`, 'update articles set copy_intake = intake'],
};
