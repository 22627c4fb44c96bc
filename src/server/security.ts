import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessError } from '../errors.js';

/** Whether a listen address is reachable from this machine only. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** Host names a browser uses for a loopback server: anything else is DNS rebinding. */
function loopbackHostHeader(hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  const name = hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : hostHeader.split(':')[0]!;
  return isLoopback(name);
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Guard of the write endpoints. A configured token is always required (Authorization: Bearer …);
 * a request from another web origin is refused, so a page in the analyst's browser cannot post
 * to a local server behind their back.
 */
export function writeGuard(token: string | null) {
  return async (request: FastifyRequest): Promise<void> => {
    const origin = request.headers.origin;
    if (origin !== undefined) {
      let originHost: string | null = null;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = null;
      }
      if (originHost !== request.headers.host) throw new AccessError('forbidden', `cross-origin write refused (Origin ${origin})`);
    }
    if (token === null) return;
    const header = request.headers.authorization ?? '';
    const given = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
    if (!given) throw new AccessError('unauthorized', 'this server needs a token for writes: send "Authorization: Bearer $CLAIMTRAIL_TOKEN"');
    if (!sameToken(given, token)) throw new AccessError('forbidden', 'wrong token');
  };
}

/** Refuse requests whose Host is not a loopback name while the server listens on loopback. */
export function rebindingGuard(listenHost: string) {
  const check = isLoopback(listenHost);
  return async (request: FastifyRequest): Promise<void> => {
    if (check && !loopbackHostHeader(request.headers.host)) throw new AccessError('misdirected', `unexpected Host header "${request.headers.host ?? ''}" for a server on ${listenHost}`);
  };
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Headers of every answer; the docs page brings its own Content-Security-Policy. */
export async function securityHeaders(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('Referrer-Policy', 'no-referrer');
  reply.header('X-Frame-Options', 'DENY');
  if (!request.url.startsWith('/docs')) reply.header('Content-Security-Policy', CSP);
}
