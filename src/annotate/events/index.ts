import type { Doc, LocatedMention } from '../../doc/doc.js';
import type { Claim, Event, EventStatus } from '../../doc/types.js';
import type { ComponentSpec } from '../pipeline.js';
import { TAG } from '../pos/tags.js';
import { SpanIndex } from '../ranges.js';
import { argumentIndexes, findArguments, sentenceMentions, type SentenceMention } from './arguments.js';
import type { Language } from '../../lang/language.js';
import { triggerRules, type TriggerRule } from './lexicon.js';

export { EVENT_TAXONOMY, EVENT_TYPES, type EventType } from './taxonomy.js';

/** The events layer: typed events with arguments and a status read from the claims around them. */
export const EVENTS: ComponentSpec = {
  name: 'events',
  assigns: ['events'],
  requires: ['tokens', 'sentences', 'pos', 'entities', 'times', 'quantities', 'claims'],
  create: ({ language }) => (doc) => doc.set('events', extractEvents(doc, language)),
};

/** Same-type triggers closer than this (tokens, no clause break between) are one event. */
const MERGE_WINDOW = 5;
const OBJECT_AFTER = 6;
const OBJECT_BEFORE = 4;

interface Found {
  token: number;
  rule: TriggerRule;
  sentence: number;
}

/** Every event of the Doc, in text order. Needs the entities, times, quantities and claims layers. */
export function extractEvents(doc: Doc, language: Language): Event[] {
  const lex = language.events;
  const triggers = triggerRules(language);
  const { tokens } = doc;
  const lower = tokens.lower;
  const conflict = new Int8Array(doc.sentences.length); // 0 not yet known, 1 no, 2 yes
  const found: Found[] = [];
  for (let i = 0; i < tokens.count; i++) {
    const rules = triggers.get(lower[i]!);
    if (rules === undefined) continue;
    const s = tokens.sentence[i]!;
    for (const rule of rules) {
      if (!fires(lex, doc, rule, i, s, conflict)) continue;
      const prev = found[found.length - 1];
      if (prev && prev.rule.type === rule.type && prev.sentence === s && i - prev.token <= MERGE_WINDOW && !breakBetween(lex, lower, prev.token, i)) break;
      found.push({ token: i, rule, sentence: s });
      break;
    }
  }
  if (!found.length) return [];

  const contents = new SpanIndex(claimRanges(doc.claims), (r) => r.content.start, (r) => r.content.end);
  const indexes = argumentIndexes(doc);
  const events: Event[] = [];
  let mentionsOf = -1;
  let mentions: SentenceMention[] = [];
  for (const f of found) {
    const sentence = doc.sentences[f.sentence]!;
    if (mentionsOf !== f.sentence) {
      mentions = sentenceMentions(doc, sentence.start, sentence.end);
      mentionsOf = f.sentence;
    }
    const at = tokens.start[f.token]!;
    const claim = innermostClaim(contents, at);
    const win = { first: sentence.first, last: sentence.last, start: sentence.start, end: sentence.end, content: claim ? claim.content : null, speaker: claim?.speakerEntity ?? null };
    const args = findArguments(lex, doc, f.rule.type, f.rule.pos, f.token, win, mentions, indexes, f.rule.undergoer);
    if (f.rule.placeObject && !args.place) {
      args.place = placeObject(lex, doc, f.token, sentence.last);
      args.how.push('place: the object');
    }
    if ((f.rule.place && !args.place) || (f.rule.counted && args.quantity === null)) continue;
    if (f.rule.sufferer) {
      args.target = args.actor ?? args.target;
      args.actor = null;
      args.how.push('the subject suffers it: the target');
    }
    if (!args.actor && claim?.stance === 'promise' && claim.speakerEntity) {
      // "the mayor announced plans to build a bridge": who promises is who will do it.
      args.actor = claim.speakerEntity;
      args.how.push('actor: the speaker of the promise');
    }
    const { status, why } = statusOf(lex, doc, f.token, sentence.first, claim);
    events.push({
      id: `e${events.length + 1}`,
      type: f.rule.type,
      trigger: doc.tokenSpan(f.token, f.token + 1),
      actor: args.actor,
      target: args.target,
      place: args.place,
      time: args.time,
      quantity: args.quantity,
      status,
      claims: claim ? [claim.id] : [],
      explain: {
        rule: `events/lexicon:${f.rule.pos}`,
        detail: [`"${lower[f.token]}" → ${f.rule.type}${conditionOf(f.rule)}`, ...args.how, `status ${status}: ${why}`].join('; '),
      },
    });
  }
  placeSites(lex, doc, events);
  placeCounts(lex, doc, events);
  markDisputed(events, doc.claims);
  return events;
}

