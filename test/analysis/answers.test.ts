import { describe, expect, it } from 'vitest';
import { refreshAnalysis } from '../../src/analysis/index.js';
import { analyzeInputs } from '../../src/analyze.js';
import { createPipeline, pipelineVersion } from '../../src/annotate/index.js';
import { loadRules } from '../../src/ingest/clean.js';
import { SqliteStore as Store } from '../../src/store/sqlite/store.js';

const options = { verbatim: false, timeoutMs: 1000, maxBytes: 1 << 20, rules: loadRules() };

/** One plain-text article analysed into a new store and refreshed: each contradiction's sides as (speaker, content) lists. */
async function contradictionsIn(content: string): Promise<[string | null, string][][][]> {
  const pipeline = await createPipeline();
  const store = await Store.open(':memory:', pipelineVersion());
  try {
    for await (const o of analyzeInputs([{ name: 'a.txt', content, kind: 'text' }], { ...options, pipeline, store })) expect(o.ok).toBe(true);
    await refreshAnalysis(store);
    const { items } = await store.analysis.listContradictions({ limit: 10 });
    return items.map((x) => x.sides.map((s) => s.claims.map((c): [string | null, string] => [c.speaker, c.content])));
  } finally {
    await store.close();
  }
}

describe('a cue answering what was just said, across the analysis', () => {
  it('sets "called for X, something Y has opposed" against the claim it answers, though X is a thing, not a statement', async () => {
    const content = 'Canal talks stall\n\nThe League has called for a toll on the canal, something Osterlich has opposed for years. Officials met again on Monday.';
    expect(await contradictionsIn(content)).toEqual([[[['The League', 'a toll on the canal']], [['Osterlich', 'a toll on the canal']]]]);
  });
});

describe('a denial that something happened at all', () => {
  it('answers the claim that names the thing in the same word or a near one ("held talks" — "any negotiations had taken place")', async () => {
    const content =
      'Envoys met in secret\n\nPeru and Bolivia held secret talks in a neutral capital last month, two diplomats said. ' +
      'Bolivia denied that any negotiations had taken place. Separately, a court in Peru denied that any bail had been set.';
    expect(await contradictionsIn(content)).toEqual([
      [[['two diplomats', 'Peru and Bolivia held secret talks in a neutral capital last month']], [['Bolivia', 'any negotiations had taken place']]],
    ]);
  });
});

describe('a denial of a loss', () => {
  it('answers the claim of the deed that would have caused it, named in a near word ("shot down a jet" — "losing any aircraft")', async () => {
    const content =
      'Jet downed\n\nBolivia said on Wednesday that it had shot down a Peruvian fighter jet near Oruro. ' +
      "Peru's defence ministry denied losing any aircraft. Peru's football team denied losing any sleep over the draw.";
    expect(await contradictionsIn(content)).toEqual([
      [[['Bolivia', 'it had shot down a Peruvian fighter jet near Oruro']], [['Ministry of Defence of Peru', 'losing any aircraft']]],
    ]);
  });
});

describe('a denial of any part in a deed', () => {
  it('answers the accusation just before that names the denier, and no statement that does not', async () => {
    const content =
      'Bridge bombed\n\nThe interior minister blamed Bolivian intelligence for the bombing of the bridge. Bolivia denied any involvement. ' +
      'Police said the bridge would reopen in May. The railway company denied any responsibility.';
    expect(await contradictionsIn(content)).toEqual([[[['The interior minister', 'Bolivian intelligence for the bombing of the bridge']], [['Bolivia', 'any involvement']]]]);
  });
});

describe('a defence of something said', () => {
  it('holds a statement it answers, and disputes a criticism it answers', async () => {
    const content =
      'Talks\n\nPeru confirmed on Wednesday that it had agreed to a truce, a week after its president said no truce talks were under way. ' +
      'The president defended his earlier statement, telling reporters that intermediaries had led the talks.\n\n' +
      'The council condemned the mayor for his remark about the refugees. The party defended the remark.';
    expect(await contradictionsIn(content)).toEqual([[[['The council', 'the mayor for his remark about the refugees']], [['The party', 'the remark']]]]);
  });
});

describe('a thing said not to be there at all', () => {
  it('answers the claim that names it ("There is no blockade")', async () => {
    const content =
      'Ports\n\nBolivia\'s harbour master said the Peruvian blockade had cut supplies by two thirds. "There is no blockade," a Peruvian navy spokesman told state radio. ' +
      'The weather service said there was no rain in the capital.';
    expect(await contradictionsIn(content)).toEqual([
      [[['Bolivia', 'the Peruvian blockade had cut supplies by two thirds']], [['Peru', '"There is no blockade,"']]],
    ]);
  });
});
