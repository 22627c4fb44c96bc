import type { CueEntry } from '../lexicon.js';

/** A token range [first, last). */
export type Range = [number, number];

/** How a claim was found; the eval breaks results down by these. */
export type RuleName =
  | 'quote-before'
  | 'clause-before'
  | 'interrupted'
  | 'complement'
  | 'relative'
  | 'appositive'
  | 'quote-after'
  | 'participial'
  | 'gerund'
  | 'infinitive'
  | 'coordinated'
  | 'according-to'
  | 'noun'
  | 'passive'
  | 'speaker-label'
  | 'quote-continued';

/** A claim in the making, in token ranges; claims/index.ts turns it into a Claim. */
export interface Draft {
  rule: RuleName;
  entry: CueEntry;
  /** The cue words, and the head word the lexicon matched. */
  cue: Range;
  head: number;
  /** The speaker as written here ("A spokesperson", "he", "The Post"), or null. */
  source: Range | null;
  /** The noun phrase inside `source` that names the speaker (without an appositive or a relative pronoun's clause). */
  sourceHead: Range | null;
  /** For "who"/"that" speakers: the noun phrase the pronoun stands for. */
  antecedent: Range | null;
  /**
   * The speaker is that of another claim of the sentence ("…, describing …"; "… and announced
   * …"); `source` then holds the subject of the sentence's first verb, for when no claim has one.
   */
  inherits: boolean;
  /** A paragraph of quotes with no cue of its own: the claim whose speaker goes on talking in it. */
  continues?: Draft;
  /** Content pieces, in text order. */
  parts: Range[];
  /** Where content after the cue begins (−1 when the content comes before the cue). */
  rightFrom: number;
  /**
   * Token where this claim's own clause begins when it is attached to a sentence that already
   * says something ("…, stating that", "…, according to", "… and announced"): an earlier claim's
   * content ends before it. −1 when the claim is not such an attachment.
   */
  boundary: number;
  /** Relayed through (according to state media), set when claims are assembled. */
  via: Range | null;
  /** The stance entry when a participle after a noun cue decides it ("a statement praising"). */
  stanceEntry: CueEntry | null;
  /** How many other drafts were dropped because their cue lies in this one's content. */
  nests: number;
  /** The cue answers the claim just before it ("— claims North Korea dismissed as …"). */
  refersBack: boolean;
  /** A claim told inside another's quotation, by someone the quote names (it stands beside the quoting claim). */
  quoted?: true;
}

/** Prepositions before a time ("on Friday", "in October"). */

export interface Candidate {
  head: number;
  entry: CueEntry;
  /** lexicon: a cue word; according: "according to"; poll: "in the latest poll"; opinion: "in his view,"; label: "NAME: text" opening a line. */
  kind: 'lexicon' | 'according' | 'poll' | 'opinion' | 'label';
  /** The cue stands inside a quotation of someone's speech. */
  quoted?: true;
}

/** Builds drafts from cue candidates. One instance per doc. */

/** A draft of a rule, its cue read; the frame fills in the rest. */
export function newDraft(rule: RuleName, c: Candidate, cue: Range): Draft {
  return {
    rule,
    entry: c.entry,
    cue,
    head: c.head,
    source: null,
    sourceHead: null,
    antecedent: null,
    inherits: false,
    parts: [],
    rightFrom: -1,
    boundary: -1,
    via: null,
    stanceEntry: null,
    nests: 0,
    refersBack: false,
  };
}
