import type SQLite from 'better-sqlite3';
import { sql, type Compilable, type Kysely, type RawBuilder } from 'kysely';
import type { Analysis, Claim } from '../doc/types.js';
import type { Store } from '../store/store.js';
import { stanceLabel } from '../doc/display.js';
import { propositionAbout } from './about.js';
import { analysisDb, type AnalysisDatabase, type AnalysisTables } from './schema.js';
import { contradictionOf } from './contradictions.js';
import { claimFeatures, positionOf, speakerKey, type ClaimFeatures } from './features.js';
import type { Member } from './members.js';
import { bands, DUPLICATE_SIMILARITY, fromBuffer, minhash, similarity, toBuffer } from './minhash.js';
import { keysOf, matchScore, propositionOf, widen, type PropFeatures } from './propositions.js';
import { storyOf } from './stories.js';

export interface RefreshStats {
  articles: number;
  claims: number;
  propositions: number;
  ms: number;
}

/**
 * Version of what the refresh computes (claim features, matching): a store analysed by another
 * version is recomputed from scratch on its next refresh.
 */
const ANALYSIS_VERSION = '8';
/** The materialised tables, dependents first. */
const TABLES: (keyof AnalysisTables)[] = ['timeline_entities', 'timeline_sources', 'timeline_items', 'stories', 'contradictions', 'claim_props', 'prop_keys', 'propositions', 'doc_bands', 'doc_signatures'];

/** Articles per transaction: small enough that readers are not held up long. */
const BATCH = 100;
/** Dirty propositions recomputed per transaction. */
const RECOMPUTE_BATCH = 500;

const running = new WeakMap<Store, Promise<RefreshStats>>();

/**
 * Bring the materialised cross-article analysis up to date with the store: near-duplicate groups,
 * proposition membership and the timeline for articles saved since the last refresh, then the
 * contradictions and stories of every proposition that gained or lost a claim. Incremental and
 * cheap when nothing changed; call it after saving articles (`claimtrail analyze` does, and so
 * does the API after POST /api/articles). Concurrent calls on one store share one run.
 *
 * Several processes may refresh one database at once (two `claimtrail analyze` runs, a server):
 * each step is one write transaction that holds the write lock from its start and reads where
 * the analysis stands inside it, so steps of different processes serialise and none repeats or
 * skips another's work. (A PostgreSQL store would take a transaction-scoped advisory lock at the
 * start of each step for the same guarantee.)
 *
 * The work is bulk reads and writes of small rows, so it runs on prepared statements of the
 * store's connection while holding Kysely's connection lock (no other query interleaves).
 */
export function refreshAnalysis(store: Store): Promise<RefreshStats> {
  const pending = running.get(store);
  if (pending) return pending.then(() => refreshAnalysis(store));
  const run = store.db
    .connection()
    .execute(async () => refreshNow(store, analysisDb(store)))
    .finally(() => running.delete(store));
  running.set(store, run);
  return run;
}

interface ArticleRow {
  seq: number;
  id: string;
  text: string;
  published: string | null;
  json: string;
}

/** One step of the refresh as a write transaction holding the lock from its start, waiting for other writers. */
function writeStep<T>(store: Store, fn: () => T): Promise<T> {
  return store.whenUnlocked(() => store.sqlite.transaction(fn).immediate());
}

async function refreshNow(store: Store, db: Kysely<AnalysisDatabase>): Promise<RefreshStats> {
  const t0 = performance.now();
  const st = new Statements(store.sqlite, db);
  const stats: RefreshStats = { articles: 0, claims: 0, propositions: 0, ms: 0 };
  const state = (key: string) => (st.getState.get(key) as { value: string } | undefined)?.value;
  await writeStep(store, () => {
    if (state('version') === ANALYSIS_VERSION) return;
    for (const statement of st.clear) statement.run();
    st.setState.run('articles_seq', '0');
    st.setState.run('version', ANALYSIS_VERSION);
  });
  // Propositions that lost claims to a replaced article go first: one left with none is deleted,
  // so the same claims coming back found it again, under the same id.
  stats.propositions = await recomputeDirty(store, st);
  const matcher = new Matcher(st);
  for (;;) {
    const more = await writeStep(store, () => {
      // Read inside the step: another process may have taken the articles after the last one seen.
      const last = Number(state('articles_seq') ?? 0);
      const batch = st.nextArticles.all(last, BATCH) as ArticleRow[];
      if (!batch.length) return false;
      matcher.begin(Number(state('generation') ?? 0));
      const writes = new Writes(st);
      duplicateGroups(st, batch);
      const prepared = batch.map((row) => {
        const layers = JSON.parse(row.json) as Omit<Analysis, 'article'>;
        return prepare({ ...layers, article: { id: row.id, text: row.text, published: row.published } } as Analysis);
      });
      matcher.prefetch(prepared.flatMap((p) => [...p.keys.values()].flat()));
      for (const p of prepared) {
        const seqs = new Map((st.claimsOf.all(p.analysis.article.id) as { seq: number; claim_id: string }[]).map((c) => [c.claim_id, c.seq]));
        addArticle(matcher, writes, p, seqs, stats);
        stats.articles++;
      }
      matcher.flush();
      writes.flush();
      st.setState.run('articles_seq', String(batch[batch.length - 1]!.seq));
      matcher.wrote(bumpGeneration(st));
      return true;
    });
    if (!more) break;
  }
  stats.propositions += await recomputeDirty(store, st);
  stats.ms = performance.now() - t0;
  return stats;
}

