import { useEffect, useState } from 'preact/hooks';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: Error & { status?: number } } | { state: 'done'; data: T };

/** Load data for a view; a newer load (deps changed) aborts the older one. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setResult({ state: 'loading' });
    load(controller.signal).then(
      (data) => controller.signal.aborted || setResult({ state: 'done', data }),
      (error: Error) => controller.signal.aborted || setResult({ state: 'error', error }),
    );
    return () => controller.abort();
  }, deps);
  return result;
}
