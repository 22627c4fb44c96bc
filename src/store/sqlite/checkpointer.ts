import type { Worker } from 'node:worker_threads';
import { builtScript } from '../../built.js';
import { startThread } from '../../threads/start-thread.js';

/**
 * Copies the write-ahead log back into the database on a thread of its own after each commit, so that a
 * writer busy with a long run of saves and refreshes (`claimtrail analyze`, a worker) does not copy it
 * itself: at the default, one commit in about ten (every 10,000 pages, store.ts) stops the writer to copy
 * and sync, about 1 s of the main thread's 10 s on the PolNeAR files (docs/quality.md). The writer's own
 * checkpoints stay on, so the log stays bounded whether or not this thread keeps up.
 */
export class Checkpointer {
  private closed = false;
  /** Settles when the thread has stopped, however it stopped. */
  private readonly exited: Promise<void>;

  private constructor(private readonly thread: Worker) {
    this.exited = new Promise((resolve) => thread.once('exit', () => resolve()));
  }

  static start(path: string): Checkpointer {
    const thread = startThread(builtScript('store/sqlite/checkpoint-thread.js', 'the checkpoint thread'), { workerData: { path } });
    // An error in the thread (it could not open the file) leaves the writer to checkpoint, as without it.
    thread.on('error', () => {});
    // It never keeps the process alive: a run that ends closes it, one that fails need not.
    thread.unref();
    return new Checkpointer(thread);
  }

  /** After a commit: copy the log back (one copy for commits that come while one runs). */
  committed(): void {
    if (!this.closed) this.thread.postMessage('commit');
  }

  /** Stop the thread, its connection closed, before the writer closes its own (which then removes the log). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Held while it stops: an unreferenced thread's exit would not keep the process waiting for it.
    this.thread.ref();
    this.thread.postMessage('close');
    await this.exited;
  }
}
