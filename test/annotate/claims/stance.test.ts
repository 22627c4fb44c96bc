import { describe, expect, it } from 'vitest';
import { findClaims } from '../../../src/annotate/claims/index.js';
import type { CueEntry } from '../../../src/annotate/claims/lexicon.js';
import { stanceOf } from '../../../src/annotate/claims/stance.js';
import type { Entity } from '../../../src/doc/types.js';
import { en } from '../../../src/lang/index.js';
import { tokenized } from '../../helpers.js';

const said: CueEntry = { lemma: 'say', noun: false, frame: 'speech', stance: 'assert' };
const announced: CueEntry = { lemma: 'announce', noun: false, frame: 'speech', stance: 'assert' };
const claimed: CueEntry = { lemma: 'claim', noun: false, frame: 'speech', stance: 'assert' };
const discussed: CueEntry = { lemma: 'discuss', noun: false, frame: 'object', stance: 'assert' };
const argued: CueEntry = { lemma: 'argue', noun: false, frame: 'speech', stance: 'assert' };
const expects: CueEntry = { lemma: 'expect', noun: false, frame: 'think', stance: 'assert' };
const confirmed: CueEntry = { lemma: 'confirm', noun: false, frame: 'speech', stance: 'confirm' };

/** The stance of a content after a neutral cue; `self` when the content opens with its speaker ("it will …"). */
const stance = (content: string, self = false, entry = said) => stanceOf(en.claims, entry, entry.lemma, content, self).stance;

describe('stance: promises are the speaker’s own side committing to an act', () => {
  it('reads reported "would" of the speaker, "ready for", and the speaker’s own body', () => {
    expect(stance('he would open two more shelters before winter', true)).toBe('promise');
    expect(stance('“Let them try. We are ready for it.”')).toBe('promise');
    expect(stance('her cabinet had decided to close the border post')).toBe('promise');
    expect(stance('their willingness to reopen the night trains')).toBe('promise');
    expect(stance('it was withdrawing its staff from both countries', true, announced)).toBe('promise');
    expect(stance('they were sleeping when the roof fell in', true)).toBe('assert');
    expect(stance('two new ferries and a plan to add night crossings', false, announced)).toBe('promise');
    expect(stance('the town, which lost its bridge in the spring, would build a ferry landing', true)).toBe('promise');
  });

  it('reads a commitment of the speaker’s side later in a quotation when nothing else decides', () => {
    expect(stance('“Let them come. Our crews are tired, but we stand ready to sail.”')).toBe('promise');
    expect(stance('“The talks failed. We believe we will win in the end.”')).toBe('assert');
    expect(stance('“Only talks can end it. Otherwise, we will all pay for the war.”')).toBe('assert');
    expect(stance('“The voters decided otherwise and I will go back to the farm.”')).toBe('promise');
  });

  it('leaves a state, a hope, somebody else’s act, an absent plan, a wait and a meeting ahead assertions', () => {
    expect(stance('“We will see what the council decides.”')).toBe('assert');
    expect(stance('it would cost far more than the old bridge', true)).toBe('assert');
    expect(stance('it would take two more weeks to clear the road', true)).toBe('assert');
    expect(stance('it would most likely be finished by May', true)).toBe('assert');
    expect(stance('it is hoping there will be rain before the harvest', true)).toBe('assert');
    expect(stance('it has assurances that they will rebuild the bridge', true)).toBe('assert');
    expect(stance('she had no plans to visit the front', true)).toBe('assert');
    expect(stance('their plan to seize the port had failed')).toBe('assert');
    expect(stance('he would expect a reply from the mayor before the war memorial opens', true)).toBe('assert');
    expect(stance('the League’s envoy will meet with the rebel leaders this week', true)).toBe('assert');
    expect(stance('they will discuss an end to the war in the valley', true)).toBe('assert');
    expect(stance('they will meet their targets for the new shelters', true)).toBe('promise');
  });

  it('takes "the" before the speaker’s own body as the speaker speaking of itself', () => {
    const text = 'Palace spokesman Ivo Renk said the palace was ready to reopen the gardens.';
    const doc = tokenized({ id: 't', title: null, published: '2025-04-28', source: null, url: null, language: 'en', text, ref: null });
    const entity = (id: string, name: string, type: Entity['type']): Entity => {
      const start = text.indexOf(name);
      return { id, name, type, subtype: null, kb: null, country: 'XX', mentions: [{ start, end: start + name.length, text: name }] };
    };
    doc.set('entities', [entity('renk', 'Ivo Renk', 'PERSON'), entity('palace', 'palace', 'FAC')]);
    doc.set('times', []);
    expect(findClaims(doc, null, en).map((c) => [c.stance, c.content.text])).toEqual([['promise', 'the palace was ready to reopen the gardens']]);
  });

  it('takes "the <body>" in what a body says as the body speaking of itself', () => {
    const text = 'The League said the maritime alliance would not abandon the islands.';
    const doc = tokenized({ id: 't', title: null, published: '2025-04-28', source: null, url: null, language: 'en', text, ref: null });
    const start = text.indexOf('League');
    doc.set('entities', [{ id: 'league', name: 'League', type: 'ORG', subtype: null, kb: null, country: null, mentions: [{ start, end: start + 6, text: 'League' }] }]);
    doc.set('times', []);
    expect(findClaims(doc, null, en).map((c) => [c.stance, c.content.text])).toEqual([['promise', 'the maritime alliance would not abandon the islands']]);
  });

  it('does not make judging others an act of one’s own', () => {
    expect(stance('it was blaming the islanders for the shortage', true, announced)).toBe('condemn');
  });
});

