import { articleId } from '../../src/ingest/index.js';
import type { Analysis, Claim, Entity, EntityType, Event, Span, Stance } from '../../src/doc/types.js';
import type { Contradiction, Page, Story, TimelineItem } from '../../src/contract/index.js';
import type { CrossArticle } from '../../src/server/cross.js';
import { decodeCursor, encodeCursor } from '../../src/store/page.js';

/**
 * Hand-made analyses of short articles written for these tests (in the project's own words), so
 * the API and the workbench are tested whatever the extractors find. Spans are located by text.
 */
export function at(text: string, needle: string, nth = 0): Span {
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(needle, start + 1);
    if (start < 0) throw new Error(`fixture: "${needle}" (#${nth}) not in text`);
  }
  return { start, end: start + needle.length, text: needle };
}

interface EntityDef {
  id: string;
  name: string;
  type: EntityType;
  kb?: string;
  coords?: [number, number];
  country?: string;
  /** Surface forms in the text: every occurrence becomes a mention. */
  forms: string[];
}

interface ClaimDef {
  speaker: string;
  speakerEntity: string | null;
  cue: string;
  lemma: string;
  content: string;
  stance: Stance;
  said: string | null;
}

interface EventDef {
  type: string;
  trigger: string;
  actor?: string;
  place?: string;
  time?: string;
  status?: Event['status'];
}

export function makeAnalysis(meta: { title: string; published: string; source: string; ref: string }, text: string, entityDefs: EntityDef[], claimDefs: ClaimDef[], eventDefs: EventDef[] = []): Analysis {
  const entities: Entity[] = entityDefs.map((d) => {
    // Longer forms first; a shorter form inside a longer one's mention is not a mention of its own.
    const mentions: Span[] = [];
    for (const form of [...d.forms].sort((x, y) => y.length - x.length)) {
      for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + form.length)) {
        if (!mentions.some((m) => i < m.end && i + form.length > m.start)) mentions.push({ start: i, end: i + form.length, text: form });
      }
    }
    mentions.sort((x, y) => x.start - y.start);
    if (!mentions.length) throw new Error(`fixture: no mention of ${d.name}`);
    return { id: d.id, name: d.name, type: d.type, subtype: null, kb: d.kb ?? null, mentions, country: d.country ?? null, coords: d.coords ?? null };
  });
  const claims: Claim[] = claimDefs.map((c, i) => ({
    id: `c${i + 1}`,
    speaker: { ...at(text, c.speaker), entity: c.speakerEntity },
    cue: { ...at(text, c.cue), lemma: c.lemma },
    content: at(text, c.content),
    kind: 'indirect',
    stance: c.stance,
    said: c.said,
    via: null,
    explain: { rule: 'fixture' },
  }));
  const events: Event[] = eventDefs.map((e, i) => ({
    id: `e${i + 1}`,
    type: e.type,
    trigger: at(text, e.trigger),
    actor: e.actor ?? null,
    target: null,
    place: e.place ?? null,
    time: e.time ?? null,
    quantity: null,
    status: e.status ?? 'asserted',
    claims: [],
  }));
  return {
    article: { id: articleId(text), title: meta.title, published: meta.published, source: meta.source, url: null, language: 'en', text, ref: meta.ref },
    entities,
    times: [],
    quantities: [],
    claims,
    events,
  };
}

const RUSSIA = { id: 'wikidata:Q159', name: 'Russia', type: 'GPE' as const, kb: 'wikidata:Q159', coords: [55.75, 37.62] as [number, number], country: 'RU' };
const UKRAINE = { id: 'wikidata:Q212', name: 'Ukraine', type: 'GPE' as const, kb: 'wikidata:Q212', coords: [50.45, 30.52] as [number, number], country: 'UA' };
const KURSK = { id: 'wikidata:Q7252', name: 'Kursk Oblast', type: 'LOC' as const, kb: 'wikidata:Q7252', coords: [51.6, 36.1] as [number, number], country: 'RU' };
const GENSTAFF = { id: 'ent:ua-general-staff', name: 'General Staff of the Armed Forces of Ukraine', type: 'ORG' as const };
const MOD = { id: 'ent:ru-defence-ministry', name: 'Ministry of Defence of Russia', type: 'ORG' as const };

