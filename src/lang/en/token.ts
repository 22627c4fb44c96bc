/** A lower-cased word of a claim's content, with the entity whose mention it lies in, if any. */
export interface Token {
  lower: string;
  entity: string | null;
}

const TOKEN = /[\p{L}\p{N}]+(?=n['’]t\b)|n['’]t\b|['’]s\b|[\p{L}\p{N}]+(?:[-–][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/**
 * A content's tokens, lower case ("n't" and "'s" apart), each with the entity whose mention it
 * lies in; `offset` is where `text` starts in the article, `mentions` sorted by start.
 */
export function contentTokens(text: string, offset: number, mentions: readonly { start: number; end: number; entity: string }[]): Token[] {
  const out: Token[] = [];
  let m = 0;
  for (const match of text.matchAll(TOKEN)) {
    const at = offset + match.index;
    while (m < mentions.length && mentions[m]!.end <= at) m++;
    const mention = mentions[m];
    out.push({ lower: match[0].toLowerCase().replace(/’/g, "'"), entity: mention && mention.start <= at ? mention.entity : null });
  }
  return out;
}
