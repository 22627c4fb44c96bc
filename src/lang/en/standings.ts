import { DOUBT } from './contents.js';
import type { Token } from './token.js';

/**
 * The standing questions of a war that its parties answer in many words: does a party take part
 * in it ("Osterlich is not a party to this conflict", "we will never join the war", "the League is
 * waging a proxy war"), and is a party ready to use nuclear weapons ("the threat of a nuclear strike
 * is real", "he is not bluffing", "no sign they are preparing to use them"). Claims that answer one
 * question about one party meet, whatever their other words, and those answering it yes and no
 * disagree. Read from how the question is written, never from who asks it.
 */
export interface Standing {
  /** `party`: it takes part in the war; `nuclear`: it is ready to use nuclear weapons. */
  question: 'party' | 'nuclear';
  /** The entity the content says it of (its id), or null for the speaker's own side ("we", "our country", no one named). */
  party: string | null;
  /** +1 it is so, −1 it is not. */
  direction: 1 | -1;
}

/** Words for the war a party takes part in. */
const WAR = new Set(['war', 'conflict', 'fighting', 'hostilities', 'aggression', 'operation']);
/** "join the war", "enter the conflict": the verb and the war within a few words after it. */
const JOINING = new Set(['join', 'joins', 'joined', 'joining', 'enter', 'enters', 'entered', 'entering']);
const PARTICIPATING = new Set(['participate', 'participates', 'participated', 'participating', 'participation', 'participant', 'participants']);
/** Nouns that make their holder a party to the war by name. */
const BELLIGERENT = new Set(['co-aggressor', 'co-aggressors', 'co-aggression', 'co-belligerent', 'co-belligerents', 'belligerents']);
const READY = new Set(['ready', 'prepared', 'willing']);
const SENDING = new Set(['send', 'sends', 'sent', 'sending', 'deploy', 'deploys', 'deployed', 'deploying']);
const FORCES = new Set(['troops', 'soldiers', 'forces', 'army']);
/** What a nuclear weapon is called. */
const WEAPON = new Set(['weapon', 'weapons', 'arms', 'warhead', 'warheads', 'arsenal', 'missiles', 'bomb', 'bombs']);
/** "nuclear strike", "nuclear threats": the use of the weapon, or the threat of it, in one noun. */
const NUCLEAR_USE = new Set(
  'strike strikes attack attacks war conflict threat threats escalation blackmail option button sword swords sabre-rattling saber-rattling retaliation response exchange'.split(' '),
);
/** Weapons a state holds as a whole: control of one is the question of using them. */
const ARSENAL = new Set(['arsenal', 'arsenals', 'warheads']);
/** Verbs of using a weapon. */
const USING = new Set('use uses used using resort resorting deploy launch launching fire firing employ employing detonate'.split(' '));
/** A threat said to be empty ("bluffing") or not ("not a bluff"). */
const BLUFF = new Set(['bluff', 'bluffing', 'bluffs']);
const NEGATORS = new Set(['not', "n't", 'no', 'never', 'nor', 'neither', 'cannot', 'without', 'nothing']);
/** Marks and words that end the clause a party and a negation are looked for in. */
const CLAUSE_END = new Set(['.', ';', ':', '?', '!', 'but', 'unless', 'while', 'whereas', 'although', 'because']);
/** How far back from its trigger a clause is read. */
const REACH = 12;