/** A parameter slot of a statement built once and bound per call, in the order the builder emits them. */
function param<T>(): RawBuilder<T> {
  return sql<T>`${null}`;
}

/**
 * The statements of one refresh. Each is a typed Kysely query, compiled by the store's dialect
 * once and prepared on its connection: the refresh binds thousands of small rows, which per-query
 * compilation and promises would slow several-fold.
 */
class Statements {
  readonly getState: SQLite.Statement;
  readonly setState: SQLite.Statement;
  readonly nextArticles: SQLite.Statement;
  readonly claimsOf: SQLite.Statement;
  readonly bandArticles: SQLite.Statement;
  readonly signature: SQLite.Statement;
  readonly insertSignature: SQLite.Statement;
  readonly insertBand: SQLite.Statement;
  readonly keyProps: SQLite.Statement;
  readonly propFeatures: SQLite.Statement;
  readonly maxProp: SQLite.Statement;
  readonly maxMappedProp: SQLite.Statement;
  readonly mappedProp: SQLite.Statement;
  readonly mapProp: SQLite.Statement;
  readonly propExists: SQLite.Statement;
  readonly insertProp: SQLite.Statement;
  readonly insertKey: SQLite.Statement;
  readonly updateFeatures: SQLite.Statement;
  readonly markDirty: SQLite.Statement;
  readonly insertClaimProp: SQLite.Statement;
  readonly itemByKey: SQLite.Statement;
  readonly maxItem: SQLite.Statement;
  readonly insertItem: SQLite.Statement;
  readonly insertItemEntity: SQLite.Statement;
  readonly insertItemSource: SQLite.Statement;
  readonly dirtyProps: SQLite.Statement;
  readonly members: SQLite.Statement;
  readonly entityName: SQLite.Statement;
  readonly deleteContradiction: SQLite.Statement;
  readonly deleteStory: SQLite.Statement;
  readonly updateProp: SQLite.Statement;
  readonly deleteProp: SQLite.Statement;
  readonly insertContradiction: SQLite.Statement;
  readonly insertStory: SQLite.Statement;
  readonly clear: SQLite.Statement[];

