/**
 * Builds data/pos/lexicon.tsv, the word-class lexicon of src/annotate/pos, from the PTB tags of
 * CoNLL-2003 train (../shared/eval/conll2003/train.jsonl, read at build time, never shipped):
 * each lower-cased word seen at least twice with its most frequent coarse class.
 *
 *   npx tsx scripts/train-pos-lexicon.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { dataPath } from '../src/data.js';
import { coarseOfPtb, TAG_NAMES } from '../src/annotate/pos/tags.js';
import { readJsonl, sharedPath } from '../src/eval/shared.js';

interface ConllRecord {
  sentences: { tokens: string[]; pos: string[] }[];
}

const MIN_COUNT = 2;
const counts = new Map<string, Map<number, number>>();
for (const record of readJsonl<ConllRecord>(sharedPath('eval/conll2003/train.jsonl'))) {
  for (const s of record.sentences) {
    s.tokens.forEach((token, i) => {
      const tag = coarseOfPtb(s.pos[i]!);
      if (tag === undefined) return;
      const word = token.toLowerCase();
      let byTag = counts.get(word);
      if (!byTag) counts.set(word, (byTag = new Map()));
      byTag.set(tag, (byTag.get(tag) ?? 0) + 1);
    });
  }
}

const lines: string[] = [];
for (const [word, byTag] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  let total = 0;
  let best = -1;
  let bestCount = 0;
  for (const [tag, n] of byTag) {
    total += n;
    if (n > bestCount) [best, bestCount] = [tag, n];
  }
  if (total < MIN_COUNT || /\s/.test(word)) continue;
  lines.push(`${word}\t${TAG_NAMES[best]}`);
}
const out = dataPath('pos', 'lexicon.tsv');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `# word\tclass — most frequent coarse class in CoNLL-2003 train (scripts/train-pos-lexicon.ts)\n${lines.join('\n')}\n`);
console.log(`${out}: ${lines.length} words`);
