import type { Entity } from '../../doc/types.js';
import { lowerAt, type Token } from './token.js';

/**
 * Who a claim holds responsible for what: "the junta bears full responsibility for this war",
 * "the responsibility … rests with X", "the alliance is to blame for the fighting", "the rebels may
 * have provoked the conflict", "You and your allies needed this war", "accused the League of
 * starting the conflict", "it was X that launched the offensive", "X cannot be blamed for the
 * conflict" (held not responsible), "accused X of violating the ceasefire", "X had broken the truce" (a
 * broken truce is an outcome of its own). Claims that lay one outcome at different doors disagree,
 * though their words differ ("who started the war" is the commonest dispute of war reporting).
 */
export interface Blame {
  /** The entity held responsible (its id; the analysis makes it a voice). */
  target: string;
  /** The party's name, for people to read ("Osterlich"). */
  name?: string;
  /** Parties blamed together with it ("the League and Osterlich"): allies in this dispute. */
  with: string[];
  /** What it is held responsible for: a kind of outcome ("war", "food") or the head word of one. */
  outcome: string;
  /** +1 held responsible, −1 held not responsible ("cannot be blamed"). */
  direction: 1 | -1;
}

/** Outcomes that are the war itself, whatever the word: blaming anyone for one is blaming them for the war. */
const WAR = new Set(['war', 'wars', 'conflict', 'bloodshed', 'invasion', 'aggression', 'fighting', 'hostilities', 'slaughter', 'carnage', 'bloodbath']);
/** Words that call a war one its maker had no cause for: "X's unprovoked invasion" lays it at X's door. */
const CAUSELESS = new Set(['unprovoked', 'unjustified', 'unjustifiable', 'needless', 'senseless', 'premeditated']);
/** Quotation marks a cause may be wrapped in ("may have “provoked” the war"): they do not end its clause. */
const QUOTES = new Set(['"', "'", '“', '”', '‘', '’']);
/** A truce, however worded: broken, it is an outcome of its own ("accused X of violating the ceasefire", "X had broken the truce"). */
const TRUCE = new Set(['ceasefire', 'cease-fire', 'truce', 'armistice']);
/** Words that break a truce. */
const BREAKING = new Set('violate violates violated violating violation violations breach breaches breached breaching break breaks broke broken breaking'.split(' '));
/** The food crisis, however worded. */
const FOOD = new Set(['food', 'hunger', 'famine', 'grain', 'starvation']);
/** Verbs that make their subject the cause of their object ("provoked the war", "started the conflict"). */
const CAUSING = new Set(
  'justified provoked provoke provokes provoking started start starts starting caused cause causes causing unleashed unleash unleashes launched launch launches triggered trigger triggers sparked spark sparks instigated instigate needed need needs chose chosen fuelling fueling prolonging prolong goaded goad'.split(
    ' ',
  ),
);
/** Verbs of provoking: a war "was provoked" when its maker was driven to it. */
const PROVOKED = new Set(['provoked', 'goaded', 'instigated']);
const BE_PAST = new Set(['was', 'were', 'been', 'be', 'is']);
/** "forced the government's hand", "forced them to attack": the subject made the other act. */
const FORCING = new Set(['forced', 'pushed', 'drove', 'compelled']);
/** Cues whose object is the party blamed ("accused X of starting …", "condemned X for its aggression"). */
const ACCUSING_CUES = new Set(['accuse', 'blame', 'condemn', 'criticize', 'criticise', 'denounce', 'fault']);
/** Words that join parties blamed together. */
const COORDINATION = new Set(['and', ',', 'the', 'its', 'their', 'as', 'well', '&']);
/** Pronouns, and auxiliaries between one and its verb: a blame on "he" or "they" names no party here. */
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const AUXILIARIES = new Set(['has', 'have', 'had', 'may', 'might', 'could', 'would', 'will', 'did', 'also', 'then']);
/** Marks that end the clause a cause is looked for in. */
const HARD_STOP = new Set(['.', ';', ':', '?', '!']);
const DETERMINER = new Set(['the', 'this', 'that', 'its', 'a']);
const RESPONSIBLE = new Set(['responsibility', 'responsible', 'blame', 'culpable', 'guilty']);
const NEGATORS = new Set(['not', "n't", 'cannot', 'never', 'no']);
/** Verbs that make their subject the cause of a harm ("has exacerbated food prices", "pushed millions into hunger"). */
const WORSENING = new Set('caused causes causing exacerbated exacerbates exacerbating worsened worsens worsening raised raises raising drove driven drives driving pushed pushes pushing fuelled fueled fuelling fueling triggered sparked'.split(' '));
/** A war's own act that harms others besides its victims. */
const WAR_ACTS = new Set(['blockade', 'blockades']);
const WANTING = new Set(['want', 'wants', 'wanted', 'wish', 'seek', 'seeks']);
/** Verbs whose subject wants its object: "sought conflict", "wanted this war" (not "wants the war to end"). */
const SEEKING = new Set(['sought', 'seek', 'seeks', 'seeking', 'want', 'wants', 'wanted', 'wanting']);
const PUNCT = /^[^\p{L}\p{N}]+$/u;
/** A content that only reports what someone else said ("tell a story that X caused …") is not the speaker's blame. */
const REPORTING = new Set(['story', 'narrative', 'propaganda', 'myth', 'lie', 'lies', 'pretext', 'pretence', 'pretense', 'fiction']);

