import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError } from '../errors.js';
import { formatBytes } from '../ingest/fetch.js';
import { EXTENSIONS, walk, type InlineInput, type Kind } from '../ingest/index.js';
import { runStartKey } from '../store/intake.js';
import type { AnalyzeRequest, JobInput } from './job.js';

const URL_INPUT = /^https?:\/\//i;

/**
 * Content as a job carries it: UTF-8 as text, anything else as base64 (the worker decodes it as
 * ingest would). NUL goes as base64 too: PostgreSQL's JSON cannot hold it.
 */
function carried(name: string, buf: Buffer, kind: Kind | undefined, line?: number): JobInput {
  const text = buf.toString('utf8');
  const utf8 = !buf.includes(0) && Buffer.from(text, 'utf8').equals(buf);
  return { name, content: utf8 ? text : buf.toString('base64'), ...(utf8 ? {} : { encoding: 'base64' as const }), ...(kind ? { kind } : {}), ...(line ? { line } : {}) };
}

/** The records of JSONL content, one job each (a bad record then fails alone), each with its line number. */
export function jsonlRecords(name: string, content: string | Buffer, firstLine = 1): JobInput[] {
  const lines = Buffer.from(content).toString('utf8').split('\n');
  const out: JobInput[] = [];
  lines.forEach((line, i) => {
    if (line.trim()) out.push(carried(name, Buffer.from(line.replace(/\r$/, ''), 'utf8'), 'jsonl', firstLine + i));
  });
  return out;
}

async function fileInputs(path: string, maxBytes: number): Promise<JobInput[]> {
  const kind = EXTENSIONS[extname(path).toLowerCase()];
  if (kind === 'jsonl') {
    const records = jsonlRecords(path, await readFile(path));
    if (!records.length) throw new InputError(path, 'no JSONL records');
    return records;
  }
  const info = await stat(path);
  if (info.size > maxBytes) throw new InputError(path, `file of ${formatBytes(info.size)} is over the ${formatBytes(maxBytes)} limit (--max-size)`);
  return [carried(path, await readFile(path), kind)];
}

/**
 * What `claimtrail analyze --queue` queues for its inputs: URLs as they are (the worker fetches
 * them); files, each file under a directory and stdin read here and carried in the job, JSONL one
 * job per record. An input that cannot be read is an error of its own; the others are queued.
 */
export async function readJobInputs(
  inputs: readonly string[],
  options: { maxBytes: number; stdin?: NodeJS.ReadableStream },
): Promise<{ inputs: JobInput[]; errors: InputError[] }> {
  const out: JobInput[] = [];
  const errors: InputError[] = [];
  for (const input of inputs) {
    try {
      if (URL_INPUT.test(input)) out.push(input);
      else if (input === '-') {
        const chunks: Buffer[] = [];
        for await (const chunk of options.stdin ?? process.stdin) chunks.push(Buffer.from(chunk as Buffer));
        out.push(carried('stdin', Buffer.concat(chunks), undefined));
      } else {
        const info = await stat(input).catch((e: NodeJS.ErrnoException) => {
          throw new InputError(input, e.code === 'ENOENT' ? 'no such file or directory' : e.message);
        });
        const files = info.isDirectory() ? await walk(input) : [input];
        if (!files.length) throw new InputError(input, `directory holds no articles (looked for ${Object.keys(EXTENSIONS).join(' ')} files)`);
        for (const file of files) {
          try {
            out.push(...(await fileInputs(file, options.maxBytes)));
          } catch (e) {
            errors.push(e instanceof InputError ? e : new InputError(file, (e as Error).message, { cause: e }));
          }
        }
      }
    } catch (e) {
      errors.push(e instanceof InputError ? e : new InputError(input, (e as Error).message, { cause: e }));
    }
  }
  return { inputs: out, errors };
}

/** An ingest input (a posted body, a URL) as a job carries it; JSONL content one job per record. */
export function jobInputsOf(input: string | InlineInput): JobInput[] {
  if (typeof input === 'string') return [input];
  if (input.kind === 'jsonl') return jsonlRecords(input.name, input.content, input.line);
  return [carried(input.name, Buffer.from(input.content), input.kind, input.line)];
}

/** A job's input as ingest reads it. */
export function ingestInput(input: JobInput): string | InlineInput {
  if (typeof input === 'string') return input;
  const content = input.encoding === 'base64' ? Buffer.from(input.content, 'base64') : input.content;
  return { name: input.name, content, ...(input.kind ? { kind: input.kind } : {}), ...(input.line ? { line: input.line } : {}) };
}

/** A request for each input, with the same reading options: one run, which a re-analysis marks with the key it began at. */
export function requestsFor(inputs: readonly JobInput[], options: Omit<AnalyzeRequest, 'input'>): AnalyzeRequest[] {
  const how = options.replace && options.runStart === undefined ? { ...options, runStart: runStartKey() } : options;
  return inputs.map((input) => ({ ...how, input }));
}
