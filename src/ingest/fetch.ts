import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import type { Agent, Response } from 'undici';
import { HttpStatusError, InputError } from '../errors.js';

export interface Fetched {
  body: Buffer;
  /** Lower-cased media type without parameters ("text/html"). */
  mediaType: string;
  charset: string | null;
  /** The address after redirects. */
  url: string;
  /** The validators to send on the next conditional GET (ETag, Last-Modified), when the server gave them. */
  etag: string | null;
  lastModified: string | null;
}

/** What a conditional GET sends: the validators of the copy already read. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  /**
   * Fetch public addresses only: refuse a host that is, or resolves to, a loopback, private,
   * link-local or otherwise non-public address, after every redirect too. A server fetching URLs
   * its clients send sets this, so they cannot reach the services behind it.
   */
  publicOnly?: boolean;
  /** Stops the request (a watcher shutting down); the error then says it was stopped. */
  signal?: AbortSignal;
}

const MAX_REDIRECTS = 5;
const HEADERS = {
  'user-agent': 'claimtrail/0.1 (+https://github.com/claimtrail/claimtrail)',
  accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
};

/** Address ranges that are not the public internet (IANA special-purpose registries). */
const NON_PUBLIC = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 3],
] as const) NON_PUBLIC.addSubnet(net, bits, 'ipv4');
// BlockList matches IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) against the IPv4 ranges itself;
// NAT64 addresses (64:ff9b::/96) are refused whole rather than unpacked.
for (const [net, bits] of [['::', 127], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) {
  NON_PUBLIC.addSubnet(net, bits, 'ipv6');
}

/** Whether an IP address is outside the public internet (loopback, private, link-local …). */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && NON_PUBLIC.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The connection's own DNS lookup, refusing non-public answers: checked where the socket
 * connects, so a name that resolves differently on a second lookup (DNS rebinding) cannot slip by.
 */
export function publicLookup(hostname: string, options: LookupOptions, callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void): void {
  lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const blocked = addresses.find((a) => isNonPublicAddress(a.address));
    // Handed to the HTTP client, which fails the request; describeFetchError words it for the InputError the caller raises.
    if (blocked) return callback(new Error(`${hostname} resolves to the non-public address ${blocked.address}`), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

let publicAgent: Agent | null = null;

/** GET a URL with a bounded time and size; every failure is an InputError naming the URL (HttpStatusError for an HTTP error status). */
export async function fetchUrl(url: string, options: FetchOptions): Promise<Fetched> {
  const { response, at } = await request(url, {}, options);
  return readBody(url, at, response, options);
}

/**
 * A conditional GET (If-None-Match, If-Modified-Since) with fetchUrl's bounds: null when the
 * server answers 304 Not Modified — nothing is read — else the new copy with its validators.
 */
export async function fetchIfModified(url: string, validators: Validators, options: FetchOptions): Promise<Fetched | null> {
  const conditions: Record<string, string> = {};
  if (validators.etag) conditions['if-none-match'] = validators.etag;
  if (validators.lastModified) conditions['if-modified-since'] = validators.lastModified;
  const { response, at } = await request(url, conditions, options);
  if (response.status === 304) {
    await response.body?.cancel();
    return null;
  }
  return readBody(url, at, response, options);
}

/** The response to a GET after its redirects (each hop's address checked when publicOnly) and its address, or an InputError. */
async function request(url: string, headers: Record<string, string>, { timeoutMs, publicOnly = false, signal: stop }: FetchOptions): Promise<{ response: Response; at: string }> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = stop ? AbortSignal.any([timeout, stop]) : timeout;
  // Loaded when first needed: most runs read files and never fetch, and undici takes ~0.1 s to load.
  const { Agent, fetch } = await import('undici');
  const dispatcher = publicOnly ? (publicAgent ??= new Agent({ connect: { lookup: publicLookup } })) : undefined;
  let response: Response;
  let at = url;
  // Redirects are followed here, not by fetch, so each hop's address is checked.
  for (let hops = 0; ; hops++) {
    if (publicOnly) refuseNonPublicHost(url, at);
    try {
      response = await fetch(at, { signal, redirect: 'manual', headers: { ...HEADERS, ...headers }, dispatcher });
    } catch (e) {
      throw new InputError(url, describeFetchError(e, timeoutMs, stop));
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status > 399 || !location) break;
    await response.body?.cancel();
    if (hops === MAX_REDIRECTS) throw new InputError(url, `more than ${MAX_REDIRECTS} redirects`);
    at = new URL(location, at).href;
    if (!/^https?:$/.test(new URL(at).protocol)) throw new InputError(url, `redirected to ${at}, which is not http(s)`);
  }
  if (!response.ok && response.status !== 304) {
    await response.body?.cancel();
    throw new HttpStatusError(url, response.status, response.statusText, retryAfter(response.headers.get('retry-after')));
  }
  return { response, at };
}

async function readBody(url: string, at: string, response: Response, { timeoutMs, maxBytes, signal: stop }: FetchOptions): Promise<Fetched> {
  if (response.status === 304) {
    await response.body?.cancel();
    throw new HttpStatusError(url, 304, 'Not Modified (to a request that was not conditional)');
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new InputError(url, `response of ${formatBytes(declared)} is over the ${formatBytes(maxBytes)} limit (--max-size)`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  try {
    for (let r = await reader?.read(); r && !r.done; r = await reader!.read()) {
      size += r.value.byteLength;
      if (size > maxBytes) {
        await reader!.cancel();
        throw new InputError(url, `response is over the ${formatBytes(maxBytes)} limit (--max-size)`);
      }
      chunks.push(Buffer.from(r.value));
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(url, describeFetchError(e, timeoutMs, stop));
  }
  const type = response.headers.get('content-type') ?? '';
  const [mediaType = '', ...params] = type.split(';').map((s) => s.trim());
  const charset = params.find((p) => p.toLowerCase().startsWith('charset='))?.slice(8).replace(/"/g, '') ?? null;
  return {
    body: Buffer.concat(chunks),
    mediaType: mediaType.toLowerCase(),
    charset,
    url: at,
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
  };
}

/** Retry-After as seconds from now: a number of seconds or an HTTP date; null when absent or unreadable. */
function retryAfter(value: string | null): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - Date.now()) / 1000));
}

/** A host written as an IP address connects without a lookup: check it here. */
function refuseNonPublicHost(origin: string, at: string): void {
  const host = new URL(at).hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (isNonPublicAddress(host) || host === 'localhost' || host.endsWith('.localhost')) {
    throw new InputError(origin, `refused to fetch ${at}: ${host} is not a public address`);
  }
}

function describeFetchError(e: unknown, timeoutMs: number, stop: AbortSignal | undefined): string {
  if (stop?.aborted) return 'stopped before the answer came';
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s (--timeout)`;
  const cause = err.cause?.code ?? err.cause?.message;
  return `could not fetch (${cause ?? err.message ?? String(e)})`;
}

export function formatBytes(n: number): string {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MB`;
  if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(1)} kB`;
  return `${n} bytes`;
}
