import { sql, type Kysely, type Transaction } from 'kysely';
import type { Analysis, Claim } from '../doc/types.js';
import type { Store } from '../store/store.js';
import { contradictionOf } from './contradictions.js';
import { claimFeatures, positionOf, speakerKey, type ClaimFeatures } from './features.js';
import type { Member } from './members.js';
import { bands, DUPLICATE_SIMILARITY, fromBuffer, minhash, similarity, toBuffer } from './minhash.js';
import { keysOf, matchScore, propositionOf, widen, type PropFeatures } from './propositions.js';
import { analysisDb, type AnalysisDatabase, type AnalysisTables } from './schema.js';
import { storyOf } from './stories.js';

export interface RefreshStats {
  articles: number;
  claims: number;
  propositions: number;
  ms: number;
}

/** Articles per transaction: small enough that readers are not held up long. */
const BATCH = 100;
const IN_CHUNK = 400;

const running = new WeakMap<Store, Promise<RefreshStats>>();

/**
 * Bring the materialised cross-article analysis up to date with the store: near-duplicate groups,
 * proposition membership and the timeline for articles saved since the last refresh, then the
 * contradictions and stories of every proposition that gained or lost a claim. Incremental and
 * cheap when nothing changed; call it after saving articles (`claimtrail analyze` does, and so
 * should the API after POST /api/articles). Concurrent calls on one store share one run.
 */
export function refreshAnalysis(store: Store): Promise<RefreshStats> {
  const pending = running.get(store);
  if (pending) return pending.then(() => refreshAnalysis(store));
  const run = doRefresh(analysisDb(store)).finally(() => running.delete(store));
  running.set(store, run);
  return run;
}

async function doRefresh(db: Kysely<AnalysisDatabase>): Promise<RefreshStats> {
  const t0 = performance.now();
  const stats: RefreshStats = { articles: 0, claims: 0, propositions: 0, ms: 0 };
  const state = await db.selectFrom('analysis_state').select('value').where('key', '=', 'articles_seq').executeTakeFirst();
  let last = Number(state?.value ?? 0);
  const matcher = new Matcher();
  for (;;) {
    const batch = await db
      .selectFrom('articles')
      .innerJoin('layers', 'layers.article_id', 'articles.id')
      .select(['articles.seq', 'articles.id', 'articles.text', 'articles.published', 'layers.json'])
      .where('articles.seq', '>', last)
      .orderBy('articles.seq')
      .limit(BATCH)
      .execute();
    if (!batch.length) break;
    await db.transaction().execute(async (trx) => {
      await matcher.begin(trx);
      const writes = new Writes();
      const claimRows = await inChunks(batch.map((r) => r.id), (ids) => trx.selectFrom('claims').select(['seq', 'claim_id', 'article_id']).where('article_id', 'in', ids).execute());
      await duplicateGroups(trx, batch);
      const prepared = batch.map((row) => {
        const layers = JSON.parse(row.json) as Omit<Analysis, 'article'>;
        return prepare({ ...layers, article: { id: row.id, text: row.text, published: row.published } } as Analysis);
      });
      await matcher.prefetch(trx, prepared.flatMap((p) => [...p.keys.values()].flat()));
      for (const p of prepared) {
        const seqs = new Map(claimRows.filter((c) => c.article_id === p.analysis.article.id).map((c) => [c.claim_id, c.seq]));
        addArticle(matcher, writes, p, seqs, stats);
        stats.articles++;
      }
      await matcher.flush(trx);
      await writes.flush(trx);
      last = batch[batch.length - 1]!.seq;
      await trx
        .insertInto('analysis_state')
        .values({ key: 'articles_seq', value: String(last) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(last) }))
        .execute();
    });
  }
  stats.propositions = await recomputeDirty(db);
  stats.ms = performance.now() - t0;
  return stats;
}

async function inChunks<T, R>(items: readonly T[], run: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += IN_CHUNK) out.push(...(await run(items.slice(i, i + IN_CHUNK))));
  return out;
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
  for (const c of p.claims) {
    const f = p.features.get(c.id)!;
    const claimSeq = claimSeqs.get(c.id);
    if (claimSeq === undefined) continue;
    const answered = f.answers ? propOf.get(f.answers) : undefined;
    const prop = answered ?? matcher.assign(f, p.keys.get(c.id)!);
    propOf.set(c.id, prop);
    writes.claimProps.push({ claim_seq: claimSeq, article_id: id, prop_id: prop, position: positionOf(c.stance, f), features: JSON.stringify(f) });
    stats.claims++;
  }
  writes.addTimeline(p.analysis, propOf, p.features);
}

