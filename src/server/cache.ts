import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/store.js';

/** Header of the server's own recomputations: they bypass the cache. */
const REVALIDATE = 'x-claimtrail-revalidate';

interface Entry {
  version: string;
  at: number;
  body: string;
  type: string;
}

/**
 * Answers of GET /api/… kept by URL, so fifty clients asking for the same entity page cost one
 * query, not fifty. The database's version is SQLite's `data_version` (it moves when another
 * connection commits: the server's writer thread, a `claimtrail analyze` run) plus this
 * process's own writes (`changed()`, which drops everything at once).
 *
 * When another process has written, a kept answer is still served while it is recomputed in
 * the background, one URL at a time, so a burst of recomputations never queues the requests
 * behind it; an answer more than `maxStaleMs` old is recomputed before it is served.
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly queued = new Set<string>();
  private running = false;
  private local = 0;
  private app: FastifyInstance | null = null;

  constructor(
    private readonly store: Store,
    private readonly maxStaleMs = 10_000,
    private readonly maxEntries = 2000,
  ) {}

  /** This process wrote (or its writer thread finished a write): nothing kept is current. */
  changed(): void {
    this.local++;
    this.entries.clear();
    this.queued.clear();
  }

  private version(): string {
    return `${this.store.sqlite.pragma('data_version', { simple: true }) as number}:${this.local}`;
  }

  /** Recompute queued URLs one after another, letting requests in between. */
  private drain(): void {
    if (this.running || !this.queued.size || !this.app) return;
    this.running = true;
    const url = this.queued.values().next().value!;
    this.queued.delete(url);
    setImmediate(() => {
      void this.app!.inject({ method: 'GET', url, headers: { [REVALIDATE]: '1' } })
        .catch(() => undefined)
        .finally(() => {
          this.running = false;
          this.drain();
        });
    });
  }

  register(app: FastifyInstance): void {
    this.app = app;
    const cacheable = (request: FastifyRequest) => request.method === 'GET' && request.url.startsWith('/api/') && !request.url.startsWith('/api/export');
    const versions = new WeakMap<FastifyRequest, string>();
    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!cacheable(request)) return;
      const version = this.version();
      versions.set(request, version);
      // The server's own recomputation (or a client asking for a fresh answer) is computed and kept.
      if (request.headers[REVALIDATE] !== undefined) return;
      const hit = this.entries.get(request.url);
      if (!hit) return;
      if (hit.version !== version) {
        if (Date.now() - hit.at >= this.maxStaleMs) return;
        this.queued.add(request.url);
        this.drain();
      }
      // Served as kept: not to be kept again under the current version (it may be stale).
      versions.delete(request);
      // Most recently used last, so the oldest go first when the cache is full.
      this.entries.delete(request.url);
      this.entries.set(request.url, hit);
      return reply.header('content-type', hit.type).send(hit.body);
    });
    app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      const version = versions.get(request);
      if (version === undefined || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
      const old = this.entries.get(request.url);
      if (old && old.version === version) return payload;
      this.entries.delete(request.url);
      this.entries.set(request.url, { version, at: Date.now(), body: payload, type: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8') });
      if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      return payload;
    });
  }
}
