/**
 * One thread of an analysis pool (analysis-pool.ts): builds its own pipeline from the pool's options and
 * analyses the articles it is sent, one at a time, answering each with its analysis or its error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildPipeline } from '../annotate/index.js';
import type { PoolOptions, Task, TaskReply } from './analysis-pool.js';

const port = parentPort!;
const pipeline = buildPipeline(workerData as PoolOptions);

port.on('message', ({ id, article }: Task) => {
  let reply: TaskReply;
  try {
    reply = { id, ok: true, analysis: pipeline.analyze(article) };
  } catch (e) {
    reply = { id, ok: false, message: (e as Error).message ?? String(e) };
  }
  port.postMessage(reply);
});
