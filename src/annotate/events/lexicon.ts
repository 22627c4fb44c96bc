import type { Language } from '../../lang/language.js';
import type { EventType } from './taxonomy.js';

/**
 * Event triggers: word forms (lower case) and the conditions under which they name an event of a
 * type. Many trigger words have everyday senses ("attacked his rival", "sent a letter", "signed a
 * book"), so a rule may ask for an object word nearby or for a sentence that speaks of armed
 * conflict. Forms are listed whole (no stemming at run time): one Map lookup per token. The
 * language lists them (TRIGGER_SPECS of src/lang/en/events.ts).
 */
export interface TriggerRule {
  type: EventType;
  pos: 'verb' | 'noun';
  /** One of these words must lie within a few tokens after (or, for a passive, before) the trigger. */
  object?: ReadonlySet<string>;
  /** One of these words must come right before the trigger ("defensive actions", "military aid"). */
  before?: ReadonlySet<string>;
  /** The sentence must speak of armed conflict (the language's CONFLICT_WORDS). */
  conflict?: boolean;
  /** Nearby words that show the everyday sense ("killed the bill"): the rule does not fire. */
  not?: ReadonlySet<string>;
  /** Words just before the trigger that make it another event: "violating the ceasefire" tells of attacks, not a truce. */
  notAfter?: ReadonlySet<string>;
  /** The event must give a count: "the true toll was 14" counts the dead, "it is not for me to give a toll" counts none. */
  counted?: boolean;
  /** The event must name where it happened: "took control of the town" is taking ground, "of the Senate" is not. */
  place?: boolean;
  /**
   * The place is what undergoes the event, as the verb's subject ("the city has fallen") or after the noun's "of"
   * ("the fall of the town"); without such a place the rule does not fire ("debris fell on a house", "the loss of life").
   */
  undergoer?: boolean;
  /**
   * The verb's subject suffers the event rather than makes it ("the army lost 12 soldiers": its soldiers were killed, by
   * no one the sentence names): the subject is the target, and there is no actor.
   */
  sufferer?: boolean;
  /** The place must be the verb's object, right after it ("lost the village of Zolotvyn", not "lost in 2012 in Ohio"). */
  placeObject?: boolean;
}

const TRIGGERS = new WeakMap<Language, ReadonlyMap<string, readonly TriggerRule[]>>();

/** A language's trigger rules by lower-cased word form (its TRIGGER_SPECS), built once. */
export function triggerRules(language: Language): ReadonlyMap<string, readonly TriggerRule[]> {
  let map = TRIGGERS.get(language);
  if (map) return map;
  const rules = new Map<string, TriggerRule[]>();
  for (const [type, pos, forms, options] of language.events.TRIGGER_SPECS) {
    for (const form of forms.split(' ')) {
      const list = rules.get(form) ?? [];
      list.push({ type, pos, ...options });
      rules.set(form, list);
    }
  }
  TRIGGERS.set(language, (map = rules));
  return map;
}