/** The standing a content takes, if any; `isParty` says whether an entity can be a party to a war. */
export function standingOf(tokens: readonly Token[], isParty: (entity: string) => boolean): Standing | null {
  const n = tokens.length;
  const lower = (k: number) => tokens[k]?.lower ?? '';
  const warWithin = (from: number, reach: number) => {
    for (let k = from; k < n && k < from + reach; k++) if (WAR.has(lower(k))) return true;
    return false;
  };
  /** The clause's start before token k. */
  const clauseStart = (k: number) => {
    let j = k - 1;
    while (j >= 0 && j >= k - REACH && !CLAUSE_END.has(lower(j))) j--;
    return j + 1;
  };
  /** The party named nearest before token k in its clause (its subject, or whose threat it is), else null (the speaker's side). */
  const partyBefore = (k: number): string | null => {
    for (let j = k - 1; j >= clauseStart(k); j--) {
      const e = tokens[j]!.entity;
      if (e && isParty(e)) return e;
    }
    return null;
  };
  /** A negation in token k's clause before it, unless it denies a bluff or a doubt ("not a bluff", "no hesitation" affirm). */
  const negatedBefore = (k: number) => {
    for (let j = clauseStart(k); j < k; j++) {
      if (!NEGATORS.has(lower(j))) continue;
      if ([1, 2, 3].some((d) => BLUFF.has(lower(j + d)) || DOUBT.has(lower(j + d)))) continue;
      return true;
    }
    return false;
  };
  const make = (question: Standing['question'], at: number, flip = false): Standing => {
    let direction: 1 | -1 = negatedBefore(at) ? -1 : 1;
    if (flip) direction = direction === 1 ? -1 : 1;
    return { question, party: partyBefore(at), direction };
  };

  /** A sole condition after token k: "only if", "in one case only", "unless". */
  const onlyIf = (k: number) => {
    for (let j = k; j < n; j++) {
      if (lower(j) === 'unless') return true;
      if (lower(j) === 'only' && ['if', 'when', 'case', ':'].some((x) => lower(j + 1) === x || lower(j - 1) === x || lower(j - 2) === x)) return true;
    }
    return false;
  };
  let nuclear = -1;
  let using = -1;
  let bluff = -1;
  for (let k = 0; k < n; k++) {
    const w = lower(k);
    // Taking part: "a party to the conflict", "part of this war", "take part in the fighting",
    // "participate in the war", "join the war", "a co-aggressor", "a proxy war".
    if (w === 'party' && lower(k + 1) === 'to' && warWithin(k + 2, 3)) return make('party', k);
    if (w === 'part' && (lower(k + 1) === 'of' || lower(k + 1) === 'in') && warWithin(k + 2, 3) && lower(k - 1) !== 'in') return make('party', k);
    if (PARTICIPATING.has(w) && lower(k + 1) === 'in' && warWithin(k + 2, 3)) return make('party', k);
    if (JOINING.has(w) && warWithin(k + 1, 3) && !tokens[k + 1]?.entity) return make('party', k);
    if (BELLIGERENT.has(w)) return make('party', k);
    // "ready to fight alongside them"; "ready to fight in one case only: if attacked" says it will
    // not fight otherwise.
    if (READY.has(w) && lower(k + 1) === 'to' && lower(k + 2) === 'fight') return make('party', k, onlyIf(k + 3));
    // "would not send troops", "no way it would send its soldiers": sending forces is an event of
    // its own unless denied, when it answers whether a party takes part.
    if (SENDING.has(w) && [1, 2].some((d) => FORCES.has(lower(k + d))) && negatedBefore(k)) return make('party', k);
    // One who calls a war a proxy war says who wages it; with no one named, no party is said to.
    if (w === 'proxy' && (lower(k + 1) === 'war' || lower(k + 1) === 'wars') && partyBefore(k)) return make('party', k);
    // "would have any control over the arsenal": holding the button is being able to use it.
    if ((w === 'control' || w === 'command') && (lower(k + 1) === 'over' || lower(k + 1) === 'of') && [2, 3, 4].some((d) => ARSENAL.has(lower(k + d)) || (WEAPON.has(lower(k + d)) && tokens.some((t) => t.lower === 'nuclear')))) return make('nuclear', k);
    if (w === 'nuclear' && nuclear < 0) {
      if (NUCLEAR_USE.has(lower(k + 1)) || NUCLEAR_USE.has(lower(k + 2))) return make('nuclear', k);
      if (WEAPON.has(lower(k + 1)) || WEAPON.has(lower(k + 2))) nuclear = k;
    }
    if (USING.has(w) && using < 0) using = k;
    if (BLUFF.has(w) && bluff < 0) bluff = k;
  }
  // "prepared to use them" with nuclear weapons named in the same content, within a few words.
  if (nuclear >= 0 && using >= 0 && Math.abs(using - nuclear) <= 8) {
    const at = Math.min(using, nuclear);
    // "is bluffing about using nuclear weapons": the threat held empty.
    const empty = bluff >= 0 && bluff < at && ![1, 2, 3].some((d) => NEGATORS.has(lower(bluff - d)));
    return make('nuclear', at, empty);
  }
  return null;
}

/**
 * A threat said to be real or empty with nothing else said ("This is not a bluff.", "He is
 * bluffing"): +1 real, −1 empty, null when the content says no such thing. What threat it is the
 * speaker's other words tell (features.ts).
 */
export function bluffOf(tokens: readonly Token[]): 1 | -1 | null {
  const at = tokens.findIndex((t) => BLUFF.has(t.lower));
  if (at < 0) return null;
  return [1, 2, 3].some((d) => NEGATORS.has(tokens[at - d]?.lower ?? '')) ? 1 : -1;
}
