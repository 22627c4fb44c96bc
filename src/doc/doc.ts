import type { Analysis, Article, Claim, Entity, EntityMention, Event, Quantity, Span, TimeExpression } from './types.js';
import { tokenize, type Sentence, type Tokens } from './tokenize.js';

/** A mention located in the text, with the entity it belongs to (for lookups by offset). */
export interface LocatedMention {
  mention: EntityMention;
  entity: Entity;
}

/**
 * One article and its standoff layers. The Doc owns the text; every layer is a list of spans
 * pointing into it. Pipeline components each fill one layer (see src/annotate/pipeline.ts).
 */
export class Doc {
  readonly article: Article;
  readonly tokens: Tokens;
  readonly sentences: Sentence[];
  entities: Entity[] = [];
  times: TimeExpression[] = [];
  quantities: Quantity[] = [];
  claims: Claim[] = [];
  events: Event[] = [];
  private mentionIndex: LocatedMention[] | null = null;

  constructor(article: Article) {
    this.article = article;
    const { tokens, sentences } = tokenize(article.text);
    this.tokens = tokens;
    this.sentences = sentences;
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

  /** Call after replacing or editing `entities` so offset lookups see the change. */
  entitiesChanged(): void {
    this.mentionIndex = null;
  }

  toAnalysis(): Analysis {
    return {
      article: this.article,
      entities: this.entities,
      times: this.times,
      quantities: this.quantities,
      claims: this.claims,
      events: this.events,
    };
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
