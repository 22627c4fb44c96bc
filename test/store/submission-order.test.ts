import { Migrator } from 'kysely';
import { refreshAnalysis } from '../../src/analysis/index.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/doc/types.js';
import type { SaveStatus } from '../../src/contract/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { intakeKey } from '../../src/store/intake.js';
import { migrationProvider } from '../../src/store/sqlite/migrations/index.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { eachClaim as eachSqliteClaim } from '../../src/store/sqlite/claims.js';
import { eachClaim as eachPostgresClaim } from '../../src/store/postgres/claims.js';
import type { PostgresStore } from '../../src/store/postgres/store.js';
import { makeAnalysis } from '../fixtures/articles.js';
import { BACKENDS, freshPlace, freshStore } from './backends.js';

const ID = 'org.harbour-radio';
/** The two ways an article is saved again: alone, or in a batch (the rows articles share are then written at its end). */
const WAYS = [
  ['one at a time', false],
  ['in a batch', true],
] as const;
const keys = [intakeKey('0190a0a0-0000-7000-8000-000000000001'), intakeKey('0190a0a0-0000-7000-8000-000000000002')];

/** Two articles that write one entity differently (its name's case, its subtype): what outlets' copy does. */
function articles(): [Analysis, Analysis] {
  const meta = { published: '2026-03-02', source: 'Test Wire' };
  const first = makeAnalysis({ ...meta, title: 'Ferry resumes', ref: 'ferry' }, 'Harbour Radio said the ferry would sail again on Monday.', [{ id: ID, name: 'Harbour Radio', type: 'ORG', forms: ['Harbour Radio'] }], []);
  const later = makeAnalysis({ ...meta, title: 'Port closed', ref: 'port' }, 'HARBOUR RADIO reported that the port stayed closed for a third day.', [{ id: ID, name: 'HARBOUR RADIO', type: 'ORG', forms: ['HARBOUR RADIO'] }], []);
  later.entities[0]!.subtype = 'media';
  return [first, later];
}

/**
 * Several workers store articles in whatever order they finish them, and one process in the order
 * read: an entity's row must not depend on which came first, or the names a proposition, a
 * contradiction or a story shows would differ between the two.
 */
