import { sql, type Kysely } from 'kysely';
import type { Analysis, Entity } from '../../contract/index.js';
import type { Database, EntitiesTable } from './schema.js';
import { tallyMentions } from '../kysely/mention-tally.js';
import { rehomeEntities } from '../kysely/entity-rows.js';

/**
 * What a batch of saves changes in the rows every article shares: the entities themselves (the
 * earliest submitted article to name one writes its row), their mention, article and surface-form counts
 * (migration 0004; a replaced article's are taken away, rows that fall to zero go, so an entity
 * is listed only while mentioned). Gathered while the batch's articles are written and written
 * last, once, in key order: several workers save at once, and rows locked in one order by every
 * save can make a save wait for another's commit but never deadlock, and are held only while it
 * commits.
 */
export class SharedRows {
  private readonly entities = new Map<string, EntitiesTable>();
  /** Per entity: mentions and articles added (negative: taken away). */
  private readonly counts = new Map<string, { mentions: number; articles: number }>();
  /** Per entity and surface form (JSON of the pair): mentions added or taken away. */
  private readonly aliases = new Map<string, { entity: string; text: string; n: number }>();
  private readonly orphans = new Set<string>();

  /**
   * An article written, submitted at `intake`: its entities' rows (of several articles naming one entity, the earliest
   * submitted one's is kept: migration 0011) and what its mentions add.
   */
  add(analysis: Analysis, intake: string): void {
    for (const e of analysis.entities) this.offer(entityRow(e, intake));
    const { mentions, aliases } = tallyMentions(analysis);
    for (const [entity, n] of mentions) this.count(entity, n, 1);
    for (const a of aliases) this.alias(a.entity, a.text, a.n);
  }

  /** Before a stored article is deleted (to be replaced): take its mentions out of the counts. */
  async remove(trx: Kysely<Database>, articleId: string): Promise<void> {
    const { rows } = await sql<{ entity_id: string; text: string; n: number }>`
      select entity_id, text, count(*)::integer as n from mentions where article_id = ${articleId} group by entity_id, text`.execute(trx);
    const entities = new Map<string, number>();
    for (const r of rows) {
      entities.set(r.entity_id, (entities.get(r.entity_id) ?? 0) + r.n);
      this.alias(r.entity_id, r.text, -r.n);
    }
    for (const [entity, n] of entities) this.count(entity, -n, -1);
  }

  /** Entity rows a re-analysed article held and no longer names: they go to their next holder once the rows are written. */
  rehome(ids: readonly string[]): void {
    for (const id of ids) this.orphans.add(id);
  }

  /** Take in what another gathered (one article's, once it is written whole). */
  merge(other: SharedRows): void {
    for (const id of other.orphans) this.orphans.add(id);
    for (const row of other.entities.values()) this.offer(row);
    for (const [entity, c] of other.counts) this.count(entity, c.mentions, c.articles);
    for (const a of other.aliases.values()) this.alias(a.entity, a.text, a.n);
  }

  /** Write what was gathered, each table in key order, then drop rows that fell to zero. */
  async write(trx: Kysely<Database>): Promise<void> {
    const rows = [...this.entities.values()].sort((a, b) => compare(a.id, b.id));
    if (!this.orphans.size) await upsertEntities(trx, rows);
    else {
      // Rare (an article analysed again): rows written and rows passed on one at a time, in the one key order every
      // save locks rows in, so that no two saves each hold a row the other waits for.
      for (const id of [...new Set([...this.entities.keys(), ...this.orphans])].sort(compare)) {
        const row = this.entities.get(id);
        if (row) await upsertEntities(trx, [row]);
        if (this.orphans.has(id)) await rehomeEntities(trx, [id]);
      }
    }
    const counts = [...this.counts].filter(([, c]) => c.mentions || c.articles).sort(([a], [b]) => compare(a, b));
    if (counts.length) {
      await sql`
        insert into entity_counts (entity_id, mentions, articles)
        select entity_id, m, a from unnest(${counts.map(([e]) => e)}::text[], ${counts.map(([, c]) => c.mentions)}::integer[],
          ${counts.map(([, c]) => c.articles)}::integer[]) with ordinality as u(entity_id, m, a, n)
        order by n
        on conflict (entity_id) do update set mentions = entity_counts.mentions + excluded.mentions, articles = entity_counts.articles + excluded.articles`.execute(trx);
      if (counts.some(([, c]) => c.mentions < 0 || c.articles < 0)) await sql`delete from entity_counts where mentions <= 0`.execute(trx);
    }
    const aliases = [...this.aliases.values()].filter((a) => a.n).sort((a, b) => compare(a.entity, b.entity) || compare(a.text, b.text));
    if (aliases.length) {
      await sql`
        insert into entity_aliases (entity_id, text, count)
        select entity_id, text, c from unnest(${aliases.map((a) => a.entity)}::text[], ${aliases.map((a) => a.text)}::text[],
          ${aliases.map((a) => a.n)}::integer[]) with ordinality as u(entity_id, text, c, n)
        order by n
        on conflict (entity_id, text) do update set count = entity_aliases.count + excluded.count`.execute(trx);
      if (aliases.some((a) => a.n < 0)) await sql`delete from entity_aliases where count <= 0`.execute(trx);
    }
  }

