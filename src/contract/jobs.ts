import { Type, type Static } from 'typebox';
import { JOB_STATES } from './values.js';
import { Nullable, OneOf } from './kit.js';
import { StoredItem } from './write.js';

/** Jobs of the analyze queue (src/queue), as GET /api/jobs/:id and `claimtrail jobs` show them. */

export const JobStatus = Type.Object(
  {
    id: Type.String({ description: 'the job id' }),
    state: OneOf(JOB_STATES, { description: 'waiting (also between retries), active, failed or done' }),
    input: Type.String({ description: 'what the job reads: a URL, or the name of the content posted' }),
    attempts: Type.Integer({ description: 'attempts started so far' }),
    maxAttempts: Type.Integer({ description: 'attempts allowed before the job fails' }),
    error: Nullable(Type.String(), { description: 'why the last attempt failed, null when none did' }),
    articles: Type.Array(StoredItem, { description: 'the articles stored (when done)' }),
    created: Type.String({ description: 'when the job was queued, ISO 8601' }),
    finished: Nullable(Type.String(), { description: 'when it was done or failed for good, ISO 8601' }),
  },
  { $id: 'Job' },
);
export type JobStatus = Static<typeof JobStatus>;

export const QueuedJob = Type.Object({ id: Type.String(), status: Type.String({ description: 'the URL to poll: GET /api/jobs/{id}' }) });
export type QueuedJob = Static<typeof QueuedJob>;

/** What POST /api/articles answers when the server queues its work (202). */
export const Queued = Type.Object({ jobs: Type.Array(QueuedJob) });
export type Queued = Static<typeof Queued>;
