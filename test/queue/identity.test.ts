import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { ROOT, runCli, tempDir } from '../helpers.js';
import { freshDatabase, TEST_PG, type TestDatabase } from './pg.js';

const CORPUS = join(ROOT, 'test/fixtures/corpus/articles.jsonl');

/**
 * What the cross-article analysis says, apart from what follows the order articles were stored,
 * which two workers choose between them: the numbers of propositions, contradictions and stories
 * (p1, x2, s3: counted as the refresh met their first claim), and which copy of a near-duplicate
 * group speaks for its claims (the first stored). A claim of a copy is then its group's and its words.
 * A proposition's label (`about`) is worded from its first claim, so it follows that order too.
 */
function unordered(items: readonly object[], groupOf: ReadonlyMap<string, string>, drop: readonly string[] = []): unknown[] {
  const strip = (v: unknown): unknown => {
    // Claims of a side are listed as they were stored: their order is the storing order's too.
    if (Array.isArray(v)) return v.every((x) => x && typeof x === 'object' && 'article' in x) ? sorted(v.map(strip)) : v.map(strip);
    if (!v || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    const group = typeof o.article === 'string' ? groupOf.get(o.article) : undefined;
    const kept = Object.entries(o).filter(([k]) => k !== 'id' && k !== 'proposition' && !drop.includes(k) && !(group && ['claim', 'source', 'title', 'published', 'url'].includes(k)));
    return Object.fromEntries(kept.map(([k, x]) => [k, k === 'article' && group ? group : strip(x)]));
  };
  return sorted(items.map(strip));
}

const sorted = (items: unknown[]) => items.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

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
      // Each article of a near-duplicate group, to the group (named by its members).
      groupOf: new Map(
        (await store.analysis.duplicateGroups({ limit: 1000 })).items.flatMap((g) => {
          const name = g.articles.map((a) => a.id).sort().join('+');
          return g.articles.map((a) => [a.id, name] as const);
        }),
      ),
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

  const throughQueue = async (store: string, concurrency: number) => {
    const env = { CLAIMTRAIL_QUEUE: db.url };
    expect((await runCli(['analyze', CORPUS, '--queue'], { env })).code).toBe(0);
    const worked = await runCli(['worker', '--db', store, '--until-idle', '--concurrency', String(concurrency)], { env });
    expect(worked.code).toBe(0);
    return contents(store);
  };

  it('gives the same articles, claims, propositions, contradictions and stories in place and with one worker; with two, the same apart from what follows the storing order', async () => {
    const inPlace = join(dir, 'in-place.db');
    expect((await runCli(['analyze', CORPUS, '--db', inPlace])).code).toBe(0);
    const expected = await contents(inPlace);
    expect(expected.articles).toHaveLength(8);
    expect(expected.contradictions.length).toBeGreaterThan(0);
    expect(expected.stories.length).toBeGreaterThan(0);

    // One worker takes the jobs in the order queued: the same store, numbers included.
    expect(await throughQueue(join(dir, 'one.db'), 1)).toEqual(expected);
    const two = await throughQueue(join(dir, 'two.db'), 2);
    expect(two.articles).toEqual(expected.articles);
    expect(two.claims).toEqual(expected.claims);
    expect(two.groupOf).toEqual(expected.groupOf);
    // Which order two workers store in is theirs: the articles stored the other way round (each
    // copy of the syndicated pair then speaks for it) must read the same apart from that order.
    const reversed = join(dir, 'reversed.jsonl');
    writeFileSync(reversed, readFileSync(CORPUS, 'utf8').trim().split('\n').reverse().join('\n'));
    expect((await runCli(['analyze', reversed, '--db', join(dir, 'reversed.db')])).code).toBe(0);
    const other = await contents(join(dir, 'reversed.db'));
    expect(unordered(other.contradictions, other.groupOf)).toEqual(unordered(expected.contradictions, expected.groupOf));
    expect(unordered(other.stories, other.groupOf)).toEqual(unordered(expected.stories, expected.groupOf));
    expect(unordered(other.propositions, other.groupOf, ['about'])).toEqual(unordered(expected.propositions, expected.groupOf, ['about']));
    expect(other.contradictions).not.toEqual(expected.contradictions);
    expect(expected.groupOf.size).toBeGreaterThan(0);
    for (const key of ['contradictions', 'stories'] as const) {
      expect(unordered(two[key], two.groupOf), key).toEqual(unordered(expected[key], expected.groupOf));
      expect(two[key]).toHaveLength(expected[key].length);
    }
    expect(unordered(two.propositions, two.groupOf, ['about'])).toEqual(unordered(expected.propositions, expected.groupOf, ['about']));
  });
});
