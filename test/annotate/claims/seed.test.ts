import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../../src/annotate/index.js';
import type { Analysis, Claim } from '../../../src/doc/types.js';
import { fold, type GoldClaim } from '../../../src/eval/seed.js';
import { loadRules } from '../../../src/ingest/clean.js';
import { ingest } from '../../../src/ingest/index.js';
import { HAS_SEED, SEED, SEED_GOLD } from '../../helpers.js';


const has = (text: string | undefined, part: string) => text !== undefined && fold(text).includes(fold(part));

async function analyseSeed(): Promise<Analysis> {
  for await (const item of ingest([SEED], { verbatim: false, timeoutMs: 1000, maxBytes: 1 << 20, rules: loadRules() })) {
    if (!item.ok) throw item.error;
    return (await createPipeline()).analyze(item.article);
  }
  throw new Error(`${SEED}: no article`);
}

// The founding article against its hand-made gold (read from ../shared at run time).
describe.skipIf(!HAS_SEED)('claims of the founding article', () => {
  it('finds the required claims with cue and speaker, their stance and when they were said', async () => {
    const gold = (JSON.parse(readFileSync(SEED_GOLD, 'utf8')) as { claims: GoldClaim[] }).claims.filter((g) => !g.optional);
    const analysis = await analyseSeed();
    const entity = new Map(analysis.entities.map((e) => [e.id, e]));
    // The speaker is named when its span says so or its entity is the gold speaker by name or mention.
    const named = (c: Claim, g: GoldClaim) => {
      const e = c.speaker?.entity ? entity.get(c.speaker.entity) : undefined;
      return (
        has(c.speaker?.text, g.speaker) ||
        (g.speaker_text_any ?? []).some((t) => fold(c.speaker?.text ?? '') === fold(t)) ||
        (e !== undefined && (fold(e.name) === fold(g.speaker) || e.mentions.some((m) => fold(m.text) === fold(g.speaker))))
      );
    };
    const missing: string[] = [];
    let stanceRight = 0;
    for (const g of gold) {
      const c = analysis.claims.find((x) => has(x.content.text, g.content) && has(x.cue?.text, g.cue) && named(x, g));
      if (!c) {
        missing.push(`${g.id} ${g.speaker}: ${g.cue}`);
        continue;
      }
      if (c.stance === g.stance || (g.stance_any ?? []).includes(c.stance)) stanceRight++;
      if (g.said !== undefined) expect(c.said, `${g.id} said`).toBe(g.said);
      if (g.via !== undefined) expect(c.via?.text, `${g.id} via`).toContain(g.via);
    }
    expect(missing, `not found: ${missing.join('; ')}`).toHaveLength(0);
    expect(stanceRight / gold.length).toBeGreaterThanOrEqual(0.9);
  });
});
