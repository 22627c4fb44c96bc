import type { Migration } from './index.js';

/**
 * Migration 0017: two indexes no query reads go, as on SQLite (its 0021). `claims_said`: claims are filtered and
 * ordered by the day they were made (`made`), never by `said`. `events_time`: events are listed by type, place and
 * role, in the article list's order (0013), never by time. Every insert paid for both.
 */
export const unreadIndexes: Migration = {
  name: '0017_unread_indexes',
  statements: ['drop index if exists claims_said', 'drop index if exists events_time'],
};
