import type { Analysis, Claim, Stance } from '../doc/types.js';

/** An event reported in a claim's content, with entity ids as arguments. */
export interface EventSig {
  type: string;
  actor: string | null;
  target: string | null;
  place: string | null;
  time: string | null;
  quantity: number | null;
  planned: boolean;
}

/**
 * What a claim is about, reduced to what can be compared across articles: the entities and
 * events in its content, its content words (negation and end/continue predicates left out so
 * "has ended" and "continues" still match), and which way it points.
 */
export interface ClaimFeatures {
  entities: string[];
  /** The events of the claim's main type (that of its first event). */
  events: EventSig[];
  words: string[];
  numbers: number[];
  dates: string[];
  /** +1 when the content says something ended or was concluded, −1 when it says it goes on, 0 otherwise. */
  predicate: number;
  negated: boolean;
  /** Country of each actor and place, so "Russia" and "Kursk Oblast", or a ministry and its state, can agree. */
  countries: Record<string, string>;
  /** Order words before the claim: "initially" (early), "later" (late), "now". */
  order: 'early' | 'late' | 'now' | null;
  /** A bare dismissal ("groundless rumors") answers the nearest earlier claim: its id. */
  answers: string | null;
}

/** A claim with the facts about it that the analysis shows. */
export interface ClaimInfo {
  article: string;
  claim: string;
  speaker: string | null;
  speakerKey: string;
  stance: Stance;
  content: string;
  said: string | null;
  published: string | null;
  source: string | null;
  features: ClaimFeatures;
}

const STOP = new Set(
  (
    'the a an and or but of to in on at by for with from as that this these those it its is are was were be been being has have had ' +
    'will would can could should may might must shall do does did done their there they them he she his her him we our us you your ' +
    'i my me who whom which what when where why how than then so such also very more most much many some any all each other into ' +
    'about over after before under again further once here just only own same too both between through during out up down off ' +
    'said says say told according claimed stated added noted reported according while if because since until not'
  ).split(' '),
);
/** Words that turn a content round: negations, and denials reported inside it ("a letter disputing …"). */
const NEGATION = new Set(['not', 'no', 'never', "n't", 'nothing', 'neither', 'nor', 'without', 'none', 'disputing', 'denying', 'rejecting', 'refuting', 'dismissing']);
const END = new Set('ended concluded completed finished liberated liberation victoriously defeated ceased halted'.split(' '));
const CONTINUE = new Set('continue continues continued continuing ongoing maintaining maintain maintains still persist persists persisting remain remains underway'.split(' '));
/** Words that judge something said to be false: a content of these alone dismisses an earlier claim. */
const FALSE = new Set('groundless baseless lie lies lying fake false untrue nonsense fabrication fabrications fabricated propaganda hoax absurd ridiculous unfounded'.split(' '));
/** Words that name something said: dismissed by a denial ("denied the allegation"). */
const SAYING = new Set('rumor rumors rumour rumours allegation allegations claim claims report reports story stories speculation accusation accusations'.split(' '));
const HEAD_WORDS = 20;
const EARLY = /\b(?:initially|at first|originally|earlier|previously|first)\b/i;
const LATE = /\b(?:later|subsequently|eventually|finally|since then)\b/i;
const NOW = /\bnow\b/i;

