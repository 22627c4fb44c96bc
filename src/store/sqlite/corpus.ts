import type { Kysely } from 'kysely';
import type { ClaimFilters, EntityFilters, EventFilters, PageOptions, SearchFilters, StoreStats } from '../../contract/index.js';
import type { CandidateOptions, CorpusRepo } from '../corpus-repo.js';
import { articlesNaming, articlesWithWords } from './candidates.js';
import { eachClaim, listClaims } from './claims.js';
import { entityPage, listEntities } from './entities.js';
import type { Database } from './schema.js';
import { search } from './search.js';
import { listEvents, listPlaces } from '../kysely/events.js';
import { listTables } from '../kysely/tables.js';

/** Reads across the SQLite store's articles, one module per concept (claims, entities, events, search, candidates). */
export class SqliteCorpus implements CorpusRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async stats(): Promise<StoreStats> {
    const count = async (table: 'articles' | 'entities' | 'claims' | 'events') =>
      Number((await this.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const words = await this.db.selectFrom('articles').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('words'), eb.lit(0)).as('n')).executeTakeFirstOrThrow();
    const [articles, entities, claims, events] = await Promise.all([count('articles'), count('entities'), count('claims'), count('events')]);
    return { articles, entities, claims, events, words: Number(words.n) };
  }

  listClaims(options?: ClaimFilters & PageOptions) {
    return listClaims(this.db, options);
  }

  eachClaim(filters?: ClaimFilters) {
    return eachClaim(this.db, filters);
  }

  listEntities(options?: EntityFilters & PageOptions) {
    return listEntities(this.db, options);
  }

  entityPage(id: string, limit?: number) {
    return entityPage(this.db, id, limit);
  }

  listEvents(options?: EventFilters & PageOptions) {
    return listEvents(listTables(this.db), options);
  }

  listPlaces() {
    return listPlaces(listTables(this.db));
  }

  search(q: string, options?: SearchFilters & PageOptions) {
    return search(this.db, q, options);
  }

  articlesWithWords(words: readonly string[], options: CandidateOptions) {
    return articlesWithWords(this.db, words, options);
  }

  articlesNaming(entityIds: readonly string[], options: CandidateOptions) {
    return articlesNaming(this.db, entityIds, options);
  }
}
