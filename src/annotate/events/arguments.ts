import type { Doc } from '../../doc/doc.js';
import type { Entity, EntityType, Quantity, TimeExpression } from '../../doc/types.js';
import type { Language } from '../../lang/language.js';
import { PositionIndex } from '../ranges.js';
import type { EventType } from './taxonomy.js';

/** An entity mention of one sentence, located in tokens. */
export interface SentenceMention {
  entity: Entity;
  label: EntityType;
  /** First token and one past the last token of the mention. */
  first: number;
  last: number;
  start: number;
  end: number;
}

export interface Arguments {
  actor: string | null;
  target: string | null;
  place: string | null;
  time: string | null;
  quantity: number | null;
  /** How each argument was found, for the explanation. */
  how: string[];
}

const ACTOR_LABELS = new Set<EntityType>(['PERSON', 'ORG', 'GPE', 'NORP']);
const PLACE_LABELS = new Set<EntityType>(['GPE', 'LOC', 'FAC']);


/** Types whose "to X" is where forces go (a place), not a recipient. */
const MOVEMENT: ReadonlySet<EventType> = new Set(['deploy', 'withdraw', 'military_operation', 'attack', 'protest']);
/** Types that count something (people, weapons). */
const COUNTED: ReadonlySet<EventType> = new Set(['deploy', 'capture', 'kill', 'injure', 'arrest', 'protest', 'arms_transfer', 'withdraw', 'attack', 'intercept']);
/** Events between parties, where who is actor and who target is a matter of wording. */
const SYMMETRIC: ReadonlySet<EventType> = new Set(['sign_agreement', 'meet', 'ceasefire']);
/** Types without a target role. */
const NO_TARGET: ReadonlySet<EventType> = new Set(['deploy', 'withdraw', 'commemorate', 'protest', 'ceasefire']);

export interface Window {
  /** First and one-past-last token of the sentence. */
  first: number;
  last: number;
  /** Character range of the sentence. */
  start: number;
  end: number;
  /** Character range the arguments must come from when the event lies in a claim's content, else null. */
  content: { start: number; end: number } | null;
  /** The entity id of that claim's speaker, if known. */
  speaker?: string | null;
}

/** The Doc's times and quantities indexed by position, built once per Doc: arguments look only near their trigger. */
export interface ArgumentIndexes {
  /** Times by start offset. */
  times: PositionIndex<TimeExpression>;
  /** Quantities by their first token. */
  quantities: PositionIndex<Quantity>;
}

export function argumentIndexes(doc: Doc): ArgumentIndexes {
  return { times: new PositionIndex(doc.times, (t) => t.start), quantities: new PositionIndex(doc.quantities, (q) => doc.tokenAt(q.start)) };
}

/**
 * Find who did it, to whom, where, when and how many, from the trigger's sentence: actors before
 * an active verb (after "by" for a passive), targets after it or after "on"/"against", places after
 * a place preposition, the nearest date, and the nearest counted quantity.
 */
