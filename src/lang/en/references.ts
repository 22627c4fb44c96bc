/**
 * Contents that speak of something said instead of saying something: "denied the report",
 * "dismissed Trump's claim that …", "called them groundless rumours", "said the Reuters account was
 * misleading", "rejected it". Such a claim takes a side on what it refers to — against it when it
 * denies it or judges it false, for it when it confirms it. One reading, two users: the claims
 * layer links such a claim to the earlier claim of the article it answers (`refersTo`,
 * src/annotate/claims/refers.ts), and the cross-article analysis reads its side and what it
 * answers from it (src/analysis/features.ts).
 */

import { WEEKDAYS } from './times.js';
import { lowerAt, type Token } from './token.js';
import { BE as FORMS_OF_BE } from './words.js';

export type { Token };

export interface Reference {
  /** −1 disputes what it refers to, +1 bears it out. */
  direction: -1 | 1;
  /** Who said it, when the content names them ("Trump's claim", "criticism from Exxon"). */
  sayer: string | null;
  /** Tokens [said, saidEnd) are what the content says was said ("the claim that X": X; "reports of X": X), or said = -1 when it only names it. */
  said: number;
  saidEnd: number;
  /** What was said is a clause ("the claim that …"), not a topic ("reports of …"). */
  clause: boolean;
  /** The noun naming it ("report" in "the Reuters report"), or null for a pronoun or a bare judgement. */
  noun: string | null;
  /** A pronoun ("it", "that"): what it answers was just said. */
  near: boolean;
}

/** Nouns that name something said. Proposals, offers and requests are not: rejecting them denies nothing. */
export const SAYING = new Set(
  (
    'report reports reporting rumor rumors rumour rumours allegation allegations claim claims charge charges accusation accusations ' +
    'assertion assertions account accounts story stories suggestion suggestions speculation notion idea characterization ' +
    'characterisation portrayal version narrative premise theory criticism criticisms critique critiques remark remarks comment comments ' +
    'statement statements figure figures estimate estimates number numbers label talk insinuation insinuations implication contention ' +
    'assessment assessments finding findings conclusion conclusions point argument arguments reporting description descriptions ' +
    'depiction depictions interpretation announcement announcements'
  ).split(' '),
);

/** Words that judge something said to be false. */
export const FALSE = new Set(
  (
    'false untrue inaccurate incorrect wrong misleading baseless groundless unfounded unsubstantiated fabricated fabrication fabrications ' +
    'fake lie lies lying nonsense absurd ridiculous ludicrous preposterous bogus hoax propaganda smear smears slander fiction fictitious fantasy fantasies ' +
    'erroneous distorted distortion distortions garbage rubbish disinformation misinformation debunked exaggerated overblown mischaracterization ' +
    'misrepresentation misleadingly falsely bluff bluffing premature'
  ).split(' '),
);

/** What a noun says of what it names: an accusation ("the charges"), or a telling of events ("that account"). */
export const NOUN_KIND = new Map<string, 'charge' | 'account'>([
  ...'accusation accusations charge charges criticism criticisms critique critiques allegation allegations insinuation insinuations label'.split(' ').map((w) => [w, 'charge'] as const),
  ...'account accounts version story stories description descriptions report reports reporting narrative portrayal depiction statement statements announcement announcements'.split(' ').map((w) => [w, 'account'] as const),
]);

