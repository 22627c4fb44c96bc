import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Analyzer } from '../../src/annotate/analyzer.js';
import { createPipeline, type Pipeline } from '../../src/annotate/index.js';
import type { Analysis, Article } from '../../src/doc/types.js';
import { StoreUnwritableError } from '../../src/errors.js';
import { loadRules } from '../../src/ingest/clean.js';
import { openStore, type Store } from '../../src/store/index.js';
import { analyzeSink, type NewItem } from '../../src/watch/sink.js';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await createPipeline();
});

const ingest = { verbatim: false, timeoutMs: 5_000, maxBytes: 1 << 20, publicOnly: true, rules: loadRules() };

function item(n: number, body: string): NewItem {
  return {
    feedUrl: 'https://wire.example/world.rss',
    feedTitle: 'World Wire',
    language: 'en',
    id: `item-${n}`,
    item: { guid: `item-${n}`, title: `Dispatch ${n}`, link: null, published: '2026-11-0' + n, html: `<p>${body}</p>`, summaryOnly: false, index: n },
  };
}

/** An analyzer whose analyses finish when the test says: what it was asked, in order. */
function heldAnalyzer(): Analyzer & { asked: string[]; release: () => void } {
  const waiting: (() => void)[] = [];
  const self = {
    asked: [] as string[],
    analyze(article: Article): Promise<Analysis> {
      self.asked.push(article.title ?? article.id);
      if (article.text.includes('garbled')) return Promise.reject(new Error('the tagger choked'));
      return new Promise((resolve) => waiting.push(() => resolve(pipeline.analyze(article))));
    },
    release() {
      for (const go of waiting.splice(0)) go();
    },
  };
  return self;
}

describe('analyzeSink', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(':memory:');
  });
  afterAll(() => store.close());

  it('starts analysing an item when it is taken, before the items before it are stored, and stores items finished together in one batch, in order', async () => {
    const analyzer = heldAnalyzer();
    const saves = vi.spyOn(store.articles, 'saveMany');
    const stored: string[] = [];
    const sink = analyzeSink({ store, pipeline: analyzer, ingest, refresh: async () => undefined, onOutcome: (o) => o.ok && stored.push(o.analysis.article.title!) });
    const first = await sink.take(item(1, 'The ministry said the convoy reached the northern port on Monday.'));
    const second = await sink.take(item(2, 'Officials in the capital denied that the bridge had been struck.'));
    // Both analyses are under way, though neither item is finished.
    expect(analyzer.asked).toEqual(['Dispatch 1', 'Dispatch 2']);
    const done = [first(), second()];
    analyzer.release();
    expect(await Promise.all(done)).toEqual([
      { stored: 1, errors: [] },
      { stored: 1, errors: [] },
    ]);
    expect(stored).toEqual(['Dispatch 1', 'Dispatch 2']);
    expect(saves.mock.calls.map(([analyses]) => analyses.map((a) => a.article.title))).toEqual([['Dispatch 1', 'Dispatch 2']]);
    saves.mockRestore();
    expect(await store.articles.countArticles()).toBe(2);
  });

  it('does not analyse again an article this pipeline stored, and an analysis that fails fails its item alone, naming it', async () => {
    const analyzer = heldAnalyzer();
    const sink = analyzeSink({ store, pipeline: analyzer, ingest, refresh: async () => undefined });
    const again = await sink.take(item(1, 'The ministry said the convoy reached the northern port on Monday.'));
    const bad = await sink.take(item(3, 'A garbled wire with nothing the tagger can read.'));
    const good = await sink.take(item(4, 'The governor said the power plant was shelled overnight.'));
    expect(analyzer.asked).toEqual(['Dispatch 3', 'Dispatch 4']);
    analyzer.release();
    expect(await again()).toEqual({ stored: 0, errors: [] });
    const failed = await bad();
    expect(failed.stored).toBe(0);
    expect(failed.errors).toEqual([expect.stringMatching(/analysis failed \(the tagger choked\)/)]);
    expect(await good()).toEqual({ stored: 1, errors: [] });
    expect(await store.articles.countArticles()).toBe(3);
  });

  it('a database that cannot be written fails every item stored with it, with that error (the watcher stops on it)', async () => {
    const analyzer = heldAnalyzer();
    const full = new StoreUnwritableError(':memory:', 'SQLITE_FULL', 'the disk (or the database size limit) is full', new Error('database or disk is full'));
    const saves = vi.spyOn(store.articles, 'saveMany').mockRejectedValue(full);
    const sink = analyzeSink({ store, pipeline: analyzer, ingest, refresh: async () => undefined });
    const first = await sink.take(item(5, 'The navy said two drones were downed near the coast.'));
    const second = await sink.take(item(6, 'Engineers said the dam would be repaired within a month.'));
    const done = [first(), second()];
    analyzer.release();
    const settled = await Promise.allSettled(done);
    saves.mockRestore();
    expect(settled.map((r) => r.status === 'rejected' && (r.reason as Error).message)).toEqual([full.message, full.message]);
    expect(await store.articles.countArticles()).toBe(3);
  });
});