/** Events a count of the dead or hurt can be of. */
const WAR_EVENTS: ReadonlySet<string> = new Set(['attack', 'military_operation', 'capture', 'kill', 'injure']);
const CASUALTIES: ReadonlySet<string> = new Set(['kill', 'injure']);
/** How many sentences back a count looks for the event it counts. */
const COUNT_REACH = 2;

/**
 * "It put the number of dead at nine", "the true toll was 14" after "a missile strike on the town killed 12": a count of
 * the dead or hurt that names no place counts those of the war event told last in a place narrower than a country, in
 * its sentence or the two before — not past a sentence that moves elsewhere ("Elsewhere, four soldiers were killed").
 * So is "the strike", "the attack" (a war event named with "the") of the one told before ("blamed Bolivian artillery
 * for the strike" after "shelling killed three people in Desaguadero").
 */
function placeCounts(lex: Language['events'], doc: Doc, events: Event[]): void {
  const sentence = (e: Event) => doc.tokens.sentence[doc.tokenAt(e.trigger.start)]!;
  const shifts = (s: number) => lex.SCENE_SHIFTS.has(doc.tokens.lower[doc.sentences[s]!.first]!);
  const country = new Set(doc.entities.filter((x) => x.type === 'GPE' && x.subtype === 'country').map((x) => x.id));
  // Where an event happened: its place, or the town it struck ("shells hit the town": its target).
  const towns = new Set(doc.entities.filter((x) => x.type === 'LOC' || (x.type === 'GPE' && x.subtype !== 'country')).map((x) => x.id));
  const placeOf = (e: Event) => e.place ?? (e.target !== null && towns.has(e.target) ? e.target : null);
  const named = (e: Event) => WAR_EVENTS.has(e.type) && doc.tokens.lower[doc.tokenAt(e.trigger.start) - 1] === 'the' && doc.pos[doc.tokenAt(e.trigger.start)] === TAG.NOUN;
  for (let k = 1; k < events.length; k++) {
    const e = events[k]!;
    if (e.place || !((CASUALTIES.has(e.type) && e.quantity !== null) || named(e))) continue;
    const s = sentence(e);
    for (let j = k - 1; j >= 0; j--) {
      const before = events[j]!;
      if (s - sentence(before) > COUNT_REACH || (sentence(before) < s && shifts(s)) || (sentence(before) < s - 1 && shifts(s - 1))) break;
      const place = placeOf(before);
      if (!place || !WAR_EVENTS.has(before.type) || country.has(place)) continue;
      e.place = place;
      if (e.explain) e.explain.detail = `${e.explain.detail}; place of the ${before.type} told before ("${before.trigger.text}")`;
      break;
    }
  }
}

/**
 * "Drones had hit the site" after "a fire at an ammunition depot near Uyuni": a war event on "the site", "the depot" …
 * that names no place is at the place (narrower than a country) something was last said to be in or near, in its
 * sentence or the one before — not past a sentence that moves elsewhere.
 */