/** The blame laid in a claim's content tokens, if any. `accusing` is the claim's cue lemma being "accuse" or "blame" (its object is the target). */
/**
 * `warMaker`: the party the article has make the war ("Russia's invasion", "since Russia invaded"),
 * for a war it blames without naming its maker ("the invasion was unprovoked", "a war chosen by one man").
 */
export function blameOf(tokens: readonly Token[], cueLemma: string | null, isParty: (entity: string) => boolean, warMaker: string | null = null): Blame | null {
  const n = tokens.length;
  const party = (k: number): string | null => {
    const e = tokens[k]?.entity;
    return e && isParty(e) ? e : null;
  };
  const outcomeAt = (from: number): string | null => {
    for (let k = from; k < n && k < from + 8; k++) {
      const w = lowerAt(tokens, k);
      if (PUNCT.test(w) && w !== '-' && w !== ',' && !QUOTES.has(w)) break;
      // "the crisis", "the Ruritania crisis" — not "the financial crisis".
      const crisis = w === 'crisis' && (lowerAt(tokens, k - 1) === 'the' || lowerAt(tokens, k - 1) === 'this' || tokens[k - 1]?.entity != null);
      if (WAR.has(w) || crisis || (w === 'operation' && lowerAt(tokens, k - 1) === 'military')) return 'war';
      if (FOOD.has(w)) return 'food';
      if (TRUCE.has(w) && (brokenBefore(k) || BREAKING.has(lowerAt(tokens, k + 1)))) return 'truce';
    }
    return null;
  };
  /** A word that breaks a truce among the three before token k ("violating the ceasefire", "broke the truce"). */
  const brokenBefore = (k: number): boolean => {
    for (let j = k - 1; j >= 0 && j >= k - 3; j--) if (BREAKING.has(lowerAt(tokens, j))) return true;
    return false;
  };
  /** A word for the war just before token k ("the war started by", "the invasion had not been justified by"). */
  const warBefore = (k: number, reach = 4): boolean => {
    for (let j = k - 1; j >= 0 && j >= k - reach; j--) if (WAR.has(lowerAt(tokens, j))) return true;
    return false;
  };
  /** The entity nearest before token k in its clause: the party the construction blames. */
  const agentBefore = (k: number): string | null => {
    for (let j = k - 1; j >= 0 && j >= k - 12; j--) {
      const t = tokens[j]!;
      if (party(j)) return party(j);
      if (PUNCT.test(t.lower) && !QUOTES.has(t.lower) && t.lower !== ',') return null;
    }
    return null;
  };
  /** The first entity of token k's clause: the head of a long subject ("the threats of the League against Osterlich's ports"). */
  const agentFirst = (k: number): string | null => {
    // Back to the clause's start: a full stop, or a "that" opening a clause with a party in it
    // ("… shows that the League is trying to prolong …"; not "it was Osterlich that launched …").
    let to = k;
    for (let from = k - 1; from >= -1; from--) {
      if (from >= 0 && !HARD_STOP.has(lowerAt(tokens, from)) && lowerAt(tokens, from) !== 'that') continue;
      for (let j = from + 1; j < to; j++) if (party(j)) return party(j);
      if (from < 0 || HARD_STOP.has(lowerAt(tokens, from))) return null;
      to = from;
    }
    return null;
  };
  const agentAfter = (k: number): string | null => {
    for (let j = k; j < n && j < k + 6; j++) if (party(j)) return party(j);
    return null;
  };
  /** The party whose war it is, just before token k: "X's", "X 's own", "the X" (a people's adjective is its state's name). */
  const possessorBefore = (k: number): string | null => {
    for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
      if (party(j)) return party(j);
      const w = lowerAt(tokens, j);
      if (w !== "'s" && w !== '’s' && w !== 'own' && w !== 'a' && w !== 'an' && w !== 'the' && w !== 'and' && w !== ',' && !CAUSELESS.has(w) && !/^[a-z]+(?:al|ous|ful|ive|ic)$/.test(w)) return null;
    }
    return null;
  };
  /** Token k is a passive participle whose subject is the war: "the war … was (perhaps) provoked". */
  const passiveOfWar = (k: number): boolean => {
    for (let j = k - 1; j >= 1 && j >= k - 5; j--) {
      const w = lowerAt(tokens, j);
      if (BE_PAST.has(w)) return warBefore(j, 5);
      if (party(j) || HARD_STOP.has(w)) return false;
    }
    return false;
  };
  /** "does not want (to see) an end", "doesn't want an end": a want of an end denied before token k. */
  const wantsNot = (k: number): boolean => {
    for (let j = k - 1; j >= 1 && j >= k - 6; j--) if (WANTING.has(lowerAt(tokens, j))) return NEGATORS.has(lowerAt(tokens, j - 1)) || NEGATORS.has(lowerAt(tokens, j - 2));
    return false;
  };
  /** The subject of token k's clause is the war or one of its acts, named by no party of its own ("the war in X has …", "the blockade …"). */
  const warSubject = (k: number): boolean => {
    for (let j = k - 1; j >= 0 && j >= k - 8; j--) {
      const w = lowerAt(tokens, j);
      if (HARD_STOP.has(w) || w === 'that') return false;
      if ((WAR.has(w) || WAR_ACTS.has(w)) && (j === 0 || DETERMINER.has(lowerAt(tokens, j - 1)))) return true;
    }
    return false;
  };
  const negatedBefore = (k: number) => {
    for (let j = k - 1; j >= 0 && j >= k - 4; j--) if (NEGATORS.has(lowerAt(tokens, j))) return true;
    return false;
  };
  const reported = (k: number) => {
    for (let j = 0; j < k; j++) if (REPORTING.has(lowerAt(tokens, j))) return true;
    return false;
  };
  /** Parties coordinated with the one at token `at` ("the League and Osterlich", "You, the League and your allies"). */
  const alongside = (target: string): string[] => {
    const at = tokens.findIndex((t) => t.entity === target);
    const out: string[] = [];
    for (let j = at + 1; at >= 0 && j < n && j < at + 12; j++) {
      const t = tokens[j]!;
      if (t.entity === target) continue;
      if (t.entity && party(j)) {
        if (!out.includes(t.entity)) out.push(t.entity);
        continue;
      }
      if (!COORDINATION.has(t.lower)) break;
    }
    return out;
  };
  const make = (target: string | null, outcome: string | null, at: number): Blame | null =>
    target && outcome && !reported(at) ? { target, outcome, direction: negatedBefore(at) ? -1 : 1, with: alongside(target) } : null;

  // "accused the League and Osterlich of starting …", "blamed the junta for the crisis": the object is blamed.
  if (cueLemma !== null && ACCUSING_CUES.has(cueLemma)) {
    const target = agentAfter(0);
    const outcome = outcomeAt(1) ?? outcomeAt(Math.min(n - 1, 6));
    if (target && outcome) return { target, outcome, direction: 1, with: alongside(target) };
  }
  for (let k = 0; k < n; k++) {
    const w = lowerAt(tokens, k);
    // "bears (full) responsibility for …", "is to blame for …", "cannot be blamed for …"
    if (RESPONSIBLE.has(w) || w === 'blamed') {
      let f = k + 1;
      while (f < n && f < k + 3 && lowerAt(tokens, f) !== 'for') f++;
      const outcome = lowerAt(tokens, f) === 'for' ? outcomeAt(f + 1) : null;
      if (!outcome) continue;
      // "the responsibility for the war lies (solely) with X"
      let lies = f + 1;
      while (lies < n && lies < f + 12 && lowerAt(tokens, lies) !== 'lies' && lowerAt(tokens, lies) !== 'rests') lies++;
      if ((lowerAt(tokens, lies) === 'lies' || lowerAt(tokens, lies) === 'rests') && w === 'responsibility' && k <= 2) {
        const b = make(agentAfter(lies + 1), outcome, k);
        if (b) return b;
        continue;
      }
      const b = make(agentBefore(k), outcome, k);
      if (b) return b;
      continue;
    }
    // "X's unprovoked invasion", "the senseless war of X's own making": the war's maker is blamed.
    if (CAUSELESS.has(w) && outcomeAt(k + 1) === 'war') {
      const b = make(possessorBefore(k) ?? warMaker, 'war', k);
      if (b) return b;
    }
    // "the invasion was an unprovoked land grab": the war, called causeless, is its maker's.
    if (CAUSELESS.has(w) && warBefore(k)) {
      const b = make(warMaker, 'war', k);
      if (b) return b;
    }
    if (w === 'making' && lowerAt(tokens, k - 1) === 'own' && warBefore(k, 6)) {
      const b = make(possessorBefore(k - 1), 'war', k);
      if (b) return b;
    }
    // "does not want (to see) an end to the war", "wants the war to go on": whoever wants it to last is blamed for it.
    if (w === 'end' && lowerAt(tokens, k + 1) === 'to' && outcomeAt(k + 2) === 'war' && wantsNot(k)) {
      const b = make(agentFirst(k), 'war', k);
      if (b) return b;
    }
    // "the war has driven up food prices", "the blockade pushed millions into hunger": the war
    // (or its blockade) as the cause of another harm lays that harm at its maker's door.
    if (WORSENING.has(w) && warMaker && outcomeAt(k + 1) === 'food' && warSubject(k)) {
      const b = make(warMaker, 'food', k);
      if (b) return b;
    }
    // "no one other than X sought conflict", "X wanted this war": whoever wanted the war is blamed for it.
    if (SEEKING.has(w)) {
      const at = DETERMINER.has(lowerAt(tokens, k + 1)) ? k + 2 : k + 1;
      if (WAR.has(lowerAt(tokens, at)) && lowerAt(tokens, at + 1) !== 'to' && !PRONOUNS.has(lowerAt(tokens, k - 1))) {
        const b = make(agentBefore(k), 'war', k);
        if (b) return b;
      }
    }
    // "X provoked the war", "it was X that launched the offensive", "the power that started this crisis"
    if (CAUSING.has(w)) {
      // "the war started by the junta", "the invasion had not been provoked by any act of X"
      if (lowerAt(tokens, k + 1) === 'by' && warBefore(k)) {
        // "a war chosen by one man": a maker the text does not name is the article's.
        const b = make(agentAfter(k + 2) ?? (negatedBefore(k) ? null : warMaker), 'war', k);
        if (b) return b;
      }
      // "the war was perhaps provoked": its maker was provoked — held not (alone) to blame; "was not provoked", to blame.
      if (PROVOKED.has(w) && lowerAt(tokens, k + 1) !== 'by' && warMaker && passiveOfWar(k)) {
        return reported(k) ? null : { target: warMaker, outcome: 'war', direction: negatedBefore(k) ? 1 : -1, with: [] };
      }
      const outcome = lowerAt(tokens, k + 1) === 'by' ? null : outcomeAt(k + 1);
      if (outcome) {
        // "when he launched his first invasion": whom the pronoun stands for is not read here.
        if (PRONOUNS.has(lowerAt(tokens, k - 1)) || (AUXILIARIES.has(lowerAt(tokens, k - 1)) && PRONOUNS.has(lowerAt(tokens, k - 2)))) continue;
        const b = make(agentFirst(k), outcome, k);
        if (b) return b;
        continue;
      }
      // "a war that the general has started": the outcome before, its maker between.
      for (let j = k - 1; j >= 1 && j >= k - 6; j--) {
        if ((lowerAt(tokens, j) === 'that' || lowerAt(tokens, j) === 'which') && outcomeAt(j - 1) !== null && WAR.has(lowerAt(tokens, j - 1))) {
          const b = make(agentAfter(j + 1), 'war', k);
          if (b) return b;
        }
      }
      continue;
    }
    // "X had broken the truce", "X violated the ceasefire": who broke it is blamed for the broken truce.
    if (BREAKING.has(w) && outcomeAt(k + 1) === 'truce' && !PRONOUNS.has(lowerAt(tokens, k - 1))) {
      const b = make(agentFirst(k), 'truce', k);
      if (b) return b;
    }
    // "X forced the government's hand", "X may have forced them to attack": X is blamed for the war.
    if (FORCING.has(w)) {
      const hand = lowerAt(tokens, k + 3) === 'hand' || lowerAt(tokens, k + 2) === 'hand' || lowerAt(tokens, k + 4) === 'hand';
      const toAct = lowerAt(tokens, k + 2) === 'to' || lowerAt(tokens, k + 3) === 'to';
      if (!hand && !toAct) continue;
      const b = make(agentFirst(k), 'war', k);
      if (b) return b;
    }
  }
  return null;
}

/** Who can be held responsible: people, organisations other than outlets, states and peoples, and blocs — not towns or regions. */
export function isParty(e: Entity | undefined): boolean {
  if (!e) return false;
  if (e.type === 'PERSON' || e.type === 'NORP' || e.type === 'MISC') return true;
  if (e.type === 'ORG') return e.subtype !== 'media';
  // A capital stands for its state ("accused Washington of prolonging the war").
  return e.type === 'GPE' && (e.subtype === 'country' || e.subtype === 'capital');
}
