import type {
  Analysis,
  ArticleSummary,
  CheckAnswer,
  ClaimItem,
  Contradiction,
  DuplicateGroup,
  EntityPage,
  EntitySummary,
  EventItem,
  IngestResult,
  JobStatus,
  Page,
  Place,
  Queued,
  SearchResults,
  StoreStats,
  Story,
  TimelineClaim,
  TimelineEvent,
  TimelineItem,
  Verdict,
} from '../../src/contract/index.js';

/** The API's answers, typed by the contract (src/contract) the server's schemas are built from. */
export type { Analysis, ArticleSummary, CheckAnswer, ClaimItem, Contradiction, DuplicateGroup, EntityPage, EntitySummary, EventItem, IngestResult, JobStatus, Page, Queued, Place, SearchResults, Story, TimelineClaim, TimelineEvent, TimelineItem };
export type { Verdict as CheckVerdict, StoreStats };

/** An error answer of the API, with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Params = Record<string, string | number | undefined | null>;

export function query(params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function get<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
  const res = await fetch(`${path}${query(params)}`, { signal, headers: { accept: 'application/json' } });
  const body = (await res.json().catch(() => null)) as (T & { message?: string }) | null;
  if (!res.ok || body === null) throw new ApiError(res.status, body?.message ?? `${res.status} ${res.statusText}`);
  return body;
}

const seg = encodeURIComponent;

export const api = {
  stats: (s?: AbortSignal) => get<StoreStats>('/api/stats', {}, s),
  articles: (p: Params, s?: AbortSignal) => get<Page<ArticleSummary>>('/api/articles', p, s),
  article: (id: string, s?: AbortSignal) => get<Analysis>(`/api/articles/${seg(id)}`, {}, s),
  entities: (p: Params, s?: AbortSignal) => get<Page<EntitySummary>>('/api/entities', p, s),
  entity: (id: string, s?: AbortSignal) => get<EntityPage>(`/api/entities/${seg(id)}`, {}, s),
  claims: (p: Params, s?: AbortSignal) => get<Page<ClaimItem>>('/api/claims', p, s),
  events: (p: Params, s?: AbortSignal) => get<Page<EventItem>>('/api/events', p, s),
  places: (s?: AbortSignal) => get<Page<Place>>('/api/places', {}, s),
  search: (p: Params, s?: AbortSignal) => get<SearchResults>('/api/search', p, s),
  contradictions: (p: Params, s?: AbortSignal) => get<Page<Contradiction>>('/api/contradictions', p, s),
  contradiction: (id: string, s?: AbortSignal) => get<Contradiction>(`/api/contradictions/${seg(id)}`, {}, s),
  stories: (p: Params, s?: AbortSignal) => get<Page<Story>>('/api/stories', p, s),
  story: (id: string, s?: AbortSignal) => get<Story>(`/api/stories/${seg(id)}`, {}, s),
  timeline: (p: Params, s?: AbortSignal) => get<Page<TimelineItem>>('/api/timeline', p, s),
  duplicates: (p: Params, s?: AbortSignal) => get<Page<DuplicateGroup>>('/api/duplicates', p, s),
  check: (p: Params, s?: AbortSignal) => get<CheckAnswer>('/api/check', p, s),

  job: (statusUrl: string, s?: AbortSignal) => get<JobStatus>(statusUrl, {}, s),

  /** Stored at once (201, or 422 with the errors), or queued for workers (202) on a server with a job queue. */
  async ingest(body: { text?: string; url?: string; title?: string; published?: string; source?: string }, token: string): Promise<IngestResult | Queued> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch('/api/articles', { method: 'POST', headers, body: JSON.stringify(body) });
    const answer = (await res.json().catch(() => null)) as ((IngestResult | Queued) & { message?: string }) | null;
    if (res.status === 422 && answer) return answer;
    if (!res.ok || !answer) throw new ApiError(res.status, answer?.message ?? `${res.status} ${res.statusText}`);
    return answer;
  },
};

export function exportUrl(format: 'jsonl' | 'csv' | 'claimreview', filters: Params): string {
  return `/api/export${query({ format, ...filters })}`;
}