describe('stance: warnings are dangers ahead and threats', () => {
  it('reads formulas of threat, conditional retaliation and the use of force', () => {
    expect(stance('“Believe me, this is not a bluff about the dam.”')).toBe('warn');
    expect(stance('the admiral insisted he was not bluffing')).toBe('warn');
    expect(stance('“We will not hesitate to answer in kind.”')).toBe('warn');
    expect(stance('“no hesitation” in sinking any boat that crosses')).toBe('warn');
    expect(stance('“If their boats cross the line, our response will be swift.”')).toBe('warn');
    expect(stance('“Should the dam fall, our gunners would use heavy weapons on the crossings.”')).toBe('warn');
    expect(stance('he would use all means to keep the port open', true)).toBe('warn');
    expect(stance('“Selling the vouchers is punishable by a heavy fine.”')).toBe('warn');
    expect(stance('the fuel depot could be targeted next')).toBe('warn');
  });

  it('reads an obligation to prepare for, beware of or fear something as a warning, other obligations as demands', () => {
    expect(stance('the valley should brace for more floods this week')).toBe('warn');
    expect(stance('“We must prepare for the river to rise again.”')).toBe('warn');
    expect(stance('the bishop must be careful not to become a mouthpiece of the palace')).toBe('warn');
    expect(stance('the allies should send more buses to the border')).toBe('demand');
    expect(stance('“Whoever you are, that should make your hair stand on end.”')).toBe('warn');
    expect(stance('every farmer in the valley ought to be worried about the dam')).toBe('warn');
  });

  it('needs a harm that may come: not one ruled out, remedied, only guessed at now, or a name', () => {
    expect(stance('the town will change hands without bloodshed')).toBe('assert');
    expect(stance('people could die in the cold')).toBe('warn');
    expect(stance('the blockade could have dire consequences for the islands')).toBe('warn');
    expect(stance('the shortage could be ended by a second pipeline')).toBe('assert');
    expect(stance('the rebels might be hiding in the old mine to plan attacks')).toBe('assert');
    expect(stance('“We can’t explain the fire except as a deliberate attack.”')).toBe('assert');
    expect(stance('“We cannot rule out another attack.”')).toBe('warn');
  });
});

