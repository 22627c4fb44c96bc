import { createHash } from 'node:crypto';
import type { Page, PageOptions } from '../contract/index.js';
import { openStore } from '../store/index.js';

/** What a store holds for users, by kind, and the order its long lists show: what "the same results" compares. */
export const KINDS = ['articles', 'claims', 'propositions', 'contradictions', 'stories', 'article list order', 'ledger order', 'event list order'] as const;
export type Kind = (typeof KINDS)[number];

/** Every item of a paged list. */
async function all<T>(list: (options: PageOptions) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await list({ limit: 500, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return out;
}

function digest<T>(items: T[], key: (item: T) => string): { count: number; sha256: string } {
  const sorted = items.map((item) => [key(item), JSON.stringify(item)] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const hash = createHash('sha256');
  for (const [, json] of sorted) hash.update(json).update('\n');
  return { count: items.length, sha256: hash.digest('hex') };
}

/** A digest of the keys in the order listed. */
function order(keys: string[]): { count: number; sha256: string } {
  return { count: keys.length, sha256: createHash('sha256').update(keys.join('\n')).digest('hex') };
}

/**
 * A digest of each kind of what the store at `location` holds — articles with all their layers,
 * claims, propositions, contradictions and stories, every field — in an order that does not
 * depend on the order articles were stored: two stores with equal digests hold the same results.
 * And the order the article list, the claim ledger and the event list show them in, page after page.
 */
export async function storeDigests(location: string): Promise<Record<Kind, { count: number; sha256: string }>> {
  const store = await openStore(location);
  try {
    const ids = (await all((o) => store.articles.listArticles(o))).map((a) => a.id);
    const analyses = [];
    for (let i = 0; i < ids.length; i += 500) analyses.push(...(await store.articles.getAnalyses(ids.slice(i, i + 500))));
    const claims = await all((o) => store.corpus.listClaims(o));
    return {
      articles: digest(analyses, (a) => a.article.id),
      claims: digest(claims, (c) => `${c.article}/${c.claim}`),
      propositions: digest(await all((o) => store.analysis.listPropositions(o)), (p) => p.id),
      contradictions: digest(await all((o) => store.analysis.listContradictions(o)), (c) => c.id),
      stories: digest(await all((o) => store.analysis.listStories(o)), (s) => s.id),
      'article list order': order(ids),
      'ledger order': order(claims.map((c) => `${c.article}/${c.claim}`)),
      'event list order': order((await all((o) => store.corpus.listEvents(o))).map((e) => `${e.article}/${e.event}`)),
    };
  } finally {
    await store.close();
  }
}
