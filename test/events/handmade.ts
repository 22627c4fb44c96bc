import type { Doc } from '../../src/doc/doc.js';
import { tokenized } from '../helpers.js';
import type { Article, Claim, Entity, EntityType, Quantity, Stance, TimeExpression, TimeType } from '../../src/doc/types.js';

/**
 * Docs with hand-made layers, for testing events and the cross-article analysis apart from the
 * entity, time, quantity and claim extractors. Spans are found by their text (word-bounded, longest
 * first), so a test states the layers as a reader would.
 */
export interface HandmadeSpec {
  id?: string;
  published?: string | null;
  source?: string | null;
  title?: string | null;
  entities?: { id: string; name: string; type: EntityType; subtype?: string; country?: string; aliases: (string | { text: string; label: EntityType })[] }[];
  /** `near`: a longer piece of text that holds this occurrence, when the text has several. */
  times?: { text: string; value: string; type?: TimeType; near?: string }[];
  quantities?: { text: string; value: number; unit?: string; near?: string }[];
  /** `lemma`: the cue's lemma when it is not the cue's own text ("denied" → "deny"). */
  claims?: { speaker?: string; cue?: string; lemma?: string; content: string; stance: Stance; said?: string | null; id?: string; negated?: true }[];
}

export function handmade(text: string, spec: HandmadeSpec = {}): Doc {
  const article: Article = {
    id: spec.id ?? `a${hash(text)}`,
    title: spec.title ?? null,
    published: spec.published ?? null,
    source: spec.source ?? null,
    url: null,
    language: 'en',
    text,
    ref: null,
  };
  const doc = tokenized(article);
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  const aliases = (spec.entities ?? []).flatMap((e) => e.aliases.map((a) => ({ entity: e, alias: typeof a === 'string' ? { text: a, label: undefined } : a })));
  aliases.sort((a, b) => b.alias.text.length - a.alias.text.length);
  const entities = new Map<string, Entity>();
  for (const { entity, alias } of aliases) {
    const e = entities.get(entity.id) ?? { id: entity.id, name: entity.name, type: entity.type, subtype: entity.subtype ?? null, kb: null, country: entity.country ?? null, mentions: [] };
    entities.set(entity.id, e);
    for (const start of occurrences(text, alias.text)) {
      const end = start + alias.text.length;
      if (!free(start, end)) continue;
      taken.push([start, end]);
      e.mentions.push({ ...doc.span(start, end), ...(alias.label ? { label: alias.label } : {}) });
    }
  }
  for (const e of entities.values()) e.mentions.sort((a, b) => a.start - b.start);
  doc.set('entities', [...entities.values()].filter((e) => e.mentions.length));
  const at = (near?: string) => (near ? find(doc, near).start : 0);
  doc.set('times', (spec.times ?? []).map((t): TimeExpression => ({ ...find(doc, t.text, at(t.near)), value: t.value, type: t.type ?? 'DATE' })));
  doc.set('quantities', (spec.quantities ?? []).map((q): Quantity => ({ ...find(doc, q.text, at(q.near)), value: q.value, unit: q.unit ?? null, approximate: false })));
  doc.set(
    'claims',
    (spec.claims ?? []).map((c, k): Claim => {
    const content = find(doc, c.content);
    const speaker = c.speaker ? find(doc, c.speaker, content.start) : null;
    const speakerEntity = speaker ? (doc.mentionsIn(speaker.start, speaker.end)[0]?.entity.id ?? null) : null;
    const cue = c.cue ? find(doc, c.cue, content.start) : null;
    return {
      id: c.id ?? `c${k + 1}`,
      speaker: speaker ? { ...speaker, entity: speakerEntity } : null,
      cue: cue ? { ...cue, lemma: c.lemma ?? cue.text.toLowerCase() } : null,
      content,
      kind: 'indirect',
      stance: c.stance,
      said: c.said ?? null,
      via: null,
      ...(c.negated ? { negated: c.negated } : {}),
    };
    }),
  );
  return doc;
}

/** The occurrence of `needle` nearest to `near` (the first when not given). */
function find(doc: Doc, needle: string, near = 0) {
  let best = -1;
  for (let i = doc.text.indexOf(needle); i >= 0; i = doc.text.indexOf(needle, i + 1)) {
    if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) best = i;
  }
  if (best < 0) throw new Error(`handmade: "${needle}" is not in the text`);
  return doc.span(best, best + needle.length);
}

function* occurrences(text: string, needle: string): Generator<number> {
  const word = /[\p{L}\p{N}]/u;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    if (i > 0 && word.test(text[i - 1]!)) continue;
    if (word.test(text[i + needle.length] ?? '')) continue;
    yield i;
  }
}

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The entities of the Korea–Kursk story, reused by the tests. */
export const KOREA_ENTITIES: HandmadeSpec['entities'] = [
  { id: 'Q423', name: 'North Korea', type: 'GPE', country: 'KP', aliases: ['North Korea', 'Pyongyang', { text: 'North Korean', label: 'NORP' }] },
  { id: 'Q884', name: 'South Korea', type: 'GPE', country: 'KR', aliases: ['South Korea', { text: 'South Korean', label: 'NORP' }] },
  { id: 'Q159', name: 'Russia', type: 'GPE', country: 'RU', aliases: ['Russia', 'Moscow', { text: 'Russian', label: 'NORP' }] },
  { id: 'Q212', name: 'Ukraine', type: 'GPE', country: 'UA', aliases: ['Ukraine', 'Kyiv', { text: 'Ukrainian', label: 'NORP' }] },
  { id: 'kursk', name: 'Kursk Oblast', type: 'LOC', country: 'RU', aliases: ['Kursk Oblast', 'Kursk region', 'Kursk'] },
  { id: 'nis', name: 'National Intelligence Service', type: 'ORG', subtype: 'intelligence', country: 'KR', aliases: ['South Korea’s National Intelligence Service', 'National Intelligence Service', 'Seoul’s spy agency'] },
  { id: 'mfa-kp', name: 'Ministry of Foreign Affairs of North Korea', type: 'ORG', subtype: 'ministry', country: 'KP', aliases: ['North Korea’s Foreign Ministry'] },
  { id: 'sbu', name: 'Security Service of Ukraine', type: 'ORG', subtype: 'intelligence', country: 'UA', aliases: ['Ukraine’s Security Service'] },
  { id: 'gerasimov', name: 'Valery Gerasimov', type: 'PERSON', country: 'RU', aliases: ['Valery Gerasimov'] },
  { id: 'putin', name: 'Vladimir Putin', type: 'PERSON', country: 'RU', aliases: ['Vladimir Putin', 'Putin'] },
  { id: 'kcna', name: 'Korean Central News Agency', type: 'ORG', subtype: 'media', aliases: ['KCNA', 'Korean Central News Agency'] },
  { id: 'gs-ua', name: 'General Staff of the Armed Forces of Ukraine', type: 'ORG', subtype: 'military', country: 'UA', aliases: ['Ukraine’s General Staff', 'General Staff in Kyiv'] },
  { id: 'kim', name: 'Kim Jong Un', type: 'PERSON', aliases: ['Kim Jong Un', 'Kim'] },
];