/** Words before a noun naming something said: determiners, possessives and the like ("such reports", "earlier media accounts"). */
const BEFORE_NOUN = new Set(
  (
    'the a an this that these those such any all some his her its their our my your earlier previous prior recent latest new initial ' +
    'early first several multiple many widespread various persistent repeated published media press news public similar other further ' +
    'unconfirmed unsubstantiated anonymous western foreign unnamed official intelligence government campaign poll polling casualty ' +
    "troop deployment 's ’s ' ’"
  ).split(' '),
);
const PRONOUNS = new Set(['that', 'it', 'this', 'them', 'those', 'these']);
/** Pronouns that as often stand for people ("dismissed them as the old guard"): a reference only when judged false. */
const PEOPLE_TOO = new Set(['them', 'those', 'these']);
/** What "it was" says of something said when no falsity is named: "denied it was true", "confirmed that this was the case". */
const TRUE_AFTER_BE = new Set(['true', 'so', 'correct', 'accurate', 'real', 'right', 'genuine', 'authentic', 'case', 'fact']);
/** Nouns that name a statement only with what it says ("the idea that …"); alone they are mostly proposals ("rejected the idea"). */
const WITH_CLAUSE = new Set(['idea', 'suggestion', 'suggestions']);
/** "be", and "'s" for "is" ("that's untrue"). */
const BE = new Set([...FORMS_OF_BE, "'s", '’s']);
const ADVERBS = new Set(['completely', 'totally', 'entirely', 'utterly', 'absolutely', 'simply', 'patently', 'categorically', 'wholly', 'just', 'all', 'a', 'an', 'the', 'so', 'very', 'clearly', 'obviously', 'demonstrably', 'mostly', 'largely', '"', '“', '”', "''"]);
/** What may follow the noun of a bare reference ("the allegations through her attorney", "such reports before"). */
const AFTER_BARE = new Set(['as', 'through', 'in', 'on', 'at', 'before', 'after', 'during', 'over', 'with', 'last', 'this', 'earlier', 'outright', 'out', 'again', 'immediately', 'publicly', 'firmly', 'flatly', 'strongly']);
/** When something was said, between its noun and what is said of it ("called that report Monday a lie"). */
const WHEN = new Set([...WEEKDAYS.keys(), 'yesterday', 'today', 'tonight']);
/** What introduces what was said after the noun ("the claim that …", "reports of …"). */
const SAID_AFTER = new Set(['that', 'of', 'about', 'regarding', 'concerning', 'on']);
const PUNCT = /^[^\p{L}\p{N}]+$/u;
/** After "it is wrong", these make "it" stand for what follows, not for something said. */
const EXPLETIVE_AFTER = new Set(['to', 'that', 'for', 'how', 'when', 'if', 'whether']);

