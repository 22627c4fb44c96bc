import { stanceLabel } from '../doc/display.js';
import type { Analysis, Claim } from '../doc/types.js';
import type { TimelineRow } from '../store/index.js';
import { speakerKey, type ClaimFeatures } from './features.js';

interface PendingItem {
  date: string;
  kind: TimelineRow['kind'];
  json: string;
  entities: string[];
  sources: [string, string][];
}

/** The timeline items of a batch's articles, merged with the same item from other articles, written together at its end. */
export class TimelineBatch {
  private readonly items = new Map<string, PendingItem>();

  /** Dated events and claims of the article as timeline items. */
  add(analysis: Analysis, propOf: ReadonlyMap<string, number>, features: ReadonlyMap<string, ClaimFeatures>): void {
    const names = new Map(analysis.entities.map((e) => [e.id, e.name]));
    const ref = (id: string | null) => (id ? { id, name: names.get(id) ?? id } : null);
    const article = analysis.article.id;
    const add = (key: string, date: string, kind: TimelineRow['kind'], json: unknown, source: string, entities: string[]) => {
      const item = this.items.get(key) ?? { date, kind, json: JSON.stringify(json), entities, sources: [] };
      this.items.set(key, item);
      if (!item.sources.some(([a]) => a === article)) item.sources.push([article, source]);
    };
    for (const e of analysis.events) {
      if (!e.time || !/^\d{4}/.test(e.time)) continue;
      const json = { type: e.type, actor: ref(e.actor), target: ref(e.target), place: ref(e.place), quantity: e.quantity, status: e.status, trigger: e.trigger.text };
      add(`e|${e.type}|${e.actor}|${e.target}|${e.place}|${e.time}`, e.time, 'event', json, e.id, [e.actor, e.target, e.place].filter((x): x is string => x !== null));
    }
    for (const c of analysis.claims) {
      if (!c.said || !/^\d{4}/.test(c.said)) continue;
      const inside = features.get(c.id)?.entities ?? [];
      const prop = propOf.get(c.id);
      // A non-denial ("did not deny") is no denial: it stays apart from one and says so.
      const json = { speaker: speakerName(c, names), stance: c.stance, ...(c.negated ? { negated: true } : {}), content: c.content.text, proposition: prop !== undefined ? `p${prop}` : null };
      add(`c|${prop ?? c.id}|${speakerKey(c)}|${stanceLabel(c)}|${c.said}`, c.said, 'claim', json, c.id, [...new Set([c.speaker?.entity, ...inside].filter((x): x is string => Boolean(x)))]);
    }
  }

  rows(): TimelineRow[] {
    return [...this.items].map(([key, item]) => ({ key, ...item }));
  }
}

function speakerName(c: Claim, names: Map<string, string>): string | null {
  return (c.speaker?.entity && names.get(c.speaker.entity)) || c.speaker?.text || null;
}
