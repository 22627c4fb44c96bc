import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshAnalysis } from '../../src/analysis/index.js';
import type { Analysis } from '../../src/doc/types.js';
import { PostgresStore } from '../../src/store/postgres/store.js';
import { generalStaffArticle, hostileArticle, ministryArticle } from '../fixtures/articles.js';
import { handmadeCorpus } from '../fixtures/corpus.js';
import { freshPlace, TEST_PG, type Place } from './backends.js';

const copy = (a: Analysis, n: number): Analysis => ({ ...a, article: { ...a.article, id: `${a.article.id}-${n}`, text: `${a.article.text} (${n})` } });

/** Whether `p` settles within `ms`. */
const settlesWithin = (p: Promise<unknown>, ms: number) =>
  Promise.race([p.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

/** A write transaction held open until `release()`, as a save of `articles` (or as any other write, without). */
function holdOpen(store: PostgresStore, articles?: string[]): { held: Promise<void>; open: Promise<void>; release(): void } {
  let release!: () => void;
  let opened!: () => void;
  const open = new Promise<void>((resolve) => (opened = resolve));
  const until = new Promise<void>((resolve) => (release = resolve));
  const held = store.writeTransaction(async () => (opened(), until), articles ? { articles } : {});
  return { held, open, release };
}

/**
 * Several workers saving into one PostgreSQL store (PostgresStore.writeTransaction): saves of
 * different articles run at once; a save of an article waits for another save of it, and refresh
 * steps and saves wait for each other; the kept entity counts stay exact.
 */
describe.skipIf(!TEST_PG)('saves of several writers on the PostgreSQL store', () => {
  let place: Place;
  let a: PostgresStore;
  let b: PostgresStore;
  beforeAll(async () => {
    place = await freshPlace('postgres');
    [a, b] = await Promise.all([PostgresStore.open(place.path), PostgresStore.open(place.path)]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
    await place.drop();
  });

  it('a save of other articles does not wait for a save under way', async () => {
    const other = holdOpen(a, ['some-other-article']);
    await other.open;
    expect(await settlesWithin(b.articles.saveMany([ministryArticle()]), 5_000)).toBe(true);
    other.release();
    await other.held;
  });

  it('a save of the same article waits for it, then finds it stored', async () => {
    const article = generalStaffArticle();
    const first = holdOpen(a, [article.article.id]);
    await first.open;
    const second = b.articles.saveMany([article]);
    expect(await settlesWithin(second, 300)).toBe(false);
    first.release();
    await first.held;
    expect(await second).toEqual([{ ok: true, status: 'new' }]);
    expect(await a.articles.saveMany([article])).toEqual([{ ok: true, status: 'duplicate' }]);
  });

  it('a refresh waits for a save under way, and a save for a refresh step', async () => {
    const save = holdOpen(a, ['yet-another-article']);
    await save.open;
    const refresh = refreshAnalysis(b);
    expect(await settlesWithin(refresh, 300)).toBe(false);
    save.release();
    await save.held;
    await refresh;

    const step = holdOpen(a);
    await step.open;
    const saved = b.articles.saveMany([hostileArticle()]);
    expect(await settlesWithin(saved, 300)).toBe(false);
    step.release();
    await step.held;
    expect(await saved).toEqual([{ ok: true, status: 'new' }]);
  });

  it('batches sharing entities, saved at once in opposite orders, keep exact counts', async () => {
    const corpus = [ministryArticle(), generalStaffArticle(), hostileArticle(), ...handmadeCorpus()];
    const batches = (from: number, reverse: boolean) =>
      Array.from({ length: 6 }, (_, k) => {
        const batch = corpus.map((x) => copy(x, from + k));
        return reverse ? batch.reverse() : batch;
      });
    await Promise.all([
      (async () => {
        for (const batch of batches(100, false)) for (const r of await a.articles.saveMany(batch)) expect(r).toEqual({ ok: true, status: 'new' });
      })(),
      (async () => {
        for (const batch of batches(200, true)) for (const r of await b.articles.saveMany(batch)) expect(r).toEqual({ ok: true, status: 'new' });
      })(),
    ]);
    // The kept counts against a recount of the stored mentions.
    const kept = await sql<{ entity_id: string; mentions: number; articles: number }>`
      select entity_id, mentions, articles from entity_counts order by entity_id`.execute(a.db);
    const counted = await sql<{ entity_id: string; mentions: number; articles: number }>`
      select entity_id, count(*)::integer as mentions, count(distinct article_id)::integer as articles from mentions group by entity_id order by entity_id`.execute(a.db);
    expect(kept.rows.length).toBeGreaterThan(3);
    expect(kept.rows).toEqual(counted.rows);
    const aliases = await sql`select entity_id, text, count from entity_aliases order by entity_id, text`.execute(a.db);
    const forms = await sql`select entity_id, text, count(*)::integer as count from mentions group by entity_id, text order by entity_id, text`.execute(a.db);
    expect(aliases.rows).toEqual(forms.rows);
  });
});
