import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPipeline } from '../src/annotate/index.js';
import { Doc } from '../src/doc/doc.js';
import type { Article } from '../src/doc/types.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SHARED = process.env.CLAIMTRAIL_SHARED ?? resolve(ROOT, '../shared');
export const SEED = join(SHARED, 'corpus/seed/2025-04-28-north-korea-kursk.txt');
export const SEED_GOLD = join(SHARED, 'eval/seed/gold.json');

/**
 * Whether these files of the shared evaluation data are here. A user's clone has no ../shared:
 * tests that read it are skipped (`it.skipIf(!hasShared(…))`), and test/shared-setup.ts says so once.
 */
export function hasShared(...paths: string[]): boolean {
  return paths.every((p) => existsSync(p));
}

export const HAS_SEED = hasShared(SEED, SEED_GOLD);

const TAGGING = buildPipeline({ layers: ['pos'] });

/** A Doc of the article with its tokens, sentences and word classes: what every annotator reads. */
export function tokenized(article: Article): Doc {
  return TAGGING.run(new Doc(article));
}

export function tempDir(prefix = 'claimtrail-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI (dist/, built by `npm test` before vitest starts); `node` holds flags for Node.js itself. */
export function runCli(args: string[], options: { input?: string | Buffer; env?: Record<string, string>; cwd?: string; node?: string[] } = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...(options.node ?? []), join(ROOT, 'bin/claimtrail.js'), ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** Every span of an analysis satisfies text.slice(start, end) === span.text. */
export function spansOf(value: unknown): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  const visit = (v: unknown, key: string) => {
    if (Array.isArray(v)) v.forEach((x) => visit(x, key));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (key !== 'article' && typeof o.start === 'number' && typeof o.end === 'number' && typeof o.text === 'string') out.push(o as { start: number; end: number; text: string });
      for (const [k, x] of Object.entries(o)) if (k !== 'article') visit(x, k);
    }
  };
  visit(value, '');
  return out;
}