/** How a claim of this stance stands on what its content refers to, if it refers to something said. */
export function readReference(tokens: readonly Token[], stance: string): Reference | null {
  let i = 0;
  while (i < tokens.length && PUNCT.test(tokens[i]!.lower)) i++;
  if (i >= tokens.length) return null;
  // "There is no truth to the claim that …": what follows is a reference denied, whatever the cue.
  const denied = noTruthIn(tokens, i);
  if (denied > i) {
    i = denied;
    stance = 'deny';
  }
  const n = tokens.length;
  const judged = (from: number) => judgedFalse(tokens, from);
  const side = (falsehood: boolean): -1 | 1 | null => (stance === 'deny' || falsehood ? -1 : stance === 'confirm' ? 1 : null);

  // "it", "that's untrue", "them groundless rumours"
  if (PRONOUNS.has(tokens[i]!.lower) && tokens[i]!.entity === null) {
    const next = tokens[i + 1]?.lower;
    if (next === undefined || PUNCT.test(next) || next === 'as' || FALSE.has(next) || BE.has(next) || FALSE.has(lowerAt(tokens, i + 2))) {
      const falsehood = judged(i + 1);
      // "denied it was calling up reservists": "it" is who acts, and what follows a statement of its own.
      if (next !== undefined && BE.has(next) && !falsehood && i + 2 < tokens.length && !judgement(tokens, i + 2)) return null;
      const direction = PEOPLE_TOO.has(tokens[i]!.lower) && !falsehood ? null : side(falsehood);
      return direction ? { direction, sayer: null, said: -1, saidEnd: -1, clause: false, noun: null, near: true } : null;
    }
  }
  // "the report", "Trump's claim that …", "earlier accounts of North Korean soldiers fighting for Russia"
  let j = i;
  let sayer: string | null = null;
  while (j < n && j - i <= 6) {
    const t = tokens[j]!;
    if (t.entity !== null) sayer ??= t.entity;
    else if (!BEFORE_NOUN.has(t.lower) || SAYING.has(t.lower)) break;
    j++;
  }
  if (j < n && SAYING.has(tokens[j]!.lower)) {
    const noun = tokens[j]!.lower;
    let k = j + 1;
    while (k < n && SAYING.has(tokens[k]!.lower)) k++;
    if (k < n && (tokens[k]!.lower === 'from' || tokens[k]!.lower === 'by')) {
      // "criticism from opposition leader Jane Roe that …"
      const named = tokens.slice(k + 1, k + 6).findIndex((t) => t.entity !== null);
      if (named >= 0) {
        sayer = tokens[k + 1 + named]!.entity;
        k += 1 + named;
        while (k < n && tokens[k]!.entity === sayer) k++;
      } else {
        // "accusations by rights groups that …": an unnamed sayer, then what it said.
        const that = tokens.slice(k + 1, k + 6).findIndex((t) => t.lower === 'that' || PUNCT.test(t.lower));
        if (that > 0 && tokens[k + 1 + that]!.lower === 'that') k += 1 + that;
      }
    }
    // "called that report Monday a 'shameless lie'": when it was said is no part of what.
    while (k < n && WHEN.has(tokens[k]!.lower)) k++;
    const next = tokens[k]?.lower;
    if (WITH_CLAUSE.has(noun) && next !== 'that') return null;
    if (next === undefined || PUNCT.test(next) || AFTER_BARE.has(next) || next === 'from' || next === 'by') {
      const direction = side(judged(k));
      return direction ? { direction, sayer, said: -1, saidEnd: -1, clause: false, noun, near: false } : null;
    }
    if (SAID_AFTER.has(next)) {
      const direction = side(false);
      // A clause runs to the end of the content; a topic ("claims of fraud, …") to the first break.
      const clause = next === 'that';
      return direction ? { direction, sayer, said: k + 1, saidEnd: clause ? n : firstBreak(tokens, k + 1), clause, noun, near: false } : null;
    }
    if (BE.has(next) || FALSE.has(next) || next === 'a' || next === 'an') {
      return judged(k) ? { direction: -1, sayer, said: -1, saidEnd: -1, clause: false, noun, near: false } : null;
    }
    return null;
  }
  // A content of judging words alone: "groundless rumours", "nonsense", "a lie".
  const opening = tokens.slice(i, firstBreak(tokens, i));
  if (opening.length <= 6 && opening.some((t) => FALSE.has(t.lower)) && opening.every((t) => FALSE.has(t.lower) || SAYING.has(t.lower) || ADVERBS.has(t.lower) || t.lower.length <= 2)) {
    return { direction: -1, sayer: null, said: -1, saidEnd: -1, clause: false, noun: null, near: true };
  }
  // A denial that names whose statement it answers further in: "there is no safety reason for
  // the operator's announcement", "nothing in the ministry's report supports that".
  if (stance === 'deny') {
    for (let k = i + 1; k + 1 < n; k++) {
      const owner = tokens[k - 1]!.entity;
      if (owner && (tokens[k]!.lower === "'s" || tokens[k]!.lower === "'") && SAYING.has(tokens[k + 1]!.lower)) {
        return { direction: -1, sayer: owner, said: -1, saidEnd: -1, clause: false, noun: tokens[k + 1]!.lower, near: false };
      }
    }
  }
  return null;
}

/** Nouns of grounds denied before a reference: "there is no truth to the claim that …", "no basis for reports …". */
const GROUNDS = new Set(['truth', 'basis', 'substance', 'foundation', 'evidence']);