export function ministryArticle(): Analysis {
  const text =
    'Moscow says the Kursk operation is over\n\n' +
    'The Russian defence ministry announced on 26 April that its troops had pushed the last Ukrainian units out of Kursk Oblast. ' +
    'The ministry said the recapture of the region was complete.';
  return makeAnalysis(
    { title: 'Moscow says the Kursk operation is over', published: '2025-04-26', source: 'Test Wire', ref: 'fixture-ministry' },
    text,
    [
      { ...RUSSIA, forms: ['Moscow', 'Russian'] },
      { ...UKRAINE, forms: ['Ukrainian'] },
      { ...KURSK, forms: ['Kursk Oblast', 'Kursk'] },
      { ...MOD, forms: ['defence ministry', 'The ministry'] },
    ],
    [
      { speaker: 'The Russian defence ministry', speakerEntity: MOD.id, cue: 'announced', lemma: 'announce', content: 'its troops had pushed the last Ukrainian units out of Kursk Oblast', stance: 'assert', said: '2025-04-26' },
      { speaker: 'The ministry', speakerEntity: MOD.id, cue: 'said', lemma: 'say', content: 'the recapture of the region was complete', stance: 'assert', said: null },
    ],
    [{ type: 'military_operation', trigger: 'recapture', actor: RUSSIA.id, place: KURSK.id, time: '2025-04', status: 'disputed' }],
  );
}

export function generalStaffArticle(): Analysis {
  const text =
    'Kyiv rejects Russian account of Kursk\n\n' +
    "Ukraine's General Staff on 27 April denied that the fighting in Kursk Oblast had ended, insisting that its brigades still held positions there. " +
    'The General Staff called the Russian statement propaganda.';
  return makeAnalysis(
    { title: 'Kyiv rejects Russian account of Kursk', published: '2025-04-27', source: 'Other Daily', ref: 'fixture-staff' },
    text,
    [
      { ...RUSSIA, forms: ['Russian'] },
      { ...UKRAINE, forms: ['Ukraine', 'Kyiv'] },
      { ...KURSK, forms: ['Kursk Oblast'] },
      { ...GENSTAFF, forms: ['General Staff'] },
    ],
    [
      { speaker: "Ukraine's General Staff", speakerEntity: GENSTAFF.id, cue: 'denied', lemma: 'deny', content: 'the fighting in Kursk Oblast had ended', stance: 'deny', said: '2025-04-27' },
      { speaker: 'The General Staff', speakerEntity: GENSTAFF.id, cue: 'called', lemma: 'call', content: 'the Russian statement propaganda', stance: 'condemn', said: null },
    ],
    [{ type: 'deploy', trigger: 'held positions', actor: UKRAINE.id, place: KURSK.id, time: '2025-04-27', status: 'asserted' }],
  );
}

/** An article whose title and text carry markup that must show as text and never run. */
export function hostileArticle(): Analysis {
  const title = 'Leak <script>window.__pwned = "title"</script> <img src=x onerror="window.__pwned=\'title-img\'">';
  const text =
    `${title}\n\n` +
    'A spokesman for Ukraine said that <script>window.__pwned = "text"</script> was found in a leaked file, ' +
    'next to <img src=x onerror="window.__pwned=\'text-img\'"> and <b>bold</b> markup.';
  return makeAnalysis(
    { title, published: '2025-05-01', source: 'Test Wire', ref: 'fixture-hostile' },
    text,
    [{ ...UKRAINE, forms: ['Ukraine'] }],
    [{ speaker: 'A spokesman for Ukraine', speakerEntity: UKRAINE.id, cue: 'said', lemma: 'say', content: '<script>window.__pwned = "text"</script> was found in a leaked file', stance: 'assert', said: null }],
  );
}

export const IDS = { RUSSIA: RUSSIA.id, UKRAINE: UKRAINE.id, KURSK: KURSK.id, GENSTAFF: GENSTAFF.id, MOD: MOD.id };

