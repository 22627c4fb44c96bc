/** One line, once per run, when the tests that need PostgreSQL (store, queue, workers) are skipped (a user's clone has no server). */
export default function setup(): void {
  if (process.env.CLAIMTRAIL_TEST_PG) return;
  process.stdout.write('\nskipping the tests that need PostgreSQL (its store, the job queue, workers, watch --queue): CLAIMTRAIL_TEST_PG is not set (e.g. postgres://user:password@127.0.0.1:5432/db; .ci/run sets it)\n\n');
}
