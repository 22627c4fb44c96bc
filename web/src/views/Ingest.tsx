import { useState } from 'preact/hooks';
import { api, type IngestResult } from '../api.js';
import { articleHref, plural } from '../format.js';

const TOKEN_KEY = 'claimtrail-token';

/** Paste an article's text or give its address: it is analysed and stored like `claimtrail analyze`. */
export function Ingest() {
  const [mode, setMode] = useState<'text' | 'url'>('text');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<IngestResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const field = (k: string) => (data.get(k) as string | null)?.trim() || undefined;
    const token = field('token') ?? '';
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const body = mode === 'text' ? { text: field('text'), title: field('title'), published: field('published'), source: field('source') } : { url: field('url') };
      setResult(await api.ingest(body, token));
    } catch (err) {
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
          {busy ? 'Analysing…' : 'Analyse and store'}
        </button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
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
