import { dataPath } from '../../data.js';
import type { Language } from '../language.js';
import * as check from './check.js';
import * as claims from './claims.js';
import * as contents from './contents.js';
import * as entities from './entities.js';
import * as events from './events.js';
import * as numbers from './numbers.js';
import * as pos from './pos.js';
import * as quantities from './quantities.js';
import * as references from './references.js';
import * as times from './times.js';
import * as words from './words.js';

/** English: the language every component reads unless given another. */
export const en: Language = {
  code: 'en',
  data: {
    posLexicon: dataPath('pos', 'lexicon.tsv'),
    cues: dataPath('cues', 'cues.tsv'),
    cueModel: dataPath('cues', 'model.json'),
    nerModel: dataPath('models', 'ner.bin'),
    gazetteers: ['places.tsv', 'facilities.tsv', 'actors.tsv', 'people.tsv'].map((f) => dataPath('gazetteer', f)),
    compiledGazetteer: dataPath('gazetteer', 'compiled.txt'),
    vectorWords: dataPath('vectors', 'words.txt'),
    vectors: dataPath('vectors', 'vectors.i8'),
  },
  pos,
  numbers,
  times,
  quantities,
  entities,
  claims,
  events,
  words,
  references,
  contents,
  check,
};
