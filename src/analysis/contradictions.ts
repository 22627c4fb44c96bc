import { disputeAbout, eventPhrase, linkWhy, type NameOf } from './about.js';
import { claimKey, largestGroup, linkOf, TRUTH_STANCES, type Link } from './links.js';
import { eventMatch, MILITARY } from './propositions.js';
import type { EventSig } from './features.js';
import type { VoicedStanding } from './standings.js';
import { countIn } from './measures.js';
import { claimRef, dedupeCopies, type Member } from './members.js';
import type { Contradiction, Side } from '../contract/cross.js';

export type { Contradiction, Side };

/** Counts further apart than this ratio are incompatible ("1,500" against "3,000"). */
const NUMBER_RATIO = 1.25;
/** Dates of one event given by different sources disagree when at most this far apart. */
const MAX_DATE_GAP_MS = 90 * 86_400_000;
/** Counts made further apart than this are counts at different times, not a disagreement. */
const MAX_COUNT_GAP_MS = 31 * 86_400_000;

/**
 * The disagreement within a proposition, if any. Claims that say something is or is not so take
 * sides (see TRUTH_STANCES), and so does an accusation a reference answers ("accused X …" — "X
 * denied it"), by position: a denial, a negated content or a contrary predicate ("ended" against
 * "continue") turns a claim round; when some claims of the proposition say something ended or
 * goes on, only those (and references) take sides. A claim stays on its side only when it is
 * linked (see links.ts) to a claim of another voice on the other. Failing that, sources that give
 * the same event different counts or different days disagree. Copies of one article count once.
 */
export function contradictionOf(propId: number, all: readonly Member[], nameOf: NameOf): Contradiction | null {
  if (all.length < 2) return null;
  const members = dedupeCopies(all);
  const blame = blameDispute(propId, members, nameOf);
  if (blame) return blame;
  const standing = standingDispute(propId, members);
  if (standing) return standing;
  const maker = makerDispute(propId, members, nameOf);
  if (maker) return maker;
  const byClaim = new Map(members.map((m) => [claimKey(m), m]));
  const answered = new Set(members.flatMap((m) => (m.features.answers ? [`${m.article}|${m.features.answers}`] : [])));
  const taking = members.filter((m) => m.position !== 0 && (TRUTH_STANCES.has(m.stance) || answered.has(claimKey(m))));
  // When some claims say something ended or goes on, only those (and references) take sides ...
  const predicated = taking.some((m) => m.features.predicate !== 0);
  const eligible = predicated ? taking.filter((m) => m.features.predicate !== 0 || m.features.refers !== 0 || answered.has(claimKey(m))) : taking;
  // ... unless they set no two voices against each other ("its troops were still fighting" alone): then the rest of
  // the proposition does ("seized the city" against "denied that the city had fallen").
  const sides = linkedSides(eligible, byClaim) ?? (eligible.length < taking.length ? linkedSides(taking, byClaim) : null);
  const base = { id: `x${propId}`, proposition: `p${propId}` };
  if (sides) {
    const { proLinked, conLinked, links, dispute } = sides;
    // The side whose references dispute what the other says is the denying one, whatever the
    // words of the claims they answer ("accused him of not doing enough" — "rejected that criticism").
    const disputes = (side: Member[]) => side.filter((m) => m.features.refers < 0).length;
    const [affirm, deny] = disputes(proLinked) > disputes(conLinked) ? [conLinked, proLinked] : [proLinked, conLinked];
    const about = disputeAbout('stance', [...affirm, ...deny], byClaim, nameOf);
    const why = mostFrequent(links.filter((l) => dispute.has(l.pair[0])).map((l) => linkWhy(l.link, nameOf)));
    return { ...base, about, kind: 'stance', sides: [{ stance: 'assert', claims: affirm.map(claimRef) }, { stance: 'deny', claims: deny.map(claimRef) }], why };
  }
  const value = valueSides(eligible, 'number') ?? valueSides(eligible, 'date');
  if (!value) return null;
  const about = disputeAbout(value.kind, value.sides.flatMap(([, ms]) => ms), byClaim, nameOf);
  const why = [`${value.kind === 'number' ? 'different counts' : 'different days'} of the same event: ${eventPhrase(value.event, nameOf)}`];
  const label = (v: number | string, ms: Member[]) => (typeof v === 'number' ? { label: countIn(ms[0]!.content, v, value.event.type).label } : {});
  return { ...base, about, kind: value.kind, sides: value.sides.map(([v, ms]) => ({ stance: 'assert' as const, value: v, ...label(v, ms), claims: ms.map(claimRef) })), why };
}

