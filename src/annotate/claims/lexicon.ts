import { readFileSync } from 'node:fs';
import type { Language } from '../../lang/language.js';
import { STANCES, type Stance } from '../../doc/types.js';
import { InputError } from '../../errors.js';

/** Where a cue's content lies; see data/cues/cues.tsv. */
export const FRAMES = ['speech', 'quote', 'think', 'intend', 'direct', 'object', 'evidence', 'noun'] as const;
export type Frame = (typeof FRAMES)[number];

export interface CueEntry {
  lemma: string;
  noun: boolean;
  frame: Frame;
  stance: Stance;
  /** A cue word learned from training data (not in the lexicon): kept only where the cue model agrees. */
  learned?: true;
}

/** Parse a cue lexicon, with the language's inflections of its lemmas; errors name the file and line. */
export function parseCues(source: string, name: string, language: Language): Map<string, CueEntry[]> {
  const { verbForms, nounForms } = language.claims;
  const byForm = new Map<string, CueEntry[]>();
  source.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const [lemma, pos, frame, stance, forms] = line.split('\t');
    const where = `${name}:${i + 1}`;
    if (!lemma || (pos !== 'verb' && pos !== 'noun' && pos !== 'adj')) throw new InputError(where, `expected "lemma<TAB>verb|noun|adj<TAB>frame<TAB>stance[<TAB>forms]"`);
    if (!FRAMES.includes(frame as Frame)) throw new InputError(where, `unknown frame "${frame}" (${FRAMES.join(', ')})`);
    if (!STANCES.includes(stance as Stance)) throw new InputError(where, `unknown stance "${stance}" (${STANCES.join(', ')})`);
    const entry: CueEntry = { lemma, noun: pos === 'noun', frame: frame as Frame, stance: stance as Stance };
    const all = forms ? forms.split(' ').filter(Boolean) : pos === 'verb' ? verbForms(lemma) : pos === 'noun' ? nounForms(lemma) : [lemma];
    for (const form of all) {
      const list = byForm.get(form);
      if (list) list.push(entry);
      else byForm.set(form, [entry]);
    }
  });
  return byForm;
}

const LEXICONS = new WeakMap<Language, Map<string, CueEntry[]>>();

/** A language's cue lexicon, by lower-cased word form, read once per process. */
export function cueLexicon(language: Language): Map<string, CueEntry[]> {
  let lexicon = LEXICONS.get(language);
  if (!lexicon) LEXICONS.set(language, (lexicon = parseCues(readFileSync(language.data.cues, 'utf8'), language.data.cues, language)));
  return lexicon;
}