function placeSites(lex: Language['events'], doc: Doc, events: Event[]): void {
  const { lower, sentence: sentenceOf } = doc.tokens;
  let mentions: readonly LocatedMention[] | null = null;
  for (const e of events) {
    if (e.place || !WAR_EVENTS.has(e.type)) continue;
    const i = doc.tokenAt(e.trigger.start);
    const s = sentenceOf[i]!;
    // The site as the object ("hit the depot") or the subject of a passive ("the depot was hit").
    const site = (k: number) => lower[k] === 'the' && lex.SITES.has(lower[k + 1] ?? '') && sentenceOf[k + 1] === s;
    if (!site(i + 1) && !(i >= 3 && site(i - 3) && lex.PASSIVE_AUXILIARIES.has(lower[i - 1]!))) continue;
    const from = doc.sentences[Math.max(0, lex.SCENE_SHIFTS.has(lower[doc.sentences[s]!.first]!) ? s : s - 1)]!.start;
    mentions ??= doc.mentions();
    for (let k = mentions.length - 1; k >= 0; k--) {
      const m = mentions[k]!;
      if (m.mention.start >= e.trigger.start) continue;
      if (m.mention.start < from) break;
      // A place something is in or near ("a depot near Uyuni", "inspectors at the Sucre power plant": the site named by its
      // town), not one naming a thing ("a Sucre newspaper").
      const at = doc.tokenAt(m.mention.start);
      const placed = lex.PLACE_PREPOSITIONS.has(lower[at - 1] ?? '') || (lower[at - 1] === 'the' && lex.PLACE_PREPOSITIONS.has(lower[at - 2] ?? '') && siteAfter(lex, lower, m, doc));
      if ((m.entity.type !== 'LOC' && !(m.entity.type === 'GPE' && m.entity.subtype !== 'country')) || !placed) continue;
      e.place = m.entity.id;
      if (e.explain) e.explain.detail = `${e.explain.detail}; place of "the ${lower[i + 1] === 'the' ? lower[i + 2] : lower[i - 2]}", named before ("${m.mention.text}")`;
      break;
    }
  }
}

function fires(lex: Language['events'], doc: Doc, rule: TriggerRule, i: number, s: number, conflict: Int8Array): boolean {
  const { lower, count } = doc.tokens;
  const sentence = doc.sentences[s]!;
  if (rule.pos === 'verb' && i > sentence.first && lex.DETERMINERS.has(lower[i - 1]!)) return false;
  // "to combat the narrative", "would battle it": a noun's form used as a verb (but "in response
  // to attacks on …" keeps its noun).
  if (rule.pos === 'noun' && i > sentence.first && lex.VERB_SLOT.has(lower[i - 1]!) && !(lower[i - 1] === 'to' && lex.NOUN_FOLLOWERS.has(lower[i + 1] ?? '.'))) return false;
  if (rule.before && !(i > sentence.first && rule.before.has(lower[i - 1]!))) return false;
  if (rule.object && !near(lower, rule.object, i, sentence.first, sentence.last)) return false;
  if (rule.not) for (let k = i + 1; k < Math.min(count, sentence.last, i + 4); k++) if (rule.not.has(lower[k]!)) return false;
  if (rule.notAfter) for (let k = i - 1; k >= sentence.first && k >= i - 3; k--) if (rule.notAfter.has(lower[k]!)) return false;
  if (rule.conflict && !isConflict(lex, doc, s, conflict) && !(s > 0 && isConflict(lex, doc, s - 1, conflict))) return false;
  if (rule.placeObject && placeObject(lex, doc, i, sentence.last) === null) return false;
  return true;
}

/** How many words after a verb its place object may begin ("lost the strategic village of Zolotvyn"). */
const PLACE_OBJECT_REACH = 5;

/** The place that is the object of the verb at `i` (named right after it, after at most words that introduce a place), else null. */
function placeObject(lex: Language['events'], doc: Doc, i: number, last: number): string | null {
  const { lower, start, end } = doc.tokens;
  for (let k = i + 1; k < last && k <= i + PLACE_OBJECT_REACH; k++) {
    // A place by its name, not its people ("lost Americans in a terrorist attack").
    const place = doc.mentionsIn(start[k]!, end[k]!).find((m) => (m.entity.type === 'LOC' || m.entity.type === 'GPE') && m.mention.label !== 'NORP');
    if (place) return place.entity.id;
    if (!lex.PLACE_OBJECT_WORDS.has(lower[k]!)) return null;
  }
  return null;
}