export function findArguments(lex: Language['events'], 
  doc: Doc,
  type: EventType,
  pos: 'verb' | 'noun',
  trigger: number,
  win: Window,
  mentions: readonly SentenceMention[],
  indexes: ArgumentIndexes,
  undergoer = false,
): Arguments {
  const lower = doc.tokens.lower;
  const how: string[] = [];
  if (undergoer) return undergone(lex, doc, pos, trigger, win, mentions, indexes);
  let actor: SentenceMention | null = null;
  let target: SentenceMention | null = null;

  const passive = pos === 'verb' && isPassive(lex, lower, trigger, win.first);
  const byAgent = agentAfterBy(lower, trigger, win.last, mentions);
  if (byAgent) {
    actor = byAgent;
    how.push('actor after "by"');
  }
  if (pos === 'noun' && !actor) {
    // "Russian attack", "Russia's invasion", "the North Korean deployment"
    actor = mentions.find((m) => ACTOR_LABELS.has(m.label) && m.last <= trigger && trigger - m.last <= 2 && !isPlaceSlot(lex, lower, m.first, win.first)) ?? null;
    if (actor) how.push('actor modifies the noun');
  }
  if (!actor && !passive) {
    // Inside a claim the arguments are what its content says: the speaker of "X denied claims
    // that fighting …" is not the one fighting. A noun's actor is close by, in its own clause.
    const limit = pos === 'noun' ? 4 : Infinity;
    const floor = win.content ? win.content.start : 0;
    for (let k = mentions.length - 1; k >= 0; k--) {
      const m = mentions[k]!;
      if (m.last > trigger || trigger - m.last > limit || m.start < floor) continue;
      if (!ACTOR_LABELS.has(m.label) || isPlaceSlot(lex, lower, m.first, win.first)) continue;
      if (pos === 'noun' && clauseEndBetween(lex, lower, m.last - 1, trigger)) break;
      actor = m;
      how.push('actor: nearest name before');
      break;
    }
  }
  let actorId = actor?.entity.id ?? null;
  if (!actorId && !passive && win.content && win.speaker) {
    // In reported speech a pronoun subject is the speaker ("North Korea said it had sent troops"),
    // and so is the missing subject of a content that opens with the event ("confirmed sending troops").
    const floor = tokenFrom(doc, win.content.start);
    for (let k = trigger - 1; k >= floor - 1 && k >= trigger - 6; k--) {
      const w = k >= floor ? lower[k]! : '';
      if (k >= floor && lex.CLAUSE_ENDS.has(w)) break;
      if (k < floor || lex.SPEAKER_PRONOUNS.has(w)) {
        actorId = win.speaker;
        how.push(k < floor ? 'actor: the speaker (the content opens with the event)' : `actor: the speaker ("${w}")`);
        break;
      }
      if (!lex.OPENERS.has(w)) break;
    }
  }
  if (passive && !NO_TARGET.has(type)) {
    // The subject of the passive, in the claim's content: not its speaker ("X told reporters the plane was hit").
    const floor = win.content ? win.content.start : 0;
    for (let k = mentions.length - 1; k >= 0; k--) {
      const m = mentions[k]!;
      if (m.start < floor) break;
      if (m.last <= trigger && ACTOR_LABELS.has(m.label) && m !== actor) {
        target = m;
        how.push('target: subject of a passive');
        break;
      }
    }
  }

  // Places and targets come after the trigger, within its clause (and the claim's content).
  const until = clauseEnd(lex, doc, trigger, win);
  // Where forces are sent is their destination, not where a purpose clause says they will fight:
  // "sending soldiers to fight for Russia in Ukraine" names no destination.
  const purpose = type === 'deploy' ? purposeClause(lex, doc, trigger, until) : -1;
  const beyond = (m: SentenceMention) => purpose >= 0 && m.first > purpose && m.first > trigger;
  let place: SentenceMention | null = null;
  for (const m of mentions) {
    if (m.first <= trigger || m === actor || !PLACE_LABELS.has(m.label)) continue;
    if (m.first - trigger > 12 || m.first >= until || beyond(m)) break;
    const slot = isPlaceSlot(lex, lower, m.first, trigger + 1);
    if (lower[m.first - 1] === 'to' && !MOVEMENT.has(type)) continue; // a recipient ("supplied arms to Ukraine")
    if (slot || m.label === 'LOC' || m.label === 'FAC') {
      place = mostSpecific(m, mentions, lower);
      how.push('place after the trigger');
      break;
    }
  }
  // A passive's target is its subject, before it: what follows is its agent and the circumstances ("hit … after crossing into Bolivian airspace").
  if (!NO_TARGET.has(type) && !target && !passive) {
    for (const m of mentions) {
      if (m.first <= trigger || m === actor || m === place || !ACTOR_LABELS.has(m.label)) continue;
      if (m.first - trigger > 8 || m.first >= until) break;
      const prev = lower[m.first - 1]!;
      if (isPlaceSlot(lex, lower, m.first, trigger + 1) && !(prev === 'to' && !MOVEMENT.has(type)) && m.label === 'GPE' && !lex.TARGET_PREPOSITIONS.has(prev)) continue;
      if (prev === 'by') continue;
      if (place && m.last + 1 === place.first && (lower[m.last] === "'s" || lower[m.last] === '’s')) continue; // "Russia's Kursk Oblast"
      target = m;
      how.push('target after the trigger');
      break;
    }
  }
  if (!actorId && target && SYMMETRIC.has(type) && lower[target.first - 1] === 'with') {
    // "a treaty signed with Moscow": in an event between parties the one named is a party.
    actorId = target.entity.id;
    target = null;
    how.push('actor: the party after "with"');
  }
  if (type === 'capture' && target && !place && PLACE_LABELS.has(target.label)) {
    // A place taken is where the taking happened: "captured the town", "the town was captured" meet "fighting in the town".
    place = mostSpecific(target, mentions, lower);
    target = null;
    how.push('place: the place taken');
  }
  if (!place) {
    // A place named elsewhere in the sentence: "In Kursk, … captured", "fighting in Kursk … operations … continue".
    let best: SentenceMention | null = null;
    for (const m of mentions) {
      if (m === actor || m === target || !PLACE_LABELS.has(m.label) || beyond(m)) continue;
      if (win.content && (m.start < win.content.start || m.end > win.content.end)) continue;
      if (m.label === 'GPE' && !isPlaceSlot(lex, lower, m.first, win.first)) continue;
      if (!best || Math.abs(m.first - trigger) < Math.abs(best.first - trigger)) best = m;
    }
    if (best) {
      place = mostSpecific(best, mentions, lower);
      how.push('place elsewhere in the sentence');
    }
  }

  const time = nearestTime(indexes.times, doc.tokens.start[trigger]!, win);
  if (time) how.push(`time "${time.text}"`);
  const quantity = COUNTED.has(type) ? nearestQuantity(doc, indexes.quantities, trigger, win, until) : null;
  if (quantity) how.push(`quantity "${quantity.text}"`);

  return {
    actor: actorId,
    target: target && target.entity.id !== actorId ? target.entity.id : null,
    place: place && place.entity.id !== actorId ? place.entity.id : null,
    time: time ? dateOf(time.value) : null,
    quantity: quantity?.value ?? null,
    how,
  };
}


