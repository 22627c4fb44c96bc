import { randomBytes } from 'node:crypto';
import { Databases } from '../postgres/databases.js';

/**
 * A throwaway database on the PostgreSQL server of `url` (benchmarks make one per run), with the
 * function that drops it, connections still open included. The role must be allowed to create databases.
 */
export async function scratchDatabase(url: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const databases = new Databases(url);
  await databases.create(name);
  return { url: databases.urlOf(name), drop: () => databases.drop(name) };
}
