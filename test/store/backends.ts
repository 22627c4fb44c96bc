import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/index.js';
import type { OpenOptions } from '../../src/store/store.js';
import { tempDir } from '../helpers.js';

/**
 * The store backends the store tests run against: SQLite always, PostgreSQL when
 * CLAIMTRAIL_TEST_PG names a server (CI sets it; a user's clone skips it, and test/pg-setup.ts
 * says so once). Each store a test opens is fresh — a new file, or a new schema of that
 * database — and is removed afterwards, so reruns start clean.
 */
export const TEST_PG = process.env.CLAIMTRAIL_TEST_PG;

export type BackendName = 'sqlite' | 'postgres';

export const BACKENDS: BackendName[] = TEST_PG ? ['sqlite', 'postgres'] : ['sqlite'];

export interface Place {
  /** What openStore and the CLI's --db take. */
  path: string;
  /** Remove the store and what holds it. */
  drop(): Promise<void>;
}

let made = 0;

/** A new, empty place for a store of this backend. */
export async function freshPlace(backend: BackendName): Promise<Place> {
  if (backend === 'sqlite') {
    const dir = tempDir('claimtrail-store-');
    return { path: join(dir, 'store.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `test_${process.pid}_${Date.now().toString(36)}_${made++}`;
  await admin(TEST_PG!, `create schema ${schema}`);
  const url = new URL(TEST_PG!);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { path: url.toString(), drop: () => admin(TEST_PG!, `drop schema ${schema} cascade`) };
}

/** A fresh store of this backend; `drop` closes and removes it. */
export async function freshStore(backend: BackendName, pipelineVersion?: string, options?: OpenOptions): Promise<{ store: Store; place: Place; drop(): Promise<void> }> {
  const place = await freshPlace(backend);
  const store = await openStore(place.path, pipelineVersion, options);
  return {
    store,
    place,
    async drop() {
      await store.close();
      await place.drop();
    },
  };
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