/**
 * Store each article's MinHash and put it in the group of its most similar stored (or earlier in
 * the batch) near-duplicate, if any: one lookup of all the batch's bands.
 */
async function duplicateGroups(trx: Transaction<AnalysisDatabase>, batch: readonly { seq: number; id: string; text: string }[]): Promise<void> {
  const sigs = batch.map((a) => minhash(a.text));
  const bandsOf = sigs.map(bands);
  const hits = await inChunks([...new Set(bandsOf.flat())], (chunk) => trx.selectFrom('doc_bands').select(['band', 'article_id']).where('band', 'in', chunk).execute());
  const byBand = new Map<number, string[]>();
  for (const h of hits) byBand.set(h.band, [...(byBand.get(h.band) ?? []), h.article_id]);
  const stored = await inChunks([...new Set(hits.map((h) => h.article_id))], (ids) =>
    trx.selectFrom('doc_signatures').select(['article_id', 'minhash', 'dup_group']).where('article_id', 'in', ids).execute(),
  );
  const known = new Map(stored.map((r) => [r.article_id, { sig: fromBuffer(r.minhash), group: r.dup_group }]));
  const rows: AnalysisTables['doc_signatures'][] = [];
  const bandRows: AnalysisTables['doc_bands'][] = [];
  batch.forEach((a, k) => {
    const sig = sigs[k]!;
    let group = a.id;
    let best = DUPLICATE_SIMILARITY;
    for (const other of new Set(bandsOf[k]!.flatMap((b) => byBand.get(b) ?? []))) {
      const o = known.get(other);
      if (!o || other === a.id) continue;
      const s = similarity(sig, o.sig);
      if (s >= best) {
        best = s;
        group = o.group;
      }
    }
    known.set(a.id, { sig, group });
    for (const b of bandsOf[k]!) byBand.set(b, [...(byBand.get(b) ?? []), a.id]);
    rows.push({ article_id: a.id, seq: a.seq, minhash: toBuffer(sig), dup_group: group });
    for (const band of bandsOf[k]!) bandRows.push({ band, article_id: a.id });
  });
  await inChunks(rows, (chunk) => trx.insertInto('doc_signatures').values(chunk).onConflict((oc) => oc.column('article_id').doNothing()).execute());
  await inChunks(bandRows, (chunk) => trx.insertInto('doc_bands').values(chunk).execute());
}

/**
 * Finds a claim's proposition through the key index. Keys and proposition features are cached for
 * the length of one refresh and new propositions are written once per batch, so a batch of
 * articles costs a few queries, not several per claim.
 */
class Matcher {
  private readonly keys = new Map<string, number[]>();
  private readonly props = new Map<number, PropFeatures>();
  private nextId = 1;
  private created = new Set<number>();
  private widened = new Set<number>();
  private touched = new Set<number>();
  private newKeys: { key: string; prop_id: number }[] = [];

  /** Start a batch: ids continue from the store's (read inside the batch's transaction). */
  async begin(trx: Transaction<AnalysisDatabase>): Promise<void> {
    const row = await trx.selectFrom('propositions').select(sql<number>`coalesce(max(id), 0)`.as('m')).executeTakeFirst();
    this.nextId = Number(row?.m ?? 0) + 1;
  }

  async prefetch(trx: Transaction<AnalysisDatabase>, keys: string[]): Promise<void> {
    const missing = [...new Set(keys)].filter((k) => !this.keys.has(k));
    for (const k of missing) this.keys.set(k, []);
    const rows = await inChunks(missing, (chunk) => trx.selectFrom('prop_keys').select(['key', 'prop_id']).where('key', 'in', chunk).execute());
    for (const r of rows) this.keys.get(r.key)!.push(r.prop_id);
    const ids = [...new Set(keys.flatMap((k) => this.keys.get(k) ?? []))].filter((id) => !this.props.has(id));
    const props = await inChunks(ids, (chunk) => trx.selectFrom('propositions').select(['id', 'features']).where('id', 'in', chunk).execute());
    for (const r of props) this.props.set(r.id, JSON.parse(r.features) as PropFeatures);
  }

  /** The best-matching proposition's id, or a new proposition's (keys must have been prefetched). */
  assign(f: ClaimFeatures, keys: readonly string[]): number {
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
    const id = this.nextId++;
    const p = propositionOf(f);
    this.props.set(id, p);
    this.created.add(id);
    this.addKeys(id, keysOf(p));
    return id;
  }

  private addKeys(id: number, keys: string[]): void {
    for (const key of keys) {
      this.newKeys.push({ key, prop_id: id });
      const list = this.keys.get(key);
      if (list) list.push(id);
      else this.keys.set(key, [id]);
    }
  }

