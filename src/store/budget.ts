import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * How long the reads of one request may run. The server gives each request a budget; a store
 * that bounds its reads (openStore's boundedReads) stops a query when the budget of the request
 * it runs for is spent or the client has gone, with CancelledError. Writes run outside any budget.
 */
export interface Budget {
  /** performance.now() after which the request's queries stop. */
  readonly deadline: number;
  readonly ms: number;
  cancelled: boolean;
}

const budgets = new AsyncLocalStorage<Budget>();

/**
 * Give the reads of the current request (this async context and what follows from it) `ms`
 * milliseconds; `cancel()` stops them at once (the client disconnected).
 */
export function enterBudget(ms: number): { cancel(): void } {
  const budget: Budget = { deadline: performance.now() + ms, ms, cancelled: false };
  budgets.enterWith(budget);
  return {
    cancel() {
      budget.cancelled = true;
    },
  };
}

/** Run `fn` outside any request's budget: writes are never cut short. */
export function unbounded<T>(fn: () => Promise<T>): Promise<T> {
  return budgets.exit(fn);
}

/** The budget of the request the caller runs for, if any. */
export function currentBudget(): Budget | undefined {
  return budgets.getStore();
}
