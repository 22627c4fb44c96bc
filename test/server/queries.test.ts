import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticAnalyses } from '../../src/bench/synthetic.js';
import type { Analysis } from '../../src/doc/types.js';
import { dateKey } from '../../src/doc/dates.js';
import { openStore, type Store } from '../../src/store/index.js';
import { spansOf } from '../helpers.js';

// Enough articles that the most mentioned entity passes 5,000 mentions, where "claims about"
// switches plans: both plans must give the answer computed here by brute force.
const ARTICLES = 2500;

let store: Store;
const analyses: Analysis[] = [];

beforeAll(async () => {
  store = await openStore(':memory:');
  for (const a of syntheticAnalyses(ARTICLES)) {
    analyses.push(a);
    await store.articles.save(a);
  }
}, 180_000);

afterAll(async () => {
  await store.close();
});

/** Claims whose content holds a mention of the entity, as article/claim keys. */
function about(entity: string): string[] {
  return analyses.flatMap((a) => {
    const mentions = a.entities.find((e) => e.id === entity)?.mentions ?? [];
    return a.claims.filter((c) => mentions.some((m) => m.start >= c.content.start && m.end <= c.content.end)).map((c) => `${a.article.id}/${c.id}`);
  });
}

async function allClaims(filters: { mentions?: string; speaker?: string }): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.corpus.listClaims({ ...filters, limit: 500, cursor });
    keys.push(...page.items.map((c) => `${c.article}/${c.claim}`));
    cursor = page.next;
  } while (cursor);
  return keys;
}

describe('queries over a store of synthetic articles', () => {
  it('the synthetic articles keep every span exact', () => {
    for (const a of analyses.slice(0, 200)) for (const s of spansOf(a)) expect(a.article.text.slice(s.start, s.end)).toBe(s.text);
  });

  it('finds the claims about frequent, middling and rare entities, all of them once', async () => {
    const ranked = (await store.corpus.listEntities({ limit: 500 })).items;
    expect(ranked[0]!.mentions).toBeGreaterThan(5000);
    for (const e of [ranked[0]!, ranked[Math.floor(ranked.length / 3)]!, ranked[ranked.length - 1]!]) {
      const got = await allClaims({ mentions: e.id });
      expect(new Set(got).size, e.name).toBe(got.length);
      expect([...got].sort(), e.name).toEqual(about(e.id).sort());
    }
  });

  it('counts mentions and articles of an entity as the analyses do', async () => {
    const top = (await store.corpus.listEntities({ limit: 1 })).items[0]!;
    const mentions = analyses.reduce((n, a) => n + (a.entities.find((e) => e.id === top.id)?.mentions.length ?? 0), 0);
    const articles = analyses.filter((a) => a.entities.some((e) => e.id === top.id)).length;
    const page = await store.corpus.entityPage(top.id, 20);
    expect(page!.entity).toMatchObject({ mentions, articles });
    expect(page!.aliases.reduce((n, a) => n + a.count, 0)).toBe(mentions);
    expect(page!.claimsAbout).toHaveLength(20);
  });

  it('lists claims by a speaker entity, the latest made first, the later stored first on a tie', async () => {
    const speaker = analyses[0]!.claims[0]!.speaker!.entity!;
    const stored = analyses.flatMap((a) => a.claims.filter((c) => c.speaker?.entity === speaker).map((c) => ({ key: `${a.article.id}/${c.id}`, made: dateKey(c.said) ?? dateKey(a.article.published) ?? '' })));
    const expected = stored.map((c, order) => ({ ...c, order })).sort((x, y) => y.made.localeCompare(x.made) || y.order - x.order);
    expect(new Set(stored.map((c) => c.made)).size).toBeGreaterThan(1);
    const got = await allClaims({ speaker });
    expect(got).toEqual(expected.map((c) => c.key));
  });
});
