import { AsyncLocalStorage } from 'node:async_hooks';
import type SQLite from 'better-sqlite3';
import {
  OperationNodeTransformer,
  QueryNode,
  RawNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type SelectQueryNode,
  type UnknownRow,
} from 'kysely';

/** A read stopped because it ran past its time, or because the client that asked went away. */
export class QueryCancelled extends Error {
  constructor(readonly reason: 'timeout' | 'disconnected', ms: number) {
    super(reason === 'timeout' ? `the query ran longer than ${ms} ms and was stopped` : 'the client went away; its query was stopped');
    this.name = 'QueryCancelled';
  }
}

interface Budget {
  /** performance.now() after which the query stops. */
  deadline: number;
  ms: number;
  cancelled: boolean;
}

const budgets = new AsyncLocalStorage<Budget>();

/** The function every bounded SELECT calls per row it looks at (see DeadlinePlugin). */
const LIVE = 'claimtrail_live';

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

/**
 * Register the row check on a SQLite connection: it throws QueryCancelled inside SQLite's loop,
 * which aborts the statement, when the current request's budget is spent. Queries outside a
 * budget (the CLI, the writer) run unbounded. (PostgreSQL bounds a statement itself:
 * `SET LOCAL statement_timeout`, and `pg_cancel_backend` on disconnect.)
 */
export function installDeadline(sqlite: SQLite.Database): void {
  sqlite.function(LIVE, { deterministic: false }, () => {
    const budget = budgets.getStore();
    if (budget && (budget.cancelled || performance.now() > budget.deadline)) throw new QueryCancelled(budget.cancelled ? 'disconnected' : 'timeout', budget.ms);
    return 1;
  });
}

/** Adds the row check to the WHERE of every SELECT, subqueries included. */
class AddLiveCheck extends OperationNodeTransformer {
  protected override transformSelectQuery(node: SelectQueryNode): SelectQueryNode {
    return QueryNode.cloneWithWhere(super.transformSelectQuery(node), RawNode.createWithSql(`${LIVE}()`));
  }
}

/** A Kysely plugin that bounds reads: their SELECTs check the request's budget row by row. */
export class DeadlinePlugin implements KyselyPlugin {
  private readonly transformer = new AddLiveCheck();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node.kind === 'SelectQueryNode' ? this.transformer.transformNode(args.node) : args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