  /** Write the batch's new propositions and keys, widened features, and dirty marks. */
  async flush(trx: Transaction<AnalysisDatabase>): Promise<void> {
    const created = [...this.created].map((id) => ({ id, about: '', features: JSON.stringify(this.props.get(id)), claims: 0, sources: 0, dirty: 1, search: '' }));
    await inChunks(created, (rows) => trx.insertInto('propositions').values(rows).execute());
    await inChunks(this.newKeys, (rows) => trx.insertInto('prop_keys').values(rows).execute());
    for (const id of this.widened) if (!this.created.has(id)) await trx.updateTable('propositions').set({ features: JSON.stringify(this.props.get(id)) }).where('id', '=', id).execute();
    await inChunks([...this.touched], (ids) => trx.updateTable('propositions').set({ dirty: 1 }).where('id', 'in', ids).execute());
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
  sources: { article_id: string; ref: string }[];
}

/** Rows of one batch, written together at its end. */
class Writes {
  claimProps: AnalysisTables['claim_props'][] = [];
  private readonly items = new Map<string, PendingItem>();

  /** Dated events and claims of the article as timeline items, merged with the same item from other articles. */
  addTimeline(analysis: Analysis, propOf: Map<string, number>, features: Map<string, ClaimFeatures>): void {
    const names = new Map(analysis.entities.map((e) => [e.id, e.name]));
    const ref = (id: string | null) => (id ? { id, name: names.get(id) ?? id } : null);
    const article = analysis.article.id;
    const add = (key: string, date: string, kind: string, json: unknown, source: string, entities: string[]) => {
      const item = this.items.get(key) ?? { date, kind, json: JSON.stringify(json), entities, sources: [] };
      this.items.set(key, item);
      if (!item.sources.some((s) => s.article_id === article)) item.sources.push({ article_id: article, ref: source });
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
      const json = { speaker: speakerName(c, names), stance: c.stance, content: c.content.text, proposition: prop !== undefined ? `p${prop}` : null };
      add(`c|${prop ?? c.id}|${speakerKey(c)}|${c.stance}|${c.said}`, c.said, 'claim', json, c.id, [...new Set([c.speaker?.entity, ...inside].filter((x): x is string => Boolean(x)))]);
    }
  }

