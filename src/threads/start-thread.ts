import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The flags a worker thread starts with: this process's, but not those of how it was started from a string (`node --input-type=module -e …`). */
function threadExecArgv(): string[] {
  return process.execArgv.filter((a) => !/^--(input-type|eval|print)\b|^-[ep]$/.test(a));
}

/** Flags of this process that Node refused for a thread, once found: later threads start without asking again. */
let refused: ReadonlySet<string> | null = null;

/**
 * Start a worker thread with this process's flags. Node refuses a thread some of them (`node --stack-size=2000`:
 * V8's flags and others that only a process takes); V8's flags hold for every thread of the process anyway, so the
 * thread starts without those instead of failing every task it would have run.
 */
export function startThread(script: string, options: Omit<WorkerOptions, 'execArgv'>): Worker {
  const flags = () => threadExecArgv().filter((a) => !refused?.has(a));
  try {
    return new Worker(script, { ...options, execArgv: flags() });
  } catch (e) {
    const named = refusedFlags(e);
    if (!named.length) throw e;
    refused = new Set([...(refused ?? []), ...named]);
    return new Worker(script, { ...options, execArgv: flags() });
  }
}

/** The flags Node's ERR_WORKER_INVALID_EXEC_ARGV names ("Initiated Worker with invalid execArgv flags: --a, --b"), else none. */
function refusedFlags(e: unknown): string[] {
  if ((e as { code?: unknown }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') return [];
  const list = /flags: (.*)$/.exec((e as Error).message)?.[1];
  return list ? list.split(', ').filter((f) => process.execArgv.includes(f)) : [];
}