  private offer(row: EntitiesTable): void {
    const held = this.entities.get(row.id);
    // An equal key is the same article written again in the batch (replaced): its later analysis.
    if (!held || row.intake! <= held.intake!) this.entities.set(row.id, row);
  }

  private count(entity: string, mentions: number, articles: number): void {
    const c = this.counts.get(entity) ?? { mentions: 0, articles: 0 };
    c.mentions += mentions;
    c.articles += articles;
    this.counts.set(entity, c);
  }

  private alias(entity: string, text: string, n: number): void {
    const key = JSON.stringify([entity, text]);
    const a = this.aliases.get(key) ?? { entity, text, n: 0 };
    a.n += n;
    this.aliases.set(key, a);
  }
}

/**
 * Write entity rows, in the order given (key order: the order rows are locked in). A row is written when it is new or
 * its article was submitted no later than the one whose row it is (an equal key is that article written again).
 */
async function upsertEntities(trx: Kysely<Database>, rows: readonly EntitiesTable[]): Promise<void> {
  if (!rows.length) return;
  const col = <K extends keyof EntitiesTable>(k: K) => rows.map((r) => r[k]);
  await sql`
    insert into entities (id, name, type, subtype, kb, country, lat, lon, intake)
    select id, name, type, subtype, kb, country, lat, lon, intake from unnest(${col('id')}::text[], ${col('name')}::text[], ${col('type')}::text[], ${col('subtype')}::text[],
      ${col('kb')}::text[], ${col('country')}::text[], ${col('lat')}::double precision[], ${col('lon')}::double precision[], ${col('intake')}::text[]) with ordinality
      as u(id, name, type, subtype, kb, country, lat, lon, intake, n)
    order by n
    on conflict (id) do update set name = excluded.name, type = excluded.type, subtype = excluded.subtype, kb = excluded.kb, country = excluded.country,
      lat = excluded.lat, lon = excluded.lon, intake = excluded.intake
    where entities.intake is null or excluded.intake <= entities.intake`.execute(trx);
}

/** One fixed order for every save (code units): the order rows are locked in. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function entityRow(e: Entity, intake: string): EntitiesTable {
  return { id: e.id, name: e.name, type: e.type, subtype: e.subtype, kb: e.kb, country: e.country ?? null, lat: e.coords?.[0] ?? null, lon: e.coords?.[1] ?? null, intake };
}

/**
 * The entities each claim's content mentions: a mention inside the content's span (migration 0005; deleted with the
 * claim, deleteArticle), as the columns of claim_mentions, each claim by its stored seq.
 */
export function claimMentionRows(analysis: Analysis, seqOf: (claimId: string) => number): { entities: string[]; claims: number[] } {
  const mentions = analysis.entities.flatMap((e) => e.mentions.map((m) => ({ entity: e.id, start: m.start, end: m.end }))).sort((a, b) => a.start - b.start);
  const pairs = new Set<string>();
  const entities: string[] = [];
  const claims: number[] = [];
  for (const c of analysis.claims) {
    const seq = seqOf(c.id);
    // The first mention starting inside the content, then on while they do.
    let lo = 0;
    let hi = mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mentions[mid]!.start < c.content.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < mentions.length && mentions[i]!.start < c.content.end; i++) {
      const m = mentions[i]!;
      const key = `${m.entity}\u0000${seq}`;
      if (m.end > c.content.end || pairs.has(key)) continue;
      pairs.add(key);
      entities.push(m.entity);
      claims.push(seq);
    }
  }
  return { entities, claims };
}