describe.each(BACKENDS)('entity rows on the %s store', (backend) => {
  let drop: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await drop?.();
    drop = null;
  });

  async function open(): Promise<Store> {
    const fresh = await freshStore(backend);
    drop = fresh.drop;
    return fresh.store;
  }


  it.each([
    ['in the order submitted', [0, 1]],
    ['in the reverse order', [1, 0]],
  ])('hold what the earliest submitted article says, saved one at a time %s', async (_, order) => {
    const store = await open();
    const pair = articles();
    for (const i of order) expect(await store.articles.save(pair[i]!, { intake: keys[i]! })).toBe('new');
    expect((await store.corpus.entityPage(ID))?.entity).toMatchObject({ name: 'Harbour Radio', subtype: null, mentions: 2, articles: 2 });
  });

  it('hold what the earliest submitted article says, saved together in the reverse order', async () => {
    const store = await open();
    const [first, later] = articles();
    const results = await store.articles.saveMany([later, first], { intakes: [keys[1]!, keys[0]!] });
    expect(results.map((r) => r.ok && r.status)).toEqual(['new', 'new']);
    expect((await store.corpus.entityPage(ID))?.entity).toMatchObject({ name: 'Harbour Radio', subtype: null });
  });

  it('follow an article stored late that a copy submitted earlier moves forward', async () => {
    const store = await open();
    const [first, later] = articles();
    const earliest = intakeKey('0190a0a0-0000-7000-8000-000000000000');
    await store.articles.save(later, { intake: keys[0]! });
    await store.articles.save(first, { intake: keys[1]! });
    expect((await store.corpus.entityPage(ID))?.entity).toMatchObject({ name: 'HARBOUR RADIO', subtype: 'media' });
    // Another worker's copy of the same article, from a job queued before both.
    expect(await store.articles.save(first, { intake: earliest })).toBe('duplicate');
    expect((await store.corpus.entityPage(ID))?.entity).toMatchObject({ name: 'Harbour Radio', subtype: null });
  });

  /** Save an article analysed again (--reanalyze), alone or as a batch of one; its status. */
  async function analysedAgain(store: Store, a: Analysis, batch: boolean): Promise<SaveStatus | null> {
    if (!batch) return store.articles.save(a, { replace: true });
    const [result] = await store.articles.saveMany([a], { replace: true });
    return result!.ok ? result!.status : null;
  }

  it.each(WAYS)('take the new analysis of the article that holds them when it is analysed again, %s', async (_, batch) => {
    const store = await open();
    const [first, later] = articles();
    await store.articles.save(first, { intake: keys[0]! });
    await store.articles.save(later, { intake: keys[1]! });
    // Analysed again (--reanalyze) with a newer model that types the outlet as media; the article keeps its place.
    const again: Analysis = { ...first, entities: first.entities.map((e) => ({ ...e, subtype: 'media' })) };
    expect(await analysedAgain(store, again, batch)).toBe('replaced');
    expect((await store.corpus.entityPage(ID))?.entity).toMatchObject({ name: 'Harbour Radio', subtype: 'media', mentions: 2, articles: 2 });
  });

  it.each(WAYS)('pass to the next article naming them when the one holding them no longer does, %s', async (_, batch) => {
    const store = await open();
    const [first, later] = articles();
    await store.articles.save(first, { intake: keys[0]! });
    await store.articles.save(later, { intake: keys[1]! });
    await analysedAgain(store, { ...first, entities: [] }, batch);
    expect((await store.corpus.entityPage(ID))?.entity).toMatchObject({ name: 'HARBOUR RADIO', subtype: 'media', mentions: 1, articles: 1 });
    // Named by none: the next article naming it writes it, though submitted after the one that last did.
    await analysedAgain(store, { ...later, entities: [] }, batch);
    // No article names it now: it has no page (its row keeps what it last said, listed nowhere).
    expect(await store.corpus.entityPage(ID)).toBeNull();
    const third = makeAnalysis({ published: '2026-03-03', source: 'Test Wire', title: 'Ferry full', ref: 'ferry-full' }, 'Harbour radio said every seat on the ferry was sold.', [{ id: ID, name: 'Harbour radio', type: 'ORG', forms: ['Harbour radio'] }], []);
    await store.articles.save(third, { intake: intakeKey('0190a0a0-0000-7000-8000-000000000003') });
    expect((await store.corpus.entityPage(ID))?.entity).toMatchObject({ name: 'Harbour radio', subtype: null, mentions: 1, articles: 1 });
  });
});

describe.each(BACKENDS)('copies of one article on the %s store', (backend) => {
  it('keep the one submitted first, whichever was stored first, until the refresh has taken it', async () => {
    const { store, drop } = await freshStore(backend);
    try {
      const [first] = articles();
      const earlier: Analysis = { ...first, article: { ...first.article, published: '2026-03-01', ref: 'ferry-early' } };
      expect(await store.articles.save(first, { intake: keys[1]! })).toBe('new');
      expect(await store.articles.save(earlier, { intake: keys[0]! })).toBe('duplicate');
      expect((await store.articles.getAnalysis(first.article.id))?.article).toMatchObject({ published: '2026-03-01', ref: 'ferry-early' });
      expect((await store.corpus.entityPage(ID))?.entity).toMatchObject({ mentions: 1, articles: 1 });
      await refreshAnalysis(store);
      // Taken by the refresh: a copy submitted still earlier changes nothing.
      const earliest: Analysis = { ...first, article: { ...first.article, ref: 'ferry-earliest' } };
      expect(await store.articles.save(earliest, { intake: intakeKey('0190a0a0-0000-7000-8000-000000000000') })).toBe('duplicate');
      expect((await store.articles.getAnalysis(first.article.id))?.article.ref).toBe('ferry-early');
    } finally {
      await drop();
    }
  });
});