  constructor(sq: SQLite.Database, db: Kysely<AnalysisDatabase>) {
    const prep = (q: Compilable) => sq.prepare(q.compile().sql);
    const text = param<string>;
    const num = param<number>;
    this.getState = prep(db.selectFrom('analysis_state').select('value').where('key', '=', text()));
    this.setState = prep(
      db
        .insertInto('analysis_state')
        .values({ key: text(), value: text() })
        .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') }))),
    );
    this.nextArticles = prep(
      db
        .selectFrom('articles as a')
        .innerJoin('layers as l', 'l.article_id', 'a.id')
        .select(['a.seq', 'a.id', 'a.text', 'a.published', 'l.json'])
        .where('a.seq', '>', num())
        .orderBy('a.seq')
        .limit(num()),
    );
    this.claimsOf = prep(db.selectFrom('claims').select(['seq', 'claim_id']).where('article_id', '=', text()));
    this.bandArticles = prep(db.selectFrom('doc_bands').select('article_id').where('band', '=', num())).pluck();
    this.signature = prep(db.selectFrom('doc_signatures').select(['minhash', 'dup_group']).where('article_id', '=', text()));
    this.insertSignature = prep(
      db
        .insertInto('doc_signatures')
        .values({ article_id: text(), seq: num(), minhash: param<Buffer>(), dup_group: text() })
        .onConflict((oc) => oc.doNothing()),
    );
    this.insertBand = prep(db.insertInto('doc_bands').values({ band: num(), article_id: text() }));
    this.keyProps = prep(db.selectFrom('prop_keys').select('prop_id').where('key', '=', text())).pluck();
    this.propFeatures = prep(db.selectFrom('propositions').select('features').where('id', '=', num())).pluck();
    this.maxProp = prep(db.selectFrom('propositions').select((eb) => eb.fn.coalesce(eb.fn.max('id'), sql.lit(0)).as('n'))).pluck();
    this.maxMappedProp = prep(db.selectFrom('prop_ids').select((eb) => eb.fn.coalesce(eb.fn.max('id'), sql.lit(0)).as('n'))).pluck();
    this.mappedProp = prep(db.selectFrom('prop_ids').select('id').where('founder', '=', text())).pluck();
    this.mapProp = prep(
      db
        .insertInto('prop_ids')
        .values({ founder: text(), id: num() })
        .onConflict((oc) => oc.column('founder').doUpdateSet((eb) => ({ id: eb.ref('excluded.id') }))),
    );
    this.propExists = prep(db.selectFrom('propositions').select('id').where('id', '=', num())).pluck();
    this.insertProp = prep(
      db
        .insertInto('propositions')
        .values({ id: num(), about: sql.lit(''), features: text(), claims: sql.lit(0), sources: sql.lit(0), dirty: sql.lit(1), search: sql.lit('') }),
    );
    this.insertKey = prep(db.insertInto('prop_keys').values({ key: text(), prop_id: num() }));
    this.updateFeatures = prep(db.updateTable('propositions').set({ features: text() }).where('id', '=', num()));
    this.markDirty = prep(db.updateTable('propositions').set({ dirty: sql.lit(1) }).where('id', '=', num()));
    this.insertClaimProp = prep(
      db
        .insertInto('claim_props')
        .values({ claim_seq: num(), article_id: text(), prop_id: num(), position: num(), features: text() })
        .onConflict((oc) => oc.doNothing()),
    );
    this.itemByKey = prep(db.selectFrom('timeline_items').select('id').where('key', '=', text())).pluck();
    this.maxItem = prep(db.selectFrom('timeline_items').select((eb) => eb.fn.coalesce(eb.fn.max('id'), sql.lit(0)).as('n'))).pluck();
    this.insertItem = prep(db.insertInto('timeline_items').values({ id: num(), key: text(), date: text(), kind: text(), json: text() }));
    this.insertItemEntity = prep(db.insertInto('timeline_entities').values({ item_id: num(), entity_id: text() }));
    this.insertItemSource = prep(db.insertInto('timeline_sources').values({ item_id: num(), article_id: text(), ref: text() }));
    this.dirtyProps = prep(db.selectFrom('propositions').select(['id', 'features']).where('dirty', '=', sql.lit(1)).orderBy('id').limit(num()));
    this.members = prep(
      db
        .selectFrom('claim_props as cp')
        .innerJoin('claims as c', 'c.seq', 'cp.claim_seq')
        .innerJoin('articles as a', 'a.id', 'c.article_id')
        .leftJoin('doc_signatures as ds', 'ds.article_id', 'a.id')
        .leftJoin('entities as e', 'e.id', 'c.speaker_entity')
        .select([
          'cp.position',
          'cp.features',
          'c.claim_id',
          'c.article_id',
          'c.speaker_entity',
          'c.speaker_text',
          'c.stance',
          'c.content',
          'c.content_start',
          'c.content_end',
          'c.said',
          'a.seq',
          'a.published',
          'a.source',
          'ds.dup_group',
          'e.name as speaker_name',
        ])
        .where('cp.prop_id', '=', num()),
    );
    this.entityName = prep(db.selectFrom('entities').select('name').where('id', '=', text())).pluck();
    this.deleteContradiction = prep(db.deleteFrom('contradictions').where('prop_id', '=', num()));
    this.deleteStory = prep(db.deleteFrom('stories').where('prop_id', '=', num()));
    this.updateProp = prep(
      db
        .updateTable('propositions')
        .set({ about: text(), claims: num(), sources: num(), dirty: sql.lit(0), search: text() })
        .where('id', '=', num()),
    );
    this.deleteProp = prep(db.deleteFrom('propositions').where('id', '=', num()));
    this.insertContradiction = prep(db.insertInto('contradictions').values({ prop_id: num(), json: text(), search: text() }));
    this.insertStory = prep(db.insertInto('stories').values({ prop_id: num(), json: text(), search: text() }));
    this.clear = TABLES.map((t) => prep(db.deleteFrom(t)));
  }
}

