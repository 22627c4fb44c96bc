import { randomBytes } from 'node:crypto';
import type { SaveStatus } from '../contract/index.js';

/**
 * Where an article stands in the order articles were submitted (its intake key): the order the
 * cross-article refresh takes them in, so that what it derives (which claim founds a proposition,
 * which copy speaks for a near-duplicate group) depends on the order articles were given, not on
 * which of several workers stored one first. A queued article's key is its job's id (ids are made
 * in the order jobs are queued) and its place among the job's articles; an article analysed in
 * place gets a new id when it is saved. Keys of one length sort as text.
 */
export function intakeKey(base: string, index = 0): string {
  return `${base}:${String(index).padStart(6, '0')}`;
}

/**
 * UUIDs in the order made (version 7: the time in ms, then a counter within it, then random
 * bits): job ids, and the intake keys of articles analysed in place.
 */
export class OrderedIds {
  private ms = 0;
  private seq = 0;

  next(): string {
    const now = Date.now();
    if (now > this.ms) {
      this.ms = now;
      this.seq = 0;
    } else this.seq++;
    const b = randomBytes(16);
    b.writeUIntBE(this.ms, 0, 6);
    // 12 bits of counter after the version nibble, 14 more in the variant's octets: 2^26 per ms.
    b[6] = 0x70 | ((this.seq >> 22) & 0x0f);
    b[7] = (this.seq >> 14) & 0xff;
    b[8] = 0x80 | ((this.seq >> 8) & 0x3f);
    b[9] = this.seq & 0xff;
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

/**
 * The intake key an article is written with when `stored` is the one it already has (none: new): the earlier of the
 * two. An article keeps its place when it is analysed again (replaced), and a copy submitted earlier moves it forward.
 * The entity rows it holds then take its new analysis (an equal key is the same article written again).
 */
export function keptIntake(stored: string | undefined, given: string): string {
  return stored !== undefined && stored < given ? stored : given;
}

/**
 * The key a run that re-analyses articles (`--reanalyze`, `?replace=true`) began at: it sorts before every intake key
 * made from now on by this machine's clock (a UUID of a millisecond with every other bit at its least), so the copies
 * the run stores are told from what was stored before it (saveOutcome). It waits for the next millisecond: keys made
 * earlier in the current one would sort after its least UUID, and a run begun right after another (a fast machine)
 * took the other run's copies for its own.
 */
export function runStartKey(): string {
  const entered = Date.now();
  let now = entered;
  while (now <= entered) now = Date.now();
  const ms = now.toString(16).padStart(12, '0');
  return intakeKey(`${ms.slice(0, 8)}-${ms.slice(8)}-7000-8000-000000000000`);
}

/** The article a save finds stored under its id: its pipeline version, the intake key of the copy it holds, and whether the refresh took it. */
export interface StoredCopy {
  pipeline: string | null;
  copyIntake: string;
  refreshed: boolean;
}

/** How an article is saved: whether it re-analyses (with the key its run began at), and its own intake key. */
export interface SaveWay {
  replace: boolean;
  runStart?: string | undefined;
  intake: string;
}

/**
 * What saving an article does to the one stored under its id (same text): the status it reports, and whether it
 * writes its analysis. A stored analysis of another pipeline version is replaced, and so is one stored before a
 * re-analysis began. Otherwise the two are copies: the copy submitted first stands, whichever was stored first (its
 * metadata, a date or a ref, may differ, and with it the analysis), so an earlier copy takes a later one's place,
 * in a fresh run until the refresh has taken it. A re-analysis replaces refreshed articles anyway, and so keeps
 * the copy submitted first of the copies it stores, as a fresh run does.
 */
export function saveOutcome(stored: StoredCopy | undefined, pipeline: string, way: SaveWay): { status: SaveStatus; write: boolean } {
  if (!stored) return { status: 'new', write: true };
  const storedByRun = way.runStart !== undefined && stored.copyIntake >= way.runStart;
  if (stored.pipeline !== pipeline || (way.replace && !storedByRun)) return { status: 'replaced', write: true };
  return { status: 'duplicate', write: way.intake < stored.copyIntake && (way.replace || !stored.refreshed) };
}

/** One clock for the intake keys this process gives, so keys of one process never go back. */
const ids = new OrderedIds();

/** The intake keys of articles saved now, in the order given, after every key this process gave before. */
export function newIntakes(n: number): string[] {
  return Array.from({ length: n }, () => intakeKey(ids.next()));
}
