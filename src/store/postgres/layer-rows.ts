import { sql, type Kysely } from 'kysely';
import type { Analysis, Claim, Event } from '../../contract/index.js';
import { dateKey } from '../../doc/dates.js';
import { countWords } from '../../doc/doc.js';
import { claimMentionRows } from './mention-counts.js';
import type { Database } from './schema.js';
import { layersJson } from '../unchanged.js';

/** One article to write: its analysis, the pipeline that made it, its place in the order of submission and its copy's. */
interface Pending {
  analysis: Analysis;
  pipeline: string;
  intake: string;
  copyIntake: string;
}

/**
 * The rows of a batch's articles (each article, its layers' JSON, mentions, claims and the entities their contents name,
 * events), gathered as each is written and inserted together when flushed: one statement a table for the batch rather than
 * one an article, each from arrays (unnest), so its text is the same whatever the number of rows and the server parses
 * and plans it once. Rows keep the order the articles were added in, so seqs are what writing them one by one gives.
 */
export class LayerRows {
  private pending: Pending[] = [];

  add(analysis: Analysis, pipeline: string, intake: string, copyIntake: string): void {
    this.pending.push({ analysis, pipeline, intake, copyIntake });
  }

  /** Insert what was added since the last flush. */
  async flush(trx: Kysely<Database>): Promise<void> {
    const batch = this.pending;
    if (!batch.length) return;
    this.pending = [];
    await insertArticles(trx, batch);
    await insertMentions(trx, batch.map((p) => p.analysis));
    await insertClaims(trx, batch.map((p) => p.analysis));
    await insertEvents(trx, batch.map((p) => p.analysis));
  }
}

async function insertArticles(trx: Kysely<Database>, batch: readonly Pending[]): Promise<void> {
  const col = <T>(f: (p: Pending) => T) => batch.map(f);
  const added = new Date().toISOString();
  await sql`
    insert into articles (id, ref, title, published, source, url, language, text, words, added_at, intake, copy_intake)
    select id, ref, title, published, source, url, language, text, words, ${added}, intake, copy_intake
    from unnest(${col((p) => p.analysis.article.id)}::text[], ${col((p) => p.analysis.article.ref ?? null)}::text[], ${col((p) => p.analysis.article.title ?? null)}::text[],
      ${col((p) => p.analysis.article.published ?? null)}::text[], ${col((p) => p.analysis.article.source ?? null)}::text[], ${col((p) => p.analysis.article.url ?? null)}::text[],
      ${col((p) => p.analysis.article.language ?? null)}::text[], ${col((p) => p.analysis.article.text)}::text[], ${col((p) => countWords(p.analysis.article.text))}::integer[],
      ${col((p) => p.intake)}::text[], ${col((p) => p.copyIntake)}::text[])
      with ordinality as u(id, ref, title, published, source, url, language, text, words, intake, copy_intake, n)
    order by n`.execute(trx);
  const layers = col((p) => layersJson(p.analysis));
  await sql`
    insert into layers (article_id, json, pipeline)
    select * from unnest(${col((p) => p.analysis.article.id)}::text[], ${layers}::text[], ${col((p) => p.pipeline)}::text[])`.execute(trx);
}

async function insertMentions(trx: Kysely<Database>, analyses: readonly Analysis[]): Promise<void> {
  const rows = analyses.flatMap((a) => a.entities.flatMap((e) => e.mentions.map((m) => ({ article: a.article.id, entity: e.id, m }))));
  if (!rows.length) return;
  const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
  await sql`
    insert into mentions (article_id, entity_id, start, "end", text, label)
    select article_id, entity_id, start, "end", text, label
    from unnest(${col((r) => r.article)}::text[], ${col((r) => r.entity)}::text[], ${col((r) => r.m.start)}::integer[], ${col((r) => r.m.end)}::integer[],
      ${col((r) => r.m.text)}::text[], ${col((r) => r.m.label ?? null)}::text[]) with ordinality as u(article_id, entity_id, start, "end", text, label, n)
    order by n`.execute(trx);
}

