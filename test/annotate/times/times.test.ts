import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPipeline, createPipeline } from '../../../src/annotate/index.js';
import { parseAnchor, weekValue, toDays } from '../../../src/annotate/times/calendar.js';
import type { TimeExpression } from '../../../src/doc/types.js';
import { InputError } from '../../../src/errors.js';
import { HAS_SEED, SEED, SEED_GOLD } from '../../helpers.js';

/** Times of a text published on `published` (2025-04-28 is a Monday). */
const TIMES = buildPipeline({ layers: ['times'] });

function times(text: string, published: string | null = '2025-04-28'): TimeExpression[] {
  const doc = TIMES.process({ id: 't', title: null, published, source: null, url: null, language: 'en', text, ref: null });
  for (const t of doc.times) expect(text.slice(t.start, t.end)).toBe(t.text);
  return doc.times;
}

/** text → value of every expression found. */
function values(text: string, published: string | null = '2025-04-28'): Record<string, string> {
  return Object.fromEntries(times(text, published).map((t) => [t.text, t.value]));
}

describe('times: dates resolved against the publication date', () => {
  it('resolves days, months and years as the issue gives them', () => {
    expect(values('The commission spoke on 27 April about a treaty signed in 2024.')).toEqual({ '27 April': '2025-04-27', '2024': '2024' });
    expect(values('Seoul reported it in October 2024, and troops were captured on 11 January 2025.')).toEqual({
      'October 2024': '2024-10',
      '11 January 2025': '2025-01-11',
    });
    expect(values('The ceasefire held until April 30, 2025.')).toEqual({ 'April 30, 2025': '2025-04-30' });
  });

  it('reads weekdays and months as the latest one in news, the next one in a future sentence', () => {
    expect(values('The minister resigned on Friday.')).toEqual({ Friday: '2025-04-25' });
    expect(values('The ministers will meet on Friday.')).toEqual({ Friday: '2025-05-02' });
    expect(values('Troops crossed the border in September.')).toEqual({ September: '2024-09' });
    // A day close ahead without a tense cue is a deadline; one far ahead is last year's.
    expect(values('The offer runs until 15 May.')).toEqual({ '15 May': '2025-05-15' });
    expect(values('Shelling resumed on 3 December.')).toEqual({ '3 December': '2024-12-03' });
  });

  it('takes the direction from the verb the expression hangs on, however far', () => {
    // The modal stands seven words before the weekday; an infinitive after "planning" is still to come.
    expect(values('The delegation would be flying back to the Ukrainian capital Thursday.')).toEqual({ Thursday: '2025-05-01' });
    expect(values('Veterans were planning to gather in the centre of the old capital on Saturday.')).toEqual({ Saturday: '2025-05-03' });
    // The verb after a fronted date decides: "On Tuesday, … plans to".
    expect(values('On Tuesday, the opposition alliance of the region plans to hold a rally.')).toEqual({ Tuesday: '2025-04-29' });
    expect(values('On Tuesday, the opposition alliance of the region held a rally.')).toEqual({ Tuesday: '2025-04-22' });
    // "succeed" is no past tense; "had been due to expire" leaves a weekday in the past.
    expect(values('She will succeed General Petrenko as commander Feb. 1.')).toEqual({ 'Feb. 1': '2026-02-01' });
    expect(values('The ultimatum had been due to lapse Friday evening.')).toEqual({ 'Friday evening': '2025-04-25TEV' });
    // "until" looks ahead, unless a pluperfect says the wait is over; "was planned for" may be either.
    expect(values('Until Thursday, the prosecutors had not named a suspect.')).toEqual({ Thursday: '2025-04-24' });
    expect(values('The handover was planned for early June.')).toEqual({ 'early June': '2025-06' });
    expect(values('On Friday, the cabinet planned to pay the first claims.')).toEqual({ Friday: '2025-04-25' });
    // A relative clause is its own clause: the blasts happened, whatever the main verb says.
    expect(values('Donors will pledge aid to the towns where the 7 April strikes killed 20 people.')).toEqual({ '7 April': '2025-04-07' });
  });

  it('knows holidays by rule, their weeks, and names that only contain one', () => {
    expect(values('Turnout on Election Day was low.', '2024-11-20')).toEqual({ 'Election Day': '2024-11-05' });
    expect(values('Parades are banned on Victory Day.')).toEqual({ 'Victory Day': '2025-05-09' });
    expect(values('Services were held on Orthodox Easter and on Good Friday.')).toEqual({ 'Orthodox Easter': '2025-04-20', 'Good Friday': '2025-04-18' });
    expect(values('Shelling continued through Easter week.')).toEqual({ 'Easter week': '2025-W16' });
    expect(values('Memorial Day 2024 was marked quietly.')).toEqual({ 'Memorial Day 2024': '2024-05-27' });
    expect(times('The Good Friday agreement ended the Troubles; Christmas Island is remote.')).toEqual([]);
  });

  it('picks the year in which a dated weekday falls: "Saturday, April 26"', () => {
    expect(values('In an editorial on Saturday, April 26, the paper argued otherwise.')).toEqual({ 'Saturday, April 26': '2025-04-26' });
  });

  it('resolves relative days, weeks, months, seasons and quarters', () => {
    expect(values('Drones struck yesterday and again today; talks resume tomorrow.')).toEqual({
      yesterday: '2025-04-27',
      today: '2025-04-28',
      tomorrow: '2025-04-29',
    });
    expect(values('Fighting eased last week; this month was calmer; next week may differ.')).toEqual({
      'last week': '2025-W17',
      'this month': '2025-04',
      'next week': '2025-W19',
    });
    expect(values('The front barely moved last summer or in the winter of 2023.')).toEqual({ 'last summer': '2024-SU', 'the winter of 2023': '2023-WI' });
    expect(values('Exports fell in the first quarter and in the second half of 2024.', '2025-05-10')).toEqual({
      'the first quarter': '2025-Q1',
      'the second half of 2024': '2024-H2',
    });
    expect(values('Three weeks ago the army withdrew; the 1990s were different.')).toEqual({ 'Three weeks ago': '2025-W15', 'the 1990s': '199' });
  });

  it('gives durations, sets and references their TIMEX3 values', () => {
    expect(values('The siege lasted three days, then two and a half years, then a few weeks.')).toEqual({
      'three days': 'P3D',
      'two and a half years': 'P2Y6M',
      'a few weeks': 'PXW',
    });
    expect(values('Convoys leave every week, patrols run daily and the council meets every Friday.')).toEqual({
      'every week': 'P1W',
      daily: 'P1D',
      'every Friday': 'XXXX-WXX-5',
    });
    expect(values('Trains leave on Monday and Thursday nights.')).toEqual({ Monday: 'XXXX-WXX-1TNI', 'Thursday nights': 'XXXX-WXX-4TNI' });
    expect(values('The current ceasefire holds at then current lines, but the current account and the current year differ.')).toEqual({
      current: 'PRESENT_REF',
      'then current': 'PAST_REF',
      'the current year': '2025',
    });
    const refs = times('Officials now say the plant was recently shelled.');
    expect(refs.map((t) => [t.text, t.value, t.type])).toEqual([
      ['now', 'PRESENT_REF', 'DATE'],
      ['recently', 'PAST_REF', 'DATE'],
    ]);
    expect(times('The truce held for more than two weeks.')[0]).toMatchObject({ text: 'more than two weeks', value: 'P2W', type: 'DURATION', mod: 'MORE_THAN' });
  });

  it('gives times of day the day they belong to', () => {
    const found = times('The strike came at 10:30 a.m. on Friday; the mayor spoke this morning, after sirens last night.');
    expect(found.map((t) => [t.text, t.value, t.type])).toEqual([
      ['10:30 a.m.', '2025-04-25T10:30', 'TIME'],
      ['Friday', '2025-04-25', 'DATE'],
      ['this morning', '2025-04-28TMO', 'TIME'],
      ['last night', '2025-04-27TNI', 'TIME'],
    ]);
  });

  it('counts "the next day" from the last date the story gave, and splits year ranges', () => {
    expect(values('Troops crossed on 24 February 2022. The next day they reached the capital.')).toEqual({
      '24 February 2022': '2022-02-24',
      'The next day': '2022-02-25',
    });
    expect(values('The 2014-2016 offensive and the 2022-23 winter.')).toEqual({ '2014': '2014', '2016': '2016', '2022': '2022', '23': '2023' });
    expect(values('The blast came at 5.30 p.m. local time.')).toEqual({ '5.30 p.m. local time': '2025-04-28T17:30' });
    expect(values('Drones struck Kharkiv overnight.')).toEqual({ overnight: '2025-04-27TNI' });
  });

  it('reads day pairs, "last Oct. 23", "the week of", "a week or so ago" and "post-2014"', () => {
    expect(values('Envoys meet on May 14 and 15; ministers met on 24-25 March 2024.')).toEqual({
      'May 14': '2025-05-14',
      '15': '2025-05-15',
      '24': '2024-03-24',
      '25 March 2024': '2024-03-25',
    });
    expect(values('The depot burned last Oct. 23.')).toEqual({ 'last Oct. 23': '2024-10-23' });
    expect(values('Hearings open the week of May 12.')).toEqual({ 'the week of May 12': '2025-W20' });
    expect(values('The index lagged for eight trading days.')).toEqual({ 'eight trading days': 'P8D' });
    expect(values('A week or so ago the line moved; post-2014 borders are disputed.')).toEqual({ 'A week or so ago': '2025-W17', 'post-2014': '2014' });
  });

  it('refers back to the date the story named: "that year", "later in the day", "the next morning"', () => {
    expect(values('The port fell in March 2022 and was retaken later that year.')).toEqual({ 'March 2022': '2022-03', 'later that year': '2022' });
    expect(values('Talks began on 2 May 2023. That same day, the army advanced. Shelling resumed the next morning.')).toEqual({
      '2 May 2023': '2023-05-02',
      'That same day': '2023-05-02',
      'the next morning': '2023-05-03TMO',
    });
    expect(values('The minister toured the front and spoke to reporters later in the day.')).toEqual({ 'the day': '2025-04-28' });
    expect(values('The index closed lower on Friday, 25 April, than the previous Friday.')).toEqual({ 'Friday, 25 April': '2025-04-25', 'the previous Friday': '2025-04-18' });
    // A future verb still counts after a deadline preposition; a past one does not.
    expect(values('The airline will double its flights by August.')).toEqual({ August: '2025-08' });
    // A month leaves the day open.
    expect(values('The dam was breached in June 2023; that day the river rose.')).toEqual({ 'June 2023': '2023-06', 'that day': '2023-06-XX' });
    expect(times('The ministry said that day care centres were closed.')).toEqual([]);
  });

  it('reads "will one day", "a later date", "as soon as possible" and vague spans', () => {
    expect(values('The rail link will one day reach the coast; it was promised for decades.')).toEqual({ 'one day': 'FUTURE_REF', decades: 'PXY' });
    expect(values('Over the years the plan was put off for a while, to a later date, and must now start as soon as possible.')).toEqual({
      'the years': 'PXY',
      'a while': 'PXX',
      'a later date': 'FUTURE_REF',
      now: 'PRESENT_REF',
      'as soon as possible': 'FUTURE_REF',
    });
  });

  it('leaves unknown what a missing publication date cannot resolve', () => {
    expect(values('They met on Friday, on 27 April and in 2024, and again yesterday.', null)).toEqual({
      Friday: 'XXXX-WXX-5',
      '27 April': 'XXXX-04-27',
      '2024': '2024',
      yesterday: 'XXXX-XX-XX',
    });
  });

  it('does not read ages, fractions, names, verbs or labels as times', () => {
    expect(times('A 6-year-old boy, aged 52 years old, read USA Today.')).toEqual([]);
    expect(times('About three-quarters of the grain and a quarter of the fuel were lost.')).toEqual([]);
    expect(times('Officials may march on the capital. He watched "High Noon".')).toEqual([]);
    expect(times('The envoy said on ABC\'s "This Week" that for them it was high noon.')).toEqual([]);
  });

  it('names the bad publication date', () => {
    expect(() => times('On Friday.', 'last Tuesday')).toThrow(/"last Tuesday" is not an ISO 8601 date/);
    expect(() => parseAnchor('last Tuesday')).toThrowError(InputError);
  });
});