describe('stance: demands, confirmations, denials', () => {
  it('reads the need for something and the speaker wanting or expecting others to act as demands', () => {
    expect(stance('the need for an immediate ceasefire')).toBe('demand');
    expect(stance('“It is essential that both sides return to the table.”')).toBe('demand');
    expect(stance('“We want a border that stays open for the farmers.”')).toBe('demand');
    expect(stance('“We expect that the League will reopen the schools.”')).toBe('demand');
    expect(stance('“We expect them to pay for the bridge.”')).toBe('demand');
    expect(stance('new ferries and the need for a second pier')).toBe('demand');
    expect(stance('for a special tribunal on the sinking of the ferry', false, argued)).toBe('demand');
    expect(stance('Osterlich not to arm the militia', false, expects)).toBe('demand');
    expect(stance('the river to rise further this week', false, expects)).toBe('assert');
    expect(stance('Osterlich to win the vote by ten points', false, expects)).toBe('assert');
    expect(stance('the allies should keep paying for the ferries', false, confirmed)).toBe('demand');
    expect(stance('two ferries were sunk', false, confirmed)).toBe('confirm');
  });

  it('does not read emphasis, a need as a subject, wanting to act oneself or a duty others feel as demands', () => {
    expect(stance('“It is important to remember that the depot was empty.”')).toBe('assert');
    expect(stance('since the bridge fell, the importance of the ferry has grown')).toBe('assert');
    expect(stance('“We want to rebuild the school.”')).toBe('assert');
    expect(stance('“We expect prices to fall in spring.”')).toBe('assert');
    expect(stance('“I believe the islanders feel that they must stay. The winter will be hard.”')).toBe('assert');
  });

  it('takes no side on what a topic verb names', () => {
    expect(stance('the need for a truce', false, discussed)).toBe('assert');
  });

  it('reads doubt denied and responsibility claimed as confirmation', () => {
    expect(stance('the agency saw no reason to doubt the mayor’s account of the fire', true)).toBe('confirm');
    expect(stance('responsibility for the blast', false, claimed)).toBe('confirm');
    expect(stance('“I have no doubt that the depot was full.”')).toBe('assert');
  });

  it('reads a purpose denied as a denial', () => {
    expect(stance('the exercise was not aimed at any neighbour')).toBe('deny');
  });

  it('reads a deed said to have had no doer as a denial, but not a loss, a thought or a judgement', () => {
    expect(stance('“No one shelled the bridge. The army left it a week ago.”')).toBe('deny');
    expect(stance('“Our gunners held their fire. Nobody ever targeted the station.”')).toBe('deny');
    expect(stance('no one died in the fire at the depot')).toBe('assert');
    expect(stance('“No one expected the storm to reach the coast.”')).toBe('assert');
    expect(stance('“No one has captured the mood of the valley better.”')).toBe('assert');
  });

  it('reads legitimacy refused, and a saying called wrong, as denials', () => {
    expect(stance('“We do not and will never recognize the sham vote in the valley.”')).toBe('deny');
    expect(stance('they would never recognise the new border', true)).toBe('deny');
    expect(stance('“It would be naive and wrong to say the dam failed by itself.”')).toBe('deny');
    expect(stance('“We will not accept more delays at the port.”')).not.toBe('deny');
  });

  it('reads having found no evidence or trace of something as a denial of it', () => {
    expect(stance('they had found no evidence of a gun battery near the school')).toBe('deny');
    expect(stance('inspectors found no trace of the missing shells')).toBe('deny');
    expect(stance('inspectors found the missing shells')).toBe('assert');
  });

  it('reads a saying called pure fiction, another invention or fabrications as a denial, but not a thing invented', () => {
    expect(stance('“This is pure fiction.”')).toBe('deny');
    expect(stance('“This is another invention of the enemy’s press office.”')).toBe('deny');
    expect(stance('“These reports are fabrications.”')).toBe('deny');
    expect(stance('“This is a fabrication.”')).toBe('deny');
    expect(stance('“The new rifle is an invention of our own engineers.”')).not.toBe('deny');
    const called: CueEntry = { lemma: 'call', noun: false, frame: 'object', stance: 'assert' };
    expect(stance('the report an invention', false, called)).toBe('deny');
  });

  it('reads reports called a provocation, cynical, a fantasy or a fairy tale as dismissed, and a deed so called as condemned', () => {
    const branded: CueEntry = { lemma: 'brand', noun: false, frame: 'object', stance: 'assert' };
    const called: CueEntry = { lemma: 'call', noun: false, frame: 'object', stance: 'assert' };
    expect(stance('the reports a provocation', false, branded)).toBe('deny');
    expect(stance('the latest accusations cynical', false, called)).toBe('deny');
    expect(stance('the strike a cynical provocation', false, called)).toBe('condemn');
    // A fantasy or a fairy tale is no more true than a fiction.
    expect(stance('the enemy figure a fantasy', false, called)).toBe('deny');
    expect(stance('the report was a fairy tale')).toBe('deny');
    expect(stance('his fantasy was to retire')).not.toBe('deny');
  });
});

