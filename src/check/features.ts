import { DIMENSIONS, wordVectors, type WordVectors } from '../lang/vectors.js';
import { en } from '../lang/index.js';
import type { Stance } from '../doc/types.js';
import type { Lexicon } from './lexical.js';
import { HEDGE } from '../lang/en/check.js';
import { TURN_WINDOW, type Prepared, type PreparedSentence } from './prepare.js';

/**
 * What the model sees of a claim and an article: how much of the claim the article holds (words,
 * pairs of words, meaning, names, numbers, the sentences that hold most of it), and how the
 * article speaks where it does (refuting, hedging, confirming and negating words; the claims the
 * pipeline found there, their stances and whether their cue is negated), and how the claim itself
 * is worded. Nothing names a topic or a person: the features describe language, so the model
 * carries over to claims it never saw.
 */
export const FEATURES = [
  'cover',
  'cover_plain',
  'jaccard',
  'tfidf',
  'bigrams',
  'lead_cover',
  'sent_cover_max',
  'sent_cover_2nd',
  'sent_cover_top3',
  'sent_covering_half',
  'sent_covering_half_share',
  'best_position',
  'vector_cos',
  'sent_cos_max',
  'sent_cos_top3',
  'align_mean',
  'align_exact',
  'align_close',
  'entities_found',
  'numbers_found',
  'claim_words',
  'own_voice_cover',
  'body_refute',
  'body_hedge',
  'body_confirm',
  'body_negation',
  'body_refute_any',
  'top_refute',
  'top_hedge',
  'top_confirm',
  'top_negation',
  'top_question',
  'lead_refute',
  'lead_hedge',
  'lead_confirm',
  'best_refute',
  'best_hedge',
  'best_confirm',
  'best_negation',
  'best_in_claim',
  'turned_matches',
  'turned_matches_best',
  'claims_per_sentence',
  'claim_best_cover',
  'claim_best_assert',
  'claim_best_deny',
  'claim_best_confirm',
  'claim_best_other',
  'claim_best_negated',
  'claim_best_hedged',
  'claims_deny_cover',
  'claims_confirm_cover',
  'claims_assert_cover',
  'claims_negated_cover',
  'head_refute',
  'head_hedge',
  'head_confirm',
  'head_negation',
  'head_question',
  'head_claim',
  'head_claim_deny',
  'head_claim_confirm',
  'head_claim_negated',
  'lex_agree',
  'lex_disagree',
  'lex_discuss',
] as const;

/** The article's sentences that hold most of the claim, best first, with how much of it each holds. */
export interface Relevant {
  sentence: number;
  cover: number;
  cosine: number;
}

export interface PairFeatures {
  values: Float32Array;
  relevant: Relevant[];
}

const TOP = 3;
const LEAD = 3;
/** Sentences whose words the claim's words are aligned with. */
const ALIGN = 5;
let vectors: WordVectors | null = null;