describe('times: earnings periods', () => {
  it('compares with the year-ago quarter, or with last year after a longer period', () => {
    const text = 'Profit rose in the third quarter from a year earlier. For the nine months, sales grew from a year earlier.';
    expect(times(text, '1999-11-02').map((t) => t.value)).toEqual(['1999-Q3', '1998-Q3', 'P9M', '1998']);
    // A quarter not yet over is not the one reported: "the latest quarter" stays the last complete one.
    expect(values('A fourth-quarter charge is likely. Sales fell in the latest quarter.', '1999-11-02')).toMatchObject({ 'the latest quarter': '1999-Q3' });
    expect(values('Sales rose in the third quarter. Costs were lower than in the 1998 period and in the quarter a year ago.', '1999-11-02')).toEqual({
      'the third quarter': '1999-Q3',
      'the 1998 period': '1998-Q3',
      'the quarter a year ago': '1998-Q3',
    });
    expect(values('Sales rose in the quarter to $2 billion, against $1.8 billion in the corresponding period last year and in last year\'s quarter.', '1999-11-02')).toEqual({
      'the quarter': '1999-Q3',
      'the corresponding period last year': '1998-Q3',
      "last year's quarter": '1998-Q3',
    });
    expect(times('Margins fell over the past several quarters.', '1999-11-02')[0]).toMatchObject({ text: 'the past several quarters', value: 'PXQ' });
    expect(times('Margins fell over the past several quarters.', '1999-11-02')[0]!.mod).toBeUndefined();
    expect(values('Sales in the current fiscal year will grow; in the fiscal year ended June 30 they fell.', '1999-11-02')).toEqual({
      'the current fiscal year': '1999',
      'the fiscal year': 'P1Y',
      'June 30': '1999-06-30',
    });
  });
});

