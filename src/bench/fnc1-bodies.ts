import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFnc1Bodies } from '../eval/fnc1-data.js';

/** How the benches name the file in what they print. */
export const FNC1_BODIES = "FNC-1's training bodies";

/**
 * FNC-1's 1,683 training bodies (../shared/eval/fnc1, read at run time) as one JSONL file of articles in `dir`, for the
 * benches that take a longer corpus than PolNeAR's 1,013 records (`--fnc1-bodies`): news of 2014–15 from many outlets,
 * with copies of one text under several ids. Returns the file's path; the caller removes `dir`.
 */
export function writeFnc1Bodies(dir: string): string {
  const file = join(dir, 'fnc1-bodies.jsonl');
  writeFileSync(file, [...readFnc1Bodies()].map(([id, text]) => `${JSON.stringify({ id: `fnc1-body-${id}`, text })}\n`).join(''));
  return file;
}
