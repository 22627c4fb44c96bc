/** One line, once per run, when the PostgreSQL store's tests are skipped (a user's clone has no server). */
export default function setup(): void {
  if (process.env.CLAIMTRAIL_TEST_PG) return;
  process.stdout.write('\nskipping the PostgreSQL store tests: CLAIMTRAIL_TEST_PG is not set (e.g. postgres://user:password@127.0.0.1:5432/db; .ci/run sets it)\n\n');
}
