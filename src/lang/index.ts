import { en } from './en/index.js';
import type { Language } from './language.js';

export type { Language, LanguageData } from './language.js';
export { en };

/** The languages claimtrail reads, by ISO 639-1 code. */
export const LANGUAGES: ReadonlyMap<string, Language> = new Map([[en.code, en]]);

/**
 * The language of a code as articles give it ("en", "en-GB", "EN"); English for a code of a
 * language claimtrail does not read, or none: its annotators read every article so far.
 */
export function languageOf(code: string | null): Language {
  return LANGUAGES.get((code ?? '').split(/[-_]/)[0]!.toLowerCase()) ?? en;
}
