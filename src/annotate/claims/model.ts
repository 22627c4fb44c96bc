import { existsSync, readFileSync } from 'node:fs';
import { TAG, TAG_NAMES } from '../pos/tags.js';
import type { Context } from './context.js';
import type { Draft } from './frames/index.js';
import { UnavailableError } from '../../errors.js';

/**
 * The cue model: an averaged perceptron that scores, for each claim the rules read, whether its
 * cue really attributes (PolNeAR's notion: speech, thought, intention, judgement). Trained by
 * scripts/train-cues.ts on PolNeAR train; weights in data/cues/model.json. It brings the words
 * that served as cues in training but are not in the hand-written lexicon, and decides where
 * those words are cues.
 */
export interface CueModelFile {
  /** What the model was trained on, for the record. */
  about: string;
  /** Claims of learned cue words scoring above this are kept. */
  threshold: number;
  /** Claims of lexicon cues scoring above this are kept. */
  lexiconThreshold: number;
  /** Cue words learned from training data beyond data/cues/cues.tsv. */
  vocabulary: string[];
  weights: Record<string, number>;
}

export class CueModel implements FeatureSink {
  readonly vocabulary: ReadonlySet<string>;
  readonly threshold: number;
  readonly lexiconThreshold: number;
  // Weights by template, then value(s): lookups with the tokens' own strings, no concatenation.
  private readonly single = new Map<string, Map<string, number>>();
  private readonly double = new Map<string, Map<string, Map<string, number>>>();
  private sum = 0;

  constructor(file: CueModelFile) {
    this.vocabulary = new Set(file.vocabulary);
    this.threshold = file.threshold;
    this.lexiconThreshold = file.lexiconThreshold;
    for (const [key, weight] of Object.entries(file.weights)) {
      const [name, a, b] = key.split('\t') as [string, string, string | undefined];
      if (b === undefined) {
        let m = this.single.get(name);
        if (!m) this.single.set(name, (m = new Map()));
        m.set(a, weight);
      } else {
        let m = this.double.get(name);
        if (!m) this.double.set(name, (m = new Map()));
        let n = m.get(a);
        if (!n) m.set(a, (n = new Map()));
        n.set(b, weight);
      }
    }
  }

  /** The model in a file (a language's `data.cueModel`), or null when none has been trained. */
  static load(path: string): CueModel | null {
    if (!existsSync(path)) return null;
    let file: CueModelFile;
    try {
      file = JSON.parse(readFileSync(path, 'utf8')) as CueModelFile;
    } catch (e) {
      throw new UnavailableError(`${path}: not a cue model (${(e as Error).message})`, { cause: e });
    }
    if (typeof file.threshold !== 'number' || typeof file.lexiconThreshold !== 'number' || !Array.isArray(file.vocabulary) || typeof file.weights !== 'object') {
      throw new UnavailableError(`${path}: not a cue model (threshold, lexiconThreshold, vocabulary, weights expected)`);
    }
    return new CueModel(file);
  }

  score(ctx: Context, d: Draft): number {
    this.sum = 0;
    cueFeatures(ctx, d, this);
    return this.sum;
  }

  one(name: string, value: string): void {
    this.sum += this.single.get(name)?.get(value) ?? 0;
  }

  two(name: string, a: string, b: string): void {
    this.sum += this.double.get(name)?.get(a)?.get(b) ?? 0;
  }
}

/** Receives a draft's features: a template name with one value or two. */
export interface FeatureSink {
  one(name: string, value: string): void;
  two(name: string, a: string, b: string): void;
}

/** Feature keys as stored in the model file: template and values joined by tabs (no token has one). */
export function featureKeys(ctx: Context, d: Draft): string[] {
  const keys: string[] = [];
  cueFeatures(ctx, d, { one: (n, v) => keys.push(`${n}\t${v}`), two: (n, a, b) => keys.push(`${n}\t${a}\t${b}`) });
  return keys;
}

const LENGTH_BUCKETS = [2, 4, 8, 16, 32, 64];
const BUCKET_NAMES = ['0', '1', '2', '3', '4', '5', 'more'];

/**
 * Features of a draft claim: the cue word and its neighbours, the rule that read it, the shape of
 * its speaker and content. One function feeds both training (keys) and use (scores).
 */