function near(lower: readonly string[], set: ReadonlySet<string>, i: number, first: number, last: number): boolean {
  for (let k = i + 1; k < last && k <= i + OBJECT_AFTER; k++) if (set.has(lower[k]!)) return true;
  for (let k = i - 1; k >= first && k >= i - OBJECT_BEFORE; k--) if (set.has(lower[k]!)) return true;
  return false;
}

/** Whether sentence `s` speaks of armed conflict; cached per sentence. */
function isConflict(lex: Language['events'], doc: Doc, s: number, cache: Int8Array): boolean {
  if (cache[s] === 0) {
    const { first, last } = doc.sentences[s]!;
    let yes = false;
    for (let k = first; k < last && !yes; k++) {
      const w = doc.tokens.lower[k]!;
      yes = lex.CONFLICT_WORDS.has(w) || lex.FORCES.has(w) || lex.WEAPONS.has(w);
    }
    cache[s] = yes ? 2 : 1;
  }
  return cache[s] === 2;
}

/** Whether a site word follows a place's mention within two words ("the Sucre power plant", "the Tarija depot"). */
function siteAfter(lex: Language['events'], lower: readonly string[], m: LocatedMention, doc: Doc): boolean {
  const after = doc.tokenAt(m.mention.end - 1) + 1;
  return lex.SITES.has(lower[after] ?? '') || lex.SITES.has(lower[after + 1] ?? '');
}

function breakBetween(lex: Language['events'], lower: readonly string[], from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if (lex.CLAUSE_BREAKS.has(lower[k]!)) return true;
  return false;
}

