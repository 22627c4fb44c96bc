import { describe, expect, it } from 'vitest';
import { analyseTexts } from './texts.js';

// Plain text whose first line is the title, as most saved articles are: the headline's claim is in the text.
const REPORT = [
  'date 2026-11-30',
  'Ministry says bridge near river port was struck',
  '',
  'The defence ministry of Freedonia said on Sunday that its artillery destroyed a pontoon bridge near the river port of Vorsk, cutting a supply route.',
  '',
  'A spokesman for the Sylvanian general staff rejected the report as fabricated.',
].join('\n');
const ADMISSION = [
  'date 2026-12-03',
  'Sylvania admits loss of crossing',
  '',
  "Sylvania's general staff acknowledged on Wednesday that the pontoon bridge near Vorsk had been destroyed last week.",
].join('\n');

describe('a headline and the statement it shortens', () => {
  it('meet the later reports of that statement: the fuller statement founds the proposition, not the headline', async () => {
    const { store } = await analyseTexts({ 'report.txt': REPORT, 'admission.txt': ADMISSION });
    const stories = (await store.analysis.listStories({ limit: 10 })).items;
    const story = stories.find((s) => s.steps.some((step) => step.stance === 'deny'));
    expect(story?.about).toBe('its artillery destroyed a pontoon bridge near the river port of Vorsk');
    // Reported, denied, then confirmed by the side that denied it, in another article.
    expect(story?.steps.map((s) => [s.stance, s.content])).toEqual(
      expect.arrayContaining([
        ['assert', 'its artillery destroyed a pontoon bridge near the river port of Vorsk'],
        ['deny', 'the report as fabricated'],
        ['confirm', 'the pontoon bridge near Vorsk had been destroyed last week'],
      ]),
    );
    await store.close();
  });
});
