import { DOUBT } from './contents.js';
import { lowerAt, type Token } from './token.js';

/**
 * The standing questions of a war that its parties answer in many words: does a party take part
 * in it ("Osterlich is not a party to this conflict", "we will never join the war", "the League is
 * waging a proxy war"), is a party ready to use nuclear weapons ("the threat of a nuclear strike
 * is real", "he is not bluffing", "no sign they are preparing to use them"), does it arm a side
 * ("supplied drones", "false information about its arms exports"), was its leader's election
 * fair ("claimed victory in the election", "called the vote rigged"), and is the land it has taken
 * its own ("recognise the region as part of Osterlich", "withdraw its troops from the occupied
 * territories", "will never recognise its annexations"), and did someone rise against their own
 * government ("accused of launching an armed rebellion", "the march was not aimed at regime
 * change"). Claims that answer one
 * question about one party meet, whatever their other words, and those answering it yes and no
 * disagree. Read from how the question is written, never from who asks it.
 */
export interface Standing {
  /** `party`: it takes part in the war; `nuclear`: it is ready to use nuclear weapons; `arms`: it supplies weapons; `election`: its election was fair; `land`: the land it has taken is its own; `revolt`: it rose against its government. */
  question: 'party' | 'nuclear' | 'arms' | 'election' | 'land' | 'revolt';
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
/** Verbs and nouns of handing weapons over ("supplied drones", "arms deliveries"). */
const SUPPLYING = new Set(
  'supply supplies supplied supplying provide provides provided providing deliver delivers delivered delivering delivery deliveries sell sells sold selling shipment shipments transfer transfers transferred transferring export exports exported exporting sale sales'.split(' '),
);
/** The nouns among them: their supplier stands just before ("drone exports" of a state named before it). */
const TRADE_NOUNS = new Set(['delivery', 'deliveries', 'shipment', 'shipments', 'transfer', 'transfers', 'export', 'exports', 'sale', 'sales']);
/** Sending is also how attacks are told ("sent drones at the city"): it arms a side only with weapons in general. */
const SENDING_ARMS = new Set(['send', 'sends', 'sent', 'sending', 'ship', 'ships', 'shipped', 'shipping']);
const GENERIC_ARMS = new Set(['weapons', 'arms', 'ammunition', 'munitions', 'armaments']);
const IMPORTING = new Set(['import', 'imports', 'imported', 'importing', 'bought', 'buy', 'buys', 'buying', 'purchased', 'acquired', 'received']);
/** What arms a side: weapons by kind, and equipment or aid only when called military. */
const ARMS = new Set(
  'weapons arms armaments ammunition munitions shells missiles rockets drones drone tanks jets artillery howitzers warplanes launchers'.split(' '),
);
const MILITARY_GOODS = new Set(['equipment', 'aid', 'assistance', 'hardware', 'supplies', 'goods', 'components']);
/** Words for a vote. */
const ELECTION = new Set(['election', 'elections', 'electoral', 'vote', 'votes', 'ballot', 'polls', 'referendum', 're-election', 'reelection']);
/** A vote called unfair. */
const FRAUD = new Set('fraud fraudulent rigged rigging stolen sham falsified falsification illegitimate farce manipulated unfair'.split(' '));
/** A vote's outcome held as won. */
const WON = new Set(['victory', 'victories', 'won', 'winner']);
/** Words before a verb that make it a forecast, not an outcome ("could win"). */
const FORECAST = new Set(['will', 'would', 'could', 'can', 'may', 'might', 'to', "'ll", 'should']);
/** Taken land and the taking of it. */
const ANNEXATION = new Set(['annexation', 'annexations', 'occupation']);
const RECOGNISING = new Set(['recognise', 'recognises', 'recognised', 'recognising', 'recognize', 'recognizes', 'recognized', 'recognizing', 'acknowledge', 'acknowledges']);
const WITHDRAWING = new Set(['withdraw', 'withdraws', 'withdrew', 'withdrawn', 'withdrawing', 'withdrawal', 'pull', 'pulls', 'pulled']);
/** Getting taken land back: its taker does not keep it. */
const RETAKING = new Set(['return', 'returning', 'regain', 'regaining', 'reclaim', 'retake', 'retaking', 'liberate', 'liberating', 'liberation', 'de-occupy', 'de-occupation']);
const LANDS = new Set(['territory', 'territories', 'lands', 'land', 'regions']);
/** A rising against one's own government. */
const REVOLT = new Set(['rebellion', 'mutiny', 'coup', 'putsch', 'insurrection', 'revolt', 'uprising', 'overthrow', 'mutinied', 'rebelled']);
/** Words that hold what follows untrue ("false information about its exports"). */
const FALSEHOOD = new Set('false fake lies lie baseless groundless disinformation misinformation fabricated fabrications fabrication myth myths'.split(' '));
const NEGATORS = new Set(['not', "n't", 'no', 'never', 'nor', 'neither', 'cannot', 'without', 'nothing']);
/** Marks and words that end the clause a party and a negation are looked for in. */
const CLAUSE_END = new Set(['.', ';', ':', '?', '!', 'but', 'unless', 'while', 'whereas', 'although', 'because']);
/** How far back from its trigger a clause is read. */
const REACH = 12;

/**
 * The words one of which every standing below is keyed on (a branch keyed on another word adds it here). Most contents
 * hold none of them and are not read further: the reading then runs, and is compiled by V8, for the few that do.
 */
const TRIGGERS = new Set([
  ...['party', 'part', 'proxy', 'control', 'command', 'nuclear', 'occupied', 'regime'],
  ...PARTICIPATING,
  ...JOINING,
  ...BELLIGERENT,
  ...READY,
  ...SENDING,
  ...SUPPLYING,
  ...SENDING_ARMS,
  ...IMPORTING,
  ...ELECTION,
  ...RECOGNISING,
  ...ANNEXATION,
  ...WITHDRAWING,
  ...REVOLT,
]);

/** The standing a content takes, if any; `isParty` says whether an entity can be a party to a war, `isState` whether it is a state (or its capital). */
export function standingOf(tokens: readonly Token[], isParty: (entity: string) => boolean, isState: (entity: string) => boolean = () => false): Standing | null {
  for (let k = 0; k < tokens.length; k++) if (TRIGGERS.has(lowerAt(tokens, k))) return readStanding(tokens, isParty, isState);
  return null;
}

function readStanding(tokens: readonly Token[], isParty: (entity: string) => boolean, isState: (entity: string) => boolean): Standing | null {
  const n = tokens.length;
  const warWithin = (from: number, reach: number) => {
    for (let k = from; k < n && k < from + reach; k++) if (WAR.has(lowerAt(tokens, k))) return true;
    return false;
  };
  /** The clause's start before token k. */
  const clauseStart = (k: number) => {
    let j = k - 1;
    while (j >= 0 && j >= k - REACH && !CLAUSE_END.has(lowerAt(tokens, j))) j--;
    return j + 1;
  };
  /** The party named nearest before token k in its clause (its subject, or whose threat it is), else null (the speaker's side). */
  const partyBefore = (k: number, fits: (entity: string) => boolean = () => true): string | null => {
    for (let j = k - 1; j >= clauseStart(k); j--) {
      const e = tokens[j]!.entity;
      if (e && isParty(e) && fits(e)) return e;
    }
    return null;
  };
  /** A negation in token k's clause before it, unless it denies a bluff or a doubt ("not a bluff", "no hesitation" affirm). */
  const negatedBefore = (k: number) => {
    for (let j = clauseStart(k); j < k; j++) {
      if (FALSEHOOD.has(lowerAt(tokens, j))) return true;
      if (!NEGATORS.has(lowerAt(tokens, j))) continue;
      if ([1, 2, 3].some((d) => BLUFF.has(lowerAt(tokens, j + d)) || DOUBT.has(lowerAt(tokens, j + d)))) continue;
      return true;
    }
    return false;
  };
  const make = (question: Standing['question'], at: number, flip = false): Standing => {
    let direction: 1 | -1 = negatedBefore(at) ? -1 : 1;
    if (flip) direction = direction === 1 ? -1 : 1;
    return { question, party: partyBefore(at), direction };
  };

  /** Weapons within a few words of token k ("drone exports", "supplied fighter jet parts", "military equipment"). */
  const armsNear = (k: number) => {
    for (let j = Math.max(0, k - 2); j < n && j <= k + 6; j++) {
      if (j === k) continue;
      if (ARMS.has(lowerAt(tokens, j))) return true;
      if (MILITARY_GOODS.has(lowerAt(tokens, j)) && [1, 2].some((d) => lowerAt(tokens, j - d) === 'military') ) return true;
    }
    return false;
  };
  /** The party named after the word `by` within a few words of token k ("from Osterlich"). */
  const partyAfter = (k: number, by: string): string | null => {
    for (let j = k + 1; j < n && j <= k + 8 && !CLAUSE_END.has(lowerAt(tokens, j)); j++) {
      if (lowerAt(tokens, j) !== by) continue;
      const e = tokens[j + 1]?.entity ?? tokens[j + 2]?.entity;
      return e && isParty(e) ? e : null;
    }
    return null;
  };
  /** Whose election it is: a party named just before it ("Vale's 2020 election", "Vale won the vote"), not anyone further off ("Vale will make it look like a stolen election"). */
  const voterOf = (k: number): string | null => {
    for (let j = k - 1; j >= Math.max(0, k - 3); j--) {
      const e = tokens[j]!.entity;
      if (e && isParty(e)) return e;
    }
    return null;
  };
  /** The first party named in token k's clause: the subject of a verb there. */
  const firstParty = (k: number): string | null => {
    for (let j = clauseStart(k); j < k; j++) {
      const e = tokens[j]!.entity;
      if (e && isParty(e)) return e;
    }
    return null;
  };
  /** Getting land back said in token k's clause before it ("return control over its lands occupied by …"). */
  const retakingBefore = (k: number) => {
    for (let j = clauseStart(k); j < k; j++) if (RETAKING.has(lowerAt(tokens, j))) return true;
    return false;
  };
  /** A sole condition after token k: "only if", "in one case only", "unless". */
  const onlyIf = (k: number) => {
    for (let j = k; j < n; j++) {
      if (lowerAt(tokens, j) === 'unless') return true;
      if (lowerAt(tokens, j) === 'only' && ['if', 'when', 'case', ':'].some((x) => lowerAt(tokens, j + 1) === x || lowerAt(tokens, j - 1) === x || lowerAt(tokens, j - 2) === x)) return true;
    }
    return false;
  };
  let nuclear = -1;
  let using = -1;
  let bluff = -1;
  for (let k = 0; k < n; k++) {
    const w = lowerAt(tokens, k);
    // Taking part: "a party to the conflict", "part of this war", "take part in the fighting",
    // "participate in the war", "join the war", "a co-aggressor", "a proxy war".
    if (w === 'party' && lowerAt(tokens, k + 1) === 'to' && warWithin(k + 2, 3)) return make('party', k);
    if (w === 'part' && (lowerAt(tokens, k + 1) === 'of' || lowerAt(tokens, k + 1) === 'in') && warWithin(k + 2, 3) && lowerAt(tokens, k - 1) !== 'in') return make('party', k);
    if (PARTICIPATING.has(w) && lowerAt(tokens, k + 1) === 'in' && warWithin(k + 2, 3)) return make('party', k);
    if (JOINING.has(w) && warWithin(k + 1, 3) && !tokens[k + 1]?.entity) return make('party', k);
    if (BELLIGERENT.has(w)) return make('party', k);
    // "ready to fight alongside them"; "ready to fight in one case only: if attacked" says it will
    // not fight otherwise.
    if (READY.has(w) && lowerAt(tokens, k + 1) === 'to' && lowerAt(tokens, k + 2) === 'fight') return make('party', k, onlyIf(k + 3));
    // "would not send troops", "no way it would send its soldiers": sending forces is an event of
    // its own unless denied, when it answers whether a party takes part.
    if (SENDING.has(w) && [1, 2].some((d) => FORCES.has(lowerAt(tokens, k + d))) && negatedBefore(k)) return make('party', k);
    // One who calls a war a proxy war says who wages it; with no one named, no party is said to.
    if (w === 'proxy' && (lowerAt(tokens, k + 1) === 'war' || lowerAt(tokens, k + 1) === 'wars') && partyBefore(k)) return make('party', k);
    // "would have any control over the arsenal": holding the button is being able to use it.
    if ((w === 'control' || w === 'command') && (lowerAt(tokens, k + 1) === 'over' || lowerAt(tokens, k + 1) === 'of') && [2, 3, 4].some((d) => ARSENAL.has(lowerAt(tokens, k + d)) || (WEAPON.has(lowerAt(tokens, k + d)) && tokens.some((t) => t.lower === 'nuclear')))) return make('nuclear', k);
    if (w === 'nuclear' && nuclear < 0) {
      if (NUCLEAR_USE.has(lowerAt(tokens, k + 1)) || NUCLEAR_USE.has(lowerAt(tokens, k + 2))) return make('nuclear', k);
      if (WEAPON.has(lowerAt(tokens, k + 1)) || WEAPON.has(lowerAt(tokens, k + 2))) nuclear = k;
    }
    // "supplied drones", "drone exports", "deliveries of weapons", "military equipment was sent".
    if ((SUPPLYING.has(w) && armsNear(k)) || (SENDING_ARMS.has(w) && [1, 2, 3].some((d) => GENERIC_ARMS.has(lowerAt(tokens, k + d))))) {
      // "drones supplied by Osterlich", "moving missiles from Osterlich": the supplier follows; "Osterlich's drone exports": it
      // stands just before the noun; "Osterlich evaded sanctions on Vale or supplied it weapons":
      // it is the clause's subject, not the nearest name.
      const by = lowerAt(tokens, k + 1) === 'by' ? partyAfter(k, 'by') : partyAfter(k, 'from');
      const party = by ?? (TRADE_NOUNS.has(w) ? voterOf(k) : firstParty(k));
      return { question: 'arms', party, direction: negatedBefore(k) ? -1 : 1 };
    }
    // "imported drones from Osterlich": the seller is named after "from".
    if (IMPORTING.has(w) && armsNear(k)) {
      const seller = partyAfter(k, 'from');
      if (seller) return { question: 'arms', party: seller, direction: negatedBefore(k) ? -1 : 1 };
    }
    // "claimed victory in the elections", "the election was rigged", "Vale's election win".
    if (ELECTION.has(w)) {
      const around = [-4, -3, -2, -1, 1, 2, 3, 4].map((d) => k + d).filter((j) => j >= 0 && j < n);
      const fraud = around.find((j) => FRAUD.has(lowerAt(tokens, j)));
      const won = around.find((j) => (WON.has(lowerAt(tokens, j)) || (lowerAt(tokens, j) === 'win' && ELECTION.has(lowerAt(tokens, j - 1)))) && !FORECAST.has(lowerAt(tokens, j - 1)) && !FORECAST.has(lowerAt(tokens, j - 2)) && !NEGATORS.has(lowerAt(tokens, j + 1)));
      const at = fraud ?? won;
      if (at !== undefined) {
        const from = Math.min(k, at);
        // "the victory of Vale", "Vale's election win"; a party named further off leaves whose vote it is open.
        const party = (lowerAt(tokens, at + 1) === 'of' ? partyAfter(at, 'of') : null) ?? voterOf(from);
        if (!party && partyBefore(from)) return null;
        const negated = negatedBefore(Math.max(k, at)) !== (fraud !== undefined);
        return { question: 'election', party, direction: negated ? -1 : 1 };
      }
    }
    // "recognise the region as part of Osterlich": the land is the party's (a refusal to recognise, not).
    if (RECOGNISING.has(w)) {
      // Past a relative clause on the land ("the peninsula, which it seized in 2014, as part of …").
      for (let j = k + 2; j < n && j <= k + 16 && !CLAUSE_END.has(lowerAt(tokens, j)); j++) {
        if (lowerAt(tokens, j) === 'as' && lowerAt(tokens, j + 1) === 'part' && lowerAt(tokens, j + 2) === 'of') {
          const party = partyAfter(j + 1, 'of');
          if (party) return { question: 'land', party, direction: negatedBefore(k) ? -1 : 1 };
        }
      }
    }
    // "will never recognise Osterlich's annexations": what is not recognised is not its own.
    if (ANNEXATION.has(w) && [1, 2, 3, 4, 5, 6].some((d) => RECOGNISING.has(lowerAt(tokens, k - d)))) {
      const party = partyBefore(k);
      if (party) return { question: 'land', party, direction: negatedBefore(k) ? -1 : 1 };
    }
    // "Osterlich withdraws its troops from the occupied territories": it gives the land up.
    if (WITHDRAWING.has(w) && [1, 2, 3, 4, 5, 6].some((d) => lowerAt(tokens, k + d) === 'occupied' || (lowerAt(tokens, k + d) === 'from' && [1, 2, 3].some((e) => LANDS.has(lowerAt(tokens, k + d + e)) && lowerAt(tokens, k + d + e - 1) === 'occupied')))) {
      const party = firstParty(k);
      if (party) return { question: 'land', party, direction: negatedBefore(k) ? 1 : -1 };
    }
    // "to return control over its lands occupied by Osterlich": the land goes back.
    if (w === 'occupied' && lowerAt(tokens, k + 1) === 'by' && retakingBefore(k)) {
      const party = partyAfter(k, 'by');
      if (party) return { question: 'land', party, direction: negatedBefore(k) ? 1 : -1 };
    }
    // "of launching an armed rebellion", "not aimed at regime change": the one who rose is a
    // person or a body named before it, never the state risen against.
    // (Not "a coup for the senator": a success.)
    if ((REVOLT.has(w) && !(w === 'coup' && lowerAt(tokens, k + 1) === 'for')) || (w === 'regime' && lowerAt(tokens, k + 1) === 'change')) {
      return { question: 'revolt', party: partyBefore(k, (e) => !isState(e)), direction: negatedBefore(k) ? -1 : 1 };
    }
    if (USING.has(w) && using < 0) using = k;
    if (BLUFF.has(w) && bluff < 0) bluff = k;
  }
  // "prepared to use them" with nuclear weapons named in the same content, within a few words.
  if (nuclear >= 0 && using >= 0 && Math.abs(using - nuclear) <= 8) {
    const at = Math.min(using, nuclear);
    // "is bluffing about using nuclear weapons": the threat held empty.
    const empty = bluff >= 0 && bluff < at && ![1, 2, 3].some((d) => NEGATORS.has(lowerAt(tokens, bluff - d)));
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
  return [1, 2, 3].some((d) => NEGATORS.has(lowerAt(tokens, at - d))) ? 1 : -1;
}
