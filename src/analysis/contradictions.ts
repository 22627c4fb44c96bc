import { claimKey, linked, TRUTH_STANCES } from './links.js';
import { eventMatch, MILITARY } from './propositions.js';
import { claimRef, dedupeCopies, type ClaimRef, type Member } from './members.js';

export interface Side {
  /** assert: the side that affirms the proposition; deny: the side that denies it or says the contrary. */
  stance: 'assert' | 'deny';
  /** For a number or date disagreement, the value this side gives. */
  value?: number | string;
  claims: ClaimRef[];
}

export interface Contradiction {
  id: string;
  about: string;
  /** What the sides disagree on: stance (deny against assert, or ended against goes on), number, date. */
  kind: 'stance' | 'number' | 'date';
  proposition: string;
  sides: Side[];
}

/** Counts further apart than this ratio are incompatible ("1,500" against "3,000"). */
const NUMBER_RATIO = 1.25;
/** Dates of one event given by different sources disagree when at most this far apart. */
const MAX_DATE_GAP_MS = 90 * 86_400_000;

/**
 * The disagreement within a proposition, if any. Only claims that say something is or is not so
 * take sides (see TRUTH_STANCES), by position: a denial, a negated content or a contrary predicate
 * ("ended" against "continue") turns a claim round; when some claims of the proposition say
 * something ended or goes on, only those (and dismissals) take sides. A claim stays on its side
 * only when it is linked (see links.ts) to a claim on the other. Failing that, sources that give
 * the same event different counts or different days disagree. Copies of one article count once;
 * sides must not all come from one speaker.
 */
export function contradictionOf(propId: number, about: string, all: readonly Member[]): Contradiction | null {
  if (all.length < 2) return null;
  const members = dedupeCopies(all);
  const byClaim = new Map(members.map((m) => [claimKey(m), m]));
  let eligible = members.filter((m) => TRUTH_STANCES.has(m.stance) && m.position !== 0);
  if (eligible.some((m) => m.features.predicate !== 0)) eligible = eligible.filter((m) => m.features.predicate !== 0 || m.features.answers !== null);
  const pro = eligible.filter((m) => m.position > 0);
  const con = eligible.filter((m) => m.position < 0);
  const proLinked = pro.filter((a) => con.some((b) => linked(a, b, byClaim)));
  const conLinked = con.filter((b) => pro.some((a) => linked(a, b, byClaim)));
  const base = { id: `x${propId}`, about, proposition: `p${propId}` };
  if (proLinked.length && conLinked.length && new Set([...proLinked, ...conLinked].map((m) => m.speakerKey)).size >= 2) {
    return { ...base, kind: 'stance', sides: [{ stance: 'assert', claims: proLinked.map(claimRef) }, { stance: 'deny', claims: conLinked.map(claimRef) }] };
  }
  return valueContradiction(base, eligible, 'number') ?? valueContradiction(base, eligible, 'date');
}

function valueContradiction(base: Pick<Contradiction, 'id' | 'about' | 'proposition'>, members: readonly Member[], kind: 'number' | 'date'): Contradiction | null {
  // value → members giving it, for one event at a time: same type and two shared arguments
  // (a count of the dead in one attack is not set against a count in another).
  const byType = new Map<string, Map<string, Member[]>>();
  for (const m of members) {
    if (m.position <= 0) continue;
    for (const e of m.features.events) {
      if (e.planned || !MILITARY.has(e.type)) continue;
      if ([e.actor, e.target, e.place].filter(Boolean).length < 2) continue;
      const value = kind === 'number' ? (e.quantity !== null ? String(e.quantity) : null) : e.time && /^\d{4}-\d{2}-\d{2}$/.test(e.time) ? e.time : null;
      if (value === null) continue;
      const values = byType.get(e.type) ?? new Map<string, Member[]>();
      byType.set(e.type, values);
      const list = values.get(value) ?? [];
      if ([...values.values()].flat().some((o) => !o.features.events.some((x) => x.type === e.type && eventMatch(x, e, { ...o.features.countries, ...m.features.countries }) >= 2 / 3))) continue;
      if (!list.includes(m)) list.push(m);
      values.set(value, list);
    }
  }
  for (const values of byType.values()) {
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
    const speakers = new Set(entries.flatMap(([, ms]) => ms.map((m) => m.speakerKey)));
    if (speakers.size < 2) continue;
    return {
      ...base,
      kind,
      sides: entries.map(([v, ms]) => ({ stance: 'assert' as const, value: kind === 'number' ? Number(v) : v, claims: ms.map(claimRef) })),
    };
  }
  return null;
}
