import type { Claim } from '../doc/types.js';
import { en } from '../lang/index.js';
import { wordVectors } from '../lang/vectors.js';
import type { Reference } from '../lang/en/references.js';
import type { ClaimFeatures } from './features.js';
import { overlap } from './propositions.js';

/**
 * Which earlier (or later) claim of the same article a reference answers: "denied the report",
 * "rejected Moscow's account", a denial restating what it denies.
 */

const { NOUN_KIND } = en.references;
const { PROPOSING, HAPPENING, NONE_THERE } = en.contents;
const HAPPENING_STEMS: ReadonlySet<string> = new Set([...HAPPENING].map((w) => en.words.stem(w)));
const INVOLVEMENT: ReadonlySet<string> = new Set([...en.contents.INVOLVEMENT].map((w) => en.words.stem(w)));
/** Words this close by meaning name the same thing ("negotiations", "talks"), as in meaning.ts. */
const NEAR = 0.7;

/** Stances of claims that can be answered: statements and accusations, not demands, promises or questions. */
const ANSWERABLE = new Set(['assert', 'confirm', 'condemn', 'warn', 'promise']);
/** A denial that states what it denies reads as a reference whose whole content is what was said. */
export const ECHO: Reference = { direction: -1, sayer: null, noun: null, said: 0, saidEnd: 0, clause: true, near: false };
/** How far back (characters) a bare reference ("denied it") looks for what it answers, and one that says what or whose. */
const BARE_REACH = 400;
/** Characters before a claim searched for what it answers: far beyond NAMED_REACH and chains of BARE_REACH. */
export const ANSWER_WINDOW = 50_000;
export const NAMED_REACH = 3000;

/**
 * The claim of the article that a reference answers, from another voice: one of the named
 * sayer's ("Trump's claim") or of the one its noun names ("the report": what "the report" said),
 * else the one sharing most of what it says was said ("reports that North Korea sent troops"),
 * before or after it (a lead often gives the denial first); else — for a bare "that account",
 * "it" — the claim just before it: of that voice's few claims in a row, the first that tells of
 * an event (else the first), if it is a statement or an accusation.
 */