/**
 * The claims of two voices set against each other (linkOf) among `eligible`: of the groups they form, the largest (a
 * proposition may hold two disputes, "the region retaken" against "the fighting goes on" and a denial of troops sent
 * there); null when no such group holds two voices. One voice against itself counts only as a change of mind over
 * time ("groundless" in October, confirmed in April).
 */
function linkedSides(eligible: readonly Member[], byClaim: ReadonlyMap<string, Member>) {
  const pro = eligible.filter((m) => m.position > 0);
  const con = eligible.filter((m) => m.position < 0);
  const links: { pair: [Member, Member]; link: Link }[] = [];
  for (const a of pro) {
    for (const b of con) {
      const link = a.features.voice !== b.features.voice || apart(a, b) ? linkOf(a, b, byClaim) : null;
      if (link) links.push({ pair: [a, b], link });
    }
  }
  const dispute = largestGroup(links.map((l) => l.pair));
  const proLinked = pro.filter((m) => dispute.has(m));
  const conLinked = con.filter((m) => dispute.has(m));
  if (!proLinked.length || !conLinked.length || new Set([...proLinked, ...conLinked].map((m) => m.features.voice)).size < 2) return null;
  return { proLinked, conLinked, links, dispute };
}

/**
 * Distinct lines, most frequent first, at most three; a line another one completes ("the same
 * event: deployment by North Korea" beside "… to Russia") counts with it.
 */
function mostFrequent(lines: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l, (counts.get(l) ?? 0) + 1);
  for (const [l, n] of counts) {
    const fuller = [...counts.keys()].find((o) => o !== l && o.startsWith(l));
    if (fuller === undefined) continue;
    counts.set(fuller, counts.get(fuller)! + n);
    counts.delete(l);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([l]) => l);
}

/** Events whose counts are told of a place: the dead and the wounded, the drones and missiles shot down over it. */
const COUNTED_OF_PLACE = new Set(['kill', 'injure', 'intercept']);

/**
 * Different counts (or days) of one event from different voices, each with the claims giving it.
 * Counts of a war change as it goes on: only claims made within a month of each other disagree.
 */
