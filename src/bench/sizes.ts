/**
 * `npm run bench -- --sizes [MB,MB,…] [--kinds text,html]`: analysis time against article size,
 * for plain text and for an HTML page of many short paragraphs, through the whole path of one
 * article (ingest, clean, analyse). Time per MB should stay flat: every layer is meant to be
 * near-linear in article length. The articles are built from the project's own synthetic
 * sentences (synthetic.ts), so anyone can run it without data.
 */
import { performance } from 'node:perf_hooks';
import { createPipeline } from '../annotate/index.js';
import { loadRules } from '../ingest/clean.js';
import { ingest } from '../ingest/index.js';
import { syntheticAnalyses } from './synthetic.js';

export type SizeKind = 'text' | 'html';

/** Synthetic news text of about `bytes` UTF-8 bytes: dispatches of claims and events, in paragraphs. */
export function syntheticText(bytes: number, seed = 11): string {
  const parts: string[] = [];
  let size = 0;
  for (const a of syntheticAnalyses(Number.MAX_SAFE_INTEGER, seed)) {
    parts.push(a.article.text);
    size += Buffer.byteLength(a.article.text) + 2;
    if (size >= bytes) break;
  }
  return parts.join('\n\n');
}

/** An HTML page of about `bytes` bytes whose body is one short <p> per sentence. */
export function syntheticHtml(bytes: number, seed = 11): string {
  const sentences = syntheticText(bytes * 0.85, seed).split(/(?<=\.)\s+|\n\n/).filter(Boolean);
  const body = sentences.map((s) => `<p>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Synthetic dispatches</title></head><body><article><h1>Synthetic dispatches</h1>\n${body}\n</article></body></html>`;
}

export interface SizeResult {
  kind: SizeKind;
  mb: number;
  /** CPU milliseconds of this thread (user + system) and wall milliseconds. */
  cpuMs: number;
  wallMs: number;
  words: number;
  claims: number;
}

/** Analyse one synthetic article of `mb` megabytes; resolves to its timings. */
export async function measureSize(kind: SizeKind, mb: number, pipeline: Awaited<ReturnType<typeof createPipeline>>): Promise<SizeResult> {
  const bytes = Math.round(mb * 1024 * 1024);
  const content = kind === 'text' ? syntheticText(bytes) : syntheticHtml(bytes);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let words = 0;
  let claims = 0;
  for await (const item of ingest([{ name: `synthetic-${mb}.${kind}`, content, kind }], { verbatim: false, timeoutMs: 1000, maxBytes: bytes * 2 + 1024, rules: loadRules() })) {
    if (!item.ok) throw item.error;
    const analysis = pipeline.analyze(item.article);
    words += item.article.text.split(/\s+/).filter(Boolean).length;
    claims += analysis.claims.length;
  }
  const cpu = process.cpuUsage(cpu0);
  return { kind, mb, cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - t0, words, claims };
}

export async function runSizes(sizes: readonly number[], kinds: readonly SizeKind[]): Promise<void> {
  const pipeline = await createPipeline();
  console.log('kind  MB      CPU s   wall s   CPU s/MB   words       claims   stages of the last run (wall ms)');
  for (const kind of kinds) {
    // Warm the JIT (and load the models) on a few articles of the kind first, also after the
    // largest articles of the kind before: a cold run of a small article costs several times a
    // warm one and would hide how time grows with size.
    for (let i = 0; i < 3; i++) await measureSize(kind, 0.25, pipeline);
    for (const mb of sizes) {
      // Small sizes are measured three times and the median run kept: one run is too noisy.
      const runs: SizeResult[] = [];
      for (let i = 0; i < (mb < 1 ? 3 : 1); i++) {
        for (const k of Object.keys(pipeline.timings)) delete pipeline.timings[k];
        runs.push(await measureSize(kind, mb, pipeline));
      }
      const r = runs.sort((a, b) => a.cpuMs - b.cpuMs)[runs.length >> 1]!;
      const stages = Object.entries(pipeline.timings)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(', ');
      console.log(
        `${kind.padEnd(5)} ${String(mb).padEnd(6)} ${(r.cpuMs / 1000).toFixed(2).padStart(7)} ${(r.wallMs / 1000).toFixed(2).padStart(8)} ${(r.cpuMs / 1000 / mb).toFixed(2).padStart(10)}   ${String(r.words).padEnd(11)} ${String(r.claims).padEnd(8)} ${stages}`,
      );
    }
  }
}
