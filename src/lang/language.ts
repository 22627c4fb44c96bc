/**
 * A language, as the annotators and the analysis read it — spaCy's `Language` defaults: its word
 * lists and lexicons, the readers of its constructions, and its data files, in one object that
 * every component is handed (PipelineConfig.language). English (src/lang/en) gives each group its
 * shape: a second language exports the same names from its own modules under src/lang/xx and
 * registers itself in src/lang/index.ts (docs/architecture.md, "Adding a language").
 */
export interface Language {
  /** ISO 639-1 code, as `article.language` gives it. */
  readonly code: string;
  /** Files of the shipped data the language's components load. */
  readonly data: LanguageData;
  /** Closed word classes and the endings that tell an unknown word's class. */
  readonly pos: typeof import('./en/pos.js');
  /** Numbers in digits and words. */
  readonly numbers: typeof import('./en/numbers.js');
  /** Words of dates, times, durations and tense. */
  readonly times: typeof import('./en/times.js');
  /** Words that make a name an actor, a place, an outlet; titles; the institutions of a country. */
  readonly entities: typeof import('./en/entities.js');
  /** Words of attribution: cue inflections, what the frames read around cues, stance wordings. */
  readonly claims: typeof import('./en/claims.js');
  /** Event triggers, and the words around them that give status and arguments. */
  readonly events: typeof import('./en/events.js');
  /** Words several components read: the forms of "be", the stop words and the stemmer contents are compared by … */
  readonly words: typeof import('./en/words.js');
  /** Words of amounts: currencies, approximations, labels, plurals. */
  readonly quantities: typeof import('./en/quantities.js');
  /** Contents that refer to something said ("denied the report"): its words and the one reader of them. */
  readonly references: typeof import('./en/references.js');
  /** Words the cross-article analysis reads in a claim's content. */
  readonly contents: typeof import('./en/contents.js');
  /** The stance checker's word classes and stemmer. */
  readonly check: typeof import('./en/check.js');
}

export interface LanguageData {
  /** Word → coarse class (scripts/train-pos-lexicon.ts). */
  readonly posLexicon: string;
  /** The cue lexicon (docs in the file) and the cue model trained on it. */
  readonly cues: string;
  readonly cueModel: string;
  /** The NER tagger's weights (scripts/train-ner.ts). */
  readonly nerModel: string;
  /** Gazetteer files in load order, and their compiled form (docs/gazetteer.md). */
  readonly gazetteers: readonly string[];
  readonly compiledGazetteer: string;
  /** Word vectors: the words, one a line, and their rows (docs/vectors.md). */
  readonly vectorWords: string;
  readonly vectors: string;
}
