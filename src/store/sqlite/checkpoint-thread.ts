/**
 * The thread of a Checkpointer (checkpointer.ts): its own connection to the database, on which it copies the
 * write-ahead log back into the database file whenever the writer has committed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

const port = parentPort!;
const db = new SQLite((workerData as { path: string }).path, { fileMustExist: true });
let due = false;

port.on('message', (message: 'commit' | 'close') => {
  if (message === 'close') {
    db.close();
    port.close();
    return;
  }
  // Commits that came while a copy ran are taken by one copy after it.
  if (due) return;
  due = true;
  setImmediate(() => {
    due = false;
    try {
      // PASSIVE never waits for the writer or for readers; what it cannot copy yet, the next copy will.
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Not ours to report: the writer's own checkpoints stay on, and its next write meets a real fault itself.
    }
  });
});
