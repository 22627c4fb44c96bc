import type { Migration } from './index.js';

/** Migration 0020: the articles the refresh has taken, by intake key, as on SQLite (its 0024, which says why). */
export const takenArticles: Migration = {
  name: '0020_taken_articles',
  statements: ['create index articles_taken on articles (intake) where refreshed = 1'],
};
