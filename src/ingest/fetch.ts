import { IngestError } from './source.js';

export interface Fetched {
  body: Buffer;
  /** Lower-cased media type without parameters ("text/html"). */
  mediaType: string;
  charset: string | null;
  /** The address after redirects. */
  url: string;
}

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
}

/** GET a URL with a bounded time and size; every failure is an IngestError naming the URL. */
export async function fetchUrl(url: string, { timeoutMs, maxBytes }: FetchOptions): Promise<Fetched> {
  let response: Response;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    response = await fetch(url, {
      signal,
      redirect: 'follow',
      headers: {
        'user-agent': 'claimtrail/0.1 (+https://github.com/claimtrail/claimtrail)',
        accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
      },
    });
  } catch (e) {
    throw new IngestError(url, describeFetchError(e, timeoutMs));
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new IngestError(url, `HTTP ${response.status} ${response.statusText}`.trim());
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new IngestError(url, `response of ${formatBytes(declared)} is over the ${formatBytes(maxBytes)} limit (--max-size)`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  try {
    for (let r = await reader?.read(); r && !r.done; r = await reader!.read()) {
      size += r.value.byteLength;
      if (size > maxBytes) {
        await reader!.cancel();
        throw new IngestError(url, `response is over the ${formatBytes(maxBytes)} limit (--max-size)`);
      }
      chunks.push(Buffer.from(r.value));
    }
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw new IngestError(url, describeFetchError(e, timeoutMs));
  }
  const type = response.headers.get('content-type') ?? '';
  const [mediaType = '', ...params] = type.split(';').map((s) => s.trim());
  const charset = params.find((p) => p.toLowerCase().startsWith('charset='))?.slice(8).replace(/"/g, '') ?? null;
  return { body: Buffer.concat(chunks), mediaType: mediaType.toLowerCase(), charset, url: response.url || url };
}

function describeFetchError(e: unknown, timeoutMs: number): string {
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
