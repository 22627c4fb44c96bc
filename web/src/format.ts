/** Display helpers: dates as the text gives them, stances in words. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A TIMEX3-style or ISO date for people: 2025-04-27 → 27 Apr 2025, 2024-10 → Oct 2024. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return 'undated';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  if (d && month) return `${Number(d)} ${month} ${y}`;
  if (month) return `${month} ${y}`;
  return value.length > 4 ? value : y!;
}

/** A sortable position in time for a TIMEX3 date prefix, or null (undated, PAST_REF …). */
export function dateValue(value: string | null | undefined): number | null {
  const m = value ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value) : null;
  if (!m) return null;
  return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
}

export const STANCE_WORDS: Record<string, string> = {
  assert: 'asserts',
  deny: 'denies',
  confirm: 'confirms',
  praise: 'praises',
  condemn: 'condemns',
  warn: 'warns',
  demand: 'demands',
  promise: 'promises',
  question: 'questions',
};

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;
}

export const entityHref = (id: string) => `/entities/${encodeURIComponent(id)}`;
export const articleHref = (id: string, claim?: string) => `/articles/${encodeURIComponent(id)}${claim ? `#${encodeURIComponent(claim)}` : ''}`;