/**
 * Known contradictions, stories and timeline over the fixture articles in the shapes of
 * src/analysis, so the HTTP layer and the views are tested on data whose answer is known. Pages by
 * offset; refresh does nothing.
 */
export function fixtureCross(): CrossArticle {
  const m = ministryArticle();
  const g = generalStaffArticle();
  const ref = (a: Analysis, i: number) => {
    const c = a.claims[i]!;
    const speaker = a.entities.find((e) => e.id === c.speaker?.entity)?.name ?? null;
    return { article: a.article.id, claim: c.id, speaker, stance: c.stance, content: c.content.text, said: c.said, source: a.article.source, published: a.article.published };
  };
  const contradictions: Contradiction[] = [
    { id: 'k1', about: 'fighting in Kursk Oblast has ended', kind: 'stance', proposition: 'p1', sides: [{ stance: 'assert', claims: [ref(m, 0)] }, { stance: 'deny', claims: [ref(g, 0)] }], why: ['General Staff of the Armed Forces of Ukraine answers Ministry of Defence of the Russian Federation'] },
    // Two counts of one measure, one undated in its text (shown ≈ its publication date).
    {
      id: 'k2',
      about: 'how many were killed: Kursk Oblast',
      kind: 'number',
      proposition: 'p2',
      sides: [
        { stance: 'assert', value: 100, label: 'at least 100 killed', claims: [{ ...ref(m, 0), said: '2025-04-26' }] },
        { stance: 'assert', value: 1000, label: 'about 1,000 killed', claims: [{ ...ref(g, 0), said: null }] },
      ],
      why: ['different counts of the same event: killing in Kursk Oblast'],
    },
  ];
  const stories: Story[] = [
    {
      id: 's1',
      about: 'the end of the Kursk operation',
      proposition: 'p1',
      steps: [
        { ...ref(m, 0), placed: '2025-04-26' },
        { ...ref(g, 0), placed: '2025-04-27' },
      ],
    },
    // Dated by a month, an ISO week and a day: the week falls between the other two.
    {
      id: 's2',
      about: 'whether troops were sent',
      proposition: 'p3',
      steps: [
        { ...ref(m, 0), said: '2024-10', placed: '2024-10' },
        { ...ref(g, 0), said: '2024-W44', placed: '2024-W44' },
        { ...ref(m, 0), said: null, placed: '2024-11-05' },
      ],
    },
  ];
  const source = (a: Analysis, id: string) => ({ article: a.article.id, ref: id, title: a.article.title, source: a.article.source, published: a.article.published, url: null });
  const timeline: TimelineItem[] = [
    { date: '2025-04-26', kind: 'claim', speaker: 'Ministry of Defence of Russia', stance: 'assert', content: m.claims[0]!.content.text, proposition: 'p1', sources: [source(m, 'c1')] },
    { date: '2025-04-27', kind: 'event', type: 'deploy', actor: { id: IDS.UKRAINE, name: 'Ukraine' }, target: null, place: { id: IDS.KURSK, name: 'Kursk Oblast' }, quantity: null, status: 'asserted', trigger: 'held positions', sources: [source(g, 'e1')] },
  ];
  const page = <T>(items: T[], o: { limit?: number; cursor?: string | null }): Page<T> => {
    const from = decodeCursor(o.cursor) ?? 0;
    const limit = o.limit ?? 50;
    return { items: items.slice(from, from + limit), next: from + limit < items.length ? encodeCursor(from + limit) : null };
  };
  return {
    listContradictions: async (o = {}) => page(contradictions.filter((c) => !o.about || c.about.includes(o.about)), o),
    listStories: async (o = {}) => page(stories.filter((s) => !o.about || s.about.includes(o.about)), o),
    timeline: async (o = {}) => page(timeline.filter((t) => (!o.from || t.date >= o.from) && (!o.to || t.date <= `${o.to}~`)), o),
    // The hand-made articles are no copies of each other.
    duplicateGroups: async () => ({ items: [], next: null }),
    refresh: async () => undefined,
  };
}
