/**
 * `npm run eval -- SUITE [args]`: the project's own scorers over ../shared/eval.
 * Each suite is a module in this folder exporting `run(args)`; its figures go to docs/quality.md.
 */
import { tuneTiering } from '../tiering.js';

// The speeds a suite prints are those of the commands, which tune V8 so first (bin/claimtrail.js).
tuneTiering();

const SUITES: Record<string, string> = {
  html: 'main-text extraction on ../shared/eval/html-main-text (segments that must / must not appear)',
  ner: 'entity mentions on CoNLL-2003 dev (exact span and type)',
  time: 'time expressions on TempEval-3 TimeBank + AQUAINT (relaxed, strict, value)',
  seed: 'the founding article against ../shared/eval/seed/gold.json',
  attribution: 'attributed claims on PolNeAR dev (content overlap, source, cue)',
  events: 'event triggers on WikiEvents dev',
  conflict: 'claims, speakers, stances and contradictions on Russia–Ukraine war reporting (conflict dev)',
  'check-pairs': 'the claim-check model as a grouper of conflict dev claims from two articles (same proposition? which sides?)',
  fnc1: 'stance to a claim (agree, disagree, discuss, unrelated) on the held-out bodies of FNC-1',
};

export interface Suite {
  run(args: string[]): Promise<void>;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || !(name in SUITES)) {
    console.error(`usage: npm run eval -- SUITE [args]\n\nsuites:\n${Object.entries(SUITES).map(([k, v]) => `  ${k.padEnd(12)} ${v}`).join('\n')}`);
    return 2;
  }
  let suite: Suite;
  try {
    suite = (await import(`./${name}.js`)) as Suite;
  } catch (e) {
    console.error(`eval ${name}: not available (${(e as Error).message})`);
    return 2;
  }
  await suite.run(args);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