export function pairFeatures(claim: Prepared, body: Prepared, lexicon: Lexicon | null): PairFeatures {
  const x = new Float32Array(FEATURES.length);
  let k = 0;
  const put = (v: number) => (x[k++] = v);

  // The claim's content words, merged over its sentences.
  const cw = claim.tf;
  let cTotal = 0;
  let cFound = 0;
  let cFoundPlain = 0;
  let dot = 0;
  for (const [id, w] of cw) {
    cTotal += w;
    const bw = body.tf.get(id);
    if (bw !== undefined) {
      cFound += w;
      cFoundPlain++;
      dot += w * bw;
    }
  }
  const cCount = cw.size;
  let bigramsFound = 0;
  for (const b of claim.bigrams) if (body.bigrams.has(b)) bigramsFound++;

  // Per sentence: the share of the claim's weight it holds, and its meaning's closeness.
  const n = body.sentences.length;
  const covers = new Float64Array(n);
  const cosines = new Float64Array(n);
  const rel = new Float64Array(n);
  const leadSeen = new Set<number>();
  let covering = 0;
  for (let s = 0; s < n; s++) {
    const sent = body.sentences[s]!;
    let found = 0;
    for (let j = 0; j < sent.stems.length; j++) {
      const id = sent.stems[j]!;
      const w = cw.get(id);
      if (w !== undefined) {
        found += w;
        if (s < LEAD) leadSeen.add(id);
      }
    }
    covers[s] = cTotal ? found / cTotal : 0;
    cosines[s] = cos(claim.vector, sent.vector);
    rel[s] = covers[s]! + 0.5 * cosines[s]!;
    if (covers[s]! >= 0.5) covering++;
  }
  let leadFound = 0;
  for (const id of leadSeen) leadFound += cw.get(id)!;
  const order = largest(rel, ALIGN);
  const relevant = order.slice(0, TOP).map((s) => ({ sentence: s, cover: covers[s]!, cosine: cosines[s]! }));
  // Indices, not values: an array of values would hold small integers for one pair and doubles for the next.
  const topCovers = largest(covers, TOP);
  const topCos = largest(cosines, TOP);

  put(cTotal ? cFound / cTotal : 0);
  put(cCount ? cFoundPlain / cCount : 0);
  put(cCount + body.tf.size ? cFoundPlain / (cCount + body.tf.size - cFoundPlain) : 0);
  put(claim.norm && body.norm ? dot / (claim.norm * body.norm) : 0);
  put(claim.bigrams.size ? bigramsFound / claim.bigrams.size : 0);
  put(cTotal ? leadFound / cTotal : 0);
  put(topCovers.length > 0 ? covers[topCovers[0]!]! : 0);
  put(topCovers.length > 1 ? covers[topCovers[1]!]! : 0);
  put(mean(covers, topCovers));
  put(covering);
  put(n ? covering / n : 0);
  put(n > 1 ? (relevant[0]?.sentence ?? 0) / (n - 1) : 0);
  put(cos(claim.vector, body.vector));
  put(topCos.length > 0 ? cosines[topCos[0]!]! : 0);
  put(mean(cosines, topCos));
  const align = alignment(claim, body, order);
  put(align.mean);
  put(align.exact);
  put(align.close);
  put(found(claim.entities, body.entities));
  put(found(claim.numbers, body.numbers));
  put(cCount);
  let own = 0;
  for (let s = 0; s < n; s++) if (body.sentences[s]!.claim < 0) own = Math.max(own, covers[s]!);
  put(own);

  // How the article speaks, overall, where it holds the claim, and in its opening.
  const all = body.sentences;
  const per = (v: number) => (n ? v / n : 0);
  const overall = counts(all, 0, n);
  put(per(overall.refute));
  put(per(overall.hedge));
  put(per(overall.confirm));
  put(per(overall.negation));
  put(overall.refuting);
  const near = { refute: 0, hedge: 0, confirm: 0, negation: 0, question: 0 };
  for (const r of relevant) {
    const s = all[r.sentence]!;
    near.refute += s.refute;
    near.hedge += s.hedge;
    near.confirm += s.confirm;
    near.negation += s.negation;
    near.question += s.question ? 1 : 0;
  }
  put(near.refute);
  put(near.hedge);
  put(near.confirm);
  put(near.negation);
  put(near.question);
  const lead = counts(all, 0, Math.min(LEAD, n));
  put(lead.refute);
  put(lead.hedge);
  put(lead.confirm);
  const best = relevant.length ? all[relevant[0]!.sentence]! : null;
  put(best ? best.refute : 0);
  put(best ? best.hedge : 0);
  put(best ? best.confirm : 0);
  put(best ? best.negation : 0);
  put(best && best.claim >= 0 ? 1 : 0);
  put(turned(cw, all, relevant, relevant.length, cTotal));
  put(turned(cw, all, relevant, Math.min(1, relevant.length), cTotal));

  // The claims the pipeline found in the article, by how much of the claim their content holds.
  put(per(body.claims.length));
  let bestCover = 0;
  let bestStance: Stance | null = null;
  let bestNegated = false;
  let bestHedged = false;
  const byStance = { deny: 0, confirm: 0, assert: 0, negated: 0 };
  for (const c of body.claims) {
    let f = 0;
    for (let j = 0; j < c.stems.length; j++) {
      const w = cw.get(c.stems[j]!);
      if (w !== undefined) f += w;
    }
    const cover = cTotal ? f / cTotal : 0;
    if (cover > bestCover) {
      bestCover = cover;
      bestStance = c.claim.stance;
      bestNegated = Boolean(c.claim.negated);
      bestHedged = HEDGE.has(c.claim.cue?.lemma ?? '') || HEDGE.has(c.claim.cue?.text.toLowerCase() ?? '');
    }
    if (c.claim.negated) byStance.negated += cover;
    else if (c.claim.stance === 'deny') byStance.deny += cover;
    else if (c.claim.stance === 'confirm') byStance.confirm += cover;
    else if (c.claim.stance === 'assert') byStance.assert += cover;
  }
  put(bestCover);
  put(bestStance === 'assert' ? 1 : 0);
  put(bestStance === 'deny' ? 1 : 0);
  put(bestStance === 'confirm' ? 1 : 0);
  put(bestStance && !['assert', 'deny', 'confirm'].includes(bestStance) ? 1 : 0);
  put(bestNegated ? 1 : 0);
  put(bestHedged ? 1 : 0);
  put(byStance.deny);
  put(byStance.confirm);
  put(byStance.assert);
  put(byStance.negated);

  // How the claim itself is worded: a claim that says something is false, or reports a denial.
  const cs = claim.sentences;
  const worded = counts(cs, 0, cs.length);
  put(worded.refute);
  put(worded.hedge);
  put(worded.confirm);
  put(worded.negation);
  put(cs.some((s) => s.question) ? 1 : 0);
  const head = claim.claims[0]?.claim;
  put(head ? 1 : 0);
  put(head?.stance === 'deny' ? 1 : 0);
  put(head?.stance === 'confirm' ? 1 : 0);
  put(head?.negated ? 1 : 0);
  const words = lexicon ? lexicon.scores(claim, body, relevant.map((r) => r.sentence)) : [0, 0, 0];
  for (const v of words) put(v);
  if (k !== FEATURES.length) throw new Error(`pairFeatures: ${k} values for ${FEATURES.length} features`);
  return { values: x, relevant };
}