describe.each(BACKENDS)('a re-analysis on the %s store', (backend) => {
  const copies = () => {
    const [first] = articles();
    return [0, 1].map((i): Analysis => ({ ...first, article: { ...first.article, ref: `ferry-copy-${i}` } }));
  };
  const runStart = intakeKey('0190a0a0-0000-7000-8000-000000000010');
  const again = [intakeKey('0190a0a0-0000-7000-8000-000000000011'), intakeKey('0190a0a0-0000-7000-8000-000000000012')];

  it.each([
    ['in the order submitted', [0, 1], ['replaced', 'duplicate']],
    ['in the reverse order', [1, 0], ['replaced', 'duplicate']],
  ])('keeps the copy it was given first of its own copies, stored %s, though the refresh took the other', async (_, order, statuses) => {
    const { store, drop } = await freshStore(backend);
    try {
      const pair = copies();
      expect(await store.articles.save(pair[0]!, { intake: keys[0]! })).toBe('new');
      const seen: SaveStatus[] = [];
      for (const [n, i] of order.entries()) {
        seen.push(await store.articles.save(pair[i]!, { replace: true, runStart, intake: again[i]! }));
        // A worker refreshes between its jobs: a re-analysis replaces what the refresh took, its own copy too.
        if (n === 0) await refreshAnalysis(store);
      }
      expect(seen).toEqual(statuses);
      expect((await store.articles.getAnalysis(pair[0]!.article.id))?.article.ref).toBe('ferry-copy-0');
      expect((await store.corpus.entityPage(ID))?.entity).toMatchObject({ mentions: 1, articles: 1 });
      // The next re-analysis replaces what this one stored.
      const next: Analysis = { ...pair[1]!, article: { ...pair[1]!.article, ref: 'ferry-copy-next' } };
      const later = intakeKey('0190a0a0-0000-7000-8000-000000000020');
      expect(await store.articles.save(next, { replace: true, runStart: later, intake: intakeKey('0190a0a0-0000-7000-8000-000000000021') })).toBe('replaced');
      expect((await store.articles.getAnalysis(pair[0]!.article.id))?.article.ref).toBe('ferry-copy-next');
    } finally {
      await drop();
    }
  });
});

describe.each(BACKENDS)('an article re-analysed as it was on the %s store', (backend) => {
  it.each(WAYS)('keeps its rows and what the refresh derived from them, %s, and still tells its own copies', async (_, batch) => {
    const { store, drop } = await freshStore(backend);
    try {
      const [first, later] = articles();
      await store.articles.save(first, { intake: keys[0]! });
      await store.articles.save(later, { intake: keys[1]! });
      expect((await refreshAnalysis(store)).articles).toBe(2);
      const runStart = intakeKey('0190a0a0-0000-7000-8000-000000000010');
      const again = (a: Analysis, n: number) => {
        const how = { replace: true, runStart };
        const intake = intakeKey(`0190a0a0-0000-7000-8000-00000000001${n}`);
        return batch ? store.articles.saveMany([a], { ...how, intakes: [intake] }).then(([r]) => (r!.ok ? r!.status : null)) : store.articles.save(a, { ...how, intake });
      };
      expect(await again(first, 1)).toBe('replaced');
      // Nothing changed, so nothing is left for the refresh.
      expect((await refreshAnalysis(store)).articles).toBe(0);
      // A later copy of it in the same re-analysis is its copy, as after a write.
      expect(await again({ ...first, article: { ...first.article, ref: 'ferry-again' } }, 2)).toBe('duplicate');
      expect((await store.articles.getAnalysis(first.article.id))?.article.ref).toBe('ferry');
      // One that says otherwise is written, and refreshed again.
      expect(await again({ ...later, article: { ...later.article, title: 'Port shut' } }, 3)).toBe('replaced');
      expect((await store.articles.getAnalysis(later.article.id))?.article.title).toBe('Port shut');
      expect((await refreshAnalysis(store)).articles).toBe(1);
    } finally {
      await drop();
    }
  });
});

