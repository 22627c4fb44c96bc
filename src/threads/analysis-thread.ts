/**
 * One thread of an analysis pool (analysis-pool.ts): builds its own pipeline from the pool's options and
 * analyses the articles it is sent, one at a time, answering each with its analysis or its error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildPipeline } from '../annotate/index.js';
import type { Article } from '../doc/types.js';
import type { PoolOptions, Task, TaskReply } from './analysis-pool.js';

/**
 * Analysed as soon as the thread starts, so that every component loads its data (the gazetteer, the models) before
 * the first article comes rather than on it: on a pool warmed at the start of a run (AnalysisPool.warm), while the
 * main thread still opens the store and reads the inputs.
 */
const WARM_UP: Article = {
  id: 'warm-up',
  title: null,
  published: '2026-01-05',
  source: null,
  url: null,
  language: 'en',
  ref: null,
  text: 'The ministry said on Monday that its air defences had shot down 12 drones near the capital overnight, which the other side denied.',
};

const port = parentPort!;
const pipeline = buildPipeline(workerData as PoolOptions);
try {
  pipeline.analyze(WARM_UP);
} catch {
  // The first article meets the same error and answers with it.
}

port.on('message', ({ id, article }: Task) => {
  let reply: TaskReply;
  try {
    reply = { id, ok: true, analysis: pipeline.analyze(article) };
  } catch (e) {
    reply = { id, ok: false, message: (e as Error).message ?? String(e) };
  }
  port.postMessage(reply);
});
