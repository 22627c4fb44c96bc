/**
 * English words of the claims layer (src/annotate/claims): cue inflections, the words around
 * cues, speakers and contents that the frames read, and the wordings that give a stance.
 */

/** Regular English inflections of a verb: -s, -ed, -ing (irregular verbs list their forms). */
export function verbForms(lemma: string): string[] {
  const sibilant = /(?:s|x|z|ch|sh)$/.test(lemma);
  const consonantY = /[^aeiou]y$/.test(lemma);
  const stem = consonantY ? lemma.slice(0, -1) : lemma;
  const third = sibilant ? `${lemma}es` : consonantY ? `${stem}ies` : `${lemma}s`;
  const past = lemma.endsWith('e') ? `${lemma}d` : consonantY ? `${stem}ied` : `${lemma}ed`;
  const ing = lemma.endsWith('e') && !lemma.endsWith('ee') ? `${lemma.slice(0, -1)}ing` : `${lemma}ing`;
  return [lemma, third, past, ing];
}

/** A noun and its plural. */
export function nounForms(lemma: string): string[] {
  if (/(?:s|x|ch|sh)$/.test(lemma)) return [lemma, `${lemma}es`];
  if (/[^aeiou]y$/.test(lemma)) return [lemma, `${lemma.slice(0, -1)}ies`];
  return [lemma, `${lemma}s`];
}
