/** A lower-cased word of a claim's content, with the entity whose mention it lies in, if any. */
export interface Token {
  lower: string;
  entity: string | null;
}

/**
 * Token k's lower-cased word, or '' outside the tokens. One function for every rule, not a closure each: the rules read
 * around a word ("k − 2") for every claim, and a closure made per call is a new call target each time to V8's optimised
 * code, which then throws it away (deoptimises) and compiles it again.
 */
export function lowerAt(tokens: readonly Token[], k: number): string {
  return k >= 0 && k < tokens.length ? tokens[k]!.lower : '';
}

const TOKEN = /[\p{L}\p{N}]+(?=n['’]t\b)|n['’]t\b|['’]s\b|[\p{L}\p{N}]+(?:[-–][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/**
 * A content's tokens, lower case ("n't" and "'s" apart), each with the entity whose mention it
 * lies in; `offset` is where `text` starts in the article, `mentions` sorted by start.
 */
export function contentTokens(text: string, offset: number, mentions: readonly { start: number; end: number; entity: string }[]): Token[] {
  const out: Token[] = [];
  let m = 0;
  // exec on the one regex, not matchAll (which copies it per call): this runs for every claim, twice.
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const at = offset + match.index;
    while (m < mentions.length && mentions[m]!.end <= at) m++;
    const mention = mentions[m];
    const lower = match[0].toLowerCase();
    out.push({ lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower, entity: mention && mention.start <= at ? mention.entity : null });
  }
  return out;
}
