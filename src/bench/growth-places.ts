import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Databases } from '../store/postgres/databases.js';

/** A store's place that goes away after use: what openStore takes, and how to remove it. */
export interface Scratch {
  location: string;
  drop(): Promise<void>;
}

/**
 * Where the growth bench keeps its stores: base stores built once and kept for later runs, the
 * working copies the new articles go into, scratch stores. SQLite files in a folder, or
 * databases on a PostgreSQL server — the bench measures either store the same way.
 */
export interface GrowthPlaces {
  /** Where they are, for the bench's first line. */
  readonly shown: string;
  /** Whether the base store `name` was built by an earlier run. */
  has(name: string): Promise<boolean>;
  /** A new, empty place to build base store `name` in; `done()` (the store closed) makes it the base. */
  building(name: string): Promise<{ location: string; done(): Promise<void> }>;
  /** A fresh copy of base store `name`. */
  copy(name: string): Promise<Scratch>;
  /** A new, empty store. */
  scratch(name: string): Promise<Scratch>;
}

/** SQLite files under `dir`: a copy is a copy of the file. */
export function sqlitePlaces(dir: string): GrowthPlaces {
  mkdirSync(dir, { recursive: true });
  const file = (name: string) => join(dir, `${name}.db`);
  const remove = (path: string) => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  };
  const empty = async (path: string): Promise<Scratch> => {
    remove(path);
    return { location: path, drop: async () => remove(path) };
  };
  return {
    shown: dir,
    has: async (name) => existsSync(file(name)),
    async building(name) {
      const path = `${file(name)}.building`;
      remove(path);
      return {
        location: path,
        done: async () => {
          // The store is closed: its log is checkpointed into the file, and the file moved into place.
          renameSync(path, file(name));
          remove(path);
        },
      };
    },
    async copy(name) {
      const work = await empty(file(`${name}-work`));
      copyFileSync(file(name), work.location);
      return work;
    },
    scratch: (name) => empty(file(name)),
  };
}

/** The database that holds growth store `name` on a PostgreSQL server. */
export function growthDatabase(name: string): string {
  return `claimtrail_${name.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}`;
}

/** Databases on the PostgreSQL server of `url` (the role must be allowed to create databases): a copy is a copy the server makes. */
export function postgresPlaces(url: string): GrowthPlaces {
  const databases = new Databases(url);
  const dbName = growthDatabase;
  const created = async (db: string, template?: string): Promise<Scratch> => {
    await databases.drop(db);
    await databases.create(db, template);
    return { location: databases.urlOf(db), drop: () => databases.drop(db) };
  };
  const shown = new URL(url);
  if (shown.password) shown.password = '***';
  return {
    shown: `${shown.toString()} (databases claimtrail_growth_…)`,
    has: (name) => databases.exists(dbName(name)),
    async building(name) {
      const db = `${dbName(name)}_building`;
      const place = await created(db);
      return { location: place.location, done: () => databases.rename(db, dbName(name)) };
    },
    copy: (name) => created(dbName(`${name}-work`), dbName(name)),
    scratch: (name) => created(dbName(name)),
  };
}
