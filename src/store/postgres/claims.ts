import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { ClaimFilters, ClaimItem, ClaimKind, Page, Party, Stance } from '../../contract/index.js';
import type { PageOptions } from '../../contract/index.js';
import { inLedgerOrder, type LedgerPosition } from '../kysely/ledger-order.js';
import { clampLimit, decodeDateArticleCursor, encodeDateArticleCursor } from '../page.js';
import type { Database } from './schema.js';
import { allWords, claimContentsMatching, claimsMatching, likePattern } from './text-search.js';

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

/**
 * Claims, most recently made first (when said, else when published; on a tie by article id, then the
 * article's last claim first), filtered; `next` pages on. Not by the order stored: workers store in an order of their own.
 */
export async function listClaims(db: Kysely<Database>, options: ClaimFilters & PageOptions = {}): Promise<Page<ClaimItem>> {
  const limit = clampLimit(options.limit);
  const query = inLedgerOrder(filterClaims(baseQuery(db), await resolveFilters(db, options)), 'desc', decodeDateArticleCursor(options.cursor));
  const rows = await query.limit(limit + 1).execute();
  const last = rows[limit - 1];
  return { items: rows.slice(0, limit).map(toItem), next: rows.length > limit && last ? encodeDateArticleCursor(last.made ?? '', last.article_id, last.seq) : null };
}

/** Every claim matching the filters, oldest first (the ledger's order reversed), read in chunks (exports of any size). */
export async function* eachClaim(db: Kysely<Database>, filters: ClaimFilters = {}, chunk = 500): AsyncGenerator<ClaimItem> {
  filters = await resolveFilters(db, filters);
  let after: LedgerPosition | null = null;
  for (;;) {
    const rows: Row[] = await inLedgerOrder(filterClaims(baseQuery(db), filters), 'asc', after).limit(chunk).execute();
    for (const r of rows) yield toItem(r);
    if (rows.length < chunk) return;
    const last = rows[rows.length - 1]!;
    after = { date: last.made ?? '', id: last.article_id, seq: last.seq };
  }
}

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('claims')
    .innerJoin('articles', 'articles.id', 'claims.article_id')
    .leftJoin('entities as sp', 'sp.id', 'claims.speaker_entity')
    .leftJoin('entities as vi', 'vi.id', 'claims.via_entity')
    .select([
      'claims.seq',
      'claims.article_id',
      'claims.claim_id',
      'claims.speaker_entity',
      'claims.speaker_text',
      'sp.name as speaker_name',
      'claims.cue_text',
      'claims.cue_lemma',
      'claims.content',
      'claims.content_start',
      'claims.content_end',
      'claims.kind',
      'claims.stance',
      'claims.negated',
      'claims.said',
      'claims.made',
      'claims.via_entity',
      'claims.via_text',
      'vi.name as via_name',
      'claims.rule',
      'articles.title',
      'articles.published',
      'articles.source',
      'articles.url',
    ]);
}

type ClaimQuery = ReturnType<typeof baseQuery>;
type Joined = ClaimQuery extends SelectQueryBuilder<infer D, infer T, infer _O> ? ExpressionBuilder<D, T> : never;

/** Entities whose names match `about` that are looked for in claim contents; a longer list is cut. */
const ABOUT_ENTITIES = 50;

interface Resolved extends ClaimFilters {
  speakerEntity?: string;
  /** Entities named like `about`, found once from the names (not per claim). */
  aboutEntities?: string[];
}

/**
 * Choose how to run the filters: a speaker that is an entity id is matched exactly (by index),
 * anything else by name. Claims about an entity are read from claim_mentions (migration 0005),
 * rare or common alike.
 */
async function resolveFilters(db: Kysely<Database>, f: ClaimFilters): Promise<Resolved> {
  const r: Resolved = { ...f };
  const words = f.speaker?.trim();
  if (words) {
    const entity = await db.selectFrom('entities').select('id').where('id', '=', words).executeTakeFirst();
    if (entity) Object.assign(r, { speaker: undefined, speakerEntity: entity.id });
  }
  if (f.about?.trim()) {
    const rows = await db.selectFrom('entities').select('id').where(sql<boolean>`name ilike ${likePattern(f.about)} escape '\\'`).limit(ABOUT_ENTITIES).execute();
    r.aboutEntities = rows.map((row) => row.id);
  }
  return r;
}

function filterClaims(query: ClaimQuery, f: Resolved): ClaimQuery {
  if (f.article) query = query.where('claims.article_id', '=', f.article);
  if (f.stance) query = query.where('claims.stance', '=', f.stance);
  if (f.speakerEntity) query = query.where('claims.speaker_entity', '=', f.speakerEntity);
  if (f.speaker?.trim()) {
    // Every word must occur, in any order: "defence ministry" finds "Ministry of Defence of Russia".
    const words = f.speaker.trim().split(/\s+/).map(likePattern);
    const all = (column: string) => sql.join(words.map((w) => sql`${sql.ref(column)} ilike ${w} escape '\\'`), sql` and `);
    query = query.where((eb: Joined) =>
      eb.or([eb('claims.speaker_entity', 'in', eb.selectFrom('entities').select('id').where(sql<boolean>`${all('name')}`)), sql<boolean>`${all('claims.speaker_text')}`]),
    );
  }
  // The day it was made: a week or month said counts from its first day.
  if (f.from) query = query.where('claims.made', '>=', f.from);
  // '~' sorts after digits and '-', so "to 2025-04" keeps 2025-04-30.
  if (f.to) query = query.where('claims.made', '<=', `${f.to}~`);
  if (f.q?.trim()) query = query.where('claims.seq', 'in', claimsMatching(allWords(f.q)));
  if (f.mentions) query = query.where((eb: Joined) => eb.exists(mentionInContent(eb, [f.mentions!])));
  if (f.about?.trim()) {
    // Words of the content from the full-text index; entities of that name from claim_mentions.
    // No claim or article text is scanned.
    const inContent = claimContentsMatching(f.about.trim());
    const ids = f.aboutEntities ?? [];
    query = query.where((eb: Joined) => (ids.length ? eb.or([eb.exists(mentionInContent(eb, ids)), eb('claims.seq', 'in', inContent)]) : eb('claims.seq', 'in', inContent)));
  }
  return query;
}

/** The claim's content mentions one of these entities (claim_mentions, kept by the saves). */
function mentionInContent(eb: Joined, entityIds: string[]) {
  return eb.selectFrom('claim_mentions').select(sql`1`.as('one')).where('claim_mentions.entity_id', 'in', entityIds).whereRef('claim_mentions.claim_seq', '=', 'claims.seq');
}

function party(entity: string | null, name: string | null, text: string | null): Party | null {
  if (entity === null && text === null) return null;
  return { entity, name: name ?? text ?? entity ?? '', text };
}

function toItem(r: Row): ClaimItem {
  return {
    article: r.article_id,
    claim: r.claim_id,
    speaker: party(r.speaker_entity, r.speaker_name, r.speaker_text),
    cue: r.cue_text,
    cueLemma: r.cue_lemma,
    content: r.content,
    contentStart: r.content_start,
    contentEnd: r.content_end,
    kind: r.kind as ClaimKind,
    stance: r.stance as Stance,
    negated: r.negated === 1,
    said: r.said,
    via: party(r.via_entity, r.via_name, r.via_text),
    rule: r.rule,
    title: r.title,
    published: r.published,
    source: r.source,
    url: r.url,
  };
}