/** Claims, then the entities their contents name (claim_mentions), which need the claims' seqs. */
async function insertClaims(trx: Kysely<Database>, analyses: readonly Analysis[]): Promise<void> {
  const rows = analyses.flatMap((a) => {
    const name = new Map(a.entities.map((e) => [e.id, e.name]));
    const madeOfArticle = dateKey(a.article.published);
    // Each claim is searched under its speaker's canonical name (fts_speaker).
    return a.claims.map((c) => ({ a, c, made: dateKey(c.said) ?? madeOfArticle, speaker: (c.speaker?.entity && name.get(c.speaker.entity)) ?? c.speaker?.text ?? '' }));
  });
  if (!rows.length) return;
  const col = <T>(f: (c: Claim) => T) => rows.map((r) => f(r.c));
  const { rows: stored } = await sql<{ seq: number; article_id: string; claim_id: string }>`
    insert into claims (article_id, claim_id, speaker_entity, speaker_text, cue_lemma, cue_text, content, content_start, content_end, kind, stance, negated,
      said, made, via_entity, via_text, rule, fts_speaker)
    select article_id, claim_id, speaker_entity, speaker_text, cue_lemma, cue_text, content, content_start, content_end, kind, stance, negated,
      said, made, via_entity, via_text, rule, fts_speaker
    from unnest(${rows.map((r) => r.a.article.id)}::text[], ${col((c) => c.id)}::text[], ${col((c) => c.speaker?.entity ?? null)}::text[],
      ${col((c) => c.speaker?.text ?? null)}::text[], ${col((c) => c.cue?.lemma ?? null)}::text[], ${col((c) => c.cue?.text ?? null)}::text[],
      ${col((c) => c.content.text)}::text[], ${col((c) => c.content.start)}::integer[], ${col((c) => c.content.end)}::integer[], ${col((c) => c.kind)}::text[],
      ${col((c) => c.stance)}::text[], ${col((c) => (c.negated ? 1 : 0))}::integer[], ${col((c) => c.said ?? null)}::text[], ${rows.map((r) => r.made)}::text[],
      ${col((c) => c.via?.entity ?? null)}::text[], ${col((c) => c.via?.text ?? null)}::text[], ${col((c) => c.explain?.rule ?? null)}::text[],
      ${rows.map((r) => r.speaker)}::text[])
      with ordinality as u(article_id, claim_id, speaker_entity, speaker_text, cue_lemma, cue_text, content, content_start, content_end, kind, stance, negated,
        said, made, via_entity, via_text, rule, fts_speaker, n)
    order by n
    returning seq, article_id, claim_id`.execute(trx);
  const seqs = new Map(stored.map((r) => [`${r.article_id}\u0000${r.claim_id}`, r.seq]));
  const entities: string[] = [];
  const claims: number[] = [];
  for (const a of analyses) {
    const named = claimMentionRows(a, (claim) => seqs.get(`${a.article.id}\u0000${claim}`)!);
    entities.push(...named.entities);
    claims.push(...named.claims);
  }
  if (!claims.length) return;
  await sql`
    insert into claim_mentions (entity_id, claim_seq)
    select * from unnest(${entities}::text[], ${claims}::integer[])`.execute(trx);
}

async function insertEvents(trx: Kysely<Database>, analyses: readonly Analysis[]): Promise<void> {
  const rows = analyses.flatMap((a) => a.events.map((e) => ({ a, e })));
  if (!rows.length) return;
  const col = <T>(f: (e: Event) => T) => rows.map((r) => f(r.e));
  await sql`
    insert into events (article_id, event_id, type, trigger, trigger_start, actor, target, place, time, quantity, status, claims, rule, published)
    select article_id, event_id, type, trigger, trigger_start, actor, target, place, time, quantity, status, claims, rule, published
    from unnest(${rows.map((r) => r.a.article.id)}::text[], ${col((e) => e.id)}::text[], ${col((e) => e.type)}::text[], ${col((e) => e.trigger.text)}::text[],
      ${col((e) => e.trigger.start)}::integer[], ${col((e) => e.actor)}::text[], ${col((e) => e.target)}::text[], ${col((e) => e.place)}::text[],
      ${col((e) => e.time)}::text[], ${col((e) => e.quantity)}::double precision[], ${col((e) => e.status)}::text[], ${col((e) => JSON.stringify(e.claims))}::text[],
      ${col((e) => e.explain?.rule ?? null)}::text[], ${rows.map((r) => r.a.article.published ?? null)}::text[])
      with ordinality as u(article_id, event_id, type, trigger, trigger_start, actor, target, place, time, quantity, status, claims, rule, published, n)
    order by n`.execute(trx);
}
