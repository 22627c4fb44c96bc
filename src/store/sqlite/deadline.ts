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
import { CancelledError } from '../../errors.js';
import { currentBudget } from '../budget.js';

/** The function every bounded SELECT calls per row it looks at (see DeadlinePlugin). */
const LIVE = 'claimtrail_live';

/**
 * Register the row check on a SQLite connection: it throws CancelledError inside SQLite's loop,
 * which aborts the statement, when the current request's budget is spent. Queries outside a
 * budget (the CLI, the writer) run unbounded. (PostgreSQL bounds a statement itself:
 * `SET LOCAL statement_timeout`, and `pg_cancel_backend` on disconnect.)
 */
export function installDeadline(sqlite: SQLite.Database): void {
  sqlite.function(LIVE, { deterministic: false }, () => {
    const budget = currentBudget();
    if (budget && (budget.cancelled || performance.now() > budget.deadline)) throw new CancelledError(budget.cancelled ? 'disconnected' : 'timeout', budget.ms);
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
