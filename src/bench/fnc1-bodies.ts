import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFnc1Bodies } from '../eval/fnc1-data.js';

/**
 * `read` the corpus `files`, with FNC-1's 1,683 training bodies (../shared/eval/fnc1, read at run time) after them when
 * `add` (`--fnc1-bodies`: a corpus longer than PolNeAR's 1,013 records, news of 2014–15 from many outlets, with copies
 * of one text under several ids), and the corpus's name to print. The bodies go to `read` as one JSONL file of articles
 * in a temporary folder, removed once `read` is done.
 */
export async function withFnc1Bodies<T>(add: boolean, files: readonly string[], read: (paths: string[], name: string) => Promise<T>): Promise<T> {
  if (!add) return read([...files], files.join(', '));
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-bench-fnc1-'));
  try {
    const file = join(dir, 'fnc1-bodies.jsonl');
    writeFileSync(file, [...readFnc1Bodies()].map(([id, text]) => `${JSON.stringify({ id: `fnc1-body-${id}`, text })}\n`).join(''));
    return await read([...files, file], [...files, "FNC-1's training bodies"].join(', '));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