describe('times: calendar', () => {
  it('numbers ISO weeks across the turn of the year', () => {
    expect(weekValue(toDays(2021, 1, 1))).toBe('2020-W53');
    expect(weekValue(toDays(2025, 4, 28))).toBe('2025-W18');
    expect(weekValue(toDays(2024, 12, 30))).toBe('2025-W01');
  });

  it('reads the date of ISO 8601 timestamps', () => {
    expect(parseAnchor('1998-02-13T14:26:00')).toEqual({ y: 1998, m: 2, d: 13 });
    expect(parseAnchor(null)).toBeNull();
    expect(() => parseAnchor('2025-02-30')).toThrow(/2025-02-30/);
  });
});

describe('times: the founding article', () => {
  it.skipIf(!HAS_SEED)('finds every time of the seed gold with its value', async () => {
    const gold = JSON.parse(readFileSync(SEED_GOLD, 'utf8')) as { article: { published: string }; times: { text: string; value: string }[] };
    const pipeline = await createPipeline({ layers: ['times'] });
    const text = readFileSync(SEED, 'utf8');
    const doc = pipeline.process({ id: 'seed', title: null, published: gold.article.published, source: null, url: null, language: 'en', text, ref: null });
    for (const g of gold.times) {
      expect(doc.times.some((t) => t.text.includes(g.text) && t.value === g.value), `${g.text} → ${g.value}`).toBe(true);
    }
  });
});
