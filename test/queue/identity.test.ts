import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { ROOT, runCli, tempDir } from '../helpers.js';
import { freshDatabase, TEST_PG, type TestDatabase } from './pg.js';

const CORPUS = join(ROOT, 'test/fixtures/corpus/articles.jsonl');

/** Everything a store holds that a user reads, in an order that does not depend on which worker stored what first. */
async function contents(path: string) {
  const store = await openStore(path);
  try {
    const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));
    const ids = (await store.articles.listArticles({ limit: 1000 })).items.map((a) => a.id).sort();
    return {
      articles: byId((await store.articles.getAnalyses(ids)).map((a) => ({ ...a, id: a.article.id }))),
      claims: byId((await store.corpus.listClaims({ limit: 1000 })).items.map((c) => ({ ...c, id: `${c.article}/${c.claim}` }))),
      propositions: byId((await store.analysis.listPropositions({ limit: 1000 })).items),
      contradictions: byId((await store.analysis.listContradictions({ limit: 1000 })).items),
      stories: byId((await store.analysis.listStories({ limit: 1000 })).items),
    };
  } finally {
    await store.close();
  }
}

describe.skipIf(!TEST_PG)('the same corpus in place and through the queue', () => {
  let db: TestDatabase;
  const dir = tempDir();
  beforeAll(async () => {
    db = await freshDatabase('identity');
  });
  afterAll(async () => {
    await db?.drop();
  });

  /** `threads`: each worker's analysis threads, 0 for none (the worker analyses). */
  const throughQueue = async (store: string, concurrency: number, threads: number) => {
    const env = { CLAIMTRAIL_QUEUE: db.url };
    const queued = await runCli(['analyze', CORPUS, '--queue'], { env });
    expect(queued.code, queued.stderr).toBe(0);
    const worked = await runCli(['worker', '--db', store, '--until-idle', '--concurrency', String(concurrency), '--threads', String(threads)], { env });
    expect(worked.code, worked.stderr).toBe(0);
    return contents(store);
  };

  it('gives the same articles, claims, propositions, contradictions and stories in place as through one worker or two, on a SQLite or a PostgreSQL store', async () => {
    const inPlace = join(dir, 'in-place.db');
    expect((await runCli(['analyze', CORPUS, '--db', inPlace])).code).toBe(0);
    const expected = await contents(inPlace);
    expect(expected.articles).toHaveLength(8);
    expect(expected.contradictions.length).toBeGreaterThan(0);
    expect(expected.stories.length).toBeGreaterThan(0);

    // One worker takes the jobs in the order queued, analysed on a thread of its own or on its own thread: the same
    // store, numbers included.
    expect(await throughQueue(join(dir, 'one.db'), 1, 1)).toEqual(expected);
    // The store on PostgreSQL (this test's database; the queue has a schema of its own there): the same again.
    expect(await throughQueue(db.url, 1, 0)).toEqual(expected);

    // Two workers store in an order of their own; the refresh takes articles in the order their
    // jobs were queued, waiting for a job not yet finished, so the store is the same again.
    expect(await throughQueue(join(dir, 'two.db'), 2, 1)).toEqual(expected);
  });
});
