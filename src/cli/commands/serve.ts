import type { Command } from 'commander';
import { ConflictError } from '../../errors.js';
import { redactUrl, resolveQueueUrl } from '../../queue/url.js';
import { resolveDbPath } from '../../store/index.js';
import { err, UsageError } from '../shared.js';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got "${value}"`);
  return n;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (/api, /openapi.json, /docs) and the web workbench')
    .option('--db <path>', 'database file (default: $CLAIMTRAIL_DB or ./claimtrail.db)')
    .option('--host <address>', 'address to listen on; beyond loopback, CLAIMTRAIL_TOKEN must be set', '127.0.0.1')
    .option('--port <n>', 'port (0 picks a free one)', port, 7878)
    .option('--allow-private-urls', 'let URLs posted to /api/articles reach loopback and private addresses (refused by default)')
    .option('--no-log', 'do not log (requests and errors are logged at info level by default)')
    .option('--queue <url>', 'queue posted articles for `claimtrail worker`s on this postgres:// job queue (default: $CLAIMTRAIL_QUEUE, else the database when it is on PostgreSQL)')
    .action(async (options: { db?: string; host: string; port: number; allowPrivateUrls?: boolean; log?: boolean; queue?: string }) => {
      let server;
      const db = resolveDbPath(options.db);
      const queue = resolveQueueUrl(options.queue, db);
      try {
        // The server (Fastify, the workbench) is loaded only to serve, so other commands start fast.
        const { startServer } = await import('../../server/index.js');
        server = await startServer({ queue, db, host: options.host, port: options.port, allowPrivateUrls: Boolean(options.allowPrivateUrls), logger: options.log !== false });
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        if (err.code === 'EADDRINUSE') throw new ConflictError(`port ${options.port} on ${options.host} is in use (try --port 0)`, { cause: e });
        throw e;
      }
      err(`claimtrail workbench on ${server.address} (API docs ${server.address}docs)${queue ? ` · posted articles queued on ${redactUrl(queue)}` : ''} · Ctrl-C stops`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
    });
}
