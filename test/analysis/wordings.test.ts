import { describe, expect, it } from 'vitest';
import { analyseTexts } from './texts.js';

// Two outlets, two sides, two wordings of who holds one town.
const CLAIMED = [
  'date 2026-11-20',
  'Army claims the town after a week of fighting',
  '',
  'The army said on Thursday that its forces had taken full control of Wad Medani after a week of heavy fighting.',
].join('\n');
const DENIED = [
  'date 2026-11-21',
  'Paramilitary command says its units still hold the town',
  '',
  'The paramilitary command denied on Friday that army forces had captured Wad Medani, saying its units continued to defend it.',
].join('\n');
const POLITICS = [
  'date 2026-11-22',
  'Campaign notes',
  '',
  'Democrats said the new weapon in their arsenal would help them regain control of the Senate.',
  '',
  'In the debate she hit him on guns and on taxes.',
].join('\n');
const SHELLED = ['date 2026-09-14', 'Market shelled', '', 'Shells hit a crowded market in Wad Medani on Saturday, the regional health ministry said.'].join('\n');
const NOT_SHELLED = ['date 2026-09-15', 'Army denies shelling', '', 'The army on Sunday denied shelling the market in Wad Medani.'].join('\n');

describe('one war event in two wordings', () => {
  it('reads "taken control of the town" and "captured the town" as one capture there, and sets the two sides against each other', async () => {
    const { store, analyses } = await analyseTexts({ 'claimed.txt': CLAIMED, 'denied.txt': DENIED });
    const captures = analyses.map((a) => a.events.filter((e) => e.type === 'capture').map((e) => [e.trigger.text, e.place, e.target]));
    // The town is where the capture happened, whether it is named after "of" or as what was captured.
    expect(captures).toEqual([[['control', expect.stringMatching(/medani/), null]], [['captured', expect.stringMatching(/medani/), null]]]);
    const [x] = (await store.analysis.listContradictions({ limit: 10 })).items;
    expect(x?.sides.map((s) => s.claims.map((c) => [c.stance, c.content]))).toEqual([
      [['assert', 'its forces had taken full control of Wad Medani after a week of heavy fighting']],
      [['deny', 'army forces had captured Wad Medani']],
    ]);
    await store.close();
  });

  it('reads "shells hit the market" as the attack another side denies there', async () => {
    const { store } = await analyseTexts({ 'shelled.txt': SHELLED, 'not-shelled.txt': NOT_SHELLED });
    const [x] = (await store.analysis.listContradictions({ limit: 10 })).items;
    expect(x?.sides.map((s) => s.claims.map((c) => [c.stance, c.content]))).toEqual([
      [['assert', 'Shells hit a crowded market in Wad Medani on Saturday']],
      [['deny', 'shelling the market in Wad Medani']],
    ]);
    await store.close();
  });

  it('takes control of something that is no place for no capture, and a hit on a topic for no attack', async () => {
    const { store, analyses } = await analyseTexts({ 'politics.txt': POLITICS });
    expect(analyses[0]!.events.filter((e) => e.type === 'capture' || e.type === 'attack')).toEqual([]);
    await store.close();
  });
});
