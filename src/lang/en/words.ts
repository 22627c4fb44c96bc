/** English words that several components read: one list each. */

/** The forms of "be". */
export const BE: ReadonlySet<string> = new Set(['be', 'am', 'is', 'are', 'was', 'were', 'been', 'being']);

/** Prepositions and determiners before a time ("on Friday", "in October", "last week", "over the weekend"). */
export const TIME_PREPOSITIONS: ReadonlySet<string> = new Set(['on', 'in', 'at', 'during', 'since', 'by', 'last', 'this', 'early', 'late', 'earlier']);
