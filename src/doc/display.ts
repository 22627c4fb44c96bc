// How the CLI and the workbench show parts of the analysis to readers.
import type { Stance } from './types.js';

/** A claim's stance: "not confirm" when the cue is negated. */
export function stanceLabel(c: { stance: Stance | string; negated?: boolean }): string {
  return c.negated ? `not ${c.stance}` : c.stance;
}

/** Words in quotation marks, unless they bring their own (a direct quote's content). */
export function quoted(text: string): string {
  return /^["“”'‘’]/.test(text) ? text : `“${text}”`;
}
