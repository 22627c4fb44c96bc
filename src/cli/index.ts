import { Command, CommanderError } from 'commander';
import { VERSION } from '../contract/version.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerArticles } from './commands/articles.js';
import { registerCheck } from './commands/check.js';
import { registerClaims } from './commands/claims.js';
import { registerContradictions } from './commands/contradictions.js';
import { registerDuplicates } from './commands/duplicates.js';
import { registerEntities } from './commands/entities.js';
import { registerFeeds } from './commands/feeds.js';
import { registerJobs } from './commands/jobs.js';
import { registerServe } from './commands/serve.js';
import { registerStories } from './commands/stories.js';
import { registerTimeline } from './commands/timeline.js';
import { registerWatch } from './commands/watch.js';
import { registerWorker } from './commands/worker.js';
import { exitStatus } from './errors.js';
import { err } from './shared.js';

export function buildProgram(): Command {
  const program = new Command()
    .name('claimtrail')
    .description('who claimed what, when: a sourced, time-aware ledger of claims in news about wars and geopolitics')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();
  registerAnalyze(program);
  registerArticles(program);
  registerEntities(program);
  registerClaims(program);
  registerContradictions(program);
  registerStories(program);
  registerDuplicates(program);
  registerCheck(program);
  registerTimeline(program);
  registerWatch(program);
  registerFeeds(program);
  registerServe(program);
  registerWorker(program);
  registerJobs(program);
  return program;
}

/** Run the CLI; resolves to the exit status. */
export async function main(argv: string[]): Promise<number> {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (!(e instanceof CommanderError)) err(`error: ${e instanceof Error ? e.message : String(e)}`);
    return exitStatus(e);
  }
}
