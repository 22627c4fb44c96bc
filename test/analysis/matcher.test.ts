import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClaimFeatures, EventSig } from '../../src/analysis/features.js';
import { Matcher } from '../../src/analysis/matcher.js';
import { keysOf, widen, propositionOf } from '../../src/analysis/propositions.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { tempDir } from '../helpers.js';

const dir = tempDir();
const stores: SqliteStore[] = [];
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
});

function arrest(over: Partial<EventSig>): EventSig {
  return { type: 'arrest', actor: null, target: null, place: null, time: null, quantity: null, planned: false, denied: false, ...over };
}

/** A claim's features with the words and events given, every other field at its plainest. */
function features(words: string[], events: EventSig[]): ClaimFeatures {
  return {
    words, events, entities: [], numbers: [], dates: [], predicate: 0, negated: false, negation: false, countries: {}, wide: [], order: null,
    refers: 0, topic: false, answers: null, refusal: false, statement: true, pronounSubject: false, retort: false, voice: 'v', camp: 'v',
    blame: null, standing: null, rare: [], subject: null, disbelief: false,
  };
}

const WORDS = ['detain', 'overnight', 'polic', 'station'];
// The founding claim: an arrest by one actor of one target.
const first = features(WORDS, [arrest({ actor: 'org.city-police', target: 'person.courier' })]);
// A second report of it gives its date and no actor: a new event for the proposition, but no new key (its target has one).
const second = features(WORDS, [arrest({ target: 'person.courier', time: '2014-05' })]);

describe('widening a proposition', () => {
  it('says it changed the features when a member adds an event whose arguments already have keys', () => {
    const p = propositionOf(first);
    const { changed, keys } = widen(p, second);
    expect(keys).toEqual([]);
    expect(changed).toBe(true);
    expect(p.events).toHaveLength(2);
    // The same member again changes nothing.
    expect(widen(p, second)).toEqual({ changed: false, keys: [] });
  });

  it('leaves in the store what the matcher holds, so a matcher that reads it again holds the same', async () => {
    const store = await SqliteStore.open(join(dir, 'matcher.db'));
    stores.push(store);
    const kept = new Matcher();
    const assign = (m: Matcher, f: ClaimFeatures, founder: string) =>
      store.analysis.step(async (step) => {
        await m.begin(step, 0);
        await m.prefetch(step, keysOf(f), [founder]);
        const id = m.assign(f, keysOf(f), founder);
        await m.flush(step);
        return id;
      });
    const id = await assign(kept, first, 'a1/c1');
    expect(await assign(kept, second, 'a2/c1')).toBe(id);
    expect(kept.featuresOf(id)!.events).toHaveLength(2);
    // A matcher with no caches (another process's, or this one's after its limits) reads the proposition from the store.
    const fresh = new Matcher();
    await store.analysis.step(async (step) => {
      await fresh.begin(step, 0);
      await fresh.prefetch(step, keysOf(second), []);
    });
    expect(fresh.featuresOf(id)).toEqual(kept.featuresOf(id));
  });
});