function valueSides(members: readonly Member[], kind: 'number' | 'date'): { kind: 'number' | 'date'; event: EventSig; sides: [number | string, Member[]][] } | null {
  // value → members giving it, for one event at a time: same type and two shared arguments (a count of the dead in
  // one attack is not set against a count in another); the dead and wounded of one town, narrower than a country, and
  // what was shot down over it are counted of its place alone ("at least 45 killed in the town" against "12 killed in the town").
  const byType = new Map<string, Map<string, Member[]>>();
  const firstOf = new Map<string, EventSig>();
  for (const m of members) {
    // A count the text itself calls superseded ("officials had earlier put the toll at nine") is no side against the new one.
    if (m.position <= 0 || (kind === 'number' && m.features.order === 'early')) continue;
    for (const e of m.features.events) {
      if (e.planned || !MILITARY.has(e.type)) continue;
      const local = COUNTED_OF_PLACE.has(e.type) && e.place !== null && !m.features.wide.includes(e.place);
      const shared = local ? 1 / 3 : 2 / 3;
      if (!local && [e.actor, e.target, e.place].filter(Boolean).length < 2) continue;
      const value = kind === 'number' ? (e.quantity !== null ? String(e.quantity) : null) : e.time && /^\d{4}-\d{2}-\d{2}$/.test(e.time) ? e.time : null;
      if (value === null) continue;
      // Counts of one measure only: "killed" is not set against "killed or wounded".
      const key = kind === 'number' ? `${e.type}|${countIn(m.content, e.quantity!, e.type).measure}` : e.type;
      if (!firstOf.has(key)) firstOf.set(key, e);
      const values = byType.get(key) ?? new Map<string, Member[]>();
      byType.set(key, values);
      const list = values.get(value) ?? [];
      if ([...values.values()].flat().some((o) => !o.features.events.some((x) => x.type === e.type && (!local || x.place === e.place) && eventMatch(x, e, { ...o.features.countries, ...m.features.countries }) >= shared))) continue;
      if (!list.includes(m)) list.push(m);
      values.set(value, list);
    }
  }
  for (const [type, values] of byType) {
    const entries = [...values.entries()];
    if (entries.length < 2) continue;
    if (kind === 'number') {
      const nums = entries.map(([v]) => Number(v));
      if (Math.max(...nums) / Math.max(1e-9, Math.min(...nums)) <= NUMBER_RATIO) continue;
    } else {
      // Days years apart are different events (or a misread date), not a disagreement.
      const days = entries.map(([v]) => Date.parse(v));
      if (Math.max(...days) - Math.min(...days) > MAX_DATE_GAP_MS) continue;
    }
    const voices = new Set(entries.flatMap(([, ms]) => ms.map((m) => m.features.voice)));
    if (voices.size < 2) continue;
    if (kind === 'number') {
      const when = entries.flatMap(([, ms]) => ms.map(madeAt)).filter((t) => !Number.isNaN(t));
      if (when.length && Math.max(...when) - Math.min(...when) > MAX_COUNT_GAP_MS) continue;
    }
    return { kind, event: firstOf.get(type)!, sides: entries.map(([v, ms]) => [kind === 'number' ? Number(v) : v, ms]) };
  }
  return null;
}

