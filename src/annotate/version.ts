import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../contract/version.js';
import { LANGUAGES } from '../lang/index.js';

const CODE_DIRS = ['../annotate', '../doc', '../lang'].map((d) => fileURLToPath(new URL(d, import.meta.url)));
/** The data files the annotators load, of every language. */
const DATA_FILES = [...LANGUAGES.values()].flatMap(({ data }) => [data.cues, data.cueModel, data.nerModel, data.posLexicon, data.compiledGazetteer]);

let version: string | null = null;

/**
 * The version of the extraction rules and models, stored with every analysis: the package
 * version and a digest of the annotators' code, the languages they read and their data. A store
 * can tell an analysis made by another build from its own, and `claimtrail analyze` re-does it.
 */
export function pipelineVersion(): string {
  version ??= `claimtrail/${VERSION}+${digest([...CODE_DIRS.flatMap((d) => codeFiles(d)), ...DATA_FILES])}`;
  return version;
}

/**
 * A digest of the code below a folder (resolved from this module's), for components whose results
 * are stored and must be redone when their code changes (the cross-article analysis).
 */
export function codeDigest(dir: string): string {
  return digest(codeFiles(fileURLToPath(new URL(dir, import.meta.url))));
}

/** Contents only, in a fixed order: the same build digests the same wherever it is installed. */
function digest(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(readFileSync(f));
  return hash.digest('hex').slice(0, 12);
}

/** Source or compiled modules below a folder, in a fixed order (no maps or declarations). */
function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(?:js|ts)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
