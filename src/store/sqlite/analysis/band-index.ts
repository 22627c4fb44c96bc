import type SQLite from 'better-sqlite3';
import { sql, type Compilable, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Rows level 0 holds before they move down: about a thousand articles' bands. */
const LEVEL0_ROWS = 32_768;
/** Each level holds this many times the rows of the one above it. */
const GROWTH = 8;
/**
 * Page cache (KiB) while a level moves: the move rewrites its rows and the pages of two levels, and
 * with SQLite's default 2 MB cache those spill to the log many times over — a move of 947,200 rows
 * into a level of 2.25 million took 11.6 s with it, 4.8 s with this one (docs/quality.md).
 */
const MOVE_CACHE_KIB = 256 * 1024;
/** Bands looked up by one statement, as a sorted IN list (cheaper than one seek each from JavaScript). */
const BAND_CHUNK = 256;

/** The most rows a level holds before they move to the next. */
function levelCapacity(level: number, level0 = LEVEL0_ROWS): number {
  return level0 * GROWTH ** level;
}

/** The first level that can hold this many rows: where a store's existing bands go (migration 0015). */
export function levelFor(rows: number, level0 = LEVEL0_ROWS): number {
  let level = 0;
  while (levelCapacity(level, level0) < rows) level++;
  return level;
}

/**
 * The near-duplicate bands of stored articles, band → articles in the order they were indexed.
 *
 * A band is a random 32-bit key, so in one index over all bands every article's 32 bands land on 32
 * pages of their own, and each refresh step writes that many pages at its commit once the index
 * outgrows the step (docs/quality.md: three quarters of the refresh's growth from 10,000 to 100,000
 * stored articles). So the index is levelled, as a log-structured merge tree is: new bands go into
 * level 0, a small region of the (level, band) index whose pages a step rewrites anyway; a level
 * over its capacity moves down whole, in band order, so the pages of the level below are written
 * once per move instead of once per insert. Rows keep their rowids, which order each band's articles.
 */
export class BandIndex {
  private readonly members: SQLite.Statement;
  /** The first level below a given one that holds rows, or null. */
  private readonly nextLevel: SQLite.Statement;
  private readonly insert: SQLite.Statement;
  private readonly count: SQLite.Statement;
  private readonly move: SQLite.Statement;

  /** `level0`: rows level 0 holds (tests make it small). */
  constructor(
    private readonly sq: SQLite.Database,
    db: Kysely<Database>,
    private readonly level0 = LEVEL0_ROWS,
  ) {
    const prep = (q: Compilable) => sq.prepare(q.compile().sql);
    const num = () => sql<number>`${null}`;
    this.members = prep(
      db
        .selectFrom('doc_bands')
        .select(['band', 'article_id', sql<number>`rowid`.as('id')])
        .where('level', '=', num())
        .where('band', 'in', Array.from({ length: BAND_CHUNK }, num)),
    ).raw();
    this.nextLevel = prep(db.selectFrom('doc_bands').select((eb) => eb.fn.min('level').as('level')).where('level', '>', num())).pluck();
    this.insert = prep(db.insertInto('doc_bands').values({ band: num(), article_id: sql<string>`${null}`, level: sql.lit(0) }));
    this.count = prep(db.selectFrom('doc_bands').select((eb) => eb.fn.countAll().as('n')).where('level', '=', num())).pluck();
    this.move = prep(db.updateTable('doc_bands').set({ level: num() }).where('level', '=', num()));
  }

  /** The articles indexed under each band (every band has an entry), in the order they were indexed. */
  lookup(bands: readonly number[]): Map<number, string[]> {
    const unique = [...new Set(bands)];
    const found = new Map<number, [number, string][]>(unique.map((band) => [band, []]));
    for (let level = this.nextLevel.get(-1) as number | null; level !== null; level = this.nextLevel.get(level) as number | null) {
      for (let i = 0; i < unique.length; i += BAND_CHUNK) {
        const chunk: (number | null)[] = unique.slice(i, i + BAND_CHUNK);
        while (chunk.length < BAND_CHUNK) chunk.push(null);
        for (const [band, article, id] of this.members.all(level, ...chunk) as [number, string, number][]) found.get(band)!.push([id, article]);
      }
    }
    return new Map([...found].map(([band, rows]) => [band, rows.sort((a, b) => a[0] - b[0]).map((r) => r[1])]));
  }

  /** Index an article under its bands, in level 0. */
  add(article: string, bands: readonly number[]): void {
    for (const band of bands) this.insert.run(band, article);
  }

  /** Move every level over its capacity down into the next, from level 0: once per refresh step, after its articles. */
  settle(): void {
    if ((this.count.get(0) as number) <= this.level0) return;
    const cache = this.sq.pragma('cache_size', { simple: true }) as number;
    this.sq.pragma(`cache_size = ${-MOVE_CACHE_KIB}`);
    try {
      for (let level = 0; (this.count.get(level) as number) > levelCapacity(level, this.level0); level++) this.move.run(level + 1, level);
    } finally {
      // Back to the connection's own size, which frees the pages over it.
      this.sq.pragma(`cache_size = ${cache}`);
    }
  }
}
