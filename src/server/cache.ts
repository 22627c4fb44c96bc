import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/store.js';

/**
 * Answers of GET /api/… kept by URL while the database is unchanged, so fifty clients asking for
 * the same entity page cost one query, not fifty. The database's version is SQLite's
 * `data_version` (it moves when another connection commits: the server's writer thread, a
 * `claimtrail analyze` run) plus this process's own writes (`changed()`).
 *
 * While other processes write continuously, an answer is recomputed at most once per
 * `staleMs`: a read may then be up to that old. Writes through this server are seen at once.
 */
export class ReadCache {
  private readonly entries = new Map<string, { version: string; at: number; body: string; type: string }>();
  private local = 0;

  constructor(
    private readonly store: Store,
    private readonly staleMs = 1000,
    private readonly maxEntries = 2000,
  ) {}

  /** This process wrote (or its writer thread finished a write): nothing cached is current. */
  changed(): void {
    this.local++;
    this.entries.clear();
  }

  private version(): string {
    return `${this.store.sqlite.pragma('data_version', { simple: true }) as number}:${this.local}`;
  }

  register(app: FastifyInstance): void {
    const cacheable = (request: FastifyRequest) => request.method === 'GET' && request.url.startsWith('/api/') && !request.url.startsWith('/api/export');
    const versions = new WeakMap<FastifyRequest, string>();
    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!cacheable(request)) return;
      const version = this.version();
      versions.set(request, version);
      const hit = this.entries.get(request.url);
      if (!hit || (hit.version !== version && Date.now() - hit.at >= this.staleMs)) return;
      // Most recently used last, so the oldest go first when the cache is full.
      this.entries.delete(request.url);
      this.entries.set(request.url, hit);
      return reply.header('content-type', hit.type).send(hit.body);
    });
    app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      const version = versions.get(request);
      if (version === undefined || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
      if (this.entries.has(request.url) && this.entries.get(request.url)!.version === version) return payload;
      this.entries.set(request.url, { version, at: Date.now(), body: payload, type: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8') });
      if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      return payload;
    });
  }
}