function pair(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Claims made in different articles on different days. */
function apart(a: Member, b: Member): boolean {
  return a.dupGroup !== b.dupGroup && (a.said ?? a.published ?? '').slice(0, 10) !== (b.said ?? b.published ?? '').slice(0, 10);
}

/** When a claim was made: its date, else its article's publication date (ms, NaN when unknown). */
function madeAt(m: Member): number {
  const day = (m.said && /^\d{4}-\d{2}-\d{2}/.test(m.said) ? m.said : m.published ?? '').slice(0, 10);
  return Date.parse(day);
}

/**
 * Who is to blame: claims that hold different parties responsible for one outcome ("the League
 * provoked the war" against "the junta bears full responsibility for this war"), where the parties
 * are opposed — not allies blamed together ("the League and Osterlich"). The party blamed by most opposed voices is one side; the
 * parties opposed to it, and those who say it is not to blame, the other.
 */
function blameDispute(propId: number, members: readonly Member[], nameOf: NameOf): Contradiction | null {
  const blaming = members.filter((m) => m.features.blame !== null && m.stance !== 'question');
  if (blaming.length < 2) return null;
  const outcome = blaming[0]!.features.blame!.outcome;
  const byTarget = new Map<string, Member[]>();
  for (const m of blaming) {
    const b = m.features.blame!;
    if (b.outcome !== outcome || b.direction < 0) continue;
    byTarget.set(b.target, [...(byTarget.get(b.target) ?? []), m]);
  }
  // Parties blamed together, or of one state, are allies; any others blamed for the same outcome are opposed.
  const allied = new Set<string>();
  for (const m of blaming) for (const w of m.features.blame!.with) allied.add(pair(m.features.blame!.target, w));
  const opposed = (x: string, y: string) => x !== y && !allied.has(pair(x, y));
  const targets = [...byTarget.keys()];
  let pivot: string | null = null;
  let best = 0;
  for (const t of targets) {
    const others = targets.filter((o) => opposed(t, o));
    const weight = others.length ? others.length * 1000 + byTarget.get(t)!.length : 0;
    if (weight > best) [pivot, best] = [t, weight];
  }
  if (pivot === null) return null;
  const against = targets.filter((o) => opposed(pivot!, o));
  // Holding a party not to blame sides against those who blame it: "X cannot be blamed" with the
  // other side when X is the pivot, with the pivot's when X is one of the others.
  const denying = blaming.filter((m) => m.features.blame!.direction < 0 && m.features.blame!.outcome === outcome);
  // A denial answering a blaming claim ("Peru has denied imposing a blockade" after Bolivia blamed the blockade) holds
  // the party it blames not to blame, as "X cannot be blamed" does.
  const blamedBy = new Map(blaming.map((m) => [`${m.article}|${m.claim}`, m.features.blame!]));
  const answering = members.filter((m) => !m.features.blame && m.position < 0 && m.features.answers !== null && blamedBy.get(`${m.article}|${m.features.answers}`)?.outcome === outcome);
  const targetOf = (m: Member) => m.features.blame?.target ?? blamedBy.get(`${m.article}|${m.features.answers}`)!.target;
  const notPivot = [...denying, ...answering].filter((m) => targetOf(m) === pivot);
  const notOthers = [...denying, ...answering].filter((m) => against.includes(targetOf(m)));
  const other = [...against.flatMap((t) => byTarget.get(t)!), ...notPivot];
  const held = [...byTarget.get(pivot)!, ...notOthers];
  if (!other.length || new Set([...held, ...other].map((m) => m.features.voice)).size < 2) return null;
  const names = new Map(blaming.map((m) => [m.features.blame!.target, m.features.blame!.name ?? nameOf(m.features.blame!.target)]));
  const name = (voice: string) => names.get(voice) ?? voice;
  const others = [...new Set(against.map(name))];
  const what = OUTCOMES[outcome] ?? outcome;
  const about = `who is to blame for ${what}: ${name(pivot)} or ${others.length ? others.join(' and ') : 'not ' + name(pivot)}`;
  return blameOf(propId, about, [name(pivot), held], [others.join(', ') || `not ${name(pivot)}`, other], `each side lays ${what} at another's door`);
}

/** A dispute of who is to blame (or who did it): each side the party it names and the claims that name it. */
function blameOf(propId: number, about: string, [held, heldBy]: [string, Member[]], [other, otherBy]: [string, Member[]], why: string): Contradiction {
  return {
    id: `x${propId}`,
    proposition: `p${propId}`,
    about,
    kind: 'blame',
    sides: [
      { stance: 'assert', value: held, claims: heldBy.map(claimRef) },
      { stance: 'deny', value: other, claims: otherBy.map(claimRef) },
    ],
    why: [why],
  };
}

/**
 * Two sides each telling one attack in one place as the other's deed ("the army blamed Bolivian artillery for the strike"
 * on Desaguadero; "Bolivia said Peruvian forces had shelled the town"): who made it is disputed, when one side at least
 * speaks for a party the other accuses. Each accused side is a side of the dispute, with the claims that accuse it; a
 * denial that the one side did it stands with the other. Accusations of one side only are no dispute.
 */
function makerDispute(propId: number, members: readonly Member[], nameOf: NameOf): Contradiction | null {
  const accusing = members.filter((m) => m.features.accuses && m.position > 0);
  const place = accusing[0]?.features.accuses!.place;
  if (place === undefined) return null;
  const byAccused = new Map<string, Member[]>();
  for (const m of accusing) {
    const a = m.features.accuses!;
    if (a.place === place) byAccused.set(a.voice, [...(byAccused.get(a.voice) ?? []), m]);
  }
  if (byAccused.size < 2) return null;
  // The two most accused, each by claims of another voice than the other's accusers.
  const ranked = [...byAccused.values()].sort((x, y) => y.length - x.length);
  const held = ranked[0]!;
  const other = ranked[1]!;
  if (!held.some((a) => other.some((b) => a.features.camp !== b.features.camp))) return null;
  // One side at least answers by accusing the other ("an American-born gunman" and "ISIS's targeting" are no such pair).
  const accusedOf = (ms: Member[]) => ms[0]!.features.accuses!.voice;
  if (!held.some((a) => a.features.camp === accusedOf(other)) && !other.some((b) => b.features.camp === accusedOf(held))) return null;
  const actorOf = (ms: Member[]) => ms[0]!.features.accuses!.actor;
  const countries = Object.assign({}, ...members.map((m) => m.features.countries)) as Record<string, string>;
  const sameSide = (x: string, y: string) => x === y || (countries[x] !== undefined && countries[x] === countries[y]);
  // "Bolivia denied that its troops had shelled the town": the one side's denial stands with the other's accusation; so
  // does one that answers an accusation of that side ("Peru's army denied the report").
  const denying = (actor: string, accusers: Member[]) => {
    const accusations = new Set(accusers.map(claimKey));
    const deniesDeed = (m: Member) => m.features.events.some((e) => e.type === 'attack' && (e.place ?? e.target) === place && e.actor !== null && sameSide(e.actor, actor));
    return members.filter((m) => m.position < 0 && (deniesDeed(m) || (m.features.answers !== null && accusations.has(`${m.article}|${m.features.answers}`))));
  };
  const nameA = nameOf(actorOf(held));
  const nameB = nameOf(actorOf(other));
  const where = nameOf(place);
  return blameOf(propId, `who attacked ${where}: ${nameA} or ${nameB}`, [nameA, [...held, ...denying(actorOf(other), other)]], [nameB, [...other, ...denying(actorOf(held), held)]], `each side says the other made the attack on ${where}`);
}

/** A blamed outcome as a question names it: "who is to blame for breaking the truce". */
const OUTCOMES: Record<string, string> = { war: 'the war', food: 'the food crisis', truce: 'breaking the truce' };

const QUESTION: Record<VoicedStanding['question'], (name: string) => string> = {
  party: (name) => `whether ${name} takes part in the war`,
  nuclear: (name) => `whether ${name} is ready to use nuclear weapons`,
  arms: (name) => `whether ${name} supplies weapons for the war`,
  election: (name) => `whether the election ${name} held was fair`,
  land: (name) => `whether the land ${name} has taken is its own`,
  revolt: (name) => `whether ${name} rose against the government`,
};

/**
 * One standing question about one party answered yes and no by different camps ("Osterlich is
 * not a party to this conflict" against "Osterlich is waging a proxy war"): the question links
 * them, whatever their other words.
 */
function standingDispute(propId: number, members: readonly Member[]): Contradiction | null {
  const answering = members.filter((m) => m.features.standing && m.position !== 0);
  const first = answering[0]?.features.standing;
  if (!first) return null;
  const same = answering.filter((m) => m.features.standing!.question === first.question && m.features.standing!.party === first.party);
  const yes = same.filter((m) => m.position > 0);
  const no = same.filter((m) => m.position < 0);
  // Between sides: officials of one state answering differently are not two parties disputing it
  // — unless the question is whether one of them rose against that state.
  const side = (m: Member) => (first.question === 'revolt' ? m.features.voice : m.features.camp);
  if (!yes.some((a) => no.some((b) => side(a) !== side(b)))) return null;
  const question = QUESTION[first.question](first.name);
  return {
    id: `x${propId}`,
    proposition: `p${propId}`,
    about: question,
    kind: 'stance',
    sides: [
      { stance: 'assert', claims: yes.map(claimRef) },
      { stance: 'deny', claims: no.map(claimRef) },
    ],
    why: [`each side answers ${question}`],
  };
}
