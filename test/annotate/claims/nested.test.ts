import { describe, expect, it } from 'vitest';
import { findClaims } from '../../../src/annotate/claims/index.js';
import { CueModel } from '../../../src/annotate/claims/model.js';
import type { Doc } from '../../../src/doc/doc.js';
import type { Claim, Entity, EntityType } from '../../../src/doc/types.js';
import { en } from '../../../src/lang/index.js';
import { tokenized } from '../../helpers.js';

/** A doc with entities given by hand (every occurrence of a mention text is a mention) and no times. */
function docOf(text: string, entities: { id: string; type: EntityType; mentions: string[] }[] = []): Doc {
  const doc = tokenized({ id: 't', title: null, published: '2025-04-28', source: null, url: null, language: 'en', text, ref: null });
  doc.set(
    'entities',
    entities.map((e): Entity => ({
      id: e.id,
      name: e.mentions[0]!,
      type: e.type,
      subtype: null,
      kb: null,
      mentions: e.mentions.flatMap((m) => [...text.matchAll(new RegExp(m, 'g'))].map((x) => ({ start: x.index, end: x.index + m.length, text: m }))),
    })),
  );
  doc.set('times', []);
  return doc;
}

const model = CueModel.load(en.data.cueModel);
const claimsOf = (doc: Doc): Claim[] => findClaims(doc, model, en);
const summary = (claims: Claim[]) => claims.map((c) => [c.explain?.rule, c.cue?.text, c.content.text]);

describe('claims nested in another claim', () => {
  it('reads a cue in a relative clause set off inside a reported complement as a claim of its own', () => {
    const text = 'Mara Vale, a retired engineer, said the floods, which she believes were worsened by the new dam, had cut the valley off for a week.';
    const claims = claimsOf(docOf(text, [{ id: 'p1', type: 'PERSON', mentions: ['Mara Vale'] }]));
    expect(summary(claims)).toEqual([
      ['complement', 'said', 'the floods, which she believes were worsened by the new dam, had cut the valley off for a week'],
      ['relative', 'believes', 'were worsened by the new dam'],
    ]);
    expect(claims[1]!.speaker?.entity).toBe('p1');
  });

  it('leaves a relative clause whose pronoun is the object of the cue inside the outer claim', () => {
    const text = 'The mayor said the bridge, which she described in detail, would open in May.';
    expect(summary(claimsOf(docOf(text)))).toEqual([['complement', 'said', 'the bridge, which she described in detail, would open in May']]);
  });
});

describe('what an infinitive content holds', () => {
  it('runs over a relative clause set off inside it and a second verb of the same "to"', () => {
    const text = 'Osterlich now wants Ruritania to treat the river port, which its navy took last spring, as a free harbour and pay for the dredging.';
    const claims = claimsOf(docOf(text, [{ id: 'g1', type: 'GPE', mentions: ['Osterlich'] }]));
    expect(summary(claims)).toEqual([
      ['complement', 'wants', 'Ruritania to treat the river port, which its navy took last spring, as a free harbour and pay for the dredging'],
    ]);
    expect(claims[0]!.stance).toBe('demand');
  });

  it('still ends before a relative clause that closes the clause, or one before where it was said', () => {
    const text = 'Osterlich wants Vale to leave the river port, which its navy took last spring. Vale likened the pact to the treaty, which ended the war, in an interview.';
    expect(summary(claimsOf(docOf(text, [{ id: 'g1', type: 'GPE', mentions: ['Osterlich'] }]))).map(([, , content]) => content)).toEqual(['Vale to leave the river port', 'the pact to the treaty']);
  });
});

describe('wanting another party to act', () => {
  it('keeps a body wanting another party to act as a demand, whatever the cue model says', () => {
    const text = 'The council now wants Vale to resign.';
    expect(claimsOf(docOf(text)).map((c) => [c.cue?.text, c.stance, c.content.text])).toEqual([['wants', 'demand', 'Vale to resign']]);
  });

  it('leaves a body wanting a thing to the model: no claim', () => {
    expect(claimsOf(docOf('The council wants a new hall.'))).toEqual([]);
  });
});

