import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type IngestResult, type JobStatus } from '../api.js';
import { articleHref, plural } from '../format.js';
import { followJob, jobLine } from '../jobs.js';

/** How often a queued job's status is asked for. */
const POLL_MS = 1000;

const TOKEN_KEY = 'claimtrail-token';

/** Paste an article's text or give its address: it is analysed and stored like `claimtrail analyze`. */
export function Ingest() {
  const [mode, setMode] = useState<'text' | 'url'>('text');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<IngestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  // On a server with a job queue: the jobs posted, as last polled.
  const [jobs, setJobs] = useState<JobStatus[]>([]);
  const following = useRef<AbortController | null>(null);
  useEffect(() => () => following.current?.abort(), []);

  const submit = async (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const field = (k: string) => (data.get(k) as string | null)?.trim() || undefined;
    const token = field('token') ?? '';
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    setBusy(true);
    setError(null);
    setResult(null);
    setJobs([]);
    following.current?.abort();
    try {
      const body = mode === 'text' ? { text: field('text'), title: field('title'), published: field('published'), source: field('source') } : { url: field('url') };
      const answer = await api.ingest(body, token);
      if (!('jobs' in answer)) {
        setResult(answer);
        return;
      }
      // Queued for workers: follow each job until it is done or failed.
      const control = new AbortController();
      following.current = control;
      await Promise.all(
        answer.jobs.map((queued, i) =>
          followJob((s) => api.job(queued.status, s), (job) => setJobs((all) => Object.assign([...all], { [i]: job })), { intervalMs: POLL_MS, signal: control.signal }),
        ),
      );
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="ingest">
      <h1>Add articles</h1>
      <div class="tabs" role="tablist">
        <button role="tab" aria-selected={mode === 'text'} class={mode === 'text' ? 'active' : ''} onClick={() => setMode('text')}>
          Paste text
        </button>
        <button role="tab" aria-selected={mode === 'url'} class={mode === 'url' ? 'active' : ''} onClick={() => setMode('url')}>
          From a URL
        </button>
      </div>
      <form onSubmit={submit} class="ingest-form">
        {mode === 'text' ? (
          <>
            <label>
              Title <input name="title" placeholder="(the first line when empty)" />
            </label>
            <label>
              Published <input name="published" placeholder="YYYY-MM-DD" pattern="\d{4}-\d{2}-\d{2}.*" />
            </label>
            <label>
              Source <input name="source" placeholder="outlet" />
            </label>
            <label>
              Text <textarea name="text" rows={14} required placeholder="Paste the article here" />
            </label>
          </>
        ) : (
          <label>
            Address <input name="url" type="url" required placeholder="https://…" pattern="https?://.+" />
          </label>
        )}
        <label>
          Token <input name="token" type="password" autocomplete="off" defaultValue={sessionStorage.getItem(TOKEN_KEY) ?? ''} placeholder="only when the server asks for one" />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? (jobs.length ? 'Queued…' : 'Analysing…') : 'Analyse and store'}
        </button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {jobs.length > 0 && (
        <div class="ingest-result" role="status">
          {jobs.map((job) => (
            <div key={job.id}>
              <p class={job.state === 'failed' ? 'error' : ''}>{jobLine(job)}</p>
              {job.articles.map((a) => (
                <p key={a.id}>
                  {a.status === 'duplicate' ? 'Already stored: ' : 'Stored: '}
                  <a href={articleHref(a.id)}>{a.title ?? a.id}</a> — {plural(a.claims, 'claim')}, {plural(a.entities, 'entity', 'entities')}, {plural(a.events, 'event')}
                </p>
              ))}
            </div>
          ))}
        </div>
      )}
      {result && (
        <div class="ingest-result" role="status">
          {result.items.map((a) => (
            <p key={a.id}>
              {a.status === 'duplicate' ? 'Already stored: ' : 'Stored: '}
              <a href={articleHref(a.id)}>{a.title ?? a.id}</a> — {plural(a.claims, 'claim')}, {plural(a.entities, 'entity', 'entities')}, {plural(a.events, 'event')}
            </p>
          ))}
          {result.errors.map((x, i) => (
            <p key={i} class="error">
              {x.message}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}
