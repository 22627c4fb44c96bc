import type { Analysis } from '../../contract/index.js';

/** An article's mentions as the kept counts take them: per entity, and per entity and surface form. */
export interface MentionTally {
  mentions: Map<string, number>;
  aliases: { entity: string; text: string; n: number }[];
}

/** Tally an article's mentions for the kept entity and alias counts (both stores keep them). */
export function tallyMentions(analysis: Analysis): MentionTally {
  const mentions = new Map<string, number>();
  const aliases = new Map<string, { entity: string; text: string; n: number }>();
  for (const e of analysis.entities) {
    for (const m of e.mentions) {
      mentions.set(e.id, (mentions.get(e.id) ?? 0) + 1);
      const key = JSON.stringify([e.id, m.text]);
      const alias = aliases.get(key) ?? { entity: e.id, text: m.text, n: 0 };
      alias.n++;
      aliases.set(key, alias);
    }
  }
  return { mentions, aliases: [...aliases.values()] };
}
