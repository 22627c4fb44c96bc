/** English word classes the tagger (src/annotate/pos/tags.ts) does not learn from its lexicon. */
import type { TagName } from '../../annotate/pos/tags.js';

/** Closed classes the lexicon must not get wrong, whatever the training text said. */
export const CLOSED_CLASSES: readonly (readonly [TagName, string])[] = [
  ['AUX', "be is are was were been being am 're 'm have has had having do does did will would shall should can could may might must ought wo ca 'd 'll 've ’re ’m ’d ’ll ’ve"],
  ['PRON', 'i you he she it we they me him us them myself yourself himself herself itself ourselves themselves there'],
  ['NUM', 'one'],
  ['DET', 'the a an this these those his her its our their my your some any no every each all both either neither another such'],
  ['SCONJ', 'that because if whether although though while since unless whereas'],
  ['WH', 'who whom whose which what where when why how'],
  ['CCONJ', 'and or but nor'],
  ['PART', "to not n't n’t"],
  ['POSS', "'s ’s"],
];

/** Modals and "do": an unknown word after one is a verb ("would employ"). */
export const MODALS: ReadonlySet<string> = new Set(['will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', "'ll", 'wo', 'ca', 'did', 'do', 'does']);

/** Endings that tell the class of a word the lexicon does not know. */
export const ADVERB_ENDING = /ly$/;
export const VERB_ENDING = /(?:ing|ed)$/;
export const ADJECTIVE_ENDING = /(?:ous|ive|al|ic|able|ible|less|ful|ish)$/;

/**
 * Words after which a verb's plain or -s form is a noun ("the claim was rejected", "its call", "Moscow's claim"); a
 * participle there is an adjective ("the alleged attack"), kept.
 */
export const NOUN_AFTER: ReadonlySet<string> = new Set(['the', 'a', 'an', 'his', 'its', 'our', 'their', 'my', 'your', "'s", '’s']);
export const PARTICIPLE_ENDING = /(?:ed|ing|en)$/;
