import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { Evidence } from '../../check/index.js';
import type { CheckAnswer, Verdict } from '../../check/store.js';
import { CHECK_SIDES } from '../../contract/values.js';
import { quoted, stanceLabel } from '../../doc/display.js';
import { clip } from '../digest.js';
import { ClaimtrailError, InputError } from '../../errors.js';
import { datePrefix, openStore, out, positiveNumber, UsageError } from '../shared.js';

interface Options {
  db?: string;
  from?: string;
  to?: string;
  candidates?: number;
  pairs?: string;
  json?: boolean;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('check a claim against the store: which sources hold it true, deny it or only report it, with evidence, and its story over time')
    .argument('[claim]', 'the claim, one sentence or a yes–no question ("Are North Korean troops fighting in Kursk?")')
    .option('--db <path>', 'database file (default: $CLAIMTRAIL_DB or ./claimtrail.db)')
    .option('--from <date>', 'only articles published on or after this date', datePrefix('--from'))
    .option('--to <date>', 'only articles published on or before this date', datePrefix('--to'))
    .option('--candidates <n>', 'articles each search brings at most (full text, entities)', positiveNumber('--candidates'), 100)
    .option('--pairs <file>', 'judge JSON lines {id, claim, text} instead; prints {id, stance, score, evidence} per line')
    .option('--json', 'one JSON object: {claim, statement, agree, disagree, discuss, story, searched}')
    .action(async (claim: string | undefined, options: Options) => {
      if (options.pairs !== undefined) {
        if (claim !== undefined) throw new UsageError('give a claim or --pairs FILE, not both');
        process.exitCode = await judgePairs(options.pairs);
        return;
      }
      if (!claim?.trim()) throw new UsageError('give the claim to check, e.g. claimtrail check "North Korean troops are fighting in Kursk"');
      const store = await openStore(options.db);
      try {
        // The checker (the pipeline, its models) loads only when a claim is checked: every command starts faster.
        const [{ ClaimChecker }, { checkClaim }] = await Promise.all([import('../../check/index.js'), import('../../check/store.js')]);
        const checker = await ClaimChecker.create();
        const answer = await checkClaim(store, checker, claim.trim(), { from: options.from, to: options.to, candidates: options.candidates });
        out(options.json ? JSON.stringify(answer) : readable(answer));
        if (!options.json) process.stderr.write(`${answer.searched} articles read · ${answer.story.length} sides taken · ${store.path}\n`);
      } finally {
        await store.close();
      }
    });
}

const LABEL = { agree: 'hold it true', disagree: 'deny it', discuss: 'only report it' } as const;
/** Verdicts shown per side; --json has them all. */
const SHOWN = 8;

function readable(a: CheckAnswer): string {
  const lines = [`claim: ${quoted(a.claim)}`];
  if (a.statement !== a.claim) lines.push(`read as: ${quoted(a.statement)}`);
  for (const side of CHECK_SIDES) {
    const vs = a[side];
    lines.push('', `${side} — ${LABEL[side]} (${vs.length})`);
    for (const v of vs.slice(0, SHOWN)) lines.push(...verdictLines(v));
    if (vs.length > SHOWN) lines.push(`  … and ${vs.length - SHOWN} more (--json for all)`);
  }
  lines.push('', 'story');
  if (!a.story.length) lines.push('  no stored source takes a side');
  for (const s of a.story) lines.push(`  ${(s.date ?? 'undated').padEnd(10)}  ${s.stance.padEnd(8)}  ${s.speaker ?? `${s.source ?? 'the article'} (own voice)`}: ${quoted(clip(s.sentence, 110))}`);
  return lines.join('\n');
}

function verdictLines(v: Verdict): string[] {
  const who = v.claim ? `${v.speaker ?? 'unattributed'} [${stanceLabel(v.claim)}]` : `${v.source ?? 'the article'} (own voice)`;
  const e = v.evidence;
  return [
    `  ${(v.date ?? 'undated').padEnd(10)}  ${who} · ${v.source ?? '—'} · ${v.article.slice(0, 8)} ${clip(v.title ?? '', 60)}  (${v.score.toFixed(2)})`,
    `      ${quoted(clip(e.sentence.text, 150))}${e.cues.length ? `  [${e.cues.join(', ')}]` : ''}`,
  ];
}

interface PairLine {
  id: string | number;
  claim: string;
  text: string;
}

/** Reads JSON lines {id, claim, text}; a bad line is reported as FILE:LINE and the rest go on. Resolves to the exit status. */
async function judgePairs(file: string): Promise<number> {
  const { ClaimChecker } = await import('../../check/index.js');
  const checker = await ClaimChecker.create();
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let n = 0;
  let failed = 0;
  try {
    for await (const line of lines) {
      n++;
      if (!line.trim()) continue;
      let pair: PairLine;
      try {
        pair = parsePair(line, `${file}:${n}`);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        failed++;
        process.stderr.write(`error: ${e.message}\n`);
        continue;
      }
      const r = checker.judge(pair.claim, pair.text);
      out(JSON.stringify({ id: pair.id, stance: r.stance, score: round(r.score), evidence: r.evidence.map(compact) }));
    }
  } catch (e) {
    // Only the file's own read errors name the file; anything else is not the input's fault.
    if (e instanceof ClaimtrailError || typeof (e as NodeJS.ErrnoException).code !== 'string') throw e;
    throw new InputError(file, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message, { cause: e });
  }
  return failed ? 1 : 0;
}

/** One line of a pairs file; `where` (FILE:LINE) names it in the error. */
function parsePair(line: string, where: string): PairLine {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (e) {
    throw new InputError(where, 'not JSON', { cause: e });
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new InputError(where, 'not a JSON object');
  const { id, claim, text } = v as Record<string, unknown>;
  if (typeof id !== 'string' && typeof id !== 'number') throw new InputError(where, '"id" must be a string or a number');
  if (typeof claim !== 'string' || !claim.trim()) throw new InputError(where, '"claim" must be a non-empty string');
  if (typeof text !== 'string') throw new InputError(where, '"text" must be a string');
  return { id, claim, text };
}

function compact(e: Evidence) {
  return { sentence: e.sentence, cover: round(e.cover), cues: e.cues, claims: e.claims.map((c) => ({ speaker: c.speaker, cue: c.cue, stance: c.stance, negated: c.negated, content: c.content })) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
