import { eventMatch, MILITARY, overlap } from './propositions.js';
import { SHORT_STATEMENT, type ClaimFeatures, type EventSig } from './features.js';
import type { Member } from './members.js';
import { en } from '../lang/index.js';

const { PLANNING_STEMS } = en.contents;
/** At most this many words besides the act's own in the claim telling it done. */
const DEED_WORDS = 3;

/** Stances that say something is or is not so; praise, blame, warnings and demands take no side of their own. */
export const TRUTH_STANCES = new Set(['assert', 'confirm', 'deny', 'promise', 'warn', 'condemn', 'demand']);

/** Why two claims are set against each other (see linkOf). */
export type Link =
  | { kind: 'answers'; answer: Member; answered: Member }
  | { kind: 'wording' }
  | { kind: 'subject'; subject: string; word: string }
  | { kind: 'denial' }
  | { kind: 'plan' }
  | { kind: 'war'; place: string }
  | { kind: 'event'; event: EventSig };

export function linked(a: Member, b: Member, byClaim: ReadonlyMap<string, Member>): boolean {
  return linkOf(a, b, byClaim) !== null;
}

/**
 * Whether, and why, two claims of a proposition speak of the very same thing closely enough to
 * set one against the other: a reference and the claim it answers ("denied the report"); contents
 * that say nearly the same words (a "not" or a denial is what differs); the war in one place said
 * to be over and to go on; or the same military event (same type, compatible arguments, one
 * shared, and the same place, the same actor for movements of forces or arms, or two shared
 * arguments) where one side denies it or both say it ended or goes on. A bare reference stands
 * for the claim it answers.
 */
export function linkOf(a: Member, b: Member, byClaim: ReadonlyMap<string, Member>): Link | null {
  if (answers(a, b)) return { kind: 'answers', answer: a, answered: b };
  if (answers(b, a)) return { kind: 'answers', answer: b, answered: a };
  // Overlapping pieces of one quotation are one statement, whatever its parts say.
  if (a.article === b.article && a.contentStart < b.contentEnd && b.contentStart < a.contentEnd) return null;
  const fa = standIn(a, byClaim);
  const fb = standIn(b, byClaim);
  // A reference that names a topic ("critique of his debate performance") says nothing of it to
  // compare, nor does a content that only names a thing ("his tax records").
  // Nor do "he was never an insider" said by two people about themselves.
  const comparable = !fa.topic && !fb.topic && fa.statement && fb.statement && !(fa.pronounSubject && fb.pronounSubject && a.features.voice !== b.features.voice);
  const words = comparable ? overlap(fa.words, fb.words) : { shared: 0, jaccard: 0 };
  // A denial or a reference that says what it disputes ("rejected the notion that …") meets its
  // statement on fewer words than two statements do.
  const disputing = [a, b].some((m) => (m.stance === 'deny' && !m.features.retort) || m.features.refers !== 0);
  // What turns one round is a denial, or a negation in a short statement — not a "not" deep in a long quotation.
  // (and only one of the two holds a negation at all: "careless …, but no prosecutor would charge" twice is one statement).
  const negation = [a, b].some((m) => m.features.negated) && [a, b].every((m) => !m.features.negated || m.features.words.length <= SHORT_STATEMENT) && a.features.negation !== b.features.negation;
  if ((disputing || negation) && ((words.shared >= 4 && words.jaccard >= 0.4) || (words.shared >= 3 && words.jaccard >= 0.6))) {
    // One content quoting the other with words added ("… careless. Not fit!") is not a denial of
    // it: near-identical wording counts only when a stance, not extra words, makes the difference.
    const contained = words.shared >= 0.9 * Math.min(fa.words.length, fb.words.length);
    return !contained || a.stance !== b.stance ? { kind: 'wording' } : null;
  }
  // "had no plans to close the border" and "closed all crossings on its border": a plan disowned and the deed done.
  if (comparable && a.position * b.position < 0 && (plannedAndDone(a.position < 0 ? fa : fb, a.position < 0 ? fb : fa))) return { kind: 'plan' };
  // "denied smuggling timber or blocking harbours": each deed a denial names is denied (a deed, not a
  // statement, is what it names), and one the other claim states of the same parties in all its
  // words, two at least ("the blockade of the harbours"), is denied of it.
  if (!fa.topic && !fb.topic && !fa.pronounSubject && !fb.pronounSubject && a.position * b.position < 0 && a.features.camp !== b.features.camp) {
    if ((fb.statement && deniesOf(fa, fb)) || (fa.statement && deniesOf(fb, fa))) return { kind: 'denial' };
  }
  // "no civilians were killed in the strike" turns round "the strike killed 12 civilians" as a denial of it does, when
  // its negation is the event's ("not confined to the scandal, in which four were killed" denies no killing).
  const eventNegated = negation && [a, b].every((m) => !m.features.negated || m.features.events.some((e) => e.denied));
  const denial = a.position * b.position < 0 && (a.stance === 'deny' || b.stance === 'deny' || a.features.refers !== 0 || b.features.refers !== 0 || eventNegated);
  const predicated = fa.predicate !== 0 && fb.predicate !== 0;
  const place = predicated ? warPlace(fa, fb) : null;
  if (place) return { kind: 'war', place };
  const event = denial || predicated ? warEvent(fa, fb) : null;
  if (event) return { kind: 'event', event };
  // One party said to be something and not to be it, in a rare word of the same statement
  // ("the League says it is impartial" — "did not think the League was acting impartially").
  // Both short statements, one turned round at its head (a denial, or a negation opening it).
  const turned = [a, b].some((m) => (m.stance === 'deny' && !m.features.retort) || m.features.negated);
  const short = [fa, fb].every((f) => f.words.length <= SHORT_STATEMENT);
  if (turned && short && a.position * b.position < 0 && fa.subject && fa.subject === fb.subject && a.features.camp !== b.features.camp) {
    const word = fa.rare.find((w) => fb.rare.includes(w));
    if (word && words.jaccard >= 0.15) return { kind: 'subject', subject: fa.subject, word };
  }
  return null;
}

