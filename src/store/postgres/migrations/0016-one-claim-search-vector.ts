import type { Migration } from './index.js';

/**
 * Migration 0016: a claim's search vector is one, not two. `fts` held the speaker's canonical name and the content, and
 * `fts_content` the content again, each parsed on insert and kept in a GIN index of its own. Now the name's words carry
 * weight A and the content's D in the one vector: a search of the content alone asks for weight D (`text-search.ts`).
 * 18,050 PolNeAR claims took 588–593 ms to insert with it against 932–1,052 ms with the two (psql). On 799 one- and
 * two-word queries drawn from those claims, both searches found the same claims as before (docs/quality.md). Existing
 * stores have the column computed again for every claim, once.
 */
export const oneClaimSearchVector: Migration = {
  name: '0016_one_claim_search_vector',
  statements: [
    'alter table claims drop column fts_content',
    'alter table claims drop column fts',
    `alter table claims add column fts tsvector generated always as (setweight(to_tsvector('english', fts_speaker), 'A') || to_tsvector('english', content)) stored`,
    'create index claims_fts on claims using gin (fts)',
  ],
};