const MAYOR = 'per.city-mayor';

/** Every item of a list, read `limit` at a time. */
async function pages<T>(list: (cursor: string | null) => Promise<{ items: T[]; next: string | null }>, key: (item: T) => string): Promise<string[]> {
  const out: string[] = [];
  for (let cursor: string | null = null, n = 0; n === 0 || cursor; n++) {
    const page = await list(cursor);
    out.push(...page.items.map(key));
    cursor = page.next;
  }
  return out;
}

/**
 * Five reports of one day, two claims and two events each, all made that day: every tie the ledger, the article list
 * and the event lists have to break. The mayor is the actor of both events, and the second's place too.
 */
function sameDay(): Analysis[] {
  return ['north', 'south', 'east', 'west', 'centre'].map((side, i) => {
    const text = `The mayor said the ${side} bridge reopened. The police said ${i + 2} lanes stayed shut.`;
    const claim = (speaker: string, content: string) => ({ speaker, speakerEntity: null, cue: 'said', lemma: 'say', content, stance: 'assert' as const, said: '2026-03-02' });
    return makeAnalysis(
      { title: `Bridge ${side}`, published: '2026-03-02', source: 'Test Wire', ref: `bridge-${side}` },
      text,
      [{ id: MAYOR, name: 'The mayor', type: 'PERSON', forms: ['The mayor'] }],
      [claim('The mayor', `the ${side} bridge reopened`), claim('The police', `${i + 2} lanes stayed shut`)],
      [
        { type: 'reopening', trigger: 'reopened', actor: MAYOR },
        { type: 'closure', trigger: 'shut', actor: MAYOR, place: MAYOR },
      ],
    );
  });
}

describe.each(BACKENDS)('lists on the %s store', (backend) => {
  it('give the claims, articles and events of one day in one order, whatever order they were stored in, on every page', async () => {
    const reports = sameDay();
    const lists = [];
    for (const order of [[0, 1, 2, 3, 4], [4, 2, 0, 3, 1]]) {
      const { store, drop } = await freshStore(backend);
      try {
        for (const i of order) await store.articles.save(reports[i]!);
        const claims: string[] = [];
        for (let cursor: string | null = null, n = 0; n === 0 || cursor; n++) {
          const page = await store.corpus.listClaims({ limit: 3, cursor });
          claims.push(...page.items.map((c) => `${c.article}/${c.claim}`));
          cursor = page.next;
        }
        const exported: string[] = [];
        // Read 4 at a time, so that the export pages on as well.
        const each = store instanceof SqliteStore ? eachSqliteClaim(store.db, {}, 4) : eachPostgresClaim((store as PostgresStore).db, {}, 4);
        for await (const c of each) exported.push(`${c.article}/${c.claim}`);
        const articles: string[] = [];
        for (let cursor: string | null = null, n = 0; n === 0 || cursor; n++) {
          const page = await store.articles.listArticles({ limit: 2, cursor });
          articles.push(...page.items.map((a) => a.id));
          cursor = page.next;
        }
        const events = await pages((cursor) => store.corpus.listEvents({ limit: 3, cursor }), (e) => `${e.article}/${e.event}`);
        // Three index reads merged, paged on: an event naming the mayor twice is listed once.
        const mayors = await pages((cursor) => store.corpus.listEvents({ entity: MAYOR, limit: 3, cursor }), (e) => `${e.article}/${e.event}`);
        const page = (await store.corpus.entityPage(MAYOR))!.events.map((e) => `${e.article}/${e.event}/${e.role}`);
        lists.push({ claims, exported, articles, events, mayors, page });
      } finally {
        await drop();
      }
    }
    expect(lists[0]!.claims).toHaveLength(10);
    expect(lists[0]!.exported).toEqual([...lists[0]!.claims].reverse());
    expect(lists[0]!.articles).toHaveLength(5);
    expect(lists[0]!.events).toHaveLength(10);
    // Newest article first, then by id; an article's events in text order.
    expect(lists[0]!.events.map((e) => e.split('/')[0])).toEqual(lists[0]!.articles.flatMap((id) => [id, id]));
    expect(lists[0]!.events.map((e) => e.split('/')[1])).toEqual(Array.from({ length: 5 }, () => ['e1', 'e2']).flat());
    expect(lists[0]!.mayors).toEqual(lists[0]!.events);
    expect(lists[0]!.page).toEqual(lists[0]!.events.map((e) => `${e}/actor`));
    expect(lists[1]).toEqual(lists[0]);
  });
});