/**
 * The arguments of an event told of the place that undergoes it (TriggerRule.undergoer): the place is the verb's
 * subject ("the city had fallen") or follows the noun's "of" ("the loss of the town"), and who took it follows "to"
 * ("fell to rebel forces"). No place, no arguments: the rule then does not fire.
 */
function undergone(lex: Language['events'], doc: Doc, pos: 'verb' | 'noun', trigger: number, win: Window, mentions: readonly SentenceMention[], indexes: ArgumentIndexes): Arguments {
  const lower = doc.tokens.lower;
  const none: Arguments = { actor: null, target: null, place: null, time: null, quantity: null, how: [] };
  let place: SentenceMention | undefined;
  if (pos === 'verb') {
    let k = trigger - 1;
    while (k >= win.first && lex.UNDERGOER_GAP.has(lower[k]!)) k--;
    place = mentions.find((m) => m.last === k + 1 && PLACE_LABELS.has(m.label));
  } else if (lower[trigger + 1] === 'of') {
    let k = trigger + 2;
    while (k < win.last && lex.SKIPPABLE.has(lower[k]!) && !mentions.some((m) => m.first === k)) k++;
    place = mentions.find((m) => m.first === k && PLACE_LABELS.has(m.label));
  }
  if (!place || (win.content && (place.start < win.content.start || place.end > win.content.end))) return none;
  const how = [pos === 'verb' ? 'place: the place that fell (the subject)' : 'place: the place lost (after "of")'];
  const to = place.first > trigger ? place.last : trigger + 1;
  const actor = lower[to] === 'to' ? (mentions.find((m) => m.first > to && m.first - to <= 3 && ACTOR_LABELS.has(m.label)) ?? null) : null;
  if (actor) how.push('actor after "to"');
  const time = nearestTime(indexes.times, doc.tokens.start[trigger]!, win);
  if (time) how.push(`time "${time.text}"`);
  const taken = mostSpecific(place, mentions, lower);
  return { actor: actor?.entity.id ?? null, target: null, place: taken.entity.id, time: time ? dateOf(time.value) : null, quantity: null, how };
}

/** The "to" opening an infinitive purpose clause after the trigger ("sent troops to fight …"), or -1. */
function purposeClause(lex: Language['events'], doc: Doc, trigger: number, until: number): number {
  const { lower, words } = doc.tokens;
  for (let k = trigger + 1; k + 1 < until; k++) {
    if (lower[k] === 'to' && !isNameStart(words[k + 1]!) && !lex.NOT_A_VERB.has(lower[k + 1]!) && /^[a-z]/.test(lower[k + 1]!)) return k;
  }
  return -1;
}

/** Whether a clause ends between two tokens. */
function clauseEndBetween(lex: Language['events'], lower: readonly string[], from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if (lex.CLAUSE_ENDS.has(lower[k]!)) return true;
  return false;
}

/**
 * One past the last token of the trigger's clause: the end of the sentence (or of the claim's
 * content), a clause word, or "and" before a lower-case word ("strikes on the plant and accuses
 * Moscow"; "attacks on Kyiv and Lviv" goes on).
 */
function clauseEnd(lex: Language['events'], doc: Doc, trigger: number, win: Window): number {
  const { lower, words } = doc.tokens;
  let last = win.last;
  if (win.content) last = Math.min(last, tokenFrom(doc, win.content.end));
  for (let k = trigger + 1; k < last; k++) {
    const w = lower[k]!;
    if (lex.CLAUSE_ENDS.has(w) && !(w === ',' && k + 1 < last && isNameStart(words[k + 1]!))) return k;
    if ((w === 'and' || w === 'or') && k + 1 < last && !isNameStart(words[k + 1]!) && lower[k + 1] !== 'the') return k;
  }
  return last;
}

