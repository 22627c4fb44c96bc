import { describe, expect, it } from 'vitest';
import { dateKey, dateMiddle, dateSpan, formatDate } from '../../src/doc/dates.js';
import { axisPositions, labelRows } from '../../web/src/axis.js';

describe('dates for readers', () => {
  it('says weeks, months, seasons and quarters as the spans they are', () => {
    expect(formatDate('2024-W44')).toBe('28 Oct – 3 Nov 2024');
    expect(formatDate('2024-W46')).toBe('11 – 17 Nov 2024');
    expect(formatDate('2025-W01')).toBe('30 Dec 2024 – 5 Jan 2025');
    expect(formatDate('2024-W44-WE')).toBe('the weekend of 2 – 3 Nov 2024');
    expect(formatDate('2024-W44-1')).toBe('28 Oct 2024');
    expect(formatDate('2024-10')).toBe('October 2024');
    expect(formatDate('2024-10-18')).toBe('18 Oct 2024');
    expect(formatDate('2024-12-24T08:30:00+02:00')).toBe('24 Dec 2024');
    expect(formatDate('2024-SU')).toBe('summer 2024');
    expect(formatDate('2024-WI')).toBe('winter 2024–25');
    expect(formatDate('2025-Q2')).toBe('Q2 2025');
    expect(formatDate('2024')).toBe('2024');
  });

  it('never shows a raw TIMEX3 value for what the text leaves open', () => {
    expect(formatDate('XXXX-WXX-1')).toBe('a Monday, date not given');
    expect(formatDate('XXXX-10')).toBe('October, year not given');
    expect(formatDate('PAST_REF')).toBe('in the past');
    expect(formatDate('XXXX-XX-XX')).toBe('date not given');
    expect(formatDate(null)).toBe('undated');
  });

  it('places a week where it falls, not on 1 January, and sorts by the first day', () => {
    const week = dateSpan('2024-W44')!;
    expect(new Date(week.start).toISOString().slice(0, 10)).toBe('2024-10-28');
    expect(new Date(week.end).toISOString().slice(0, 10)).toBe('2024-11-03');
    expect(dateMiddle('2024-10')!).toBeLessThan(dateMiddle('2024-W44')!);
    expect(dateMiddle('2024-W44')!).toBeLessThan(dateMiddle('2024-11-05')!);
    expect(dateKey('2024-W44')).toBe('2024-10-28');
    expect(dateKey('2024-WI')).toBe('2024-12-01');
    expect(dateKey('XXXX-WXX-1')).toBeNull();
  });
});

describe('story time axis', () => {
  it('puts an ISO week between the month before it and the day after it', () => {
    const [october, week, day] = axisPositions([{ placed: '2024-10' }, { placed: '2024-W44' }, { placed: '2024-11-05' }]);
    expect(october).toBe(0);
    expect(day).toBe(1);
    // 28 Oct – 3 Nov has its middle on 31 October: 15 of the 20 days from 16 October to 5 November.
    expect(week).toBeCloseTo(15 / 20, 1);
  });

  it('gives labels close together different rows, and reuses a row once it is free', () => {
    expect(labelRows([100, 110, 120, 400], [80, 80, 80, 80], 4)).toEqual([0, 1, 2, 0]);
    expect(labelRows([100, 105, 110], [80, 80, 80], 2)).toEqual([0, 1, 0]);
  });
});
