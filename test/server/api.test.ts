import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/annotate/index.js';
import type { Analysis } from '../../src/doc/types.js';
import { buildServer } from '../../src/server/app.js';
import { csvCell } from '../../src/server/export.js';
import { openStore, type Store } from '../../src/store/index.js';
import { fixtureCross, generalStaffArticle, hostileArticle, IDS, ministryArticle } from '../fixtures/articles.js';

const ministry = ministryArticle();
const staff = generalStaffArticle();
const hostile = hostileArticle();

let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  store = await openStore(':memory:');
  for (const a of [ministry, staff, hostile]) await store.articles.save(a);
  app = await buildServer({ store, cross: fixtureCross(), webRoot: null, token: null, pipeline: await createPipeline() });
});

afterAll(async () => {
  await app.close();
  await store.close();
});

const get = async <T = Record<string, unknown>>(url: string, status = 200): Promise<T> => {
  const r = await app.inject(url);
  expect(r.statusCode, `${url}: ${r.body}`).toBe(status);
  return r.json() as T;
};

interface Page<T = Record<string, unknown>> {
  items: T[];
  next: string | null;
}

describe('read endpoints', () => {
  it('pages articles newest first with a cursor until next is null', async () => {
    const first = await get<Page<{ id: string }>>('/api/articles?limit=2');
    expect(first.items.map((a) => a.id)).toEqual([hostile.article.id, staff.article.id]);
    expect(first.next).toBeTypeOf('string');
    const second = await get<Page<{ id: string }>>(`/api/articles?limit=2&cursor=${first.next}`);
    expect(second.items.map((a) => a.id)).toEqual([ministry.article.id]);
    expect(second.next).toBeNull();
  });

  it('finds articles by words of their text', async () => {
    const page = await get<Page<{ id: string }>>('/api/articles?q=brigades');
    expect(page.items.map((a) => a.id)).toEqual([staff.article.id]);
  });

  it('serves an article with its layers by id, prefix or ref, and 404 names an unknown one', async () => {
    const full = await get<Analysis>(`/api/articles/${ministry.article.id}`);
    expect(full.article.text).toBe(ministry.article.text);
    expect(full.claims).toHaveLength(2);
    expect((await get<Analysis>(`/api/articles/${ministry.article.id.slice(0, 6)}`)).article.id).toBe(ministry.article.id);
    expect((await get<Analysis>('/api/articles/fixture-staff')).article.id).toBe(staff.article.id);
    const missing = await get<{ message: string }>('/api/articles/nothing-here', 404);
    expect(missing.message).toContain('"nothing-here"');
  });

  it('lists entities with mention and article counts, filtered by type', async () => {
    const page = await get<Page<{ id: string; mentions: number; articles: number; type: string }>>('/api/entities');
    const kursk = page.items.find((e) => e.id === IDS.KURSK)!;
    expect(kursk).toMatchObject({ mentions: 3, articles: 2 });
    expect(page.items.map((e) => e.mentions)).toEqual([...page.items.map((e) => e.mentions)].sort((a, b) => b - a));
    const orgs = await get<Page<{ type: string }>>('/api/entities?type=ORG');
    expect(orgs.items.length).toBe(2);
    expect(orgs.items.every((e) => e.type === 'ORG')).toBe(true);
  });

  it('pages entities by position', async () => {
    const first = await get<Page<{ id: string }>>('/api/entities?limit=3');
    const rest = await get<Page<{ id: string }>>(`/api/entities?limit=3&cursor=${first.next}`);
    expect(new Set([...first.items, ...rest.items].map((e) => e.id)).size).toBe(5);
    expect(rest.next).toBeNull();
  });

  it('answers the entity page: claims by it, claims about it, events, timeline in date order', async () => {
    const staffPage = await get<{ claimsBy: { claim: string }[]; entity: { name: string } }>(`/api/entities/${encodeURIComponent(IDS.GENSTAFF)}`);
    expect(staffPage.entity.name).toBe('General Staff of the Armed Forces of Ukraine');
    expect(staffPage.claimsBy.map((c) => c.claim).sort()).toEqual(['c1', 'c2']);

    const kursk = await get<{
      claimsBy: unknown[];
      claimsAbout: { content: string }[];
      events: { type: string; role: string }[];
      timeline: { date: string | null }[];
      aliases: { text: string; count: number }[];
    }>(`/api/entities/${encodeURIComponent(IDS.KURSK)}`);
    expect(kursk.claimsBy).toEqual([]);
    expect(kursk.claimsAbout.map((c) => c.content).sort()).toEqual(['its troops had pushed the last Ukrainian units out of Kursk Oblast', 'the fighting in Kursk Oblast had ended']);
    expect(kursk.events.map((e) => `${e.type}/${e.role}`).sort()).toEqual(['deploy/place', 'military_operation/place']);
    const dates = kursk.timeline.map((t) => t.date).filter((d): d is string => d !== null);
    expect(dates).toEqual([...dates].sort());
    expect(kursk.aliases).toContainEqual({ text: 'Kursk Oblast', count: 2 });
    expect((await get<{ message: string }>(`/api/entities/${encodeURIComponent('no:such')}`, 404)).message).toContain('"no:such"');
  });

  it('filters claims by speaker (id or name words), stance, dates, words, article and about', async () => {
    const bySpeaker = await get<Page<{ speaker: { entity: string } }>>(`/api/claims?speaker=${encodeURIComponent(IDS.MOD)}`);
    expect(bySpeaker.items).toHaveLength(2);
    expect((await get<Page>('/api/claims?speaker=defence%20ministry')).items).toHaveLength(2);
    expect((await get<Page>('/api/claims?speaker=spokesman')).items).toHaveLength(1);
    const denials = await get<Page<{ stance: string; content: string }>>('/api/claims?stance=deny');
    expect(denials.items.map((c) => c.content)).toEqual(['the fighting in Kursk Oblast had ended']);
    // said 2025-04-26 / 2025-04-27, else published: 2025-04-26, 2025-04-27, 2025-05-01
    expect((await get<Page>('/api/claims?from=2025-04-27&to=2025-04')).items).toHaveLength(2);
    expect((await get<Page>('/api/claims?from=2025-05')).items).toHaveLength(1);
    expect((await get<Page>('/api/claims?q=propaganda')).items).toHaveLength(1);
    expect((await get<Page>(`/api/claims?article=${staff.article.id.slice(0, 8)}`)).items).toHaveLength(2);
    const about = await get<Page<{ content: string }>>('/api/claims?about=kursk%20oblast');
    expect(about.items).toHaveLength(2);
    const mentions = await get<Page>(`/api/claims?mentions=${encodeURIComponent(IDS.UKRAINE)}`);
    expect(mentions.items).toHaveLength(1);
  });

  it('pages claims with a cursor and never repeats one', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<{ article: string; claim: string }> = await get(`/api/claims?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((c) => `${c.article}/${c.claim}`));
      cursor = page.next;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('searches articles (with a marked passage), claims and entities', async () => {
    const r = await get<{ articles: Page<{ id: string; snippet: string }>; claims: Page; entities: Page<{ id: string }> }>('/api/search?q=Kursk');
    expect(r.articles.items.map((a) => a.id).sort()).toEqual([ministry.article.id, staff.article.id].sort());
    expect(r.articles.items[0]!.snippet).toMatch(/\u0002Kursk\u0003/);
    expect(r.claims.items).toHaveLength(2);
    expect(r.entities.items.map((e) => e.id)).toContain(IDS.KURSK);
    const onlyClaims = await get<{ articles: Page; claims: Page }>('/api/search?q=Kursk&kind=claims&limit=1');
    expect(onlyClaims.articles.items).toEqual([]);
    expect(onlyClaims.claims.next).not.toBeNull();
  });

  it('lists events and geocoded places', async () => {
    const events = await get<Page<{ place: { name: string } }>>(`/api/events?place=${encodeURIComponent(IDS.KURSK)}`);
    expect(events.items).toHaveLength(2);
    expect(events.items[0]!.place.name).toBe('Kursk Oblast');
    const places = await get<Page<{ id: string; events: number; coords: number[] }>>('/api/places');
    expect(places.items).toEqual([expect.objectContaining({ id: IDS.KURSK, events: 2, coords: [51.6, 36.1] })]);
  });

  it('counts what the store holds', async () => {
    expect(await get('/api/stats')).toEqual({ articles: 3, entities: 5, claims: 5, events: 2, words: expect.any(Number) });
  });
});

describe('cross-article endpoints', () => {
  it('list contradictions, stories and the timeline as pages', async () => {
    const c = await get<Page<{ id: string; sides: unknown[] }>>('/api/contradictions');
    expect(c.items[0]).toMatchObject({ id: 'k1' });
    expect(c.items[0]!.sides).toHaveLength(2);
    expect(await get<{ id: string; why: string[] }>('/api/contradictions/k1')).toMatchObject({ id: 'k1', why: ['General Staff of the Armed Forces of Ukraine answers Ministry of Defence of the Russian Federation'] });
    await get('/api/contradictions/zz', 404);
    expect((await get<Page>('/api/stories?about=Kursk')).items).toHaveLength(1);
    expect((await get<{ steps: unknown[] }>('/api/stories/s1')).steps).toHaveLength(2);
    expect((await get<Page>('/api/timeline?from=2025-04-27')).items).toHaveLength(1);
  });

  it('serve what src/analysis materialised, refreshed after a POST', async () => {
    const real = await openStore(':memory:');
    for (const a of [ministry, staff]) await real.articles.save(a);
    const server = await buildServer({ store: real, webRoot: null, token: null, pipeline: await createPipeline() });
    // Nothing is materialised until a refresh: the POST path refreshes after storing.
    const before = (await server.inject('/api/timeline')).json() as Page;
    const posted = await server.inject({ method: 'POST', url: '/api/articles', payload: 'Drone strike reported\n\nThe governor said on 3 May 2025 that a drone hit a depot.', headers: { 'content-type': 'text/plain' } });
    expect(posted.statusCode).toBe(201);
    const after = (await server.inject('/api/timeline?limit=500')).json() as Page<{ date: string; kind: string; sources: { article: string }[] }>;
    expect(after.items.length).toBeGreaterThan(before.items.length);
    expect(after.items.map((t) => t.date)).toEqual([...after.items.map((t) => t.date)].sort());
    expect(after.items.flatMap((t) => t.sources.map((x) => x.article))).toContain(ministry.article.id);
    const first = (await server.inject('/api/timeline?limit=1')).json() as Page;
    const second = (await server.inject(`/api/timeline?limit=1&cursor=${first.next}`)).json() as Page;
    expect(second.items[0]).not.toEqual(first.items[0]);
    expect((await server.inject('/api/timeline?cursor=zzz')).json().message).toBe('invalid cursor "zzz"');
    await server.close();
    await real.close();
  });
});

describe('exports', () => {
  it('writes JSON lines, one claim per line', async () => {
    const r = await app.inject('/api/export?format=jsonl&stance=assert');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('application/x-ndjson');
    const lines = r.body.trim().split('\n').map((l) => JSON.parse(l) as { stance: string });
    expect(lines).toHaveLength(3);
    expect(lines.every((c) => c.stance === 'assert')).toBe(true);
  });

  it('writes CSV with a header, quoting, and formula cells defused', async () => {
    const r = await app.inject('/api/export?format=csv');
    expect(r.headers['content-type']).toContain('text/csv');
    const rows = r.body.trim().split('\r\n');
    expect(rows[0]).toBe('article,claim,speaker,speaker_entity,cue,stance,kind,said,via,content,title,published,source,url,negated');
    expect(rows).toHaveLength(6);
    expect(r.body).toContain('"Leak <script>window.__pwned = ""title""</script>');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('plain')).toBe('plain');
  });

  it('writes schema.org ClaimReview JSON-LD', async () => {
    const r = await app.inject(`/api/export?format=claimreview&speaker=${encodeURIComponent(IDS.GENSTAFF)}`);
    const docs = r.json() as Record<string, unknown>[];
    expect(docs).toHaveLength(2);
    expect(docs[0]).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      itemReviewed: { '@type': 'Claim', author: { name: 'General Staff of the Armed Forces of Ukraine' }, appearance: { '@type': 'NewsArticle', headline: staff.article.title } },
    });
    expect(docs.map((d) => d.claimReviewed)).toContain('the fighting in Kursk Oblast had ended');
  });

  it('refuses an unknown format naming the allowed ones', async () => {
    const r = await app.inject('/api/export?format=xml');
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toContain('format');
  });
});

describe('validation', () => {
  it.each([
    ['/api/claims?limit=0', 'limit must be >= 1'],
    ['/api/claims?limit=501', 'limit must be <= 500'],
    ['/api/claims?limit=ten', 'limit must be integer'],
    ['/api/claims?stance=shout', 'stance'],
    ['/api/claims?from=April', 'from must match pattern'],
    ['/api/claims?speakr=x', 'unknown parameter "speakr"'],
    ['/api/claims?cursor=%21%21', 'cursor must match pattern'],
    ['/api/claims?cursor=zzz', 'invalid cursor "zzz"'],
    ['/api/events?cursor=zzz', 'invalid cursor "zzz"'],
    // A ledger cursor is not an event list's.
    [`/api/events?cursor=${Buffer.from('["2026-03-02","ab12",0]').toString('base64url')}`, 'invalid cursor'],
    ['/api/entities?type=ANIMAL', 'type'],
    ['/api/search', "must have required property 'q'"],
    ['/api/search?q=x&cursor=MQ', 'kind='],
  ])('%s → 400 naming the problem', async (url, words) => {
    const r = await app.inject(url);
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toContain(words);
  });

  it('answers JSON 404 for unknown API routes', async () => {
    const r = await app.inject('/api/nope');
    expect(r.statusCode).toBe(404);
    expect(r.json().message).toContain('/api/nope');
  });
});

describe('POST /api/articles', () => {
  const post = (payload: string | object, headers: Record<string, string> = {}, url = '/api/articles') =>
    app.inject({ method: 'POST', url, payload: typeof payload === 'string' ? payload : JSON.stringify(payload), headers: { 'content-type': typeof payload === 'string' ? 'text/plain' : 'application/json', ...headers } });

  it('analyses and stores plain text, then reports a second copy as a duplicate', async () => {
    const text = 'Border talks resume\n\nThe foreign minister said on Monday that talks with the neighbours would resume in June.';
    const r = await post(text);
    expect(r.statusCode).toBe(201);
    const item = r.json().items[0];
    expect(item).toMatchObject({ status: 'new', title: 'Border talks resume' });
    expect((await store.articles.getAnalysis(item.id))?.article.text).toBe(text);
    expect((await post(text)).json().items[0].status).toBe('duplicate');
  });

  it('takes JSON with metadata, HTML, and JSON lines', async () => {
    const json = await post({ text: 'Grain deal extended\n\nOfficials confirmed the grain corridor stays open.', title: 'Grain deal', published: '2025-03-02', source: 'Test Wire' });
    expect(json.statusCode).toBe(201);
    const stored = await store.articles.getAnalysis(json.json().items[0].id);
    expect(stored?.article).toMatchObject({ title: 'Grain deal', published: '2025-03-02', source: 'Test Wire' });

    const html = await post('<html><head><title>Ceasefire holds</title></head><body><article><h1>Ceasefire holds</h1><p>Observers reported that the ceasefire held overnight along the whole line.</p></article></body></html>', { 'content-type': 'text/html' });
    expect(html.statusCode).toBe(201);
    expect(html.json().items[0].title).toBe('Ceasefire holds');

    const lines = ['{"id":"a","text":"Port reopens. The harbour master said ships may dock again."}', '{"id":"b","text":"Bridge repaired. Engineers said traffic resumes Friday."}'].join('\n');
    const jsonl = await post(lines, { 'content-type': 'application/x-ndjson' });
    expect(jsonl.statusCode).toBe(201);
    expect(jsonl.json().items).toHaveLength(2);
  });

  it('reports a bad record of a JSON lines body and stores the good ones', async () => {
    const r = await post('{"id":"ok","text":"Talks end. The envoy said nothing was agreed."}\n{"id":"bad","title":"no text"}', { 'content-type': 'application/x-ndjson' });
    expect(r.statusCode).toBe(201);
    expect(r.json().items).toHaveLength(1);
    expect(r.json().errors[0].message).toContain('neither "text" nor "html"');
  });

  it.each([
    [{}, 'exactly one of "text", "html" or "url" (got none)'],
    [{ text: 'a', url: 'https://example.org/' }, '(got "text", "url")'],
    [{ url: 'file:///etc/passwd' }, 'url must match pattern'],
    [{ url: '/etc/passwd' }, 'url must match pattern'],
    [{ text: 'x', colour: 'red' }, 'unknown parameter "colour"'],
    [{ text: 'Talks resume. The envoy said talks resume.', published: 'next tuesday' }, '"published" is not a date: "next tuesday" (give ISO 8601'],
  ])('refuses the JSON body %j', async (body, words) => {
    const r = await post(body);
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toContain(words);
  });

  it('gives every article posted without a ref a ref of its own, and says when a ref is ambiguous', async () => {
    const one = await post({ text: 'Dam inspected\n\nEngineers said the dam held through the flood.' });
    const two = await post('Ferry resumes\n\nThe operator said the ferry runs again from Monday.');
    const refs = await Promise.all([one, two].map(async (r) => (await store.articles.getAnalysis(r.json().items[0].id))!.article.ref));
    expect(refs[0]).toMatch(/^request-\d{8}T\d{6}Z-[0-9a-f]{8}$/);
    expect(refs[1]).toMatch(/^request-/);
    expect(refs[0]).not.toBe(refs[1]);
    for (const ref of refs) expect((await app.inject({ method: 'GET', url: `/api/articles/${encodeURIComponent(ref!)}` })).statusCode).toBe(200);
    // Two JSON lines bodies that name their records alike: the ref names both, and the answer says so.
    await post('{"id":"twin","text":"Grid repaired. The operator said power is back in the east."}', { 'content-type': 'application/x-ndjson' });
    await post('{"id":"twin","text":"Rail line reopened. The railway said trains run to the coast."}', { 'content-type': 'application/x-ndjson' });
    const ambiguous = await app.inject({ method: 'GET', url: '/api/articles/twin' });
    expect(ambiguous.statusCode).toBe(400);
    expect(ambiguous.json().message).toBe('"twin" is ambiguous: 2 articles match it (give the article id; see claimtrail articles)');
  });

  it('answers 422 when no article could be read', async () => {
    const r = await post('   \n  \n', { 'content-type': 'text/plain' });
    expect(r.statusCode).toBe(422);
    expect(r.json().errors[0].message).toMatch(/empty|no text/);
  });

  it('refuses unknown media types and bodies over the limit', async () => {
    const pdf = await app.inject({ method: 'POST', url: '/api/articles', payload: 'x', headers: { 'content-type': 'application/pdf' } });
    expect(pdf.statusCode).toBe(415);
    const small = await buildServer({ store, webRoot: null, token: null, maxBytes: 1000, pipeline: await createPipeline() });
    const big = await small.inject({ method: 'POST', url: '/api/articles', payload: 'word '.repeat(500), headers: { 'content-type': 'text/plain' } });
    expect(big.statusCode).toBe(413);
    await small.close();
  });

  it('refuses a write from another web origin', async () => {
    const r = await post('Some text. A minister said so.', { origin: 'http://evil.example' });
    expect(r.statusCode).toBe(403);
    expect(r.json().message).toContain('cross-origin');
  });
});

describe('security', () => {
  it('does not fetch a posted URL on this machine or its network unless told to', async () => {
    const page = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('Intranet memo\n\nThe director said the budget was cut.'));
    await new Promise<void>((r) => page.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(page.address() as AddressInfo).port}/memo`;
    try {
      const refused = await app.inject({ method: 'POST', url: '/api/articles', payload: { url } });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().errors[0].message).toBe(`${url}: refused to fetch ${url}: 127.0.0.1 is not a public address`);
      const trusting = await buildServer({ store, webRoot: null, token: null, allowPrivateUrls: true, pipeline: await createPipeline() });
      const fetched = await trusting.inject({ method: 'POST', url: '/api/articles', payload: { url } });
      expect(fetched.statusCode).toBe(201);
      expect(fetched.json().items[0].title).toBe('Intranet memo');
      await trusting.close();
    } finally {
      page.close();
    }
  });

  it('needs a token to listen beyond loopback', async () => {
    await expect(buildServer({ store, webRoot: null, host: '0.0.0.0', token: null })).rejects.toThrow(/CLAIMTRAIL_TOKEN/);
  });

  it('asks for the token on writes and accepts the right one, reads stay open', async () => {
    const guarded = await buildServer({ store, webRoot: null, host: '0.0.0.0', token: 's3cret-token', pipeline: await createPipeline() });
    const body = { method: 'POST' as const, url: '/api/articles', payload: 'Rail link cut. The operator said repairs take a week.', headers: { 'content-type': 'text/plain' } };
    expect((await guarded.inject(body)).statusCode).toBe(401);
    expect((await guarded.inject({ ...body, headers: { ...body.headers, authorization: 'Bearer wrong' } })).statusCode).toBe(403);
    expect((await guarded.inject({ ...body, headers: { ...body.headers, authorization: 'Bearer s3cret-token' } })).statusCode).toBe(201);
    expect((await guarded.inject('/api/stats')).statusCode).toBe(200);
    await guarded.close();
  });

  it('refuses a Host header that is not loopback while listening on loopback (DNS rebinding)', async () => {
    const r = await app.inject({ url: '/api/stats', headers: { host: 'attacker.example:7878' } });
    expect(r.statusCode).toBe(421);
  });

  it('sends a strict Content-Security-Policy and nosniff', async () => {
    const r = await app.inject('/api/stats');
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('OpenAPI and docs', () => {
  it('describes every API route at /openapi.json', async () => {
    const spec = await get<{ openapi: string; paths: Record<string, unknown> }>('/openapi.json');
    expect(spec.openapi).toBe('3.1.0');
    for (const path of ['/api/articles', '/api/articles/{id}', '/api/entities', '/api/entities/{id}', '/api/claims', '/api/contradictions', '/api/stories', '/api/timeline', '/api/search', '/api/export']) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
  });

  it('serves the docs page', async () => {
    const r = await app.inject('/docs/');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('swagger-ui');
  });
});
