/** Display helpers: dates as readers say them (src/doc/dates.ts), stances in words. */

import type { Stance } from '../../src/contract/values.js';

export { dateMiddle, formatDate } from '../../src/doc/dates.js';

export const STANCE_WORDS: Record<Stance, string> = {
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
