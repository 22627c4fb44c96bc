import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { storeDigests } from '../../src/bench/same.js';
import { hasShared, ROOT, runCli, SHARED, spansOf, tempDir } from '../helpers.js';

/** One of the demo's articles (written for the project): a text file with a `date` header line. */
const ARTICLE = join(ROOT, 'examples/articles/kursk/2024-10-18-meridian-wire-seoul-special-forces.txt');

const schema = JSON.parse(readFileSync(join(ROOT, 'schema/analysis.schema.json'), 'utf8')) as object;
const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);

function articleText(i: number): string {
  return `Border town report number ${i}\n\nLocal officials said on Monday that shelling damaged ${i} homes in the district overnight.\n\nThe regional governor called on residents to stay in shelters, and the defence ministry denied that its units had fired first.`;
}

/** Row counts that must agree whenever the database is consistent. */
function consistency(db: string) {
  const sqlite = new Database(db, { readonly: true });
  try {
    const one = (q: string) => (sqlite.prepare(q).get() as { n: number }).n;
    return {
      integrity: (sqlite.prepare('pragma integrity_check').get() as { integrity_check: string }).integrity_check,
      articles: one('select count(*) n from articles'),
      distinct: one('select count(distinct text) n from articles'),
      layers: one('select count(*) n from layers'),
      fts: one('select count(*) n from articles_fts'),
      orphans: one('select count(*) n from articles a where not exists (select 1 from layers l where l.article_id = a.id)'),
    };
  } finally {
    sqlite.close();
  }
}