  async flush(trx: Transaction<AnalysisDatabase>): Promise<void> {
    await inChunks(this.claimProps, (rows) => trx.insertInto('claim_props').values(rows).onConflict((oc) => oc.column('claim_seq').doNothing()).execute());
    const keys = [...this.items.keys()];
    const existing = new Map((await inChunks(keys, (chunk) => trx.selectFrom('timeline_items').select(['id', 'key']).where('key', 'in', chunk).execute())).map((r) => [r.key, r.id]));
    const row = await trx.selectFrom('timeline_items').select(sql<number>`coalesce(max(id), 0)`.as('m')).executeTakeFirst();
    let next = Number(row?.m ?? 0) + 1;
    const items: { id: number; key: string; date: string; kind: string; json: string }[] = [];
    const entities: AnalysisTables['timeline_entities'][] = [];
    const sources: AnalysisTables['timeline_sources'][] = [];
    for (const [key, item] of this.items) {
      let id = existing.get(key);
      if (id === undefined) {
        id = next++;
        items.push({ id, key, date: item.date, kind: item.kind, json: item.json });
        for (const entity_id of item.entities) entities.push({ item_id: id, entity_id });
      }
      for (const s of item.sources) sources.push({ item_id: id, ...s });
    }
    await inChunks(items, (rows) => trx.insertInto('timeline_items').values(rows).execute());
    await inChunks(entities, (rows) => trx.insertInto('timeline_entities').values(rows).execute());
    await inChunks(sources, (rows) => trx.insertInto('timeline_sources').values(rows).execute());
  }
}

function speakerName(c: Claim, names: Map<string, string>): string | null {
  return (c.speaker?.entity && names.get(c.speaker.entity)) || c.speaker?.text || null;
}

/** Recompute about, counts, contradiction and story of every proposition marked dirty. */
async function recomputeDirty(db: Kysely<AnalysisDatabase>): Promise<number> {
  let done = 0;
  for (;;) {
    const ids = (await db.selectFrom('propositions').select('id').where('dirty', '=', 1).orderBy('id').limit(IN_CHUNK).execute()).map((r) => r.id);
    if (!ids.length) return done;
    await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('claim_props as cp')
        .innerJoin('claims as c', 'c.seq', 'cp.claim_seq')
        .innerJoin('articles as a', 'a.id', 'c.article_id')
        .leftJoin('doc_signatures as ds', 'ds.article_id', 'a.id')
        .leftJoin('entities as e', 'e.id', 'c.speaker_entity')
        .select([
          'cp.prop_id',
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
        .where('cp.prop_id', 'in', ids)
        .execute();
      const byProp = new Map<number, Member[]>();
      for (const r of rows) {
        const list = byProp.get(r.prop_id) ?? [];
        byProp.set(r.prop_id, list);
        list.push({
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
        });
      }
      const features = new Map(
        (await trx.selectFrom('propositions').select(['id', 'features']).where('id', 'in', ids).execute()).map((r) => [r.id, JSON.parse(r.features) as PropFeatures]),
      );
      const entityIds = [...new Set([...features.values()].flatMap((p) => p.events.flatMap((e) => [e.actor, e.target, e.place])).filter((x): x is string => x !== null))];
      const names = new Map<string, string>();
      for (let i = 0; i < entityIds.length; i += IN_CHUNK) {
        for (const r of await trx.selectFrom('entities').select(['id', 'name']).where('id', 'in', entityIds.slice(i, i + IN_CHUNK)).execute()) names.set(r.id, r.name);
      }
      const empty: number[] = [];
      const updated: { id: number; about: string; features: string; claims: number; sources: number; dirty: number; search: string }[] = [];
      const contradictions: AnalysisTables['contradictions'][] = [];
      const stories: AnalysisTables['stories'][] = [];
      for (const id of ids) {
        const members = byProp.get(id) ?? [];
        if (!members.length) {
          empty.push(id);
          continue;
        }
        const about = aboutOf(features.get(id), members, names);
        // What --about searches; a single claim is found through the claims' own full-text index.
        const search = members.length > 1 ? [about, ...members.flatMap((m) => [m.speaker ?? '', m.content])].join('\n').toLowerCase() : about.toLowerCase();
        const sources = new Set(members.map((m) => m.dupGroup)).size;
        updated.push({ id, about, features: JSON.stringify(features.get(id)), claims: members.length, sources, dirty: 0, search });
        const x = contradictionOf(id, about, members);
        if (x) contradictions.push({ prop_id: id, json: JSON.stringify(x), search });
        const s = storyOf(id, about, members);
        if (s) stories.push({ prop_id: id, json: JSON.stringify(s), search });
        done++;
      }
      await trx.deleteFrom('contradictions').where('prop_id', 'in', ids).execute();
      await trx.deleteFrom('stories').where('prop_id', 'in', ids).execute();
      await inChunks(updated, (rows) =>
        trx
          .insertInto('propositions')
          .values(rows)
          .onConflict((oc) =>
            oc.column('id').doUpdateSet((eb) => ({
              about: eb.ref('excluded.about'),
              claims: eb.ref('excluded.claims'),
              sources: eb.ref('excluded.sources'),
              dirty: 0,
              search: eb.ref('excluded.search'),
            })),
          )
          .execute(),
      );
      await inChunks(contradictions, (rows) => trx.insertInto('contradictions').values(rows).execute());
      await inChunks(stories, (rows) => trx.insertInto('stories').values(rows).execute());
      if (empty.length) await trx.deleteFrom('propositions').where('id', 'in', empty).execute();
    });
  }
}

const PHRASE: Record<string, string> = {
  deploy: 'deployment',
  attack: 'attack',
  military_operation: 'military operation',
  capture: 'capture',
  kill: 'killing',
  injure: 'injuries',
  withdraw: 'withdrawal',
  sign_agreement: 'agreement signed',
  meet: 'meeting',
  sanction: 'sanctions',
  arms_transfer: 'arms transfer',
  commemorate: 'commemoration',
  protest: 'protest',
  arrest: 'arrest',
  threaten: 'threat',
  ceasefire: 'ceasefire',
};

/** A short name for the proposition: its event ("deployment by North Korea in Russia") or its first affirming claim. */
function aboutOf(p: PropFeatures | undefined, members: readonly Member[], names: Map<string, string>): string {
  const e = p?.events[0];
  if (e) {
    const name = (id: string | null) => (id ? (names.get(id) ?? id) : null);
    const parts = [PHRASE[e.type] ?? e.type, e.actor && `by ${name(e.actor)}`, e.target && `against ${name(e.target)}`, e.place && `in ${name(e.place)}`].filter(Boolean);
    return parts.join(' ');
  }
  const first = [...members].sort((a, b) => b.position - a.position || a.articleSeq - b.articleSeq || a.contentStart - b.contentStart)[0]!;
  const text = first.content.replace(/\s+/g, ' ').trim();
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