function conditionOf(rule: TriggerRule): string {
  const parts = [rule.object && 'with its object nearby', rule.sufferer && 'suffered by its subject', rule.before && 'after its modifier', rule.conflict && 'in a sentence about armed conflict', rule.place && 'naming a place', rule.counted && 'giving a count'].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

interface ClaimRange {
  id: string;
  stance: Claim['stance'];
  speaker: string | null;
  speakerEntity: string | null;
  content: { start: number; end: number };
}

function claimRanges(claims: readonly Claim[]): ClaimRange[] {
  const out: ClaimRange[] = [];
  for (const c of claims) {
    const speaker = c.speaker?.entity ?? c.speaker?.text ?? null;
    const parts = c.content.parts?.length ? c.content.parts : [c.content];
    for (const p of parts) out.push({ id: c.id, stance: c.stance, speaker, speakerEntity: c.speaker?.entity ?? null, content: { start: p.start, end: p.end } });
  }
  return out;
}

/** The smallest claim content holding the offset: a claim nested in another's content is the nearer voice. */
function innermostClaim(ranges: SpanIndex<ClaimRange>, at: number): ClaimRange | null {
  let best: ClaimRange | null = null;
  for (const i of ranges.containing(at)) {
    const r = ranges.items[i]!;
    if (!best || r.content.end - r.content.start < best.content.end - best.content.start) best = r;
  }
  return best;
}

const CLAIM_STATUS: Record<Claim['stance'], EventStatus> = {
  assert: 'reported',
  deny: 'denied',
  confirm: 'confirmed',
  praise: 'reported',
  condemn: 'reported',
  warn: 'reported',
  demand: 'reported',
  promise: 'planned',
  question: 'reported',
};

/** Status from the claim that holds the trigger, then from negation and intention words just before it. */
function statusOf(lex: Language['events'], doc: Doc, trigger: number, sentenceFirst: number, claim: ClaimRange | null): { status: EventStatus; why: string } {
  const lower = doc.tokens.lower;
  let status: EventStatus = claim ? CLAIM_STATUS[claim.stance] : 'asserted';
  let why = claim ? `inside claim ${claim.id} (${claim.stance})` : 'stated by the article';
  let reach = true;
  for (let k = trigger - 1; k >= sentenceFirst && k >= trigger - 4; k--) {
    const w = lower[k]!;
    if (w === ',' || w === ';' || w === '.' || w === ':') break;
    // "not confined to the strike": a negation before a preposition is not the event's ("plans to strike" still plans it).
    if (lex.NEGATION_BREAKS.has(w)) reach = false;
    if (reach && lex.NEGATIONS.has(w)) {
      status = status === 'denied' ? 'reported' : 'denied';
      why += `; negated by "${w}"`;
      break;
    }
    if (lex.PLANNED.has(w) && status !== 'denied') {
      status = 'planned';
      why += `; intention "${w}"`;
      break;
    }
  }
  if (status !== 'denied' && noneOf(lex, doc, trigger, sentenceFirst)) {
    status = 'denied';
    why += '; its subject is "none of"';
  }
  return { status, why };
}

/** How far back a clause's "none of" subject reaches its verb: "none of its drones had been intercepted". */
const SUBJECT_REACH = 8;

/** Whether the trigger's clause opens with "none of …": no punctuation, clause word or other verb between ("none of them said the town fell"). */
function noneOf(lex: Language['events'], doc: Doc, trigger: number, sentenceFirst: number): boolean {
  const lower = doc.tokens.lower;
  for (let k = trigger - 1; k > sentenceFirst && k >= trigger - SUBJECT_REACH; k--) {
    const w = lower[k]!;
    if (w === ',' || w === ';' || w === ':' || w === 'that' || w === 'and' || w === 'but' || doc.pos[k] === TAG.VERB) return false;
    if (w === 'of' && lex.NONE_OF.has(lower[k - 1]!)) return true;
  }
  return false;
}

const AFFIRMED = new Set<EventStatus>(['asserted', 'reported', 'confirmed']);

/**
 * An event denied by one voice and affirmed by another (same type, same place or actor) is
 * disputed: both events take that status.
 */
function markDisputed(events: Event[], claims: readonly Claim[]): void {
  const speakerOf = new Map(claims.map((c) => [c.id, c.speaker?.entity ?? c.speaker?.text ?? null]));
  const voice = (e: Event) => (e.claims.length ? (speakerOf.get(e.claims[0]!) ?? e.claims[0]!) : 'article');
  if (!events.some((e) => e.status === 'denied')) return;
  // Events of one type sharing a place or an actor: within each group, a denied event is disputed
  // when another voice affirms, an affirmed one when another voice denies (counts, not pairs).
  const keysOf = (e: Event) => [e.place && `${e.type}|p|${e.place}`, e.actor && `${e.type}|a|${e.actor}`].filter((k): k is string => Boolean(k));
  const groups = new Map<string, { denied: Map<string, number>; affirmed: Map<string, number>; deniedAll: number; affirmedAll: number }>();
  for (const e of events) {
    const side = e.status === 'denied' ? 'denied' : AFFIRMED.has(e.status) ? 'affirmed' : null;
    if (!side) continue;
    for (const key of keysOf(e)) {
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { denied: new Map(), affirmed: new Map(), deniedAll: 0, affirmedAll: 0 }));
      g[side].set(voice(e), (g[side].get(voice(e)) ?? 0) + 1);
      if (side === 'denied') g.deniedAll++;
      else g.affirmedAll++;
    }
  }
  const disputed = events.filter((e) => {
    const denied = e.status === 'denied';
    if (!denied && !AFFIRMED.has(e.status)) return false;
    return keysOf(e).some((key) => {
      const g = groups.get(key)!;
      return denied ? g.affirmedAll - (g.affirmed.get(voice(e)) ?? 0) > 0 : g.deniedAll - (g.denied.get(voice(e)) ?? 0) > 0;
    });
  });
  for (const e of disputed) {
    e.explain!.detail += `; disputed: denied and affirmed by different voices`;
    e.status = 'disputed';
  }
}
