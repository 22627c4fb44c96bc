import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import madge from 'madge';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** The seams of docs/architecture.md, checked on the source so a change that crosses one fails here. */

const SRC = join(ROOT, 'src');

/** Files allowed past MAX_LINES, each with why splitting it would not help a reader. */
const LONG_FILES: ReadonlyMap<string, string> = new Map([
  ['annotate/entities/gazetteer.ts', 'one data structure (the gazetteer trie, its source rows and its compiled form) whose reader and writer must change together'],
]);
const MAX_LINES = 500;

/** Node modules only the store may import: the database drivers and the query builder. */
const DRIVERS = ['better-sqlite3', 'pg', 'pg-boss', 'kysely'];
/** SQL written out: Kysely's sql`…` tag, or a string that opens with a statement ("select … from", "create table"). */
const SQL = /\bsql`|['"`]\s*(?:select|insert|update|delete|create|alter|drop|pragma)\s[^'"`]*?\b(?:from|into|set|table|index|view|trigger)\b/i;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? sources(path) : e.name.endsWith('.ts') ? [relative(SRC, path)] : [];
  });
}

const files = sources(SRC);
const outsideStore = files.filter((f) => !f.startsWith('store/'));
const text = (f: string) => readFileSync(join(SRC, f), 'utf8');

describe('architecture', () => {
  it('has no import cycle', async () => {
    // Type-only imports are left out: they vanish in the build, so they cannot form a load-order cycle.
    const graph = await madge(SRC, { fileExtensions: ['ts'], tsConfig: join(ROOT, 'tsconfig.json'), detectiveOptions: { ts: { skipTypeImports: true } } });
    // The graph must be the source's, or an empty one would pass.
    expect(Object.keys(graph.obj()).length).toBe(files.length);
    expect(graph.circular()).toEqual([]);
  }, 120_000);

  it('keeps database drivers and SQL inside src/store', () => {
    const drivers = new RegExp(`from '(?:${DRIVERS.join('|')})(?:/[^']*)?'|import\\('(?:${DRIVERS.join('|')})'\\)`);
    expect(outsideStore.filter((f) => drivers.test(text(f)))).toEqual([]);
    expect(outsideStore.filter((f) => SQL.test(text(f)))).toEqual([]);
    // The checks find what they look for: the store itself holds both.
    expect(files.some((f) => f.startsWith('store/') && drivers.test(text(f)))).toBe(true);
    expect(files.some((f) => f.startsWith('store/') && SQL.test(text(f)))).toBe(true);
  });

  it(`has no source file over ${MAX_LINES} lines unless listed with a reason`, () => {
    const lines = (f: string) => text(f).split('\n').length - 1;
    expect(files.filter((f) => lines(f) > MAX_LINES && !LONG_FILES.has(f))).toEqual([]);
    // A listed file that has come back under the limit leaves the list.
    expect([...LONG_FILES.keys()].filter((f) => !files.includes(f) || lines(f) <= MAX_LINES)).toEqual([]);
  });
});
