/**
 * One run of `npm run bench -- --refresh` (refresh.ts), in a process of its own so that V8 compiles the refresh afresh, as
 * for a user: refresh the store at the path given, from scratch, and print its times as one line of JSON (RefreshRun).
 */
import { tuneTiering } from '../tiering.js';

// As the command does (bin/claimtrail.js), before the code it tunes loads.
tuneTiering();
const [{ refreshAnalysis }, { openStore }, { pipelineVersion }] = await Promise.all([import('../analysis/index.js'), import('../store/index.js'), import('../annotate/index.js')]);
const store = await openStore(process.argv[2]!, pipelineVersion());
const cpu = process.cpuUsage();
const t0 = performance.now();
const stats = await refreshAnalysis(store);
const wallMs = performance.now() - t0;
const used = process.cpuUsage(cpu);
await store.close();
console.log(JSON.stringify({ wallMs, cpuMs: (used.user + used.system) / 1000, articles: stats.articles, propositions: stats.propositions }));