export function cueFeatures(ctx: Context, d: Draft, f: FeatureSink): void {
  const { lower, tags } = ctx;
  const h = d.head;
  const w = lower[h]!;
  // Words around the cue, with names and numbers as their class: the model learns how attribution
  // is written, not who happened to speak in the training news.
  const word = (i: number) => (i < 0 ? '<s>' : i >= ctx.count ? '</s>' : shapeOf(ctx, i));
  const prev = word(h - 1);
  const next = word(h + 1);
  const tag = (i: number) => (i >= 0 && i < ctx.count ? TAG_NAMES[tags[i]!]! : 'END');
  const rule = d.rule;
  const frame = d.entry.noun ? 'noun' : d.entry.frame;
  let source = 'none';
  if (d.inherits) source = 'inherited';
  else if (d.source) {
    const s = d.sourceHead ?? d.source;
    const t = tags[s[1] - 1];
    source = t === TAG.PRON || t === TAG.WH ? 'pronoun' : t === TAG.PROPN ? 'name' : 'noun';
    if (source === 'pronoun') f.one('sp', lower[s[1] - 1]!);
  }
  let contentTokens = 0;
  for (const [a, b] of d.parts) contentTokens += b - a;
  const bucket = LENGTH_BUCKETS.findIndex((n) => contentTokens <= n);
  const length = BUCKET_NAMES[bucket < 0 ? 6 : bucket]!;
  const firstContent = d.parts.length ? d.parts[0]![0] : -1;
  const startWord = firstContent >= 0 ? (ctx.opensQuote(firstContent) ? 'QUOTE' : word(firstContent)) : 'none';
  const quoted = d.parts.some(([a, b]) => ctx.quotes.of[a]! >= 0 || ctx.quotes.of[b - 1]! >= 0) ? 'yes' : 'no';
  const initial = ctx.sentFirst(h) === h || (d.source !== null && ctx.sentFirst(h) === d.source[0]);
  f.one('bias', '');
  f.one('w', w);
  f.one('r', rule);
  f.two('rw', rule, w);
  f.one('f', frame);
  f.two('fr', frame, rule);
  f.one('p', prev);
  f.one('n', next);
  f.one('p2', word(h - 2));
  f.one('n2', word(h + 2));
  f.two('pw', prev, w);
  f.two('wn', w, next);
  f.one('t', tag(h));
  f.two('ptt', tag(h - 1), tag(h));
  f.two('tnt', tag(h), tag(h + 1));
  f.one('s', source);
  f.two('sw', source, w);
  f.one('sh', d.sourceHead ? word(d.sourceHead[1] - 1) : 'none');
  f.one('len', length);
  f.two('rlen', rule, length);
  f.one('c0', startWord);
  f.two('wc0', w, startWord);
  f.one('q', quoted);
  f.two('rq', rule, quoted);
  f.one('init', initial ? 'yes' : 'no');
  f.one('suf', w.length > 3 ? w.slice(-3) : w);
  f.one('inq', ctx.quotes.of[h]! >= 0 ? 'yes' : 'no');
  f.one('cut', d.boundary >= 0 ? 'yes' : 'no');
  // What kind of content (a clause or a bare phrase) the cue's lemma takes — generalising over
  // its word forms — and what kind of speaker (a named person, organisation, place …) it has.
  f.two('lc', d.entry.lemma, hasFiniteVerb(ctx, d) ? 'clause' : 'phrase');
  f.one('et', speakerType(ctx, d));
}

/**
 * A token as a feature value: its lower-case form for words of the language, its class for
 * names ("NAME"), capitalised words mid-sentence ("Cap"), numbers ("NUM") and other symbols.
 */
function shapeOf(ctx: Context, i: number): string {
  const t = ctx.tags[i];
  if (t === TAG.PROPN) return 'NAME';
  if (t === TAG.NUM) return 'NUM';
  const word = ctx.words[i]!;
  const c = word.charCodeAt(0);
  if (c >= 65 && c <= 90 && ctx.sentFirst(i) !== i && word.length > 1) return 'Cap';
  return ctx.lower[i]!;
}

/** Whether the content holds a verb outside quotes, or is a quote. */
function hasFiniteVerb(ctx: Context, d: Draft): boolean {
  for (const [a, b] of d.parts) {
    if (ctx.opensQuote(a)) return true;
    for (let k = a; k < b; k++) if (ctx.isVerb(k) && !ctx.lower[k]!.endsWith('ing')) return true;
  }
  return false;
}

/** The entity type named in the speaker span ("PERSON", "ORG" …), or what the span is. */
function speakerType(ctx: Context, d: Draft): string {
  if (d.inherits) return 'inherited';
  if (!d.sourceHead) return 'none';
  const { start, end } = ctx.doc.tokens;
  const mentions = ctx.doc.mentionsIn(start[d.sourceHead[0]]!, end[d.sourceHead[1] - 1]!);
  if (mentions.length) return mentions[mentions.length - 1]!.entity.type;
  const t = ctx.tags[d.sourceHead[1] - 1];
  return t === TAG.PRON || t === TAG.WH ? 'pronoun' : 'common';
}