describe('a cue answering what was just said', () => {
  it('reads "…, a claim X denies", "…, something X opposes", "…, which X denies" as X answering the claim before, whose content ends at the comma', () => {
    const text =
      'Osterlich accused Ruritania of shelling the dam, a claim Ruritania denies. The League has called for a toll on the canal, something Osterlich has opposed for years. Vale said the port was closed, an allegation that the ministry strongly rejected. The council said it backed the new plan, which the mayor opposed.';
    const claims = claimsOf(docOf(text, [{ id: 'os', type: 'GPE', mentions: ['Osterlich'] }, { id: 'ru', type: 'GPE', mentions: ['Ruritania'] }, { id: 'lg', type: 'ORG', mentions: ['The League'] }, { id: 'v', type: 'PERSON', mentions: ['Vale'] }]));
    const answers = claims.filter((c) => c.explain?.rule === 'appositive');
    expect(answers.map((c) => [c.speaker?.text, c.cue?.text, c.stance, c.content.text])).toEqual([
      ['Ruritania', 'denies', 'deny', 'Ruritania of shelling the dam'],
      ['Osterlich', 'opposed', 'deny', 'a toll on the canal'],
      ['the ministry', 'rejected', 'deny', 'the port was closed'],
      ['the mayor', 'opposed', 'deny', 'the new plan'],
    ]);
    // Each answers the claim it follows, whose content now ends before the comma.
    expect(answers.map((a) => claims.find((c) => c.id === a.refersTo)?.content.text)).toEqual([
      'Ruritania of shelling the dam',
      'a toll on the canal',
      'the port was closed',
      'it backed the new plan',
    ]);
  });

  it('reads "…, a claim X described as “slander”" and "…, a claim X called baseless" as X denying the claim before, but not a thing judged otherwise', () => {
    const text =
      'The soldiers said guards had beaten them, a claim the prison service described as "slander". ' +
      'Farmers said troops had burnt the silos, an allegation the army called utterly baseless. ' +
      'Vale said the port had reopened, a claim the ministry called a welcome surprise.';
    const claims = claimsOf(docOf(text, [{ id: 'v', type: 'PERSON', mentions: ['Vale'] }]));
    const answers = claims.filter((c) => c.explain?.rule === 'appositive');
    expect(answers.map((c) => [c.speaker?.text, c.cue?.text, c.stance, c.content.text])).toEqual([
      ['the prison service', 'described', 'deny', 'guards had beaten them'],
      ['the army', 'called', 'deny', 'troops had burnt the silos'],
    ]);
    expect(answers.map((a) => claims.find((c) => c.id === a.refersTo)?.speaker?.text)).toEqual(['The soldiers', 'Farmers']);
  });

  it('reads "The claim, which X rejected, came …" as X rejecting the claim named, and a plan so set off as nothing', () => {
    const text = 'The army said rebel guns had shelled the port. The claim, which the rebels rejected, came a day after the strike. The plan, which the mayor backed, was dropped.';
    const claims = claimsOf(docOf(text));
    expect(claims.map((c) => [c.cue?.text, c.stance, c.content.text])).toEqual([
      ['said', 'assert', 'rebel guns had shelled the port'],
      ['rejected', 'deny', 'The claim'],
    ]);
  });

  it('reads "…, which X denied" as denying the whole clause before, "…, which X opposed" the thing named last', () => {
    const text =
      'The ministry accused the rebels of shelling villages near the border, which the rebels denied. The council said it backed the new plan, which the mayor opposed. ' +
      'The army has claimed that rebel engineers mined the road in the spring, which the rebels reject.';
    const answers = claimsOf(docOf(text)).filter((c) => c.explain?.rule === 'appositive');
    expect(answers.map((c) => [c.cue?.text, c.stance, c.content.text])).toEqual([
      ['denied', 'deny', 'the rebels of shelling villages near the border'],
      ['opposed', 'deny', 'the new plan'],
      // What is rejected is what was claimed, not "the spring".
      ['reject', 'deny', 'rebel engineers mined the road in the spring'],
    ]);
  });

  it('leaves a relative clause that says something of its own to the other frames', () => {
    const text = 'Vale praised the bridge, which he called “a marvel of engineering.” Vale toured the harbour, which he describes as his second home.';
    const claims = claimsOf(docOf(text, [{ id: 'v', type: 'PERSON', mentions: ['Vale'] }]));
    expect(claims.filter((c) => c.explain?.rule === 'appositive')).toEqual([]);
  });
});
