import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorReply } from '../contract/index.js';
import { ClaimtrailError, type ErrorCode } from '../errors.js';

/** The HTTP status of each kind of error (src/errors.ts): the one place the server maps them. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  usage: 400,
  input: 422,
  not_found: 404,
  ambiguous: 400,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  misdirected: 421,
  busy: 503,
  unwritable: 503,
  cancelled: 503,
  unavailable: 503,
  internal: 500,
};

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  421: 'Misdirected Request',
  422: 'Unprocessable Entity',
  503: 'Service Unavailable',
};

export function httpReason(status: number): string {
  return REASONS[status] ?? (status >= 500 ? 'Internal Server Error' : 'Error');
}

/**
 * Every error answer: claimtrail's errors by their kind, with their message and code; Fastify's
 * own (validation, body limits) with their status; anything else is a bug, logged and answered
 * without its details.
 */
export function sendError(error: FastifyError | ClaimtrailError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const ours = error instanceof ClaimtrailError ? error : null;
  const status = ours ? HTTP_STATUS[ours.code] : ((error as FastifyError).statusCode ?? 500);
  if (status >= 500) request.log.error(error);
  const body: ErrorReply = { error: httpReason(status), ...(ours ? { code: ours.code } : {}), message: ours || status < 500 ? error.message : 'internal error', statusCode: status };
  return reply.code(status).send(body);
}