interface Prepared {
  analysis: Analysis;
  features: Map<string, ClaimFeatures>;
  keys: Map<string, string[]>;
  /** Claims in text order, so a dismissal comes after the claim it answers. */
  claims: Claim[];
}

function prepare(analysis: Analysis): Prepared {
  const features = claimFeatures(analysis);
  const claims = [...analysis.claims].sort((a, b) => a.content.start - b.content.start);
  return { analysis, features, claims, keys: new Map(claims.map((c) => [c.id, keysOf(features.get(c.id)!)])) };
}

/** Assign the article's claims to propositions (keys prefetched) and queue its rows. */
function addArticle(matcher: Matcher, writes: Writes, p: Prepared, claimSeqs: Map<string, number>, stats: RefreshStats): void {
  const id = p.analysis.article.id;
  const propOf = new Map<string, number>();
  const positions = new Map<string, number>();
  // A denial told before what it answers ("Kyiv denied … . Moscow insists …"): the claim it answers joins it.
  const answeredBy = new Map<string, string>();
  for (const c of p.claims) {
    const f = p.features.get(c.id)!;
    if (f.answers && !answeredBy.has(f.answers)) answeredBy.set(f.answers, c.id);
  }
  for (const c of p.claims) {
    const f = p.features.get(c.id)!;
    const claimSeq = claimSeqs.get(c.id);
    if (claimSeq === undefined) continue;
    // A reference joins the proposition of the claim it answers, pointing with or against it.
    const answered = f.answers ? propOf.get(f.answers) : undefined;
    const by = answeredBy.get(c.id);
    const prop = answered ?? (by !== undefined ? propOf.get(by) : undefined) ?? matcher.assign(f, p.keys.get(c.id)!, `${id}/${c.id}`);
    const position = positionOf(c.stance, f, answered !== undefined ? positions.get(f.answers!) : undefined);
    propOf.set(c.id, prop);
    positions.set(c.id, position);
    writes.claimProps.push([claimSeq, id, prop, position, JSON.stringify(f)]);
    stats.claims++;
  }
  writes.addTimeline(p.analysis, propOf, p.features);
}

/**
 * Store each article's MinHash and put it in the group of its most similar stored (or earlier in
 * the batch) near-duplicate, if any.
 */
function duplicateGroups(st: Statements, batch: readonly ArticleRow[]): void {
  const known = new Map<string, { sig: Uint32Array; group: string } | null>();
  const lookup = (id: string) => {
    if (!known.has(id)) {
      const row = st.signature.get(id) as { minhash: Buffer; dup_group: string } | undefined;
      known.set(id, row ? { sig: fromBuffer(row.minhash), group: row.dup_group } : null);
    }
    return known.get(id)!;
  };
  for (const a of batch) {
    const sig = minhash(a.text);
    const bandHashes = bands(sig);
    let group = a.id;
    let best = DUPLICATE_SIMILARITY;
    for (const other of new Set(bandHashes.flatMap((b) => st.bandArticles.all(b) as string[]))) {
      const o = other === a.id ? null : lookup(other);
      if (!o) continue;
      const s = similarity(sig, o.sig);
      if (s >= best) {
        best = s;
        group = o.group;
      }
    }
    known.set(a.id, { sig, group });
    st.insertSignature.run(a.id, a.seq, toBuffer(sig), group);
    for (const band of bandHashes) st.insertBand.run(band, a.id);
  }
}

/**
 * Finds a claim's proposition through the key index. Keys and proposition features are cached for
 * the length of one refresh; new propositions and keys are written once per batch.
 */
class Matcher {
  private readonly keys = new Map<string, number[]>();
  private readonly props = new Map<number, PropFeatures>();
  private nextId = 1;
  private created = new Set<number>();
  private widened = new Set<number>();
  private touched = new Set<number>();
  private newKeys: [string, number][] = [];
  /** The analysis generation this matcher's caches reflect (see bumpGeneration). */
  private generation = -1;

  constructor(private readonly st: Statements) {}

  /**
   * Start a batch (inside its transaction): ids continue from the store's, and the caches are
   * dropped when another process changed the propositions since this one's last batch.
   */
  begin(generation: number): void {
    if (generation !== this.generation) {
      this.keys.clear();
      this.props.clear();
    }
    this.nextId = Math.max(Number(this.st.maxProp.get()), Number(this.st.maxMappedProp.get())) + 1;
  }

