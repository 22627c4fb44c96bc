import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { generalStaffArticle, ministryArticle } from '../fixtures/articles.js';
import { freshPlace } from './backends.js';

/**
 * Since migration 0020 one index of `mentions` is keyed by entity (mentions_entity_span). Every way the store reads
 * an entity's mentions (its page's articles and claims, candidates for a check, re-homing its row) must still find
 * them by that index, not by reading the whole table. And the refresh's count of the articles it has taken from a
 * place reads an index of its own (0024).
 */
describe('the SQLite store reads mentions by entity, and the articles taken, through an index', () => {
  let store: SqliteStore;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const place = await freshPlace('sqlite');
    drop = place.drop;
    store = await SqliteStore.open(place.path);
    for (const a of [ministryArticle(), generalStaffArticle()]) await store.articles.save(a);
  });
  afterAll(async () => {
    await store.close();
    await drop();
  });

  const plan = (query: string) => store.sqlite.prepare(`explain query plan ${query}`).all().map((r) => (r as { detail: string }).detail);

  it('keeps one index on mentions keyed by entity', () => {
    const names = store.sqlite.prepare(`select name from sqlite_master where type = 'index' and tbl_name = 'mentions' order by name`).pluck().all();
    expect(names).toEqual(['mentions_article', 'mentions_entity_span']);
  });

  it.each([
    ['an entity', `select article_id from mentions where entity_id = 'e'`],
    ['an entity in an article', `select 1 from mentions where entity_id = 'e' and article_id = 'a'`],
    ['claims about an entity', `select c.seq from mentions m join claims c on c.article_id = m.article_id and m.start >= c.content_start and m.end <= c.content_end where m.entity_id = 'e'`],
    ['articles naming entities', `select m.article_id from mentions m join articles a on a.id = m.article_id where m.entity_id in ('e', 'f') group by m.article_id`],
  ])('%s', (_what, query) => {
    const steps = plan(query);
    expect(steps.some((s) => /^SEARCH m(entions)? USING (COVERING )?INDEX mentions_entity_span \(entity_id=/.test(s))).toBe(true);
    expect(steps.some((s) => /^SCAN m(entions)?\b/.test(s))).toBe(false);
  });

  // Since migration 0024: while a re-analysed article's place is noted, every refresh step counts the articles taken
  // from it on (src/analysis/rewind.ts); a scan of the articles would read their texts too.
  it('counts the articles the refresh has taken from a place through an index', () => {
    expect(plan(`select count(*) as n from articles where refreshed = 1 and intake >= 'k'`)).toEqual(['SEARCH articles USING COVERING INDEX articles_taken (intake>?)']);
  });
});