export function answered(ordered: readonly Claim[], c: Claim, r: Reference, features: Map<string, ClaimFeatures>, voiceOf: (id: string) => string, text: string): string | null {
  const own = features.get(c.id)!;
  const gap = (x: Claim) => (x.content.end <= c.content.start ? c.content.start - x.content.end : x.content.start - c.content.end);
  const others = ordered.filter((x) => x !== c && features.get(x.id)!.voice !== own.voice && !features.get(x.id)!.refusal && (x.content.end <= c.content.start || x.content.start >= c.content.end));
  const answerable = (x: Claim) => ANSWERABLE.has(x.stance) && !PROPOSING.has(x.cue?.lemma ?? '');
  const statements = others.filter((x) => gap(x) <= NAMED_REACH && answerable(x) && !features.get(x.id)!.refers);
  const score = (x: Claim) => 2 * overlap(features.get(x.id)!.words, own.words).shared + overlap(features.get(x.id)!.entities, own.entities).shared;
  // The best-scoring; among equals one before the reference, then the nearest.
  const best = (candidates: readonly Claim[]): string | null => {
    const rank = (x: Claim) => [score(x), x.content.end <= c.content.start ? 1 : 0, -gap(x)] as const;
    let top: Claim | null = null;
    for (const x of candidates) {
      if (!top) top = x;
      else {
        const [a, b] = [rank(x), rank(top)];
        if (a[0] > b[0] || (a[0] === b[0] && (a[1] > b[1] || (a[1] === b[1] && a[2] > b[2])))) top = x;
      }
    }
    return top?.id ?? null;
  };
  if (r.sayer || r.noun) {
    const sayer = r.sayer ? voiceOf(r.sayer) : null;
    const noun = r.noun ? singular(r.noun) : null;
    const named = (x: Claim) => (sayer !== null && features.get(x.id)!.voice === sayer) || (noun !== null && x.speaker !== null && singular(lastWord(x.speaker.text)) === noun);
    // "Moscow's account of the fighting" is one of Moscow's claims about fighting.
    const onTopic = (x: Claim) => !own.words.length || overlap(features.get(x.id)!.words, own.words).shared > 0;
    const x = best(statements.filter((x) => named(x) && onTopic(x)));
    if (x || r.sayer) return x;
  }
  // "Bolivia denied any involvement": the accusation just before that names the denier, as "denied the charges" would.
  const involvement = r === ECHO && own.words.length === 1 && INVOLVEMENT.has(own.words[0]!);
  if (r.said >= 0 && !involvement) {
    // What was said must be said by the other claim: two or more of its words, and a good part
    // of them (most of them for a denial that does not say it answers anything).
    const part = r === ECHO ? 0.6 : 0.4;
    // A denial that does not say it answers anything answers a claim about its speaker or about what it names.
    const aboutThem = (x: Claim) => r !== ECHO || overlap(features.get(x.id)!.entities, own.entities).shared > 0 || features.get(x.id)!.entities.some((e) => voiceOf(e) === own.voice);
    const thing = r === ECHO ? happened(own, NONE_THERE.test(c.content.text)) : -1;
    return best(
      statements.filter((x) => {
        const { shared } = overlap(features.get(x.id)!.words, own.words);
        if (thing >= 0) return aboutThem(x) && namesNear(own, thing, features.get(x.id)!);
        return shared >= 2 && shared >= part * Math.min(own.words.length, features.get(x.id)!.words.length) && aboutThem(x);
      }),
    );
  }
  // The voice just before: its few claims in a row, the first that tells of an event (else the
  // first). A run that answers something itself ("did not deny them, saying …") is looked past,
  // so its refusals and non-denials count here.
  const before = ordered.filter((x) => x !== c && features.get(x.id)!.voice !== own.voice && x.content.end <= c.content.start);
  // "Egypt contests this" after a sentence of the article's own: "this" is in that sentence, not a claim.
  if (r.near && before.length && !followsClosely(text, before[before.length - 1]!, c)) return null;
  let k = before.length - 1;
  let from = c.content.start;
  for (let runs = 0; runs < 2 && k >= 0 && from - before[k]!.content.end <= BARE_REACH; runs++) {
    const voice = features.get(before[k]!.id)!.voice;
    const run: Claim[] = [];
    while (k >= 0 && features.get(before[k]!.id)!.voice === voice && from - before[k]!.content.end <= BARE_REACH) {
      run.unshift(before[k]!);
      from = before[k]!.content.start;
      k--;
    }
    if (run.some((x) => features.get(x.id)!.refers !== 0 || features.get(x.id)!.refusal)) continue;
    // "the accusations": the accusation in the run; "that account": where it starts, with its event; else the nearest.
    const kind = involvement ? 'charge' : r.noun ? NOUN_KIND.get(r.noun) : undefined;
    if (involvement && !run.some((x) => x.stance === 'condemn' && features.get(x.id)!.entities.some((e) => voiceOf(e) === own.voice))) return null;
    const pick =
      (kind === 'charge' ? run.find((x) => x.stance === 'condemn') : kind === 'account' ? (run.find((x) => features.get(x.id)!.events.length) ?? run[0]) : undefined) ?? run[run.length - 1]!;
    return answerable(pick) ? pick.id : null;
  }
  return null;
}

/**
 * A denial that something happened or exists at all ("denied that any negotiations had taken place", "There is no
 * blockade"): the index of the one word it names beside words of happening, else −1. What it answers names that thing,
 * in the same word or a near one ("held secret talks").
 */
function happened(f: ClaimFeatures, exists: boolean): number {
  let named = -1;
  for (let i = 0; i < f.words.length; i++) {
    if (HAPPENING_STEMS.has(f.words[i]!)) continue;
    if (named >= 0) return -1;
    named = i;
  }
  return named >= 0 && (exists || f.words.length > 1) ? named : -1;
}

/** Whether the other claim says word `i` of `f`, by stem or by a word near it in meaning. */
function namesNear(f: ClaimFeatures, i: number, other: ClaimFeatures): boolean {
  if (other.words.includes(f.words[i]!)) return true;
  const row = f.rows?.[i] ?? -1;
  const rows = other.rows?.filter((r) => r >= 0);
  return row >= 0 && rows !== undefined && rows.length > 0 && wordVectors(en).closest(row, Int32Array.from(rows)) >= NEAR;
}

const SENTENCE_END = /[.!?]["”’']?\s+|\n/g;

/**
 * Whether claim `c` comes right after `x`: in the same sentence, or in the next one that opens
 * with c's speaker or cue ("Sanders rejected that."). A claim's own sentence end may close its content.
 */
function followsClosely(text: string, x: Claim, c: Claim): boolean {
  const from = Math.min(c.content.start, c.speaker?.start ?? Infinity, c.cue?.start ?? Infinity);
  const ends = [...text.slice(x.content.end, from).matchAll(SENTENCE_END)];
  if (!ends.length) return true;
  const last = ends[ends.length - 1]!;
  const opening = text.slice(x.content.end + last.index + last[0].length, from);
  return ends.length <= 2 && /^[\s"“'‘]*$/.test(opening);
}

function lastWord(text: string): string {
  const words = text.toLowerCase().match(/[\p{L}]+/gu);
  return words ? words[words.length - 1]! : '';
}

function singular(w: string): string {
  return w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

