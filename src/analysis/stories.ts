import { disputeAbout, type NameOf } from './about.js';
import { claimKey, largestGroup, linked, TRUTH_STANCES } from './links.js';
import type { ClaimFeatures, EventSig } from './features.js';
import { meaningOverlap } from './meaning.js';
import { claimRef, dedupeCopies, type Member } from './members.js';
import { eventMatch, MILITARY, overlap } from './propositions.js';
import type { Story, StoryStep } from '../contract/cross.js';

export type { Story, StoryStep };

/** A report and its confirmation: the one change of stance that keeps the direction. */
const CONFIRMATION = new Set(['assert', 'confirm']);

/** At most this many steps of a story are kept: every turn, then the earliest repeats. */
const MAX_STEPS = 100;

/**
 * A claim's story: the claims of a proposition that say something is or is not so (or an
 * accusation a reference answers), in the order they were made, copies once. Its turns are the
 * claims that answer one another — a denial after a report, a confirmation of a denied claim —
 * linked (links.ts) to a claim of a different stance or position; the others repeat what was said
 * before (`repeat`). A story is told when it has two turns, or when two articles (copies once)
 * retell one statement (`retold`: "reported by one outlet, repeated by another" is how a claim travels).
 */
export function storyOf(propId: number, all: readonly Member[], nameOf: NameOf): Story | null {
  if (all.length < 2) return null;
  const deduped = dedupeCopies(all);
  const answered = new Set(deduped.flatMap((m) => (m.features.answers ? [`${m.article}|${m.features.answers}`] : [])));
  const members = deduped.filter((m) => m.position !== 0 && (TRUTH_STANCES.has(m.stance) || answered.has(claimKey(m))));
  const byClaim = new Map(members.map((m) => [claimKey(m), m]));
  const pairs: [Member, Member][] = [];
  const candidates = storyCandidates(members);
  for (let i = 0; i < members.length; i++) {
    for (const j of candidates(i)) {
      const a = members[i]!;
      const b = members[j]!;
      // One speaker's claims make a story only as a change of mind over time (other articles,
      // other dates, "initially" … "now"), not as two pieces of one statement.
      if (a.features.voice === b.features.voice && (a.position === b.position || (a.article === b.article && !apart(a, b)))) continue;
      if (linked(a, b, byClaim)) pairs.push([a, b]);
    }
  }
  // One dispute per proposition: the larger of two that share it.
  const linkedSteps = largestGroup(pairs);
  const told = linkedSteps.size >= 2 ? turns(orderSteps([...linkedSteps]), byClaim) : [];
  const turned = new Set(told.length >= 2 ? told.map((s) => `${s.article}|${s.claim}`) : []);
  // The repeats: with a dispute, the rest of its linked claims; with none, every claim when all
  // are on one side (two sides unlinked are two statements, not one story). A voice counts once
  // per article and side.
  const positions = new Set(members.map((m) => m.position));
  const rest = turned.size ? [...linkedSteps].filter((m) => !turned.has(claimKey(m))) : positions.size === 1 ? retold(members) : [];
  const seen = new Set<string>();
  const repeats = rest.filter((m) => {
    const key = `${m.article}|${m.features.voice}|${m.position}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (!turned.size && new Set(repeats.map((m) => m.dupGroup)).size < 2) return null;
  const inStory = [...members.filter((m) => turned.has(claimKey(m))), ...repeats.slice(0, Math.max(0, MAX_STEPS - turned.size))];
  const steps: StoryStep[] = orderSteps(inStory).map((s) => (turned.has(`${s.article}|${s.claim}`) ? s : { ...s, repeat: true as const }));
  // With no dispute, its first telling is where it starts.
  if (!turned.size) delete steps[0]!.repeat;
  return { id: `s${propId}`, about: disputeAbout('story', inStory, byClaim, nameOf), proposition: `p${propId}`, steps };
}

/** Words two tellings of one statement share, at least, and the share of them. */
const RETOLD_WORDS = 3;
const RETOLD_JACCARD = 0.5;
const RETOLD_MEANING = 0.6;

/**
 * With no dispute, the claims of a proposition that tell one statement: the largest group of
 * claims from two articles joined by nearly the same words, the same words by meaning, the same
 * event (two of who, whom and where), the same blame or the same answer to a standing question. A proposition gathers claims more loosely
 * than that; a story of it tells only what was retold.
 */
function retold(members: readonly Member[]): Member[] {
  const pairs: [Member, Member][] = [];
  for (let i = 0; i < members.length && i < MAX_STEPS * 4; i++) {
    for (let j = i + 1; j < members.length && j < MAX_STEPS * 4; j++) {
      const [a, b] = [members[i]!, members[j]!];
      if (a.dupGroup !== b.dupGroup && sameStatement(a.features, b.features)) pairs.push([a, b]);
    }
  }
  return [...largestGroup(pairs)];
}

/** Deaths and injuries are told of shootings and accidents as much as of war: their place alone makes no retelling. */
const TOLLS: ReadonlySet<string> = new Set(['kill', 'injure']);

function sameStatement(a: ClaimFeatures, b: ClaimFeatures): boolean {
  if (a.blame && b.blame) return a.blame.target === b.blame.target && a.blame.outcome === b.blame.outcome && a.blame.direction === b.blame.direction;
  if (a.standing && b.standing) return a.standing.question === b.standing.question && a.standing.party === b.standing.party && a.standing.direction === b.standing.direction;
  const { shared, jaccard } = overlap(a.words, b.words);
  if (shared >= RETOLD_WORDS && jaccard >= RETOLD_JACCARD) return true;
  const countries = { ...a.countries, ...b.countries };
  // One war event in one place narrower than a country, told in a word more than the event's ("drones had hit the site"
  // near Uyuni; "a drone struck the depot near Uyuni").
  const onePlace = (e: EventSig, f: EventSig) => MILITARY.has(e.type) && !TOLLS.has(e.type) && e.place !== null && e.place === f.place && !a.wide.includes(e.place) && !b.wide.includes(e.place) && shared >= 2;
  const wide = new Set([...a.wide, ...b.wide]);
  if (a.events.some((e) => b.events.some((f) => eventMatch(e, f, countries, wide) >= 2 / 3 || (eventMatch(e, f, countries, wide) > 0 && onePlace(e, f))))) return true;
  return meaningOverlap(a, b, RETOLD_MEANING).score > 0;
}

/**
 * For a member (by index), the later members a story may pair it with, in index order: those of
 * the other direction, and in the same direction a report with its confirmation (assert, then
 * confirm). Found through lists by position and stance, so a large proposition whose members
 * mostly agree costs what its candidate pairs do, not the square of its size.
 */
function storyCandidates(members: readonly Member[]): (i: number) => number[] {
  const byPosition = new Map<number, number[]>();
  const byStance = new Map<string, number[]>();
  const add = <K>(lists: Map<K, number[]>, key: K, k: number) => {
    const list = lists.get(key);
    if (list) list.push(k);
    else lists.set(key, [k]);
  };
  members.forEach((m, k) => {
    add(byPosition, m.position, k);
    if (CONFIRMATION.has(m.stance)) add(byStance, `${m.position}|${m.stance}`, k);
  });
  const after = (list: readonly number[] | undefined, i: number) => (list ? list.slice(firstAbove(list, i)) : []);
  return (i) => {
    const a = members[i]!;
    const out: number[] = [];
    for (const [position, list] of byPosition) if (position !== a.position) out.push(...after(list, i));
    if (CONFIRMATION.has(a.stance)) {
      for (const stance of CONFIRMATION) if (stance !== a.stance) out.push(...after(byStance.get(`${a.position}|${stance}`), i));
    }
    return out.sort((x, y) => x - y);
  };
}

/** The index in an ascending list of its first value above `i`. */
function firstAbove(list: readonly number[], i: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! <= i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The turns of a story: its first step, then each step that goes the other way or confirms what
 * was reported or denied before, and the first word on each side of a voice that changed its
 * mind. More voices repeating what was just said, or a voice repeating itself, add no turn.
 */
function turns(steps: readonly StoryStep[], byClaim: ReadonlyMap<string, Member>): StoryStep[] {
  const members = steps.map((s) => byClaim.get(`${s.article}|${s.claim}`)!);
  const sides = new Map<string, Set<number>>();
  for (const m of members) sides.set(m.features.voice, (sides.get(m.features.voice) ?? new Set()).add(m.position));
  const out: StoryStep[] = [];
  const said = new Set<string>();
  let last: Member | null = null;
  members.forEach((m, k) => {
    const key = `${m.features.voice}|${m.position}|${m.stance === 'confirm'}`;
    const turn = !last || m.position !== last.position || (m.stance === 'confirm' && last.stance !== 'confirm') || sides.get(m.features.voice)!.size > 1;
    if (!turn || said.has(key)) return;
    out.push(steps[k]!);
    said.add(key);
    last = m;
  });
  return out;
}

function apart(a: Member, b: Member): boolean {
  return a.said !== b.said || a.features.order !== null || b.features.order !== null;
}

interface Placed {
  m: Member;
  date: string;
  rank: number;
}

/**
 * Order by when each claim was made. A claim without a date is placed by its article's words: a
 * dismissal right after the claim it answers; "initially" before the article's other dated steps;
 * otherwise ("later", "now", or nothing) at the article's publication date.
 */
export function orderSteps(members: readonly Member[]): StoryStep[] {
  const byClaim = new Map(members.map((m) => [`${m.article}|${m.claim}`, m]));
  const placed = new Map<Member, Placed>();
  const place = (m: Member, depth = 0): Placed => {
    const known = placed.get(m);
    if (known) return known;
    let p: Placed;
    const referent = m.features.answers ? byClaim.get(`${m.article}|${m.features.answers}`) : undefined;
    if (m.said) p = { m, date: m.said, rank: 0 };
    else if (referent && depth < 8) {
      const r = place(referent, depth + 1);
      p = { m, date: r.date, rank: r.rank + 1 };
    } else if (m.features.order === 'early') {
      const dated = members.filter((o) => o.article === m.article && o.said).map((o) => o.said!);
      p = { m, date: dated.sort()[0] ?? m.published ?? '', rank: -1 };
    } else p = { m, date: m.published ?? '', rank: 0 };
    placed.set(m, p);
    return p;
  };
  const all = members.map((m) => place(m));
  all.sort((a, b) => compareDates(a.date, b.date) || a.rank - b.rank || a.m.articleSeq - b.m.articleSeq || a.m.contentStart - b.m.contentStart);
  return all.map((p) => ({ ...claimRef(p.m), placed: p.date || null }));
}

/**
 * TIMEX3 dates of any precision: "2024-10" and "2024-10-15" compare on their shared prefix first;
 * a week ("2024-W42") compares as the day it starts.
 */
function compareDates(a: string, b: string): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  const [p, q] = [calendar(a), calendar(b)];
  const n = Math.min(p.length, q.length);
  const x = p.slice(0, n);
  const y = q.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** "2024-W42" → "2024-10-14" (the Monday of ISO week 42); other values unchanged. */
function calendar(value: string): string {
  const m = /^(\d{4})-W(\d{2})/.exec(value);
  if (!m) return value;
  const jan4 = Date.UTC(Number(m[1]), 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000 + (Number(m[2]) - 1) * 7 * 86_400_000;
  return new Date(monday).toISOString().slice(0, 10);
}
