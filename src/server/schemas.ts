import { Analysis, ArticleSummary, ClaimItem, EntitySummary, ErrorReply, EventItem, JobStatus } from '../contract/index.js';

/**
 * The contract's schemas with an $id: added to the server once, referenced by name from the
 * routes' schemas, and listed as components of /openapi.json.
 */
export const SHARED_SCHEMAS = [ErrorReply, ClaimItem, EntitySummary, ArticleSummary, EventItem, Analysis, JobStatus];

/** Query strings name only the parameters a route knows. */
export const strict = { additionalProperties: false } as const;