  /** The batch was written as this generation. */
  wrote(generation: number): void {
    this.generation = generation;
  }

  prefetch(keys: readonly string[]): void {
    for (const k of keys) {
      if (this.keys.has(k)) continue;
      const ids = this.st.keyProps.all(k) as number[];
      this.keys.set(k, ids);
      for (const id of ids) {
        if (!this.props.has(id)) this.props.set(id, JSON.parse(this.st.propFeatures.get(id) as string) as PropFeatures);
      }
    }
  }

  /**
   * The best-matching proposition's id, or a new proposition's (keys must have been prefetched).
   * A new proposition takes the id its founding claim (`article/claim`) had before, so ids of
   * propositions, contradictions and stories survive a recompute and a re-analysis.
   */
  assign(f: ClaimFeatures, keys: readonly string[], founder: string): number {
    let best: number | null = null;
    let bestScore = 0;
    for (const id of new Set(keys.flatMap((k) => this.keys.get(k) ?? []))) {
      const p = this.props.get(id);
      const s = p ? matchScore(f, p) : 0;
      if (s > bestScore || (s === bestScore && s > 0 && best !== null && id < best)) {
        best = id;
        bestScore = s;
      }
    }
    if (best !== null) {
      const added = widen(this.props.get(best)!, f);
      if (added.length) {
        this.widened.add(best);
        this.addKeys(best, added);
      }
      this.touched.add(best);
      return best;
    }
    const id = this.idFor(founder);
    const p = propositionOf(f);
    this.props.set(id, p);
    this.created.add(id);
    this.addKeys(id, keysOf(p));
    return id;
  }

  private idFor(founder: string): number {
    const before = this.st.mappedProp.get(founder) as number | undefined;
    if (before !== undefined && !this.created.has(before) && this.st.propExists.get(before) === undefined) return before;
    const id = this.nextId++;
    this.st.mapProp.run(founder, id);
    return id;
  }

  private addKeys(id: number, keys: readonly string[]): void {
    for (const key of keys) {
      this.newKeys.push([key, id]);
      const list = this.keys.get(key);
      if (list) list.push(id);
      else this.keys.set(key, [id]);
    }
  }

  /** Write the batch's new propositions and keys, widened features, and dirty marks. */
  flush(): void {
    for (const id of this.created) this.st.insertProp.run(id, JSON.stringify(this.props.get(id)));
    for (const [key, id] of this.newKeys) this.st.insertKey.run(key, id);
    for (const id of this.widened) if (!this.created.has(id)) this.st.updateFeatures.run(JSON.stringify(this.props.get(id)), id);
    for (const id of this.touched) this.st.markDirty.run(id);
    this.created = new Set();
    this.widened = new Set();
    this.touched = new Set();
    this.newKeys = [];
  }
}

interface PendingItem {
  date: string;
  kind: string;
  json: string;
  entities: string[];
  sources: [string, string][];
}

/** Rows of one batch, written together at its end. */
class Writes {
  claimProps: [number, string, number, number, string][] = [];
  private readonly items = new Map<string, PendingItem>();

  constructor(private readonly st: Statements) {}

  /** Dated events and claims of the article as timeline items, merged with the same item from other articles. */
  addTimeline(analysis: Analysis, propOf: Map<string, number>, features: Map<string, ClaimFeatures>): void {
    const names = new Map(analysis.entities.map((e) => [e.id, e.name]));
    const ref = (id: string | null) => (id ? { id, name: names.get(id) ?? id } : null);
    const article = analysis.article.id;
    const add = (key: string, date: string, kind: string, json: unknown, source: string, entities: string[]) => {
      const item = this.items.get(key) ?? { date, kind, json: JSON.stringify(json), entities, sources: [] };
      this.items.set(key, item);
      if (!item.sources.some(([a]) => a === article)) item.sources.push([article, source]);
    };
    for (const e of analysis.events) {
      if (!e.time || !/^\d{4}/.test(e.time)) continue;
      const json = { type: e.type, actor: ref(e.actor), target: ref(e.target), place: ref(e.place), quantity: e.quantity, status: e.status, trigger: e.trigger.text };
      add(`e|${e.type}|${e.actor}|${e.target}|${e.place}|${e.time}`, e.time, 'event', json, e.id, [e.actor, e.target, e.place].filter((x): x is string => x !== null));
    }
    for (const c of analysis.claims) {
      if (!c.said || !/^\d{4}/.test(c.said)) continue;
      const inside = features.get(c.id)?.entities ?? [];
      const prop = propOf.get(c.id);
      // A non-denial ("did not deny") is no denial: it stays apart from one and says so.
      const json = { speaker: speakerName(c, names), stance: c.stance, ...(c.negated ? { negated: true } : {}), content: c.content.text, proposition: prop !== undefined ? `p${prop}` : null };
      add(`c|${prop ?? c.id}|${speakerKey(c)}|${stanceLabel(c)}|${c.said}`, c.said, 'claim', json, c.id, [...new Set([c.speaker?.entity, ...inside].filter((x): x is string => Boolean(x)))]);
    }
  }

