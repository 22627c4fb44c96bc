/** English words that several components read: one list each. */

/** The forms of "be". */
export const BE: ReadonlySet<string> = new Set(['be', 'am', 'is', 'are', 'was', 'were', 'been', 'being']);
