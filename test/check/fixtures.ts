import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StanceLabel } from '../../src/contract/values.js';
import { ROOT } from '../helpers.js';

/** Four articles written for these tests (test/fixtures/check/README.md) and the claim they are read against. */
export const CHECK_CORPUS = join(ROOT, 'test/fixtures/check/articles.jsonl');
export const CLAIM = "Belarusian troops crossed the border into Ukraine's Volyn region.";

export interface CheckRecord {
  id: string;
  source: string;
  published: string;
  title: string;
  text: string;
}

export const CHECK_RECORDS: CheckRecord[] = readFileSync(CHECK_CORPUS, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as CheckRecord);

export const record = (id: string): CheckRecord => CHECK_RECORDS.find((r) => r.id === id)!;

/** What each article does with the claim. */
export const EXPECTED: Record<string, StanceLabel> = {
  'northline-2025-03-03': 'agree',
  'riverside-2025-03-03': 'discuss',
  'courier-2025-03-04': 'disagree',
  'harvest-2025-03-05': 'unrelated',
};
