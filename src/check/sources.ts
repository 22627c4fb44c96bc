/**
 * What decides a stance, and who takes which side: the article's evidence sentences (with the claims
 * the pipeline found in them) and its sources — speakers whose claims hold the claim, or the
 * article's own voice.
 */
import type { CheckSide as Side, Evidence, EvidenceClaim, StanceLabel } from '../contract/index.js';
import type { Analysis } from '../doc/types.js';
import { CONFIRM, HEDGE, HOLDING_BACK, NEGATION, REFUTE, STOP } from '../lang/en/check.js';
import type { Judgement } from './model.js';
import { stemId, type Prepared, type PreparedClaim, type PreparedSentence } from './prepare.js';

/**
 * Who in the article takes which side: a speaker whose claim holds the claim, or the article in its
 * own voice (speaker null).
 */
export interface Source {
  side: Side;
  speaker: string | null;
  speakerEntity: string | null;
  /** The speaker's claim; null for the article's own voice. */
  claim: EvidenceClaim | null;
  /** The sentence that says it. */
  evidence: Evidence;
  /** How sure: the speaker's claim's share of the claim's words times the model's probability that the article is related; for the own voice, the model's probability of its stance. */
  score: number;
}

/** A speaker's claim counts as saying the claim when its content holds at least this share of the claim's weighted words. */
const SAYS = 0.5;
/** The model's most telling sentence speaks for its speaker when it holds at least this share of the claim. */
const TOLD = 0.3;

/**
 * The sides of the article's speakers and of its own voice. A speaker whose claim (the pipeline's)
 * holds the claim — every entity the claim names, and at least half its weighted words, a name
 * counting as held where the content names the same entity or opens with a pronoun standing for the
 * speaker ("North Korea confirmed it had sent troops") — takes the side its stance says: a denial
 * disagrees; a confirmation or an assertion agrees, unless the claim's words are negated in it ("not
 * a single soldier has crossed") or its cue holds back ("claimed", "alleged"), which only reports
 * it. A negated cue ("has not confirmed") and stances that are no statement (warn, demand, praise …)
 * take no side. When no speaker does, the claim in the model's most telling sentence speaks for its
 * speaker if it names the claim's actors (places may differ) and holds some of its words; else the
 * article's own voice takes the model's side. The own voice also speaks when its most telling
 * sentence is nobody's claim and the model finds it agreeing or disagreeing. One source per side and
 * article: the surest.
 */