describe('migration 0022 of the SQLite store', () => {
  it("gives each stored article its own place as its copy's, so a copy submitted earlier still takes its place", async () => {
    const place = await freshPlace('sqlite');
    const [first] = articles();
    const store = await SqliteStore.open(place.path);
    await store.articles.save({ ...first, article: { ...first.article, ref: 'ferry-late' } }, { intake: keys[1]! });
    const { error } = await new Migrator({ db: store.db, provider: migrationProvider }).migrateTo('0021_unread_indexes');
    expect(error).toBeUndefined();
    await store.close();
    const reopened = await openStore(place.path);
    try {
      const latest = intakeKey('0190a0a0-0000-7000-8000-000000000003');
      expect(await reopened.articles.save({ ...first, article: { ...first.article, ref: 'ferry-latest' } }, { intake: latest })).toBe('duplicate');
      expect(await reopened.articles.save({ ...first, article: { ...first.article, ref: 'ferry-early' } }, { intake: keys[0]! })).toBe('duplicate');
      expect((await reopened.articles.getAnalysis(first.article.id))?.article.ref).toBe('ferry-early');
    } finally {
      await reopened.close();
      await place.drop();
    }
  });
});

describe('migration 0016 of the SQLite store', () => {
  it('gives each stored entity row the earliest intake of the articles that mention it', async () => {
    const place = await freshPlace('sqlite');
    const [first, later] = articles();
    const store = await SqliteStore.open(place.path);
    await store.articles.save(first, { intake: keys[0]! });
    const { error } = await new Migrator({ db: store.db, provider: migrationProvider }).migrateTo('0015_band_levels');
    expect(error).toBeUndefined();
    await store.close();
    const reopened = await openStore(place.path);
    try {
      // A row left without a key would take the later article's attributes.
      await reopened.articles.save(later, { intake: keys[1]! });
      expect((await reopened.corpus.entityPage(ID))?.entity).toMatchObject({ name: 'Harbour Radio', subtype: null });
    } finally {
      await reopened.close();
      await place.drop();
    }
  });
});

describe('migration 0018 of the SQLite store', () => {
  it('gives stored events their article’s date, so that they list in its order', async () => {
    const place = await freshPlace('sqlite');
    const reports = sameDay().map((a, i) => ({ ...a, article: { ...a.article, published: `2026-03-0${i + 1}` } }));
    const store = await SqliteStore.open(place.path);
    for (const a of [...reports].reverse()) await store.articles.save(a);
    const { error } = await new Migrator({ db: store.db, provider: migrationProvider }).migrateTo('0017_ledger_ties');
    expect(error).toBeUndefined();
    await store.close();
    const reopened = await openStore(place.path);
    try {
      const { items } = await reopened.corpus.listEvents({ limit: 20 });
      expect(items.map((e) => `${e.published}/${e.event}`)).toEqual(['05', '04', '03', '02', '01'].flatMap((d) => [`2026-03-${d}/e1`, `2026-03-${d}/e2`]));
    } finally {
      await reopened.close();
      await place.drop();
    }
  });
});