/** The first token starting at or after a character offset. */
function tokenFrom(doc: Doc, offset: number): number {
  const s = doc.tokens.start;
  let lo = 0;
  let hi = doc.tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isNameStart(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** "was captured", "were reportedly killed" (not "is sending"). */
function isPassive(lex: Language['events'], lower: readonly string[], trigger: number, sentenceFirst: number): boolean {
  if (lower[trigger]!.endsWith('ing')) return false;
  for (let k = trigger - 1; k >= sentenceFirst && k >= trigger - 3; k--) {
    const w = lower[k]!;
    if (lex.PASSIVE_AUXILIARIES.has(w)) return true;
    if (!lex.ADVERBS.has(w)) return false;
  }
  return false;
}

function agentAfterBy(lower: readonly string[], trigger: number, last: number, mentions: readonly SentenceMention[]): SentenceMention | null {
  for (let k = trigger + 1; k < last && k <= trigger + 3; k++) {
    if (lower[k] !== 'by') continue;
    return mentions.find((m) => m.first > k && m.first - k <= 3 && ACTOR_LABELS.has(m.label)) ?? null;
  }
  return null;
}

/** Whether the mention starting at `first` follows a place preposition (skipping "the", "both" …). */
function isPlaceSlot(lex: Language['events'], lower: readonly string[], first: number, floor: number): boolean {
  let k = first - 1;
  while (k >= floor && lex.SKIPPABLE.has(lower[k]!)) k--;
  return k >= floor && lex.PLACE_PREPOSITIONS.has(lower[k]!);
}

/** "Russia's Kursk Oblast": the narrower place after a possessive. */
function mostSpecific(m: SentenceMention, mentions: readonly SentenceMention[], lower: readonly string[]): SentenceMention {
  if (lower[m.last] !== "'s" && lower[m.last] !== '’s') return m;
  const next = mentions.find((n) => n.first === m.last + 1 && PLACE_LABELS.has(n.label));
  return next ?? m;
}

function nearestTime(times: PositionIndex<TimeExpression>, at: number, win: Window): TimeExpression | null {
  let best: TimeExpression | null = null;
  let bestDistance = Infinity;
  const range = win.content ?? win;
  for (const i of times.between(range.start, range.end + 1)) {
    const t = times.items[i]!;
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    const c0 = t.value.charCodeAt(0);
    if (c0 < 48 || c0 > 57) continue;
    if (t.start < range.start || t.end > range.end) continue;
    const distance = t.start > at ? t.start - at : at - t.end;
    if (distance < bestDistance) {
      best = t;
      bestDistance = distance;
    }
  }
  return best;
}

/** A count after the trigger lies in its clause ("killed, and 1,000 wounded" counts the wounded). */
function nearestQuantity(doc: Doc, quantities: PositionIndex<Quantity>, trigger: number, win: Window, until: number): Quantity | null {
  let best: Quantity | null = null;
  let bestDistance = Infinity;
  for (const i of quantities.between(win.first, win.last)) {
    const q = quantities.items[i]!;
    const first = doc.tokenAt(q.start);
    if (first < win.first || first >= win.last || (first > trigger && first >= until)) continue;
    const last = doc.tokenAt(Math.max(q.start, q.end - 1));
    // Counted things follow the count: "captured two soldiers" (after), "100 North Korean soldiers
    // have been killed" (before, a little further: an after-count wins at equal distance).
    const distance = first > trigger ? first - trigger : (trigger - last) * 1.5;
    if (distance <= 0 || (first > trigger ? distance > 6 : trigger - last > 7)) continue;
    if (distance < bestDistance) {
      best = q;
      bestDistance = distance;
    }
  }
  return best;
}

/** The date part of a TIMEX3 value (2025-04-27T14:00 → 2025-04-27). */
function dateOf(value: string): string {
  const t = value.indexOf('T');
  return t > 0 ? value.slice(0, t) : value;
}

/** The sentence's entity mentions in token terms, in text order. */
export function sentenceMentions(doc: Doc, start: number, end: number): SentenceMention[] {
  const out: SentenceMention[] = [];
  for (const { mention, entity } of doc.mentionsIn(start, end)) {
    const first = doc.tokenAt(mention.start);
    const lastToken = doc.tokenAt(mention.end - 1);
    if (first < 0 || lastToken < 0) continue;
    out.push({ entity, label: mention.label ?? entity.type, first, last: lastToken + 1, start: mention.start, end: mention.end });
  }
  return out;
}
