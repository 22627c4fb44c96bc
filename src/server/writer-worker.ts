/**
 * The server's writer thread (writer.ts): analyses posted articles and stores them through its
 * own connection, one job at a time, so the event loop that answers requests never waits on them.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { refreshAnalysis } from '../analysis/index.js';
import { createPipeline } from '../annotate/index.js';
import { loadRules } from '../ingest/clean.js';
import { ClaimtrailError } from '../errors.js';
import { openStore } from '../store/index.js';
import { runWrite, type Reply, type Request } from './writer.js';

const { dbPath, pipelineVersion } = workerData as { dbPath: string; pipelineVersion: string };
/** How much lower than the reads the writer thread runs (0 normal, 19 lowest). */
const WRITER_NICENESS = 10;
// Reads come first: this thread (on Linux, niceness is per thread) yields the CPU to the one
// answering requests. Where lowering it is refused, it runs at the process's priority.
try {
  setPriority(WRITER_NICENESS);
} catch {
  // not permitted here: keep the priority
}
const port = parentPort!;
const store = await openStore(dbPath, pipelineVersion);
const pipeline = await createPipeline();
const rules = loadRules();
const refresh = () => refreshAnalysis(store);

let queue: Promise<unknown> = Promise.resolve();
port.on('message', (request: Request) => {
  queue = queue.then(async () => {
    let reply: Reply;
    try {
      reply = request.kind === 'write' ? { id: request.id, ok: true, result: await runWrite(request.job, { store, pipeline, rules, refresh }) } : (await refresh(), { id: request.id, ok: true });
    } catch (e) {
      // Errors cross the thread as their kind and message: the server answers by the kind.
      reply = { id: request.id, ok: false, code: e instanceof ClaimtrailError ? e.code : 'internal', message: (e as Error).message };
    }
    port.postMessage(reply);
  });
});
