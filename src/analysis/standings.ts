import type { Claim, Entity } from '../doc/types.js';
import type { Standing } from '../lang/en/standings.js';
import type { ClaimFeatures } from './features.js';

/** A standing with its party as a voice ("state:XX" for a state and those who speak for it) and a name to show. */
export interface VoicedStanding extends Omit<Standing, 'party'> {
  party: string;
  name: string;
}

/**
 * A standing's party as a voice, and the answer as the speaker holds it. A party the content does
 * not name ("we will never join the war", "there is no intention to join") is the speaker's own
 * side, when that is a state or a named body; a person stands for their state.
 */
export function standingAsVoice(s: Standing | null, speaker: { camp: string; voice: string }, byId: ReadonlyMap<string, Entity>, voiceOf: (id: string) => string, turned: boolean): VoicedStanding | null {
  if (!s) return null;
  const direction = turned ? (-s.direction as 1 | -1) : s.direction;
  const camp = speaker.camp;
  // An election is won, and a rising led, by a person, not their state: one who claims victory
  // speaks of their own (one who calls a vote unfair without naming whose is resolved by the
  // article, electionsOfTheArticle); one who denies a coup with no one named denies their own, and
  // a coup said to happen with no one named is no one's.
  if (s.question === 'election' || s.question === 'revolt') {
    if (s.question === 'revolt' && s.party === null && direction > 0) return null;
    const party = s.party === null ? speaker.voice : voiceOf(s.party);
    return { question: s.question, party, name: byId.get(party)?.name ?? party, direction };
  }
  if (s.party === null) {
    if (camp === 'article' || camp.startsWith('text:')) return null;
    const person = byId.get(camp);
    const side = person?.type === 'PERSON' && person.country ? `state:${person.country}` : camp;
    return { question: s.question, party: side, name: stateName(side, byId) ?? byId.get(side)?.name ?? side, direction };
  }
  // Wars are waged, and nuclear weapons held, by states: a person said to wage one or to hold them stands for their state.
  const e = byId.get(s.party);
  const party = e?.type === 'PERSON' && e.country ? `state:${e.country}` : voiceOf(s.party);
  return { question: s.question, party, name: stateName(party, byId) ?? e?.name ?? party, direction };
}

/**
 * A speaker with no state ("an analyst") who answers a standing question without naming the party
 * ("using nuclear weapons should not be ruled out") speaks of the party they name for that question
 * elsewhere in the article ("the country should show it is ready to use them"), if one.
 */
export function sideOfStatelessSpeakers(features: ReadonlyMap<string, ClaimFeatures>): void {
  const named = new Map<string, VoicedStanding>();
  for (const f of features.values()) {
    if (f.standing && f.standing.party !== f.camp) named.set(`${f.voice}|${f.standing.question}`, f.standing);
  }
  for (const f of features.values()) {
    if (!f.standing || f.standing.party !== f.camp || f.camp.startsWith('state:')) continue;
    const other = named.get(`${f.voice}|${f.standing.question}`);
    if (other) f.standing = { ...f.standing, party: other.party, name: other.name };
  }
}

/**
 * An election called unfair with no one's named ("the US called the election fraudulent") is the
 * one whose winner the article names for that question ("does not recognise Vale's election win"),
 * else no answer: the speaker calls someone else's vote unfair, not their own.
 */
export function electionsOfTheArticle(features: ReadonlyMap<string, ClaimFeatures>): void {
  let named: VoicedStanding | undefined;
  for (const f of features.values()) {
    if (f.standing?.question === 'election' && f.standing.party !== f.voice) named ??= f.standing;
  }
  for (const f of features.values()) {
    if (f.standing?.question !== 'election' || f.standing.party !== f.voice || f.standing.direction > 0) continue;
    f.standing = named ? { ...f.standing, party: named.party, name: named.name } : null;
  }
}

/**
 * "This is not a bluff." answers, for its speaker, the standing question of the speaker's nearest
 * earlier claim that answers one ("he was ready to use nuclear weapons … This is not a bluff").
 */
export function threatsCalledBluffs(features: ReadonlyMap<string, ClaimFeatures>, bluffs: readonly [string, 1 | -1][], ordered: readonly Claim[]): void {
  const order = new Map(ordered.map((c, i) => [c.id, i]));
  for (const [id, direction] of bluffs) {
    const f = features.get(id)!;
    if (f.standing) continue;
    for (let i = order.get(id)! - 1; i >= 0; i--) {
      const earlier = features.get(ordered[i]!.id)!;
      if (earlier.voice === f.voice && earlier.standing) {
        f.standing = { ...earlier.standing, direction };
        break;
      }
    }
  }
}

/** The name of the country a "state:XX" voice stands for, where the article names it (a place of it with no subtype will do). */
function stateName(voice: string, byId: ReadonlyMap<string, Entity>): string | undefined {
  if (!voice.startsWith('state:')) return undefined;
  const places = [...byId.values()].filter((x) => x.type === 'GPE' && x.country === voice.slice(6));
  return (places.find((x) => x.subtype === 'country') ?? places.find((x) => !x.subtype))?.name;
}