// Each test has its own folder and database: they run side by side.
describe.concurrent('claimtrail analyze', () => {
  it('prints an article as JSON that validates against the contract, spans exact', async () => {
    const dir = tempDir();
    const r = await runCli(['analyze', ARTICLE, '--json', '--db', join(dir, 'c.db')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const analysis = JSON.parse(lines[0]!) as { article: { text: string; ref: string; published: string } };
    expect(validate(analysis), JSON.stringify(validate.errors)).toBe(true);
    expect(analysis.article.ref).toBe(ARTICLE);
    expect(analysis.article.published).toBe('2024-10-18');
    for (const span of spansOf(analysis)) expect(analysis.article.text.slice(span.start, span.end)).toBe(span.text);
    // Start-up and the cross-article refresh apart from the analysis (words/s only past a second: test/cli/summary.test.ts).
    expect(r.stderr).toMatch(/^read 1 · new 1 · duplicates 0 · failed 0 · \d[\d,]* words analysed in [\d.]+ s(?: \([\d,]+ words\/s\))? · start-up [\d.]+ s · cross-article [\d.]+ s · \S+c\.db$/m);
  });

  it('stores an article once: re-analysing the same input adds nothing', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.db');
    await runCli(['analyze', ARTICLE, '--db', db]);
    const again = await runCli(['analyze', ARTICLE, '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already stored');
    expect(again.stderr).toMatch(/read 1 · new 0 · duplicates 1/);
    expect(consistency(db)).toMatchObject({ integrity: 'ok', articles: 1, layers: 1, fts: 1, orphans: 0 });
  });

  it('re-analyses an article that another build stored, once', async () => {
    const db = join(tempDir(), 'old.db');
    await runCli(['analyze', ARTICLE, '--db', db]);
    const sqlite = new Database(db);
    sqlite.prepare("update layers set pipeline = 'claimtrail/0.0.1+older', json = replace(json, 'Russia', 'Russiq')").run();
    sqlite.close();
    const newer = await runCli(['analyze', ARTICLE, '--db', db]);
    expect(newer.stderr).toMatch(/read 1 · new 0 · duplicates 0 · replaced 1/);
    const id = (JSON.parse((await runCli(['articles', '--json', '--db', db])).stdout) as { id: string }).id;
    const shown = await runCli(['show', id, '--json', '--db', db]);
    expect(shown.stdout).toContain('Russia');
    expect(shown.stdout).not.toContain('Russiq');
    expect((await runCli(['analyze', ARTICLE, '--db', db])).stderr).toMatch(/read 1 · new 0 · duplicates 1/);
    expect(consistency(db)).toMatchObject({ integrity: 'ok', articles: 1, layers: 1, fts: 1, orphans: 0 });
  });

  it('honours CLAIMTRAIL_DB, lists and shows what it stored', async () => {
    const dir = tempDir();
    const db = join(dir, 'env.db');
    const env = { CLAIMTRAIL_DB: db };
    const r = await runCli(['analyze', ARTICLE, '--json'], { env });
    const id = (JSON.parse(r.stdout) as { article: { id: string } }).article.id;
    const list = await runCli(['articles', '--json'], { env });
    expect(list.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual([id]);
    const found = await runCli(['articles', '--query', 'Pyongyang'], { env });
    expect(found.stdout).toContain(id);
    const none = await runCli(['articles', '--query', 'zebra'], { env });
    expect(none.stdout).toBe('');
    const shown = await runCli(['show', id.slice(0, 6), '--json'], { env });
    expect(JSON.parse(shown.stdout)).toEqual(JSON.parse(r.stdout));
    const missing = await runCli(['show', 'ffffffffff'], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no article "ffffffffff"');
  });

  it('says a ref two articles share is ambiguous, instead of "no article"', async () => {
    const dir = tempDir();
    const db = join(dir, 'twins.db');
    writeFileSync(join(dir, 'a.jsonl'), JSON.stringify({ id: 'twin', text: articleText(1) }));
    writeFileSync(join(dir, 'b.jsonl'), JSON.stringify({ id: 'twin', text: articleText(2) }));
    expect((await runCli(['analyze', join(dir, 'a.jsonl'), join(dir, 'b.jsonl'), '--db', db])).code).toBe(0);
    const r = await runCli(['show', 'twin', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: "twin" is ambiguous: 2 articles match it (give the article id; see claimtrail articles)\n');
  });

  it('stores a negated cue as such and shows it as "not confirm" in the ledger', async () => {
    const dir = tempDir();
    const input = join(dir, 'negated.txt');
    writeFileSync(input, 'Port closure\n\nThe port authority has not confirmed the closure of the harbour. The navy said the harbour was closed.\n');
    expect((await runCli(['analyze', input], { cwd: dir })).code).toBe(0);
    const claims = (await runCli(['claims', '--json'], { cwd: dir })).stdout.trim().split('\n').map((l) => JSON.parse(l) as { content: string; negated: boolean });
    expect(claims.map((c) => [c.content, c.negated]).sort()).toEqual([
      ['the closure of the harbour', true],
      ['the harbour was closed', false],
    ]);
    expect((await runCli(['claims'], { cwd: dir })).stdout).toContain('· not confirm ·');
  });

  it('keeps a dated non-confirmation apart on the timeline, and passes a date naming May before "that"', async () => {
    const dir = tempDir();
    const input = join(dir, 'dated.txt');
    writeFileSync(input, 'Port closure\n\nThe port authority on 3 May 2025 did not confirm the closure of the harbour. The navy said on 3 May 2025 that the harbour was closed.\n');
    expect((await runCli(['analyze', input], { cwd: dir })).code).toBe(0);
    const items = (await runCli(['timeline', '--json'], { cwd: dir })).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(items.map((i) => [i.speaker, i.stance, i.negated ?? false, i.content])).toEqual([
      ['The port authority', 'confirm', true, 'the closure of the harbour'],
      ['The navy', 'assert', false, 'the harbour was closed'],
    ]);
    expect((await runCli(['timeline'], { cwd: dir })).stdout).toContain('The port authority [not confirm]');
  });

  it('analyses without storing on --no-store', async () => {
    const dir = tempDir();
    const r = await runCli(['analyze', ARTICLE, '--no-store'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Seoul says North Korea has shipped special forces');
    expect(r.stderr).toContain('not stored');
    expect(() => readFileSync(join(dir, 'claimtrail.db'))).toThrow();
  });

  it('goes on past bad inputs, names each, exits non-zero and stores only whole articles', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.db');
    writeFileSync(join(dir, 'good.txt'), articleText(1));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'bad.jsonl'), `${JSON.stringify({ id: 'x1', text: articleText(2) })}\nnot json\n`);
    const r = await runCli(['analyze', join(dir, 'missing.txt'), join(dir, 'good.txt'), join(dir, 'empty.txt'), join(dir, 'bad.jsonl'), '--db', db]);
    expect(r.code).toBe(1);
    const errs = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
    expect(errs).toEqual([
      `error: ${join(dir, 'missing.txt')}: no such file or directory`,
      `error: ${join(dir, 'empty.txt')}: empty input`,
      expect.stringMatching(new RegExp(`^error: ${join(dir, 'bad.jsonl')}:2: not valid JSON`)),
    ]);
    expect(r.stderr).toMatch(/read 2 · new 2 · duplicates 0 · failed 3/);
    expect(consistency(db)).toMatchObject({ integrity: 'ok', articles: 2, layers: 2, fts: 2, orphans: 0 });
  });

  it('refuses a 50 MB text file by the default size limit and still analyses the next input', async () => {
    const dir = tempDir();
    const huge = join(dir, 'huge.txt');
    writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 'lorem ipsum dolor sit amet\n'));
    writeFileSync(join(dir, 'good.txt'), articleText(7));
    const r = await runCli(['analyze', huge, join(dir, 'good.txt'), '--no-store']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: ${huge}: file of 50.0 MB is over the 10.0 MB limit (--max-size)`);
    expect(r.stderr).toMatch(/read 1 · not stored · failed 1/);
  });

  it('rejects a bad option value with a usage error', async () => {
    const r = await runCli(['analyze', ARTICLE, '--timeout', 'soon', '--no-store']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--timeout must be a positive number, got "soon"');
  });

  it('prints the same analyses in the same order whether it analyses on threads or on the main one', async () => {
    const corpus = join(ROOT, 'test/fixtures/corpus/articles.jsonl');
    const [none, two] = await Promise.all([runCli(['analyze', corpus, '--json', '--no-store', '--threads', '0']), runCli(['analyze', corpus, '--json', '--no-store', '--threads', '2'])]);
    expect(none.code, none.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(none.stdout.trim().split('\n')).toHaveLength(8);
    expect(two.stdout).toBe(none.stdout);
  });

  it('analyses on threads when Node.js was started with flags a thread may not take (V8 flags)', async () => {
    const corpus = join(ROOT, 'test/fixtures/corpus/articles.jsonl');
    const args = ['analyze', corpus, '--json', '--no-store'];
    const [none, two] = await Promise.all([runCli([...args, '--threads', '0']), runCli([...args, '--threads', '2'], { node: ['--stack-size=2000', '--enable-source-maps'] })]);
    expect(two.code, two.stderr).toBe(0);
    expect(two.stderr).not.toContain('analysis failed');
    expect(two.stdout).toBe(none.stdout);
  });

  it('takes --threads as a whole number from 0, and not with --queue', async () => {
    const bad = await runCli(['analyze', ARTICLE, '--threads', '1.5', '--no-store']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--threads must be a whole number from 0 to 256, got "1.5"');
    const queued = await runCli(['analyze', ARTICLE, '--threads', '2', '--queue', 'postgres://nowhere.invalid/q']);
    expect(queued.code).toBe(2);
    expect(queued.stderr).toContain('--queue cannot go with --threads');
  });

  it('two writers on one database store every article of both, and their refreshes agree', async () => {
    const dir = tempDir();
    const db = join(dir, 'two.db');
    const halves = [0, 1].map((h) => {
      const path = join(dir, `half${h}.jsonl`);
      writeFileSync(path, Array.from({ length: 150 }, (_, i) => JSON.stringify({ id: `h${h}-${i}`, text: articleText(h * 1000 + i) })).join('\n'));
      return path;
    });
    const [a, b] = await Promise.all(halves.map((path) => runCli(['analyze', path, '--db', db])));
    for (const r of [a!, b!]) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('read 150 · new 150 · duplicates 0 · failed 0');
    }
    expect(consistency(db)).toMatchObject({ integrity: 'ok', articles: 300, layers: 300, fts: 300, orphans: 0 });
    const sqlite = new Database(db, { readonly: true });
    const one = (q: string) => (sqlite.prepare(q).get() as { n: number }).n;
    // Every claim in exactly one proposition, every article signed once: no batch done twice or skipped.
    expect(one('select count(*) n from claim_props')).toBe(one('select count(*) n from claims'));
    expect(one('select count(*) n from doc_signatures')).toBe(300);
    expect(one('select count(*) n from (select article_id, band from doc_bands group by article_id, band having count(*) > 1)')).toBe(0);
    expect(one('select count(*) n from articles where refreshed = 0')).toBe(0);
    // Every article and claim took one rank: the counter ends where they add up.
    expect(one("select cast(value as integer) n from analysis_state where key = 'rank'")).toBe(one('select (select count(*) from articles) + (select count(*) from claims) n'));
    sqlite.close();
  }, 120_000);

  it('stores every article when the cross-article refresh fails along the way, and says so once', async () => {
    const dir = tempDir();
    const db = join(dir, 'broken.db');
    writeFileSync(join(dir, 'one.txt'), articleText(0));
    expect((await runCli(['analyze', join(dir, 'one.txt'), '--db', db])).code).toBe(0);
    // A table only the refresh writes, gone: every refresh of the next run fails, the first while it still stores.
    const sqlite = new Database(db);
    sqlite.exec('drop table prop_keys');
    sqlite.close();
    const many = join(dir, 'many.jsonl');
    writeFileSync(many, Array.from({ length: 150 }, (_, i) => JSON.stringify({ id: `m${i}`, text: articleText(i + 1) })).join('\n'));
    const r = await runCli(['analyze', many, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('error: '))).toEqual([expect.stringMatching(/^error: the articles are stored, but the cross-article analysis failed \(the next run retries it\): .*prop_keys/)]);
    expect(r.stderr).toContain('read 150 · new 150 · duplicates 0 · failed 0');
    expect(consistency(db)).toMatchObject({ integrity: 'ok', articles: 151, layers: 151, fts: 151, orphans: 0 });
  }, 120_000);

  // 300 PolNeAR records, read from ../shared at run time: invented articles did not show what a refresh alongside a
  // re-analysis changes (docs/quality.md), these do.
  const POLNEAR = join(SHARED, 'eval/polnear/train.jsonl');
  it.skipIf(!hasShared(POLNEAR))('re-analysing stored articles gives the cross-article analysis the first run gave', async () => {
    const dir = tempDir();
    const first = join(dir, 'first.db');
    const again = join(dir, 'again.db');
    const some = join(dir, 'some.jsonl');
    writeFileSync(some, readFileSync(POLNEAR, 'utf8').split('\n').slice(0, 300).join('\n'));
    const once = await runCli(['analyze', some, '--db', first]);
    expect(once.code).toBe(0);
    copyFileSync(first, again);
    // The articles replace themselves: the run refreshes only after the last (src/analysis/alongside.ts).
    const r = await runCli(['analyze', some, '--db', again, '--reanalyze']);
    // Of the copies of one text, the first stands, as in the first run: the same counts, and the same refs and dates.
    const [, fresh, copies] = /new (\d+) · duplicates (\d+)/.exec(once.stderr)!;
    expect(Number(copies)).toBeGreaterThan(0);
    expect(r.stderr).toContain(`new 0 · duplicates ${copies} · replaced ${fresh}`);
    const [before, after] = await Promise.all([storeDigests(first), storeDigests(again)]);
    expect(before.propositions.count).toBeGreaterThan(1000);
    for (const kind of ['articles', 'claims', 'propositions', 'contradictions', 'stories'] as const) expect(after[kind], kind).toEqual(before[kind]);
  }, 120_000);

  it('leaves the database consistent when killed mid-run, and a re-run completes it without duplicates', async () => {
    const dir = tempDir();
    const db = join(dir, 'kill.db');
    const corpus = join(dir, 'many.jsonl');
    // Enough articles that the run is still going when it is killed, few enough that the re-run is quick.
    const total = 300;
    writeFileSync(corpus, Array.from({ length: total }, (_, i) => JSON.stringify({ id: `a${i}`, text: articleText(i) })).join('\n'));
    const child = spawn(process.execPath, [join(ROOT, 'bin/claimtrail.js'), 'analyze', corpus, '--db', db], { stdio: ['ignore', 'ignore', 'ignore'] });
    // Kill once some articles are in, well before all are.
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        try {
          const n = consistency(db).articles;
          if (n >= 20) {
            clearInterval(poll);
            child.kill('SIGKILL');
            resolve();
          }
        } catch {
          // the database is not created yet
        }
      }, 20);
      child.on('exit', () => {
        clearInterval(poll);
        reject(new Error('analyze finished before it could be killed'));
      });
    });
    await new Promise((r) => child.on('close', r));
    const after = consistency(db);
    expect(after.integrity).toBe('ok');
    expect(after.articles).toBeGreaterThan(0);
    expect(after.articles).toBeLessThan(total);
    expect(after).toMatchObject({ layers: after.articles, fts: after.articles, orphans: 0 });

    const rerun = await runCli(['analyze', corpus, '--db', db]);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toContain(`read ${total} · new ${total - after.articles} · duplicates ${after.articles}`);
    expect(consistency(db)).toMatchObject({ integrity: 'ok', articles: total, distinct: total, layers: total, fts: total, orphans: 0 });
    // 4,000 near-identical articles: the near-duplicate pass compares each with all the others
    // that share an LSH band, which takes most of a minute on a busy machine.
  }, 180_000);
});
