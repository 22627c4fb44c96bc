import { query } from '../api.js';

/** A filter form's submit: its non-empty fields become the page's query, in the browser's history. */
export function submitFilters(path: string, route: (url: string) => void) {
  return (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const params: Record<string, string> = {};
    for (const [k, v] of data.entries()) if (typeof v === 'string' && v.trim()) params[k] = v.trim();
    route(`${path}${query(params)}`);
  };
}