/**
 * Whether `d`, which points against, disowns a plan for the act `f` tells as done, in few more words than the act's
 * own: every word of the act, two at least, is `f`'s, and `f` names no plan itself.
 */
function plannedAndDone(d: ClaimFeatures, f: ClaimFeatures): boolean {
  const act = d.disownedPlan ?? [];
  if (act.length < 2 || f.words.length > act.length + DEED_WORDS || f.words.some((w) => PLANNING_STEMS.has(w))) return false;
  // The act's places and parties are named by the deed too (entities as `@` and their id).
  return act.every((w) => (w.startsWith('@') ? f.entities.includes(w.slice(1)) : f.words.includes(w)));
}

/** Whether one of the things `d` denies has all its words, two at least, in `f`, which names every party `d` names. */
function deniesOf(d: ClaimFeatures, f: ClaimFeatures): boolean {
  if (!d.denies || !d.entities.every((e) => f.entities.includes(e))) return false;
  return d.denies.some((part) => part.length >= 2 && part.every((w) => f.words.includes(w)));
}

/**
 * Whether the war in one place is what both speak of: "Kursk retaken" and "the fighting in Kursk
 * goes on" name different events of one war in one place (narrower than a country), and say
 * whether it is over.
 */
export function sameWarPlace(fa: ClaimFeatures, fb: ClaimFeatures): boolean {
  return warPlace(fa, fb) !== null;
}

/** The place of that war, or null. */
function warPlace(fa: ClaimFeatures, fb: ClaimFeatures): string | null {
  const wide = new Set([...fa.wide, ...fb.wide]);
  return fa.events.find((x) => MILITARY.has(x.type) && x.place !== null && !wide.has(x.place) && fb.events.some((y) => MILITARY.has(y.type) && y.place === x.place))?.place ?? null;
}

/**
 * The same war event, as the first claim tells it: where it happens agrees (more narrowly than a
 * whole country), or two of who, whom and where are shared; null when there is none.
 */
function warEvent(fa: ClaimFeatures, fb: ClaimFeatures): EventSig | null {
  const countries = { ...fa.countries, ...fb.countries };
  const wide = new Set([...fa.wide, ...fb.wide]);
  const samePlace = (x: string | null, y: string | null) =>
    x !== null && y !== null && !(wide.has(x) && wide.has(y)) && (x === y || (countries[x] !== undefined && countries[x] === countries[y]));
  // Who sends forces, withdraws them or supplies arms makes the event; for the rest, where.
  const byActor = (x: EventSig, y: EventSig) => MOVERS.has(x.type) && x.actor !== null && x.actor === y.actor;
  return (
    fa.events.find(
      (x) => MILITARY.has(x.type) && fb.events.some((y) => eventMatch(x, y, countries) > 0 && (samePlace(x.place, y.place) || byActor(x, y) || eventMatch(x, y, countries) >= 2 / 3)),
    ) ?? null
  );
}

const MOVERS = new Set(['deploy', 'withdraw', 'arms_transfer']);

/** Whether `a` is a reference answering `b`. */
export function answers(a: Member, b: Member): boolean {
  return a.article === b.article && a.features.answers === b.claim;
}

/** What a claim says, or — for a reference that says nothing of its own ("denied it") — what the claim it answers says. */
export function standIn(m: Member, byClaim: ReadonlyMap<string, Member>): ClaimFeatures {
  if (!m.features.answers || m.features.refers === 0 || m.features.words.length || m.features.events.length) return m.features;
  return byClaim.get(`${m.article}|${m.features.answers}`)?.features ?? m.features;
}

export function claimKey(m: Member): string {
  return `${m.article}|${m.claim}`;
}

/**
 * The largest group of claims joined by the given pairs (the first found among equals), or an
 * empty set when there are none.
 */
export function largestGroup<T>(pairs: readonly (readonly [T, T])[]): Set<T> {
  const parent = new Map<T, T>();
  const root = (x: T): T => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const [a, b] of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    parent.set(root(a), root(b));
  }
  const groups = new Map<T, Set<T>>();
  for (const x of parent.keys()) {
    const r = root(x);
    if (!groups.has(r)) groups.set(r, new Set());
    groups.get(r)!.add(x);
  }
  let best = new Set<T>();
  for (const g of groups.values()) if (g.size > best.size) best = g;
  return best;
}
