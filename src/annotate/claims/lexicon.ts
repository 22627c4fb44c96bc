import { readFileSync } from 'node:fs';
import { dataPath } from '../../data.js';
import { STANCES, type Stance } from '../../doc/types.js';

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

export const CUES_FILE = dataPath('cues', 'cues.tsv');

/** Regular English inflections of a verb: -s, -ed, -ing (irregular verbs list their forms). */
function verbForms(lemma: string): string[] {
  const sibilant = /(?:s|x|z|ch|sh)$/.test(lemma);
  const consonantY = /[^aeiou]y$/.test(lemma);
  const stem = consonantY ? lemma.slice(0, -1) : lemma;
  const third = sibilant ? `${lemma}es` : consonantY ? `${stem}ies` : `${lemma}s`;
  const past = lemma.endsWith('e') ? `${lemma}d` : consonantY ? `${stem}ied` : `${lemma}ed`;
  const ing = lemma.endsWith('e') && !lemma.endsWith('ee') ? `${lemma.slice(0, -1)}ing` : `${lemma}ing`;
  return [lemma, third, past, ing];
}

function nounForms(lemma: string): string[] {
  if (/(?:s|x|ch|sh)$/.test(lemma)) return [lemma, `${lemma}es`];
  if (/[^aeiou]y$/.test(lemma)) return [lemma, `${lemma.slice(0, -1)}ies`];
  return [lemma, `${lemma}s`];
}

/** Parse a cue lexicon; errors name the file and line. */
export function parseCues(source: string, name: string): Map<string, CueEntry[]> {
  const byForm = new Map<string, CueEntry[]>();
  source.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const [lemma, pos, frame, stance, forms] = line.split('\t');
    const where = `${name}:${i + 1}`;
    if (!lemma || (pos !== 'verb' && pos !== 'noun')) throw new Error(`${where}: expected "lemma<TAB>verb|noun<TAB>frame<TAB>stance[<TAB>forms]"`);
    if (!FRAMES.includes(frame as Frame)) throw new Error(`${where}: unknown frame "${frame}" (${FRAMES.join(', ')})`);
    if (!STANCES.includes(stance as Stance)) throw new Error(`${where}: unknown stance "${stance}" (${STANCES.join(', ')})`);
    const entry: CueEntry = { lemma, noun: pos === 'noun', frame: frame as Frame, stance: stance as Stance };
    const all = forms ? forms.split(' ').filter(Boolean) : pos === 'verb' ? verbForms(lemma) : nounForms(lemma);
    for (const form of all) {
      const list = byForm.get(form);
      if (list) list.push(entry);
      else byForm.set(form, [entry]);
    }
  });
  return byForm;
}

let shipped: Map<string, CueEntry[]> | null = null;

/** The shipped cue lexicon, by lower-cased word form. */
export function cueLexicon(): Map<string, CueEntry[]> {
  return (shipped ??= parseCues(readFileSync(CUES_FILE, 'utf8'), CUES_FILE));
}
