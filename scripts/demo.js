#!/usr/bin/env node
// `npm run demo`: analyse the example articles into the embedded database, print what claimtrail
// found in and across them, then serve the workbench on that database. `--no-serve` stops after
// printing (for scripts); PORT picks the port (default 7878, or a free one when it is taken).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../bin/claimtrail.js', import.meta.url));
const db = process.env.CLAIMTRAIL_DB ?? 'claimtrail.db';
const serve = !process.argv.includes('--no-serve');

if (!existsSync(new URL('../dist/cli/index.js', import.meta.url))) {
  console.error('claimtrail is not built yet: run `npm ci` (or `npm run build`) first.');
  process.exit(1);
}

function claimtrail(title, args) {
  console.log(`\n━━ ${title}\n$ claimtrail ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, [cli, ...args, '--db', db], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`claimtrail ${args[0]} failed (exit status ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

claimtrail('Analysing the example articles (see examples/README.md: written for the demo, fictional outlets, real events)', ['analyze', 'examples/articles']);
claimtrail('Contradictions across the articles', ['contradictions', '--limit', '5']);
claimtrail('Claim stories, in the order the claims were made', ['stories', '--limit', '5']);
claimtrail('The actors most spoken of (outlets and platforms left out)', ['entities', '--actors', '--limit', '10']);

if (serve) {
  const { startServer } = await import('../dist/server/index.js');
  const port = Number(process.env.PORT ?? 7878);
  let server;
  try {
    server = await startServer({ db, port });
  } catch (e) {
    if (e?.code !== 'EADDRINUSE') throw e;
    server = await startServer({ db, port: 0 });
  }
  console.log(`\n━━ The workbench is serving ${db} at ${server.address}  (API docs at ${server.address}docs; Ctrl-C stops it)`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