describe('stance: judgements', () => {
  it('reads a charge of double standards as condemnation, and "so-called" as no judgement', () => {
    expect(stance('the League “cannot have it both ways” by arming one side and preaching peace')).toBe('condemn');
    expect(stance('the reform would end the so-called night tariff')).toBe('assert');
  });

  it('reads a charge of hatred for a people as condemnation, not a fear of things', () => {
    expect(stance('“The council’s campaign is plainly xenophobic.”')).toBe('condemn');
    expect(stance('the League’s ads stirred up Osterlichophobic feeling in the valley')).toBe('condemn');
    expect(stance('the mayor is something of a germaphobe')).toBe('assert');
  });

  it('reads words of judgement but not capitalised names that hold them', () => {
    expect(stance('the trawler Heroic Tern sails for the islands on Monday')).toBe('assert');
    expect(stance('the crew of the trawler was brave')).toBe('praise');
    expect(stance('the talks were constructive and lasted four hours')).toBe('assert');
    expect(stance('the council ignored every warning from the farmers')).toBe('condemn');
  });

  it('reads the speaker’s own side called good as a description of itself, approval of others as praise', () => {
    expect(stance('Osterlich is still a reliable buyer of grain from the islands', true)).toBe('assert');
    expect(stance('“We are a friendly port for every ship.”', true)).toBe('assert');
    expect(stance('he welcomed the League’s offer of ferries', true)).toBe('praise');
    expect(stance('the League is a reliable partner')).toBe('praise');
  });

  it('reads betrayal, overstepping a rule and broken promises as accusations, not an advance an army is trying to make', () => {
    expect(stance('the embargo was a stab in the back for the farmers')).toBe('condemn');
    expect(stance('the pledges made to the islanders had not been honoured')).toBe('condemn');
    expect(stance('“The council was never going to keep the deal.”')).toBe('condemn');
    expect(stance('the militia is trying to encircle the town')).toBe('assert');
    expect(stance('the curfew rules “go beyond what is permissible” in a state of emergency')).toBe('condemn');
  });

  it('reads aggravating, victims of a party and concern at a party’s conduct as condemnation', () => {
    expect(stance('the envoy kept fanning the flames in the valley')).toBe('condemn');
    expect(stance('“The farmers are victims of the League’s blockade.”')).toBe('condemn');
    expect(stance('“We are concerned about Osterlich’s support for the militia.”')).toBe('condemn');
    expect(stance('“We are concerned about the harvest.”')).toBe('assert');
    expect(stance('the farmers were victims of the flood’s reach')).toBe('assert');
  });
});
