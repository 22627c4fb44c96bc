import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractEvents } from '../../src/annotate/events/index.js';
import { en } from '../../src/lang/index.js';
import type { Analysis } from '../../src/doc/types.js';
import { ROOT } from '../helpers.js';
import { handmade, KOREA_ENTITIES, type HandmadeSpec } from '../events/handmade.js';

export const CORPUS = join(ROOT, 'test/fixtures/corpus/articles.jsonl');

interface Record {
  id: string;
  source: string;
  published: string;
  title: string;
  text: string;
}

export const RECORDS: Record[] = readFileSync(CORPUS, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Record);

const PLACES: HandmadeSpec['entities'] = [
  { id: 'chongjin', name: 'Chongjin', type: 'GPE', country: 'KP', aliases: ['Chongjin'] },
  { id: 'vladivostok', name: 'Vladivostok', type: 'GPE', country: 'RU', aliases: ['Vladivostok'] },
];

const DEPLOYMENT_REPORT: HandmadeSpec = {
  times: [{ text: '18 October 2024', value: '2024-10-18' }],
  quantities: [{ text: '1,500', value: 1500, unit: 'special forces troops' }],
  claims: [
    { speaker: 'South Korea’s National Intelligence Service', cue: 'said', content: 'North Korea had deployed about 1,500 special forces troops to Russia', stance: 'assert', said: '2024-10-18' },
    { speaker: 'the agency', cue: 'according to', content: 'The soldiers were flown from the port city of Chongjin to Vladivostok', stance: 'assert' },
  ],
};

/** The layers of each corpus article as a careful reader would mark them. */
const LAYERS: { [id: string]: HandmadeSpec } = {
  'harbour-2024-10-18': DEPLOYMENT_REPORT,
  'lakeside-2024-10-18': DEPLOYMENT_REPORT,
  'eastgate-2024-10-25': {
    times: [{ text: '25 October 2024', value: '2024-10-25' }],
    claims: [
      { speaker: 'North Korea’s Foreign Ministry', cue: 'denied', content: 'North Korea had deployed troops to Russia', stance: 'deny', said: '2024-10-25' },
      { speaker: 'A ministry spokesman', cue: 'told', content: 'the reports were groundless rumours spread by Seoul', stance: 'deny' },
    ],
  },
  'ledger-2025-04-28': {
    times: [{ text: '28 April 2025', value: '2025-04-28' }],
    claims: [
      { speaker: 'North Korea', cue: 'confirmed', content: 'it had sent troops to Russia to fight in the Kursk region', stance: 'confirm', said: '2025-04-28' },
      { speaker: 'Pyongyang', cue: 'brushed off', content: 'the reports as rumours', stance: 'deny' },
      { speaker: 'The state news agency KCNA', cue: 'said', content: 'the soldiers had acted on the orders of Kim Jong Un', stance: 'assert' },
      { speaker: 'Kim Jong Un', cue: 'promised', content: 'to build a monument to them in Pyongyang', stance: 'promise' },
    ],
  },
  'steppe-2025-04-26': {
    times: [{ text: '26 April 2025', value: '2025-04-26' }],
    claims: [{ speaker: 'Valery Gerasimov', cue: 'told', content: 'the operation to liberate the Kursk region had been completed', stance: 'assert', said: '2025-04-26' }],
  },
  'dnipro-2025-04-27': {
    times: [{ text: '27 April 2025', value: '2025-04-27' }],
    claims: [
      { speaker: 'Ukraine’s General Staff', cue: 'said', content: 'Ukrainian units continue defensive operations in the Kursk region', stance: 'assert', said: '2025-04-27' },
      { speaker: 'The General Staff in Kyiv', cue: 'called', content: 'the Russian announcement propaganda', stance: 'condemn' },
    ],
  },
  'harbour-2025-01-12': {
    times: [{ text: '11 January 2025', value: '2025-01-11' }],
    quantities: [{ text: 'two', value: 2, unit: 'North Korean soldiers', near: 'captured two North' }],
    claims: [{ speaker: 'Ukraine’s Security Service', cue: 'said', content: 'On 11 January 2025 Ukrainian special forces captured two North Korean soldiers in the Kursk region', stance: 'assert' }],
  },
  'council-2025-02-03': {
    times: [{ text: '3 February 2025', value: '2025-02-03' }],
    claims: [{ speaker: 'The mayor', cue: 'said', content: 'the plan keeps fares frozen for another year', stance: 'assert' }],
  },
};

/** The corpus as analyses with hand-made layers and extracted events, in file order. */
export function handmadeCorpus(): Analysis[] {
  return RECORDS.map((r) => {
    const doc = handmade(r.text, { ...LAYERS[r.id], id: r.id, published: r.published, source: r.source, title: r.title, entities: [...KOREA_ENTITIES!, ...PLACES!] });
    doc.set('events', extractEvents(doc, en));
    return doc.toAnalysis();
  });
}