/** Refuting, hedging, confirming and negating words of sentences [from, to), and whether any refutes. */
function counts(all: readonly PreparedSentence[], from: number, to: number): { refute: number; hedge: number; confirm: number; negation: number; refuting: number } {
  const c = { refute: 0, hedge: 0, confirm: 0, negation: 0, refuting: 0 };
  for (let i = from; i < to; i++) {
    const s = all[i]!;
    c.refute += s.refute;
    c.hedge += s.hedge;
    c.confirm += s.confirm;
    c.negation += s.negation;
    if (s.refute > 0) c.refuting = 1;
  }
  return c;
}

/**
 * The weighted share of the claim's words that the sentences hold right after a negation or a
 * refuting word ("has not been killed", "fake photos of"): the article saying the claim's own
 * words the other way round.
 */
function turned(cw: ReadonlyMap<number, number>, all: readonly PreparedSentence[], relevant: readonly Relevant[], count: number, total: number): number {
  if (!total) return 0;
  let found = 0;
  for (let k = 0; k < count; k++) {
    const s = all[relevant[k]!.sentence]!;
    let last = -10;
    for (let i = 0; i < s.wordStems.length; i++) {
      if (s.turns[i]) last = i;
      const w = cw.get(s.wordStems[i]!);
      if (w !== undefined && i - last <= TURN_WINDOW) found += w;
    }
  }
  return found / total;
}

/** Share of `wanted` present in `pool`; −1 when nothing is wanted (the model tells "none" apart). */
function found<T>(wanted: ReadonlySet<T>, pool: ReadonlySet<T>): number {
  if (!wanted.size) return -1;
  let n = 0;
  for (const w of wanted) if (pool.has(w)) n++;
  return n / wanted.size;
}

/** Indices of the k largest values, largest first (the earlier index first among equals). */
function largest(values: Float64Array, k: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (out.length === k && v <= values[out[k - 1]!]!) continue;
    let at = out.length < k ? out.length : k - 1;
    while (at > 0 && values[out[at - 1]!]! < v) at--;
    out.splice(at, 0, i);
    if (out.length > k) out.pop();
  }
  return out;
}

/** The mean of the values at these indices (0 for none). */
function mean(values: Float64Array, at: readonly number[]): number {
  let s = 0;
  for (const i of at) s += values[i]!;
  return at.length ? s / at.length : 0;
}

function cos(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let d = 0; d < DIMENSIONS; d++) s += a[d]! * b[d]!;
  return s;
}

let marks = new Uint32Array(0);
let stamps = 0;
let targets: Int32Array = new Int32Array(256);

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Each claim word's closest word by meaning ("killed" finds "dead") among the words of the
 * sentences that hold most of the claim: the weighted mean of the best similarities, and the
 * weighted shares matched exactly and closely.
 */
function alignment(claim: Prepared, body: Prepared, sentences: readonly number[]): { mean: number; exact: number; close: number } {
  if (!vectors) {
    vectors = wordVectors(en);
    marks = new Uint32Array(vectors.words.length);
  }
  if (stamps === 0xffffffff) {
    marks.fill(0);
    stamps = 0;
  }
  // The sentences' distinct rows, marked with this call's stamp: no set built per pair.
  const stamp = ++stamps;
  let count = 0;
  for (const s of sentences) {
    for (const r of body.sentences[s]!.rows) {
      if (marks[r] === stamp) continue;
      marks[r] = stamp;
      if (count === targets.length) targets = grow(targets);
      targets[count++] = r;
    }
  }
  let total = 0;
  let sum = 0;
  let exact = 0;
  let close = 0;
  for (let i = 0; i < claim.rows.length; i++) {
    const a = claim.rows[i]!;
    const best = marks[a] === stamp ? 1 : Math.max(0, vectors.closest(a, targets, count));
    const w = claim.rowWeights[i]!;
    total += w;
    sum += w * best;
    if (best === 1) exact += w;
    if (best > 0.6) close += w;
  }
  return total ? { mean: sum / total, exact: exact / total, close: close / total } : { mean: 0, exact: 0, close: 0 };
}
