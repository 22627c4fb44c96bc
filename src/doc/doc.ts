import type { Analysis, Article, Claim, Entity, EntityMention, Event, Quantity, Span, TimeExpression } from './types.js';
import { ANALYSIS_LAYERS, type ContractLayer } from './types.js';
import type { LayerName, Layers } from './layers.js';
import type { Sentence, Tokens } from './tokenize.js';

/** A mention located in the text, with the entity it belongs to (for lookups by offset). */
export interface LocatedMention {
  mention: EntityMention;
  entity: Entity;
}

/**
 * One article and its standoff layers. The Doc owns the text; every layer is filled by one
 * pipeline component (src/annotate/pipeline.ts) and read through the typed registry of
 * src/doc/layers.ts: `doc.get('times')`, or the properties below for the layers every
 * annotator reads. Reading a layer no component has filled is an error that names it.
 */
export class Doc {
  readonly article: Article;
  private readonly layers: Partial<Layers> = {};
  private mentionIndex: LocatedMention[] | null = null;

  constructor(article: Article) {
    this.article = article;
  }

  /** The layer `name`, filled by a component that ran before. */
  get<K extends LayerName>(name: K): Layers[K] {
    const layer = this.layers[name];
    if (layer === undefined) throw new Error(`doc: layer "${name}" is not filled yet (a component that assigns it must run first)`);
    return layer as Layers[K];
  }

  /** Fill (or replace) a layer. */
  set<K extends LayerName>(name: K, value: Layers[K]): void {
    this.layers[name] = value;
    if (name === 'entities') this.mentionIndex = null;
  }

  has(name: LayerName): boolean {
    return this.layers[name] !== undefined;
  }

  get tokens(): Tokens {
    return this.get('tokens');
  }

  get sentences(): Sentence[] {
    return this.get('sentences');
  }

  /** The coarse word class of every token (TAG of src/annotate/pos/tags.ts). */
  get pos(): Uint8Array {
    return this.get('pos');
  }

  get entities(): Entity[] {
    return this.get('entities');
  }

  get times(): TimeExpression[] {
    return this.get('times');
  }

  get quantities(): Quantity[] {
    return this.get('quantities');
  }

  get claims(): Claim[] {
    return this.get('claims');
  }

  get events(): Event[] {
    return this.get('events');
  }

  get text(): string {
    return this.article.text;
  }

  /** A span over [start, end) of the text. */
  span(start: number, end: number): Span {
    return { start, end, text: this.article.text.slice(start, end) };
  }

  /** The span of tokens [first, last). */
  tokenSpan(first: number, last: number): Span {
    return this.span(this.tokens.start[first]!, this.tokens.end[last - 1]!);
  }

  /** Index of the token that starts at or contains `offset`, or -1. */
  tokenAt(offset: number): number {
    const s = this.tokens.start;
    const e = this.tokens.end;
    let lo = 0;
    let hi = this.tokens.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (e[mid]! <= offset) lo = mid + 1;
      else if (s[mid]! > offset) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** All entity mentions sorted by start; rebuilt after the entity layer changes. */
  mentions(): LocatedMention[] {
    if (!this.mentionIndex) {
      const all: LocatedMention[] = [];
      for (const entity of this.entities) for (const mention of entity.mentions) all.push({ mention, entity });
      all.sort((a, b) => a.mention.start - b.mention.start || b.mention.end - a.mention.end);
      this.mentionIndex = all;
    }
    return this.mentionIndex;
  }

  /** Mentions lying wholly inside [start, end). */
  mentionsIn(start: number, end: number): LocatedMention[] {
    const all = this.mentions();
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid]!.mention.start < start) lo = mid + 1;
      else hi = mid;
    }
    const out: LocatedMention[] = [];
    for (let i = lo; i < all.length && all[i]!.mention.start < end; i++) if (all[i]!.mention.end <= end) out.push(all[i]!);
    return out;
  }

  /** Call after editing `entities` in place so offset lookups see the change (`set` does it for a new layer). */
  entitiesChanged(): void {
    this.mentionIndex = null;
  }

  /** The article and its contract layers; a layer the pipeline did not run is empty. */
  toAnalysis(): Analysis {
    const layers = Object.fromEntries(ANALYSIS_LAYERS.map((name) => [name, this.layers[name] ?? []])) as Pick<Analysis, ContractLayer>;
    return { article: this.article, ...layers };
  }
}

/**
 * Number of words in a text: runs of non-whitespace, as `wc -w` counts them. Every speed figure
 * (words/s) uses this, so figures compare with other tools whatever their tokenizers do.
 */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