export function sourcesOf(j: Judgement, evidence: Evidence[], claim: Prepared, claimDoc: Analysis, body: Prepared, analysis: Analysis): Source[] {
  if (j.stance === 'unrelated') return [];
  const related = 1 - j.probabilities.unrelated;
  let total = 0;
  for (const w of claim.tf.values()) total += w;
  const names = claimNames(claimDoc);
  const best = new Map<Side, Source>();
  const offer = (side: Side, score: number, pc: PreparedClaim) => {
    if ((best.get(side)?.score ?? -1) >= score) return;
    const e = evidenceAt(claim, body, analysis, body.sentences[pc.sentence]!);
    const said = e.claims.find((x) => x.id === pc.claim.id) ?? null;
    best.set(side, { side, speaker: said?.speaker ?? null, speakerEntity: said?.speakerEntity ?? null, claim: said, evidence: e, score });
  };
  for (const pc of body.claims) {
    if (pc.claim.negated || !pc.claim.speaker) continue;
    const h = held(claim, total, names, pc);
    const side = h.all && h.cover >= SAYS ? sideOf(pc, h.turned > 0 && !negatesItself(claim)) : null;
    if (side) offer(side, h.cover * related, pc);
  }
  const main = evidence[0];
  if (main && !best.size) {
    const at = body.sentences.findIndex((s) => s.start === main.sentence.start);
    const told = body.claims.find((pc) => pc.sentence === at && !pc.claim.negated && pc.claim.speaker);
    const h = told && held(claim, total, names, told);
    const side = told && h && h.actors && main.cover >= TOLD && sideOf(told, h.turned > 0 && !negatesItself(claim));
    if (told && side) offer(side, main.cover * related, told);
  }
  if (main && (!best.size || (!main.claims.length && j.stance !== 'discuss'))) {
    const own = best.get(j.stance);
    if (!own || own.score < j.score) best.set(j.stance, { side: j.stance, speaker: null, speakerEntity: null, claim: null, evidence: main, score: j.score });
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/** The side a speaker's claim takes: from its stance, turned round when it negates the claim's words. */
function sideOf(pc: PreparedClaim, negates: boolean): Side | null {
  const c = pc.claim;
  if (c.stance === 'deny') return 'disagree';
  if (c.stance === 'confirm' || c.stance === 'assert') return negates ? 'disagree' : HOLDING_BACK.has(c.cue?.lemma ?? '') ? 'discuss' : 'agree';
  if (c.stance === 'question') return 'discuss';
  return null;
}

/** What a speaker's claim holds of the claim. */
interface Held {
  /** The claim's share of weighted words it holds. */
  cover: number;
  /** The share it says negated. */
  turned: number;
  /** It names every entity the claim names. */
  all: boolean;
  /** It names every actor the claim names (people, organisations, peoples: "Belarusian"), places aside. */
  actors: boolean;
}

/** A name counts as held where the content names the same entity, or opens with a pronoun standing for the speaker (PreparedClaim.named). */
function held(claim: Prepared, total: number, names: Map<string, ClaimName>, pc: PreparedClaim): Held {
  const own = new Set(pc.stems);
  const byName = new Set<number>();
  let all = true;
  let actors = true;
  for (const [id, n] of names) {
    if (pc.named.has(id)) for (const stem of n.stems) byName.add(stem);
    else {
      all = false;
      if (n.actor) actors = false;
    }
  }
  let cover = 0;
  let turned = 0;
  for (const [stem, w] of claim.tf) {
    if (!own.has(stem) && !byName.has(stem)) continue;
    cover += w;
    if (pc.turned.has(stem)) turned += w;
  }
  return { cover: total ? cover / total : 0, turned: total ? turned / total : 0, all, actors };
}

interface ClaimName {
  /** Stems of the words naming it in the claim ("North Korean" → north, korean). */
  stems: number[];
  actor: boolean;
}

const ACTORS = new Set<string>(['PERSON', 'ORG', 'NORP']);

function claimNames(claim: Analysis): Map<string, ClaimName> {
  const out = new Map<string, ClaimName>();
  for (const e of claim.entities) {
    const stems = e.mentions.flatMap((m) => (m.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP.has(w)).map(stemId));
    out.set(e.id, { stems, actor: ACTORS.has(e.type) || e.mentions.some((m) => m.label === 'NORP') });
  }
  return out;
}

/** The claim itself negates or calls something false: its negated words are its own. */
function negatesItself(claim: Prepared): boolean {
  return claim.sentences.some((s) => s.negation > 0 || s.refute > 0);
}

/** Words that speak for each stance: evidence sentences holding them come first. */
const TELLING: Record<StanceLabel, (s: PreparedSentence) => number> = {
  agree: (s) => s.confirm,
  disagree: (s) => s.refute + s.negation,
  discuss: (s) => s.hedge,
  unrelated: () => 0,
};

/** The sentences that hold most of the claim, those with words telling of the stance first (none when unrelated). */
export function evidenceOf(j: Judgement, claim: Prepared, body: Prepared, analysis: Analysis): Evidence[] {
  if (j.stance === 'unrelated') return [];
  const relevant = j.relevant.filter((r) => r.cover > 0);
  const telling = TELLING[j.stance];
  const ranked = relevant
    .map((r, k) => ({ r, k, tells: telling(body.sentences[r.sentence]!) > 0 ? 1 : 0 }))
    .sort((a, b) => b.tells - a.tells || a.k - b.k)
    .map((x) => x.r);
  return ranked.map((r) => evidenceAt(claim, body, analysis, body.sentences[r.sentence]!));
}

/** A sentence as evidence: how much of the claim it holds, its telling words and the claims the pipeline found in it. */
function evidenceAt(claim: Prepared, body: Prepared, analysis: Analysis, s: PreparedSentence): Evidence {
  let total = 0;
  for (const w of claim.tf.values()) total += w;
  let held = 0;
  for (const stem of s.stems) held += claim.tf.get(stem) ?? 0;
  const cover = total ? held / total : 0;
  const name = (id: string | null | undefined) => (id ? analysis.entities.find((e) => e.id === id)?.name : undefined);
  const claims = analysis.claims
    .filter((c) => c.content.start < s.end && c.content.end > s.start)
    .map((c) => ({
      id: c.id,
      speaker: name(c.speaker?.entity) ?? c.speaker?.text ?? null,
      speakerEntity: c.speaker?.entity ?? null,
      cue: c.cue?.text ?? null,
      stance: c.stance,
      negated: Boolean(c.negated),
      content: c.content.text,
      said: c.said,
    }));
  const cues = [...new Set(s.words.filter((w) => REFUTE.has(w) || HEDGE.has(w) || CONFIRM.has(w) || NEGATION.has(w)))];
  return { sentence: { start: s.start, end: s.end, text: body.text.slice(s.start, s.end) }, cover, cues, claims };
}
