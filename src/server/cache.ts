import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/index.js';

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
 * query, not fifty. The database's version is the store's dataVersion() (it moves when another
 * connection commits: the server's writer thread, a `claimtrail analyze` run) plus this
 * process's own writes (`changed()`, which drops everything at once).
 *
 * When another process has written, a kept answer is still served while it is recomputed in
 * the background, one URL at a time, so a burst of recomputations never queues the requests
 * behind it, and each at most once every `refreshMs` while writes go on (else the event loop
 * would spend itself recomputing); an answer more than `maxStaleMs` old is recomputed before it
 * is served. Requests
 * that find no answer for a URL whose answer is being computed wait for that one.
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly queued = new Set<string>();
  /** URLs whose answer a request is computing, and what it will be (null: none to keep). */
  private readonly computing = new Map<string, { done: Promise<Entry | null>; resolve: (e: Entry | null) => void }>();
  private running = false;
  private local = 0;
  private app: FastifyInstance | null = null;

  constructor(
    private readonly store: Store,
    private readonly maxStaleMs = 10_000,
    private readonly refreshMs = 1000,
    private readonly maxEntries = 2000,
  ) {}

  /**
   * This process wrote (or its writer thread finished a write): nothing kept is current. With
   * `stale`, kept answers are served while they are recomputed, as after another process's
   * write; else they are dropped and the next reads see the write.
   */
  changed(options: { stale?: boolean } = {}): void {
    this.local++;
    if (options.stale) return;
    this.entries.clear();
    this.queued.clear();
  }

  private async version(): Promise<string> {
    return `${await this.store.dataVersion()}:${this.local}`;
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
    const cacheable = (request: FastifyRequest) => request.method === 'GET' && request.url.startsWith('/api/') && !request.url.startsWith('/api/export') && !request.url.startsWith('/api/jobs/');
    const versions = new WeakMap<FastifyRequest, string>();
    /** Requests computing an answer others wait for. */
    const computers = new WeakSet<FastifyRequest>();
    const settle = (request: FastifyRequest, entry: Entry | null) => {
      if (!computers.has(request)) return;
      computers.delete(request);
      this.computing.get(request.url)?.resolve(entry);
      this.computing.delete(request.url);
    };
    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!cacheable(request)) return;
      const version = await this.version();
      versions.set(request, version);
      // The server's own recomputation (or a client asking for a fresh answer) is computed and kept.
      if (request.headers[REVALIDATE] !== undefined) return;
      let hit = this.entries.get(request.url);
      if (!hit || (hit.version !== version && Date.now() - hit.at >= this.maxStaleMs)) {
        const pending = this.computing.get(request.url);
        hit = pending ? ((await pending.done) ?? undefined) : undefined;
        if (!hit) {
          let resolve: (e: Entry | null) => void = () => undefined;
          const done = new Promise<Entry | null>((r) => (resolve = r));
          if (!this.computing.has(request.url)) {
            this.computing.set(request.url, { done, resolve });
            computers.add(request);
          }
          return;
        }
      } else if (hit.version !== version && Date.now() - hit.at >= this.refreshMs) {
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
      if (version === undefined || reply.statusCode !== 200 || typeof payload !== 'string') {
        settle(request, null);
        return payload;
      }
      const old = this.entries.get(request.url);
      const entry = old && old.version === version ? old : { version, at: Date.now(), body: payload, type: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8') };
      if (entry !== old) {
        this.entries.delete(request.url);
        this.entries.set(request.url, entry);
        if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      }
      settle(request, entry);
      return payload;
    });
    // A request that ends without an answer to keep (an error, a client gone) releases its waiters.
    app.addHook('onResponse', async (request: FastifyRequest) => settle(request, null));
    app.addHook('onRequestAbort', async (request: FastifyRequest) => settle(request, null));
  }
}