/** Lower-cased words of a text, possessives dropped. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().replace(/’/g, "'").replace(/'s\b/g, '').replace(/n't\b/g, " n't").match(/n't|[\p{L}\p{N}]+/gu) ?? [];
}

/** A crude suffix stripper: enough to let "deployed"/"deploys" and "troops"/"troop" meet. */
function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** Features of every claim of an analysed article, by claim id. */
export function claimFeatures(analysis: Analysis): Map<string, ClaimFeatures> {
  const { article, entities, events, quantities, times, claims } = analysis;
  const text = article.text;
  const countryOf = new Map(entities.filter((e) => e.country).map((e) => [e.id, e.country!]));
  const out = new Map<string, ClaimFeatures>();
  const ordered = [...claims].sort((a, b) => a.content.start - b.content.start);
  for (const c of ordered) {
    const { start, end } = c.content;
    const inside = (s: { start: number; end: number }) => s.start >= start && s.end <= end;
    const ents = new Set<string>();
    for (const e of entities) if (e.mentions.some(inside)) ents.add(e.id);
    // A claim is about its first event ("sent troops to fight in Kursk" is about the sending):
    // only events of that type describe it.
    const own = events.filter((e) => e.claims.includes(c.id) || inside(e.trigger)).sort((a, b) => a.trigger.start - b.trigger.start);
    const sigs: EventSig[] = own
      .filter((e) => e.type === own[0]!.type)
      .map((e) => ({ type: e.type, actor: e.actor, target: e.target, place: e.place, time: e.time, quantity: e.quantity, planned: e.status === 'planned' }));
    const countries: Record<string, string> = {};
    for (const s of sigs) for (const id of [s.place, s.actor]) if (id && countryOf.has(id)) countries[id] = countryOf.get(id)!;
    // Names are compared as entities, not as words: a content's words are what it says of them.
    let masked = c.content.text;
    for (const e of entities) {
      for (const m of e.mentions) if (inside(m)) masked = `${masked.slice(0, m.start - start)}${' '.repeat(m.end - m.start)}${masked.slice(m.end - start)}`;
    }
    const raw = wordsOf(masked);
    let predicate = 0;
    let ends = false;
    let goesOn = false;
    const words = new Set<string>();
    let negated = false;
    for (let k = 0; k < raw.length; k++) {
      const w = raw[k]!;
      // Which way a content points is read from its opening words: a "not" deep in a long
      // quotation rarely turns its main statement round.
      const head = k < HEAD_WORDS;
      if (NEGATION.has(w)) negated ||= head;
      else if (END.has(w)) ends ||= head;
      else if (CONTINUE.has(w)) goesOn ||= head;
      else if (w.length > 2 && !STOP.has(w)) words.add(stem(w));
    }
    // "ended" and "continue" speak of an event only when the content names one.
    if (ends !== goesOn && sigs.length) predicate = ends ? 1 : -1;
    // A dismissal is bare: its content, or the opening clause of a quotation ("It's nonsense,"
    // he said …), holds nothing but words judging something said.
    const opening = wordsOf(masked.split(/[,.;:!?”"]|''/).find((part) => /[\p{L}]/u.test(part)) ?? '');
    const bare = sigs.length === 0 && opening.length <= 6 && opening.every((w) => FALSE.has(w) || SAYING.has(w) || STOP.has(w) || w.length <= 2 || w === 'as');
    const dismissal = bare && (opening.some((w) => FALSE.has(w)) || (c.stance === 'deny' && opening.some((w) => SAYING.has(w))));
    out.set(c.id, {
      entities: [...ents].sort(),
      events: sigs,
      words: [...words].sort(),
      numbers: quantities.filter(inside).map((q) => q.value),
      dates: times.filter((t) => inside(t) && t.type === 'DATE' && /^\d{4}/.test(t.value)).map((t) => t.value),
      predicate,
      negated,
      countries,
      order: orderWord(text, c),
      answers: dismissal ? answered(ordered, c) : null,
    });
  }
  return out;
}

/** The order word in the few words before a claim's content (within its sentence). */
function orderWord(text: string, c: Claim): ClaimFeatures['order'] {
  const to = c.content.start;
  let from = Math.max(0, Math.min(to, c.speaker?.start ?? to, c.cue?.start ?? to) - 40);
  const stop = Math.max(text.lastIndexOf('. ', to - 1), text.lastIndexOf('\n', to - 1));
  if (stop >= from) from = stop + 1;
  const before = text.slice(from, to);
  if (EARLY.test(before)) return 'early';
  if (LATE.test(before)) return 'late';
  if (NOW.test(before)) return 'now';
  return null;
}

/** The claim a bare dismissal answers: the nearest one ending just before it, from another speaker. */
function answered(ordered: readonly Claim[], c: Claim): string | null {
  const who = (x: Claim) => x.speaker?.entity ?? x.speaker?.text?.toLowerCase() ?? null;
  let best: Claim | null = null;
  for (const x of ordered) {
    if (x === c || x.content.end > c.content.start || c.content.start - x.content.end > 300) continue;
    if (who(x) !== null && who(x) === who(c)) continue;
    if (!best || x.content.end > best.content.end) best = x;
  }
  return best?.id ?? null;
}

/**
 * Which way a claim points on its proposition: +1 affirms, −1 denies, 0 takes no side (a question).
 * A denial, a negated content and a "goes on" predicate each turn it round.
 */
export function positionOf(stance: Stance, f: ClaimFeatures): number {
  if (stance === 'question') return 0;
  let p = stance === 'deny' || f.answers ? -1 : 1;
  if (f.negated) p = -p;
  if (f.predicate) p *= f.predicate;
  return p;
}

export function speakerKey(c: Claim): string {
  return c.speaker?.entity ?? (c.speaker ? `text:${c.speaker.text.toLowerCase()}` : 'article');
}
