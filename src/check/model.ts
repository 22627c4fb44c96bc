import { existsSync, readFileSync } from 'node:fs';
import { dataPath } from '../data.js';
import { FEATURES, pairFeatures, type Relevant } from './features.js';
import { CompiledForest, type Forest } from './gbdt.js';
import { Lexicon, type LexicalFile } from './lexical.js';
import type { Prepared } from './prepare.js';
import { STANCE_LABELS, type StanceLabel } from '../contract/values.js';
import { UnavailableError } from '../errors.js';

/** The shipped stance model: written by scripts/train-check.ts, read here. */
export interface StanceModelFile {
  /** What it was trained on and how, for the record. */
  about: string;
  /** The bodies it was trained on: FNC-1 bodies outside the held-out part (src/eval/fnc1-data.ts). */
  split: string;
  /** Feature names in the order the trees read them; must equal FEATURES. */
  features: string[];
  lexicon: LexicalFile;
  forest: Forest;
  /** Multipliers on the class probabilities before the largest is taken (chosen by cross-validation). */
  bias: number[];
}

export const STANCE_MODEL_FILE = dataPath('check', 'model.json');

export interface Judgement {
  stance: StanceLabel;
  /** The model's probability of that stance. */
  score: number;
  probabilities: Record<StanceLabel, number>;
  /** The article's sentences that hold most of the claim, best first. */
  relevant: Relevant[];
}

export class StanceModel {
  private readonly lexicon: Lexicon;
  private readonly forest: CompiledForest;

  constructor(readonly file: StanceModelFile) {
    if (file.features.join() !== FEATURES.join()) throw new UnavailableError(`stance model: trained on other features than this build computes; run npx tsx scripts/train-check.ts`);
    this.lexicon = new Lexicon(file.lexicon);
    this.forest = new CompiledForest(file.forest);
  }

  static load(path = STANCE_MODEL_FILE): StanceModel {
    if (!existsSync(path)) throw new UnavailableError(`${path}: no stance model (npx tsx scripts/train-check.ts trains one)`);
    return new StanceModel(JSON.parse(readFileSync(path, 'utf8')) as StanceModelFile);
  }

  judge(claim: Prepared, article: Prepared): Judgement {
    const { values, relevant } = pairFeatures(claim, article, this.lexicon);
    const p = this.forest.predict(values);
    let best = 0;
    for (let k = 1; k < p.length; k++) if (p[k]! * this.file.bias[k]! > p[best]! * this.file.bias[best]!) best = k;
    return {
      stance: STANCE_LABELS[best]!,
      score: p[best]!,
      probabilities: Object.fromEntries(STANCE_LABELS.map((l, k) => [l, p[k]!])) as Record<StanceLabel, number>,
      relevant,
    };
  }
}

let shipped: StanceModel | null = null;

/** The shipped model, read once. */
export function stanceModel(): StanceModel {
  shipped ??= StanceModel.load();
  return shipped;
}
