import { en } from './en/index.js';
import type { Language } from './language.js';

export type { Language, LanguageData } from './language.js';
export { en };

/** The language of texts that say none, and of callers outside a pipeline (a user's gazetteer file checked alone). */
export const DEFAULT_LANGUAGE: Language = en;

/** The languages claimtrail reads, by ISO 639-1 code. */
export const LANGUAGES: ReadonlyMap<string, Language> = new Map([[en.code, en]]);

/**
 * The language of a code as articles give it ("en", "en-GB", "EN"); the default for a code of a
 * language claimtrail does not read, or none.
 */
export function languageOf(code: string | null): Language {
  return LANGUAGES.get((code ?? '').split(/[-_]/)[0]!.toLowerCase()) ?? DEFAULT_LANGUAGE;
}