  flush(): void {
    for (const row of this.claimProps) this.st.insertClaimProp.run(...row);
    let next = Number(this.st.maxItem.get()) + 1;
    for (const [key, item] of this.items) {
      let id = this.st.itemByKey.get(key) as number | undefined;
      if (id === undefined) {
        id = next++;
        this.st.insertItem.run(id, key, item.date, item.kind, item.json);
        for (const entity of item.entities) this.st.insertItemEntity.run(id, entity);
      }
      for (const [article, ref] of item.sources) this.st.insertItemSource.run(id, article, ref);
    }
  }
}

function speakerName(c: Claim, names: Map<string, string>): string | null {
  return (c.speaker?.entity && names.get(c.speaker.entity)) || c.speaker?.text || null;
}

interface MemberRow {
  position: number;
  features: string;
  claim_id: string;
  article_id: string;
  speaker_entity: string | null;
  speaker_text: string | null;
  stance: string;
  content: string;
  content_start: number;
  content_end: number;
  said: string | null;
  seq: number;
  published: string | null;
  source: string | null;
  dup_group: string | null;
  speaker_name: string | null;
}

/**
 * Count a write to the propositions: a process whose caches reflect an older generation drops
 * them. Returns the new generation.
 */
function bumpGeneration(st: Statements): number {
  const next = Number((st.getState.get('generation') as { value: string } | undefined)?.value ?? 0) + 1;
  st.setState.run('generation', String(next));
  return next;
}

/** Recompute about, counts, contradiction and story of every proposition marked dirty. */
async function recomputeDirty(store: Store, st: Statements): Promise<number> {
  let done = 0;
  const names = new Map<string, string>();
  const nameOf = (id: string) => {
    if (!names.has(id)) names.set(id, (st.entityName.get(id) as string | undefined) ?? id);
    return names.get(id)!;
  };
  for (;;) {
    const more = await writeStep(store, () => {
      const dirty = st.dirtyProps.all(RECOMPUTE_BATCH) as { id: number; features: string }[];
      if (!dirty.length) return false;
      for (const { id, features } of dirty) {
        const members = (st.members.all(id) as MemberRow[]).map(memberOf);
        st.deleteContradiction.run(id);
        st.deleteStory.run(id);
        if (!members.length) {
          st.deleteProp.run(id);
          continue;
        }
        const about = propositionAbout(JSON.parse(features) as PropFeatures, members, nameOf);
        // What --about searches; a single claim is found through the claims' own full-text index.
        const search = members.length > 1 ? [about, ...members.flatMap((m) => [m.speaker ?? '', m.content])].join('\n').toLowerCase() : about.toLowerCase();
        st.updateProp.run(about, members.length, new Set(members.map((m) => m.dupGroup)).size, search, id);
        const x = contradictionOf(id, members, nameOf);
        if (x) st.insertContradiction.run(id, JSON.stringify(x), `${x.about.toLowerCase()}\n${search}`);
        const s = storyOf(id, members, nameOf);
        if (s) st.insertStory.run(id, JSON.stringify(s), `${s.about.toLowerCase()}\n${search}`);
        done++;
      }
      bumpGeneration(st);
      return true;
    });
    if (!more) return done;
  }
}

function memberOf(r: MemberRow): Member {
  return {
    article: r.article_id,
    articleSeq: r.seq,
    claim: r.claim_id,
    speaker: r.speaker_name ?? r.speaker_text,
    speakerKey: r.speaker_entity ?? (r.speaker_text ? `text:${r.speaker_text.toLowerCase()}` : 'article'),
    stance: r.stance as Member['stance'],
    content: r.content,
    contentStart: r.content_start,
    contentEnd: r.content_end,
    said: r.said,
    published: r.published,
    source: r.source,
    dupGroup: r.dup_group ?? r.article_id,
    position: r.position,
    features: JSON.parse(r.features) as ClaimFeatures,
  };
}