/** Where the reference starts after "there is no truth to", "there was no basis for" opening at `i`; else `i`. */
function noTruthIn(tokens: readonly Token[], i: number): number {
  if (lowerAt(tokens, i) !== 'there' || !BE.has(lowerAt(tokens, i + 1))) return i;
  let k = i + 2;
  if (lowerAt(tokens, k) !== 'no' || !GROUNDS.has(lowerAt(tokens, k + 1))) return i;
  k += 2;
  const preposition = lowerAt(tokens, k);
  return preposition === 'to' || preposition === 'in' || preposition === 'for' || preposition === 'behind' ? k + 1 : i;
}

/** Things asked for or offered: to reject them is to refuse, not to deny that something is so. */
const PROPOSALS = new Set(
  'proposal proposals offer offers request requests push plan plans bid call calls invitation invitations demand demands appeal appeals motion nomination endorsement inquiry inquiries question questions'.split(' '),
);
const REFUSING = new Set(['decline', 'refuse', 'refused', 'declined', 'refuses', 'declines']);

/**
 * A refusal ("declined to comment", "refused to back her", "rejected a request to …") denies no
 * statement: it takes no side.
 */
export function isRefusal(tokens: readonly Token[], stance: string, cueLemma: string | null): boolean {
  if (stance !== 'deny') return false;
  if (cueLemma !== null && REFUSING.has(cueLemma)) return true;
  let i = 0;
  while (i < tokens.length && PUNCT.test(tokens[i]!.lower)) i++;
  if (lowerAt(tokens, i) === 'to') return true;
  // "rejected opposition leader Jane Roe's offer to …": the first noun named after the names.
  for (let j = i; j < tokens.length && j - i <= 8; j++) {
    const w = tokens[j]!.lower;
    if (PROPOSALS.has(w)) return true;
    if (SAYING.has(w) || w === 'that' || PUNCT.test(w)) return false;
  }
  return false;
}

/**
 * Whether the words from `from` on judge the thing false: "as fake news", "was completely false",
 * "groundless", "is misleading because …" — not "it was wrong to equate …", where "it" refers to
 * nothing said.
 */
function judgedFalse(tokens: readonly Token[], from: number): boolean {
  let negated = false;
  for (let k = from; k < tokens.length && k < from + 6; k++) {
    const w = tokens[k]!.lower;
    // "this is not a bluff", "that is no lie": the falsity is denied, the thing held true.
    if (w === 'not' || w === "n't" || w === 'no' || w === 'never') negated = true;
    if (FALSE.has(w)) {
      if (negated) return false;
      let e = k + 1;
      while (e < tokens.length && (FALSE.has(tokens[e]!.lower) || SAYING.has(tokens[e]!.lower) || tokens[e]!.lower === 'news' || PUNCT.test(tokens[e]!.lower))) e++;
      return !EXPLETIVE_AFTER.has(lowerAt(tokens, e));
    }
    // "a shameless lie", "an outright fabrication": one word may qualify the judgement.
    if (!(BE.has(w) || ADVERBS.has(w) || w === 'as' || w === 'not' || w === "n't" || w === 'no' || w === 'never' || PUNCT.test(w) || FALSE.has(lowerAt(tokens, k + 1)))) return false;
  }
  return false;
}

/** Whether the words from `from` judge something said true or false ("true", "not the case", "wrong"), skipping a negation and an article. */
function judgement(tokens: readonly Token[], from: number): boolean {
  let k = from;
  while (k < tokens.length && (tokens[k]!.lower === 'not' || tokens[k]!.lower === "n't" || tokens[k]!.lower === 'the' || ADVERBS.has(tokens[k]!.lower))) k++;
  return k >= tokens.length || PUNCT.test(tokens[k]!.lower) || TRUE_AFTER_BE.has(tokens[k]!.lower) || FALSE.has(tokens[k]!.lower);
}

function firstBreak(tokens: readonly Token[], from: number): number {
  for (let k = from; k < tokens.length; k++) if (/^[,.;:!?]$/.test(tokens[k]!.lower)) return k;
  return tokens.length;
}
