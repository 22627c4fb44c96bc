import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findClaims } from '../../../src/annotate/claims/index.js';
import { parseCues } from '../../../src/annotate/claims/lexicon.js';
import { CueModel } from '../../../src/annotate/claims/model.js';
import { Context } from '../../../src/annotate/claims/context.js';
import { TAG } from '../../../src/annotate/pos/tags.js';
import type { Doc } from '../../../src/doc/doc.js';
import type { Claim, Entity, EntityType, TimeExpression } from '../../../src/doc/types.js';
import { InputError, UnavailableError } from '../../../src/errors.js';
import { en } from '../../../src/lang/index.js';
import { tokenized } from '../../helpers.js';

interface EntitySpec {
  id: string;
  type: EntityType;
  /** Texts of its mentions; every occurrence in the text becomes a mention. */
  mentions: string[];
  subtype?: string;
}

/** A doc whose entity and time layers are filled by hand, so claims are tested on their own. */
function docOf(text: string, entities: EntitySpec[] = [], times: { text: string; value: string }[] = []): Doc {
  const doc = tokenized({ id: 't', title: null, published: '2025-04-28', source: null, url: null, language: 'en', text, ref: null });
  const occurrences = (needle: string) => {
    const out: number[] = [];
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) out.push(at);
    return out;
  };
  doc.set(
    'entities',
    entities.map(
    (e): Entity => ({
      id: e.id,
      name: e.mentions[0]!,
      type: e.type,
      subtype: e.subtype ?? null,
      kb: null,
      mentions: e.mentions.flatMap((m) => occurrences(m).map((start) => ({ start, end: start + m.length, text: m }))),
    }),
    ),
  );
  doc.set('times', times.flatMap((t) => occurrences(t.text).map((start): TimeExpression => ({ start, end: start + t.text.length, text: t.text, value: t.value, type: 'DATE' }))));
  return doc;
}

const rulesOnly = (doc: Doc) => findClaims(doc, null, en);
const parts = (c: Claim) => (c.content.parts ?? [c.content]).map((p) => p.text);
const byCue = (claims: Claim[], cue: string) => {
  const c = claims.find((x) => x.cue?.text.includes(cue));
  if (!c) throw new Error(`no claim with cue "${cue}" among: ${claims.map((x) => x.cue?.text).join(', ')}`);
  return c;
};

/** Every span of every claim is exactly the text it points at. */
function expectExactSpans(doc: Doc, claims: Claim[]): void {
  for (const c of claims) {
    for (const s of [c.speaker, c.cue, c.content, c.via, ...(c.content.parts ?? [])]) {
      if (s) expect(doc.text.slice(s.start, s.end)).toBe(s.text);
    }
  }
}

describe('direct quotes', () => {
  it('reads a curly quote before its speaker, with the date the cue gives', () => {
    const doc = docOf('“The bridge will reopen next week,” the governor said on Tuesday.', [], [{ text: 'Tuesday', value: '2025-04-22' }]);
    const [c, ...rest] = rulesOnly(doc);
    expect(rest).toHaveLength(0);
    expect(c).toMatchObject({ kind: 'direct', stance: 'assert', said: '2025-04-22', explain: { rule: 'quote-before' } });
    expect(c!.content.text).toBe('“The bridge will reopen next week,”');
    expect(c!.speaker?.text).toBe('the governor');
    expect(c!.cue).toMatchObject({ text: 'said', lemma: 'say' });
    expectExactSpans(doc, [c!]);
  });

  it('joins a quote split by its cue and the quoted sentence after it into one claim', () => {
    const doc = docOf('“We held the line,” Colonel Petrenko said, “and we will hold it again.” “Nobody retreated.”', [
      { id: 'p1', type: 'PERSON', mentions: ['Petrenko'] },
    ]);
    const claims = rulesOnly(doc);
    expect(claims).toHaveLength(1);
    expect(parts(claims[0]!)).toEqual(['“We held the line,”', '“and we will hold it again.”', '“Nobody retreated.”']);
    expect(claims[0]!.speaker).toMatchObject({ text: 'Colonel Petrenko', entity: 'p1' });
    expectExactSpans(doc, claims);
  });

  it('follows a quote over paragraphs, one claim per paragraph, and reads a demand from "must"', () => {
    const doc = docOf('Mayor Lindqvist said: “The harbour is closed.\n\n“Ships must wait offshore until the storm passes.”', [{ id: 'p1', type: 'PERSON', mentions: ['Mayor Lindqvist'] }]);
    const claims = rulesOnly(doc);
    expect(claims.map((c) => c.content.text)).toEqual(['“The harbour is closed.', '“Ships must wait offshore until the storm passes.”']);
    expect(claims.map((c) => c.speaker?.entity)).toEqual(['p1', 'p1']);
    expect(claims[1]!).toMatchObject({ stance: 'demand', explain: { rule: 'quote-continued' } });
    expectExactSpans(doc, claims);
  });

  it('splits a quote after its attribution that runs on into the next paragraph, one claim per paragraph', () => {
    const text = '“The ferry left on time,” Captain Aalto said. “The sea was calm all night.\n\n“We docked at dawn. Nobody was hurt on board.”';
    const doc = docOf(text, [{ id: 'p1', type: 'PERSON', mentions: ['Captain Aalto'] }]);
    const claims = rulesOnly(doc);
    expect(claims.map(parts)).toEqual([['“The ferry left on time,”', '“The sea was calm all night.'], ['“We docked at dawn. Nobody was hurt on board.”']]);
    expect(claims.map((c) => c.speaker?.entity)).toEqual(['p1', 'p1']);
    expect(claims[1]!.explain?.rule).toBe('quote-continued');
    expectExactSpans(doc, claims);
  });

  it('gives a quoted sentence with no cue of its own to the speaker of the sentence before it in the paragraph', () => {
    const text = 'The engineer Halvorsen warned that the dam would not hold through the spring. “We tested every gate twice. Nobody listened.” The river rose on Monday. “A flood is coming.”';
    const doc = docOf(text, [{ id: 'p1', type: 'PERSON', mentions: ['Halvorsen'] }]);
    const claims = rulesOnly(doc);
    expect(claims.map((c) => [c.content.text, c.speaker?.entity, c.explain?.rule])).toEqual([
      ['the dam would not hold through the spring', 'p1', 'complement'],
      ['“We tested every gate twice. Nobody listened.”', 'p1', 'quote-continued'],
      ['“A flood is coming.”', 'p1', 'quote-continued'],
    ]);
    expectExactSpans(doc, claims);
  });

  it('makes a quoted sentence that denies a claim of its own, the sentences after it a further one', () => {
    const text = '“They keep telling a story that we flooded the valley on purpose,” the engineer said. “That is simply untrue. We opened the gates to save the town.”';
    const doc = docOf(text);
    const claims = rulesOnly(doc);
    expect(claims.map((c) => [c.stance, parts(c)])).toEqual([
      ['assert', ['“They keep telling a story that we flooded the valley on purpose,”']],
      ['deny', ['“That is simply untrue']],
      ['assert', ['We opened the gates to save the town.”']],
    ]);
    expect(claims.map((c) => c.speaker?.text)).toEqual(['the engineer', 'the engineer', 'the engineer']);
    expectExactSpans(doc, claims);
  });

  it('splits off a quoted sentence saying no one did a deed, but keeps an answer "No, …" with its question', () => {
    const split = rulesOnly(docOf('“The shells came from the west,” the engineer said. “No one fired on the dam from our bank.”'));
    expect(split.map((c) => [c.stance, parts(c)])).toEqual([
      ['assert', ['“The shells came from the west,”']],
      ['deny', ['“No one fired on the dam from our bank.”']],
    ]);
    const answer = rulesOnly(docOf('“Did we open the gates too late?” the engineer said. “No, we did not. The river rose in an hour.”'));
    expect(answer).toHaveLength(1);
    expect(answer[0]!.stance).toBe('deny');
  });

  it('splits a denial off a paragraph of a quotation that runs on over paragraphs', () => {
    const text = 'The engineer said: “The gates were shut all week.\n\n“The river rose in an hour and the town flooded. No one opened the gates before the storm.\n\n“We will rebuild the pier.”';
    const claims = rulesOnly(docOf(text));
    expect(claims.map((c) => [c.stance, parts(c)])).toEqual([
      ['assert', ['“The gates were shut all week.']],
      ['assert', ['“The river rose in an hour and the town flooded.']],
      ['deny', ['No one opened the gates before the storm']],
      ['promise', ['“We will rebuild the pier.”']],
    ]);
  });

  it('keeps a bare "No, never." with the quote it answers', () => {
    const claims = rulesOnly(docOf('“We kept the gates shut all week,” the engineer said. “No, never. The river rose too fast.”'));
    expect(claims).toHaveLength(1);
  });

  it('gives a quoted paragraph with no cue of its own to the speaker of the paragraph before', () => {
    const text =
      'The engineer Halvorsen said the dam would hold through the spring.\n\n“We tested every gate twice.”\n\nA second paragraph of narration follows here, with nobody speaking in it at all.\n\n“This line is nobody’s.”';
    const doc = docOf(text, [{ id: 'p1', type: 'PERSON', mentions: ['Halvorsen'] }]);
    const claims = rulesOnly(doc);
    expect(claims.map((c) => [c.content.text, c.speaker?.entity])).toEqual([
      ['the dam would hold through the spring', 'p1'],
      ['“We tested every gate twice.”', 'p1'],
    ]);
    expectExactSpans(doc, claims);
  });

  it('keeps a quote inside a quote in the same curly marks within the outer quote', () => {
    const text = '“The harbour survived the “storm”. We will rebuild the pier by spring!” the mayor said.';
    const doc = docOf(text);
    const claims = rulesOnly(doc);
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ kind: 'direct', speaker: { text: 'the mayor' }, content: { text: '“The harbour survived the “storm”. We will rebuild the pier by spring!”' } });
    expectExactSpans(doc, claims);
  });

  it('keeps straight marks inside a curly quote within it', () => {
    const text = '“The old bridge served us for a century. A "modern" crossing must come next. It must be built by spring,” the mayor said.';
    const claims = rulesOnly(docOf(text));
    expect(claims.map((c) => c.content.text)).toEqual(['“The old bridge served us for a century. A "modern" crossing must come next. It must be built by spring,”']);
  });

  it('reads a paragraph whose opening mark was lost as a quote up to its closing mark', () => {
    const text = 'The ferry was late again.\n\nTherefore, the company must answer for the delays. After all, we warned them twice,” the mayor said.';
    const doc = docOf(text);
    const claims = rulesOnly(doc);
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ kind: 'direct', stance: 'demand', speaker: { text: 'the mayor' }, content: { text: 'Therefore, the company must answer for the delays. After all, we warned them twice,”' } });
    expectExactSpans(doc, claims);
  });

  it('takes a short clause ending in a quoted phrase whole ("They will discuss “…”, he says")', () => {
    const claims = rulesOnly(docOf('They will discuss “the need for a new bridge over the river”, the town spokesman says.'));
    expect(claims.map((c) => [c.explain?.rule, c.content.text])).toEqual([['clause-before', 'They will discuss “the need for a new bridge over the river”']]);
  });

  it('reads one claim from a quote attributed twice in its sentence', () => {
    const claims = rulesOnly(docOf('The mayor said: "If the river rises again this spring, we will pay a much higher price," the mayor said.'));
    expect(claims).toHaveLength(1);
    expect(claims[0]!.speaker?.text).toBe('The mayor');
  });

  it('reads a quote before a verb of asking that closes the sentence ("“…,” the mayor urged.")', () => {
    const claims = rulesOnly(docOf('“Please, everyone, stay away from the river bank tonight,” the mayor urged.'));
    expect(claims.map((c) => [c.explain?.rule, c.stance, c.content.text])).toEqual([['quote-before', 'demand', '“Please, everyone, stay away from the river bank tonight,”']]);
  });

  it('reads "X is said to have warned that …" as X\'s warning, past the one told, and leaves a deed so hedged whole', () => {
    const claims = rulesOnly(docOf('The general is said to have warned that the front could collapse. The president is understood to have told aides that talks were pointless. The town is believed to have fallen.'));
    expect(claims.map((c) => [c.speaker?.text ?? null, c.cue?.text, c.content.text])).toEqual([
      ['The general', 'warned', 'the front could collapse'],
      ['The president', 'told', 'talks were pointless'],
      [null, 'is believed', 'The town is believed to have fallen'],
    ]);
  });

  it('reads the quote before "X was quoted as saying."', () => {
    const claims = rulesOnly(docOf('“Many people believe the river is rising faster every year,” Berg was quoted as saying.'));
    expect(claims.map((c) => [c.speaker?.text, c.content.text])).toEqual([['Berg', '“Many people believe the river is rising faster every year,”']]);
  });

  it('reads straight quotes', () => {
    const [c] = rulesOnly(docOf('"We did not fire first," the ministry said.'));
    expect(c).toMatchObject({ kind: 'direct', content: { text: '"We did not fire first,"' } });
  });

  it('marks reported speech with a partial quote as mixed', () => {
    const [c] = rulesOnly(docOf('The spokesman added that the talks had reached “a dead end” on Sunday.'));
    expect(c!.kind).toBe('mixed');
  });
});

describe('reported speech', () => {
  it('reads a clause of time after the cue ("said as he received …") as the tail, the clause before as content', () => {
    const claims = rulesOnly(docOf('Peace can be reached within days, the president said as he received the new ambassadors.'));
    expect(claims.map((c) => [c.explain?.rule, c.speaker?.text, c.content.text])).toEqual([['clause-before', 'the president', 'Peace can be reached within days']]);
  });

  it('reads an appositive set off by a dash after "X said Sunday" as the tail, the clause before as content', () => {
    const text = 'The dam may fail if the rains continue, the regional governor said Sunday – the latest in a series of warnings he has made about the old structure.';
    const claims = rulesOnly(docOf(text, [], [{ text: 'Sunday', value: '2025-04-27' }]));
    expect(claims.map((c) => [c.explain?.rule, c.content.text])).toEqual([['clause-before', 'The dam may fail if the rains continue']]);
  });

  it('keeps a second gerund of one accusation in its content, to the sentence end or a verb of the speaker', () => {
    const claims = rulesOnly(docOf('The mayor accused the firm of hiding the report and walked out. The mayor accused the firm of hiding the report and lying to the council'));
    expect(claims.map((c) => c.content.text)).toEqual(['the firm of hiding the report', 'the firm of hiding the report and lying to the council']);
  });

  it('takes the that-clause after a cue and the date between them', () => {
    const doc = docOf(
      'The defence ministry confirmed on 3 March that two drones were shot down over the coast.',
      [{ id: 'mod', type: 'ORG', mentions: ['defence ministry'] }],
      [{ text: '3 March', value: '2025-03-03' }],
    );
    const [c] = rulesOnly(doc);
    expect(c).toMatchObject({ stance: 'confirm', said: '2025-03-03', kind: 'indirect', content: { text: 'two drones were shot down over the coast' } });
    expect(c!.speaker?.entity).toBe('mod');
  });

  it('gives a participle after a comma the speaker of the main clause, and ends the first content before it', () => {
    const doc = docOf('The army denied reports that the town had fallen, saying that fighting continues in the suburbs.', [{ id: 'army', type: 'ORG', mentions: ['army'] }]);
    const claims = rulesOnly(doc);
    expect(byCue(claims, 'denied')).toMatchObject({ stance: 'deny', content: { text: 'the town had fallen' } });
    expect(byCue(claims, 'saying')).toMatchObject({ speaker: { entity: 'army' }, content: { text: 'fighting continues in the suburbs' }, explain: { rule: 'participial' } });
  });

  it('splits coordinated cues: the object of the first, a promise in the second', () => {
    const doc = docOf('The president praised the medics and announced plans to build a new hospital.', [{ id: 'pres', type: 'PERSON', mentions: ['president'] }]);
    const claims = rulesOnly(doc);
    expect(byCue(claims, 'praised')).toMatchObject({ stance: 'praise', content: { text: 'the medics' } });
    expect(byCue(claims, 'announced')).toMatchObject({ stance: 'promise', speaker: { entity: 'pres' } });
  });

  it('reads a cue that refers back to the claim before it', () => {
    const doc = docOf('Analysts reported that the plant had been damaged—claims the operator dismissed as “baseless speculation.”');
    const claims = rulesOnly(doc);
    expect(byCue(claims, 'reported').content.text).toBe('the plant had been damaged');
    const dismissed = byCue(claims, 'dismissed');
    expect(dismissed.stance).toBe('deny');
    expect(dismissed.speaker?.text).toBe('the operator');
    expect(dismissed.content.text).toContain('baseless speculation');
  });

  it('keeps what a speaker reports about others inside the one claim', () => {
    const claims = rulesOnly(docOf('The envoy said the rebels believe the ceasefire will hold.'));
    expect(claims.map((c) => c.cue?.text)).toEqual(['said']);
  });

  it('reads a text that ends after an adverb with no full stop, and a name running into its small words, without failing or looping', async () => {
    const { createPipeline } = await import('../../../src/annotate/index.js');
    const pipeline = await createPipeline();
    for (const text of ['The minister praised the soldiers again', 'It Is Not A Wild Dream To Ask For a fair price.']) {
      const article = { id: 'h', title: null, published: null, source: null, url: null, language: 'en', ref: null, text };
      expect(pipeline.analyze(article).article.text).toBe(text);
    }
  });

  it('keeps a statement written on a platform, with the clause or quotation after it, whatever the cue model says', async () => {
    const { createPipeline } = await import('../../../src/annotate/index.js');
    const pipeline = await createPipeline();
    const text = "Bolivia's president wrote on Telegram that talks were over. The governor wrote on X: \"Two drones were downed.\"";
    const article = { id: 'p', title: null, published: null, source: null, url: null, language: 'en', ref: null, text };
    expect(pipeline.analyze(article).claims.map((c) => [c.cue?.text, c.content.text])).toEqual([
      ['wrote', 'talks were over'],
      ['wrote', '"Two drones were downed."'],
    ]);
  });

  it('reads a headline', () => {
    const [c] = rulesOnly(docOf('Moldova rejects accusations of election meddling\n\nThe vote went ahead on Sunday.'));
    expect(c).toMatchObject({ stance: 'deny', cue: { text: 'rejects' }, speaker: { text: 'Moldova' } });
  });
});

describe('noun cues, according to, relays', () => {
  it('reads "In his opinion, …", "In the mayor\'s words, …" and "In the view of X, …" as attributions', () => {
    const text = "The minister spoke on Friday. In his opinion, the bridge will never be rebuilt. In the mayor's words, the port is the heart of the town. In the view of analysts, the price of grain will keep rising. In the morning, it rained.";
    const claims = rulesOnly(docOf(text));
    expect(claims.map((c) => [c.speaker?.text, c.cue?.text, c.content.text])).toEqual([
      ['his', 'In his opinion', 'the bridge will never be rebuilt'],
      ['the mayor', "In the mayor's words", 'the port is the heart of the town'],
      ['analysts', 'In the view of', 'the price of grain will keep rising'],
    ]);
  });

  it('reads "…, X learned" by the agency that files the article as its narration, not a claim', () => {
    const text = 'HARBOURTON, 3 May (Meridian Wire) - The regional governor opened the new ferry terminal on Friday, Meridian Wire learned. The port had been closed for a year, the Coast Gazette learned.';
    const claims = rulesOnly(docOf(text, [{ id: 'mw', type: 'ORG', mentions: ['Meridian Wire'] }, { id: 'cg', type: 'ORG', mentions: ['the Coast Gazette'] }]));
    expect(claims.map((c) => [c.speaker?.entity, c.content.text])).toEqual([['cg', 'The port had been closed for a year']]);
  });

  it('gives "where, according to X, …" only the clause after it', () => {
    const claims = rulesOnly(docOf('Reporters traced the photo to a hotel in the capital, where, according to local media, the businessman has kept an office for years.'));
    expect(claims.map((c) => c.content.text)).toEqual(['the businessman has kept an office for years']);
  });

  it('leaves a tagged quote to its tag: "…, he said, according to a translation by X" is his, not X’s', () => {
    const doc = docOf('Anton Vale spoke for eleven minutes. The strike was called over unpaid wages and was never meant to topple anyone, he said, according to a translation by the Vale Courier.', [
      { id: 'vale', type: 'PERSON', mentions: ['Anton Vale'] },
      { id: 'vc', type: 'ORG', mentions: ['the Vale Courier'] },
    ]);
    const claims = rulesOnly(doc);
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ speaker: { text: 'he' }, cue: { text: 'said' }, content: { text: 'The strike was called over unpaid wages and was never meant to topple anyone' } });
  });

  it('reads "X said, according to Y, that …" as X\'s claim, the source set off as an aside', () => {
    const doc = docOf("The army chief said, according to the state agency, that the war would end soon.", [{ id: 'ag', type: 'ORG', mentions: ['the state agency'] }]);
    expect(rulesOnly(doc).map((c) => [c.speaker?.text, c.cue?.text, c.content.text])).toEqual([['The army chief', 'said', 'the war would end soon']]);
  });

  it('gives "That is according to X" the sentence before as content', () => {
    const doc = docOf('The port handled 40 ships last month, twice as many as a year ago.\n\nThat is according to the harbour authority, which published its figures on Friday.', [
      { id: 'ha', type: 'ORG', mentions: ['harbour authority'] },
    ]);
    const claims = rulesOnly(doc);
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ content: { text: 'The port handled 40 ships last month, twice as many as a year ago' }, explain: { rule: 'according-to' } });
    expect(claims[0]!.speaker?.entity).toBe('ha');
    expectExactSpans(doc, claims);
  });

  it('reads a statement issued with a praising participle, relayed by the radio named after "according to"', () => {
    const doc = docOf('The council issued a statement praising the rescue teams for their speed, according to local radio.', [{ id: 'council', type: 'ORG', mentions: ['council'] }]);
    const claims = rulesOnly(doc);
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ stance: 'praise', cue: { text: 'issued a statement praising' }, via: { text: 'local radio' }, speaker: { entity: 'council' } });
    expect(claims[0]!.content.text).toBe('the rescue teams for their speed');
  });

  it('makes "the statement" speak for whoever issued it', () => {
    const doc = docOf('The council issued a statement praising the rescue teams. Ten villages were evacuated overnight, according to the statement.', [
      { id: 'council', type: 'ORG', mentions: ['council'] },
    ]);
    const according = byCue(rulesOnly(doc), 'according to');
    expect(according).toMatchObject({ speaker: { text: 'the statement', entity: 'council' }, content: { text: 'Ten villages were evacuated overnight' }, explain: { rule: 'according-to' } });
  });

  it('makes a case speak for the body that brought it', () => {
    const doc = docOf('The harbour authority filed a case against the shipping firm on Tuesday. The case accuses the firm of dumping fuel in the bay.', [
      { id: 'svc', type: 'ORG', mentions: ['harbour authority'] },
    ]);
    const accuses = byCue(rulesOnly(doc), 'accuses');
    expect(accuses).toMatchObject({ speaker: { text: 'The case', entity: 'svc' }, stance: 'condemn' });
  });

  it('reads expressed concern as a warning about what follows', () => {
    const [c] = rulesOnly(docOf('The embassy expressed concern about the arrests of journalists.'));
    expect(c).toMatchObject({ stance: 'warn', cue: { text: 'expressed concern' }, content: { text: 'the arrests of journalists' } });
  });
});

describe('speakers and stances', () => {
  it('reads a speaker with a place phrase before its appositive ("The head of the aid office in Moldova, Anna Berg, said")', () => {
    const [c] = rulesOnly(docOf('The head of the aid office in Moldova, Anna Berg, said: “Food was used to force villagers to cooperate.”'));
    expect(c).toMatchObject({ speaker: { text: 'The head of the aid office in Moldova, Anna Berg,' }, content: { text: '“Food was used to force villagers to cooperate.”' } });
  });

  it('takes a name with a capitalised preposition inside it whole as the speaker ("Engineers Without Frontiers said")', () => {
    const doc = docOf('Engineers Without Frontiers said its clinic in the port had been hit twice.', [{ id: 'org.ewf', type: 'ORG', mentions: ['Engineers Without Frontiers'] }]);
    const [c] = rulesOnly(doc);
    expect(c).toMatchObject({ speaker: { text: 'Engineers Without Frontiers', entity: 'org.ewf' }, content: { text: 'its clinic in the port had been hit twice' } });
  });

  it('takes in an organisation\'s capitalised function words in prose, not in a headline in capitals', () => {
    const classOf = (text: string, name: string, word: string) => {
      const doc = docOf(text, [{ id: 'org.x', type: 'ORG', mentions: [name] }]);
      return new Context(doc, en).tags[doc.tokens.words.indexOf(word)];
    };
    expect(classOf('Engineers Without Frontiers said its clinic was hit.', 'Engineers Without Frontiers', 'Without')).toBe(TAG.PROPN);
    expect(classOf('Senators Ask For A Vote On Aid Without Delay Today', 'Vote On Aid Without Delay', 'Without')).not.toBe(TAG.PROPN);
  });

  it('reads the name before two appositives after an opening phrase of time ("On Friday, Ivo Renk, the mayor of Eastburg, a port …, said")', () => {
    const [c] = rulesOnly(docOf('On Friday, Ivo Renk, the mayor of Eastburg, a port near the border, said the ferry had sunk.'));
    expect(c).toMatchObject({ speaker: { text: 'Ivo Renk, the mayor of Eastburg, a port near the border,' }, content: { text: 'the ferry had sunk' } });
  });

  it('reads names joined by "and" before a noun as one speaker ("Polish and Czech customs data show")', () => {
    const [c] = rulesOnly(docOf('Exports of steel rose by 40% to the north, Polish and Czech customs data show.'));
    expect(c).toMatchObject({ speaker: { text: 'Polish and Czech customs data' }, content: { text: 'Exports of steel rose by 40% to the north' } });
  });

  it('reads a speaker with a place phrase before the cue ("the head of the aid office in Moldova said")', () => {
    const [c] = rulesOnly(docOf('Most of those interviewed were held for weeks, the head of the aid office in Moldova said.'));
    expect(c).toMatchObject({ speaker: { text: 'the head of the aid office in Moldova' }, content: { text: 'Most of those interviewed were held for weeks' } });
  });

  it('reads the object of a light verb as the noun cue ("expressed hope that …"), its subject the speaker', () => {
    const [c] = rulesOnly(docOf('He expressed hope that the council would reopen the port soon.'));
    expect(c).toMatchObject({ speaker: { text: 'He' }, cue: { text: 'expressed hope' }, content: { text: 'the council would reopen the port soon' } });
  });

  it('takes an office "of" its portfolio whole as the speaker ("the minister of foreign affairs")', () => {
    const [c] = rulesOnly(docOf('“The border stays open to trade,” the minister of foreign affairs said.'));
    expect(c).toMatchObject({ speaker: { text: 'the minister of foreign affairs' }, content: { text: '“The border stays open to trade,”' } });
  });

  it('lets a spokesperson, and the pronoun after one, speak for the organisation just named', () => {
    const doc = docOf('The Foreign Office condemned the strike. A spokesperson said that both sides should return to talks. She added that aid convoys must be allowed through.', [
      { id: 'fo', type: 'ORG', mentions: ['Foreign Office'] },
    ]);
    const claims = rulesOnly(doc);
    expect(byCue(claims, 'condemned')).toMatchObject({ stance: 'condemn', speaker: { entity: 'fo' } });
    expect(byCue(claims, 'said')).toMatchObject({ stance: 'demand', speaker: { text: 'A spokesperson', entity: 'fo' } });
    expect(byCue(claims, 'added')).toMatchObject({ speaker: { text: 'She', entity: 'fo' } });
  });

  it('takes "It" after a body no entity names for that body, not for a country named near it', () => {
    const doc = docOf("Rebel units shelled the port in Peru, the army's high command said. It said the rebels had lost 30 men.", [{ id: 'pe', type: 'GPE', subtype: 'country', mentions: ['Peru'] }]);
    const claims = rulesOnly(doc);
    expect(claims.map((c) => [c.speaker?.text, c.speaker?.entity ?? null])).toEqual([
      ["the army's high command", null],
      ['It', null],
    ]);
  });

  it('looks for whom an unnamed speaker stands before the claim, not in what it says, and takes "It" after a report for the report', () => {
    const doc = docOf('Rebels shelled the port in Peru overnight, officials said. The report said 40 sailors were held in Peru. It said 12 were later freed.', [
      { id: 'pe', type: 'GPE', subtype: 'country', mentions: ['Peru'] },
    ]);
    expect(rulesOnly(doc).map((c) => [c.speaker?.text, c.speaker?.entity ?? null])).toEqual([
      ['officials', null],
      ['The report', null],
      ['It', null],
    ]);
  });

  it('reads "the agency quoted the minister as saying that …" as the minister speaking, relayed by the agency', () => {
    const [said, warned] = rulesOnly(docOf('The state news agency quoted the foreign minister as saying that the talks had collapsed. A local paper quoted a commander as warning that new attacks would follow.'));
    expect(said).toMatchObject({ speaker: { text: 'the foreign minister' }, via: { text: 'The state news agency' }, cue: { text: 'saying' }, stance: 'assert', content: { text: 'the talks had collapsed' } });
    expect(warned).toMatchObject({ speaker: { text: 'a commander' }, via: { text: 'A local paper' }, cue: { text: 'warning' }, stance: 'warn', content: { text: 'new attacks would follow' } });
  });

  it('reads a source by what it knows as the speaker, not what it knows ("diplomats familiar with the talks said")', () => {
    const doc = docOf('Diplomats familiar with the talks said both delegations left without a date. People with knowledge of the plan said it would be delayed. A source close to the delegation said the mood was grim.');
    expect(rulesOnly(doc).map((c) => c.speaker?.text)).toEqual(['Diplomats familiar with the talks', 'People with knowledge of the plan', 'A source close to the delegation']);
  });

  it("ends a content before the reporter's word on it (\", a claim that could not be verified\")", () => {
    const [c] = rulesOnly(docOf('The ministry said its air defences had shot down 14 drones overnight, a claim that could not be independently verified.'));
    expect(c).toMatchObject({ speaker: { text: 'The ministry' }, content: { text: 'its air defences had shot down 14 drones overnight' } });
  });

  it('ends an object content before "after"/"before" with a participle and the span of time before it, which date the act, and before ", without providing evidence"', () => {
    const [c] = rulesOnly(docOf('The command confirmed the loss of the town four days after denying it.'));
    expect(c).toMatchObject({ cue: { text: 'confirmed' }, content: { text: 'the loss of the town' } });
    const [d] = rulesOnly(docOf('The minister announced the new envoy before leaving for the summit.'));
    expect(d!.content.text).toBe('the new envoy');
    // A clause reported goes on: "after" is part of what was said.
    const [e] = rulesOnly(docOf('The army said its troops entered the town after shelling it for a week.'));
    expect(e!.content.text).toBe('its troops entered the town after shelling it for a week');
    // Set off by a comma, a span of time and a participle date the act after a clause too.
    const [f] = rulesOnly(docOf('The ministry confirmed that its forces had withdrawn from the town, three days after denying that it had fallen.'));
    expect(f!.content.text).toBe('its forces had withdrawn from the town');
    // "…, without providing evidence" is the reporter's word on how it was said.
    const [w] = rulesOnly(docOf('The ministry said rebel gunners were behind the attack, without providing evidence.'));
    expect(w!.content.text).toBe('rebel gunners were behind the attack');
    // So do a span of time and a clause: "…, four days after its president dismissed …".
    const [g] = rulesOnly(docOf('The ministry said the border was closed, four days after its president dismissed reports of such plans.'));
    expect(g!.content.text).toBe('the border was closed');
    const [h] = rulesOnly(docOf('The ministry said the troops had arrived, two days after the attack.'));
    expect(h!.content.text).toBe('the troops had arrived, two days after the attack');
  });

  it('makes the source named after "citing" speak, relayed by whoever reported it, in each place the participle stands', () => {
    const doc = docOf(
      'State media reported, citing the defence ministry, that the air force had hit a weapons depot. ' +
        'The toll rose to 12, the agency said, citing hospital officials. ' +
        'The broadcaster, citing a police source, reported that two suspects were held.',
    );
    expect(rulesOnly(doc).map((c) => [c.speaker?.text, c.via?.text, c.cue?.text, c.content.text])).toEqual([
      ['the defence ministry', 'State media', 'reported', 'the air force had hit a weapons depot'],
      ['hospital officials', 'the agency', 'said', 'The toll rose to 12'],
      ['a police source', 'The broadcaster', 'reported', 'two suspects were held'],
    ]);
  });

  it('ends a reported clause before "and" with a verb that answers reports ("and called the reports fake news")', () => {
    const doc = docOf('The ministry said no civilians were killed in the strike and called reports of deaths "fake news". The army said the troops had entered the town and called for reinforcements.');
    expect(rulesOnly(doc).map((c) => [c.cue?.text, c.stance, c.content.text])).toEqual([
      ['said', 'assert', 'no civilians were killed in the strike'],
      ['called', 'deny', 'reports of deaths "fake news"'],
      ['said', 'assert', 'the troops had entered the town and called for reinforcements'],
    ]);
  });

  it('gives "the defence ministry" no speaking body without a ministry named; a bare "the agency" is the body that spoke', () => {
    const doc = docOf('The Northern Front said government aircraft struck the town. The defence ministry said only a depot was hit. The agency said more.', [
      { id: 'org.front', type: 'ORG', mentions: ['Northern Front'] },
    ]);
    expect(rulesOnly(doc).map((c) => c.speaker?.entity ?? null)).toEqual(['org.front', null, 'org.front']);
  });

  it('reads a count put "at" or revised "to" a number as a claim of its subject, and a deed or a placement as none', () => {
    const doc = docOf(
      'Regional officials put the death toll at 14. Medics placed the number of dead at more than 20. The health ministry revised its tally to 31. ' +
        'The army raised the number of troops to 5,000. She put the parcel at the door.',
    );
    expect(rulesOnly(doc).map((c) => [c.speaker?.text, c.cue?.text, c.stance, c.content.text])).toEqual([
      ['Regional officials', 'put', 'assert', 'the death toll at 14'],
      ['Medics', 'placed', 'assert', 'the number of dead at more than 20'],
      ['The health ministry', 'revised', 'assert', 'its tally to 31'],
    ]);
    expect(findClaims(doc, CueModel.load(en.data.cueModel), en)).toHaveLength(3);
  });

  it('keeps a body\'s statement told before its cue whatever the cue model says, and reads a clause of time after the cue as no content', () => {
    const doc = docOf(
      'The border crossings will close at midnight, the transport ministry announced on Friday. ' +
        'Ferries will resume next week, the port authority announced on Monday, days after the storm had passed.',
    );
    expect(findClaims(doc, CueModel.load(en.data.cueModel), en).map((c) => [c.speaker?.text, c.cue?.text, c.content.text])).toEqual([
      ['the transport ministry', 'announced', 'The border crossings will close at midnight'],
      ['the port authority', 'announced', 'Ferries will resume next week'],
    ]);
  });

  it('reads "neither confirmed nor denied" and "declined to confirm" as claims not made, and a speech after them as their subject\'s', () => {
    const doc = docOf(
      'The navy neither confirmed nor denied the report, saying only that patrols continue. ' +
        'The army declined to confirm that the bridge had been hit. The port refused to say whether ships had left.',
    );
    const model = CueModel.load(en.data.cueModel);
    expect(findClaims(doc, model, en).map((c) => [c.speaker?.text, c.cue?.text, c.negated ?? false, c.content.text])).toEqual([
      ['The navy', 'denied', true, 'the report'],
      ['The navy', 'saying', false, 'patrols continue'],
      ['The army', 'confirm', true, 'the bridge had been hit'],
      ['The port', 'refused', false, 'to say whether ships had left'],
    ]);
  });

  it('reads a cue after the speaker\'s own deed reported in the past perfect as the speaker\'s ("said it had struck … and accused …")', () => {
    const doc = docOf('The ministry said it had struck a command post in the city and accused the rebels of hiding weapons in schools. The mayor said the rebels had shelled the port and had accused him of lying.');
    expect(rulesOnly(doc).map((c) => [c.speaker?.text, c.cue?.text, c.content.text])).toEqual([
      ['The ministry', 'said', 'it had struck a command post in the city'],
      ['The ministry', 'accused', 'the rebels of hiding weapons in schools'],
      ['The mayor', 'said', 'the rebels had shelled the port and had accused him of lying'],
    ]);
    // The speaker's own forces, named with its possessive, are its deed too.
    const own = docOf('The army said its gunners had hit only military targets and accused the rebels of storing shells in the market.');
    expect(rulesOnly(own).map((c) => [c.cue?.text, c.content.text])).toEqual([
      ['said', 'its gunners had hit only military targets'],
      ['accused', 'the rebels of storing shells in the market'],
    ]);
  });

  it('reads "analysts who reviewed the footage said it showed …" as the analysts\' claim, not a speaker "… said it"', () => {
    const doc = docOf('Analysts who reviewed the footage said it showed six destroyed vehicles.');
    expect(rulesOnly(doc).map((c) => [c.speaker?.text, c.cue?.text, c.content.text])).toEqual([['Analysts who reviewed the footage', 'said', 'it showed six destroyed vehicles']]);
  });

  it('reads "released video that it said showed …" as a claim of "it", not of "video that it said"', () => {
    const doc = docOf('The ministry released video that it said showed soldiers raising the flag over the town hall.');
    expect(rulesOnly(doc).map((c) => [c.speaker?.text, c.cue?.text, c.content.text])).toEqual([['it', 'said', 'showed soldiers raising the flag over the town hall']]);
  });

  it('reads "launched its largest drone attack" as a deed of war, not a verbal attack, and the claim after it as the speaker\'s', () => {
    const doc = docOf('Westland launched its largest drone attack of the war on Sucre overnight, the air force said. The senator launched an attack on her rival.');
    expect(findClaims(doc, CueModel.load(en.data.cueModel), en).map((c) => [c.speaker?.text, c.cue?.text, c.content.text])).toEqual([
      ['the air force', 'said', 'Westland launched its largest drone attack of the war on Sucre overnight'],
      ['The senator', 'launched an attack', 'her rival'],
    ]);
    // Only an attack is a deed with a weapon or a force before it: a military statement still speaks.
    expect(rulesOnly(docOf('The army issued an official military statement that the bridge had been closed.')).map((c) => c.cue?.text)).toEqual(['issued an official military statement']);
  });

  it('keeps an office\'s statement told before its cue ("…, the city\'s mayor wrote on Telegram")', () => {
    const doc = docOf('Falling debris damaged two apartment blocks, the city\'s mayor wrote on Telegram.');
    expect(findClaims(doc, CueModel.load(en.data.cueModel), en).map((c) => [c.speaker?.text, c.cue?.text, c.content.text])).toEqual([
      ["the city's mayor", 'wrote', 'Falling debris damaged two apartment blocks'],
    ]);
  });

  it('reads "a group calling itself X" as a name, and X claiming responsibility as the claim', () => {
    const doc = docOf('A militant group calling itself the Silver Lance claimed responsibility for the bombing of a bridge.', [{ id: 'sl', type: 'ORG', mentions: ['the Silver Lance'] }]);
    expect(rulesOnly(doc).map((c) => [c.speaker?.text, c.cue?.text, c.content.text])).toEqual([['the Silver Lance', 'claimed', 'responsibility for the bombing of a bridge']]);
    // A finite "calls himself" says something of himself.
    expect(rulesOnly(docOf('The mayor calls himself a moderate.')).map((c) => c.cue?.text)).toEqual(['calls']);
  });

  it('reads an -ing cue after "and" and an auxiliary as a verb of its clause, not a participle of the sentence', () => {
    const doc = docOf('A report said the rebels were regrouping and were planning to retake the pass.');
    expect(rulesOnly(doc).map((c) => [c.speaker?.text, c.cue?.text, c.content.text])).toEqual([['A report', 'said', 'the rebels were regrouping and were planning to retake the pass']]);
  });

  it('reads "the claim was rejected by X" as X denying the claim, a noun after its article or possessor', () => {
    const doc = docOf('A spokesman said the depot stored rockets. The claim was rejected by the governor. The army\'s claim was dismissed by residents.');
    expect(rulesOnly(doc).map((c) => [c.speaker?.text, c.stance, c.content.text])).toEqual([
      ['A spokesman', 'assert', 'the depot stored rockets'],
      ['the governor', 'deny', 'The claim'],
      ['residents', 'deny', "The army's claim"],
    ]);
  });

  it('reads "called the claims absurd" as a judgement of them, though the tagger takes the judgement for a noun', () => {
    const doc = docOf('The president called the claims absurd. The minister called the accusation false. The mayor called a crisis meeting.');
    expect(rulesOnly(doc).map((c) => [c.speaker?.text, c.stance, c.content.text])).toEqual([
      ['The president', 'deny', 'the claims absurd'],
      ['The minister', 'deny', 'the accusation false'],
    ]);
  });

  it('passes the one addressed after "to" on the way to a that-clause, but not an infinitive\'s "to"', () => {
    const doc = docOf('She said to reporters that the talks had failed. The ministry wrote to the council that the bridge was unsafe. He told them to leave.');
    expect(rulesOnly(doc).map((c) => c.content.text)).toEqual(['the talks had failed', 'the bridge was unsafe', 'to leave']);
  });

  it('takes a source\'s "asked not to be named" for the condition it spoke on, not a demand', () => {
    const doc = docOf('A doctor, who asked not to be named, said the ward was hit. The mayor asked residents not to be alarmed.');
    expect(rulesOnly(doc).map((c) => [c.cue?.text, c.content.text])).toEqual([
      ['said', 'the ward was hit'],
      ['asked', 'residents not to be alarmed'],
    ]);
  });

  it('takes "who spoke on condition of anonymity because he was not authorised to discuss …" for no claim', () => {
    const doc = docOf('A senior diplomat, who spoke on condition of anonymity because he was not authorised to discuss the talks, said negotiators were close.');
    expect(rulesOnly(doc).map((c) => [c.cue?.text, c.content.text])).toEqual([['said', 'negotiators were close']]);
  });

  it('gives "it" as a speaker to a body or a state, never to the town last named', () => {
    const doc = docOf('The defence ministry said a missile hit a market in Tarija. It put the number of dead at four. Freedonia said the strike was lawful. It said the market hid a depot.', [
      { id: 'gpe.tarija', type: 'GPE', subtype: 'city', mentions: ['Tarija'] },
      { id: 'gpe.freedonia', type: 'GPE', subtype: 'country', mentions: ['Freedonia'] },
    ]);
    expect(rulesOnly(doc).map((c) => [c.speaker?.text, c.speaker?.entity ?? null])).toEqual([
      ['The defence ministry', null],
      ['It', null],
      ['Freedonia', 'gpe.freedonia'],
      ['It', 'gpe.freedonia'],
    ]);
  });

  it('ends a passive\'s "by" agent before the time it runs on into', () => {
    const doc = docOf('The report was denied by the ministry on Monday. Smith was asked by reporters on Monday about the plan.', [], [{ text: 'Monday', value: '2025-04-28' }]);
    expect(rulesOnly(doc).map((c) => [c.speaker?.text, c.stance, c.content.text])).toEqual([
      ['the ministry', 'deny', 'The report'],
      ['reporters', 'question', 'the plan'],
    ]);
  });

  it('lets the antecedent of a relative pronoun speak: "the regional governor, who said"', () => {
    const c = rulesOnly(docOf('The strike was condemned by the regional governor, who said the district had no military sites.')).find((x) => x.cue?.text === 'said');
    expect(c).toMatchObject({ speaker: { text: 'the regional governor, who' }, content: { text: 'the district had no military sites' } });
    const [d] = rulesOnly(docOf('Reporters spoke to unnamed diplomats who said the talks had stalled.'));
    expect(d!.speaker!.text).toBe('unnamed diplomats who');
  });

  it('reads no claim where a cue verb ascribes a state ("reported dead", "confirmed killed"), and one where it reports', () => {
    expect(rulesOnly(docOf('Dozens reported dead after shelling of market'))).toEqual([]);
    expect(rulesOnly(docOf('Two soldiers confirmed killed in border clash.'))).toEqual([]);
    const [c] = rulesOnly(docOf('The hospital reported wounded soldiers arriving from the front overnight.'));
    expect(c).toMatchObject({ speaker: { text: 'The hospital' }, cue: { text: 'reported' }, content: { text: 'wounded soldiers arriving from the front overnight' } });
  });

  it('lets an unnamed spokesperson speak for a state or body, not for the town the story named last, unless said to be local', () => {
    const doc = docOf(
      'Westland has shelled the market in Eastburg, witnesses said. An army spokesman said the death toll was inflated. Local officials said the market had been full.',
      [
        { id: 'westland', type: 'GPE', subtype: 'country', mentions: ['Westland'] },
        { id: 'eastburg', type: 'GPE', subtype: 'town', mentions: ['Eastburg'] },
      ],
    );
    const about = (words: string) => rulesOnly(doc).find((c) => c.content.text.includes(words));
    expect(about('death toll')).toMatchObject({ speaker: { text: 'An army spokesman', entity: 'westland' } });
    expect(about('had been full')).toMatchObject({ speaker: { text: 'Local officials', entity: 'eastburg' } });
  });

  it('leaves an unnamed spokesperson unresolved when its own sentence names two parties before it', () => {
    const doc = docOf('Westland and Southmark held secret talks last month, two diplomats said. Southmark closed its border, an official said.', [
      { id: 'westland', type: 'GPE', subtype: 'country', mentions: ['Westland'] },
      { id: 'southmark', type: 'GPE', subtype: 'country', mentions: ['Southmark'] },
    ]);
    expect(rulesOnly(doc).map((c) => [c.speaker?.text, c.speaker?.entity])).toEqual([
      ['two diplomats', null],
      ['an official', 'southmark'],
    ]);
  });

  it('resolves "he" to the person last named as a subject, and "its diplomats" to the country', () => {
    const doc = docOf('Minister Ostrowska summoned the ambassador, Petr Hanak, on Monday. He warned that ties would suffer. Its diplomats later said the talks were over.', [
      { id: 'ost', type: 'PERSON', mentions: ['Ostrowska'] },
      { id: 'han', type: 'PERSON', mentions: ['Petr Hanak'] },
    ]);
    expect(byCue(rulesOnly(doc), 'warned').speaker).toMatchObject({ text: 'He', entity: 'ost' });
  });

  it('resolves "the agency" to the organisation that spoke last when its name lacks the word', () => {
    const doc = docOf('The Coastal Security Service said on Monday that two boats had been seized. The agency said the crews were safe.', [
      { id: 'css', type: 'ORG', mentions: ['Coastal Security Service'] },
    ]);
    expect(rulesOnly(doc)[1]!.speaker).toMatchObject({ text: 'The agency', entity: 'css' });
  });

  it('resolves "he" to the person who spoke last, and a named organisation by its name', () => {
    const doc = docOf('The Electoral Commission met. General Halvorsen reported to the minister on Friday about the offensive, where he acknowledged heavy losses. The commission claimed that the report was accurate.', [
      { id: 'hal', type: 'PERSON', mentions: ['Halvorsen'] },
      { id: 'min', type: 'PERSON', mentions: ['minister'] },
      { id: 'com', type: 'ORG', mentions: ['Electoral Commission'] },
    ]);
    const claims = rulesOnly(doc);
    expect(byCue(claims, 'acknowledged')).toMatchObject({ stance: 'confirm', speaker: { text: 'he', entity: 'hal' } });
    expect(byCue(claims, 'claimed').speaker).toMatchObject({ text: 'The commission', entity: 'com' });
  });

  it('reads "called on" as a demand and a question mark as a question', () => {
    const claims = rulesOnly(docOf('The union called on the government to raise wages. The mayor asked whether the budget would cover repairs.'));
    expect(byCue(claims, 'called on').stance).toBe('demand');
    expect(byCue(claims, 'asked').stance).toBe('question');
  });

  it('marks a negated cue, and only the cue: "has not confirmed" and "never said" take no side', () => {
    const claims = rulesOnly(
      docOf(
        'The port authority has not confirmed the closure. The rebels never said the ceasefire had collapsed. ' +
          'The navy has yet to confirm the sinking. The mayor said the bridge had not been damaged. ' +
          'The minister not only said the talks were over but also blamed the envoy. ' +
          'Neither the mayor nor the harbour master has acknowledged the damage. Neither side kept the truce, the monitors said.',
      ),
    );
    const by = (speaker: string) => {
      const c = claims.find((x) => x.speaker?.text === speaker);
      if (!c) throw new Error(`no claim by "${speaker}"`);
      return c;
    };
    expect(by('The port authority')).toMatchObject({ stance: 'confirm', negated: true, content: { text: 'the closure' } });
    expect(by('The rebels')).toMatchObject({ negated: true, content: { text: 'the ceasefire had collapsed' } });
    expect(by('The navy').negated).toBe(true);
    expect(by('The mayor')).not.toHaveProperty('negated');
    expect(by('The minister')).not.toHaveProperty('negated');
    expect(by('the harbour master')).toMatchObject({ negated: true, content: { text: 'the damage' } });
    expect(by('the monitors')).not.toHaveProperty('negated');
    expect(byCue(claims, 'confirmed').explain?.detail).toMatch(/cue negated/);
  });

  it('reads a judgement of an object and an accusation, a name the lexicon took for a verb speaking', () => {
    const claims = rulesOnly(
      docOf('The ministry called the charges baseless. Seoul accused the envoy of reckless threats.', [
        { id: 'seoul', type: 'GPE', mentions: ['Seoul'] },
        { id: 'min', type: 'ORG', mentions: ['The ministry'] },
      ]),
    );
    expect(byCue(claims, 'called')).toMatchObject({ speaker: { entity: 'min' }, content: { text: 'the charges baseless' } });
    expect(byCue(claims, 'accused')).toMatchObject({ speaker: { text: 'Seoul', entity: 'seoul' }, stance: 'condemn', content: { text: 'the envoy of reckless threats' } });
  });

  it('skips a programme named after the one addressed, and keeps an including-phrase on a judged object', () => {
    const claims = rulesOnly(
      docOf('The envoy told Channel 4’s “Evening Brief” on Friday that the border would reopen. The farmers criticized the new levies, including the fuel duty.', [], [{ text: 'Friday', value: '2025-04-25' }]),
    );
    expect(byCue(claims, 'told').content.text).toBe('the border would reopen');
    expect(byCue(claims, 'criticized').content.text).toBe('the new levies, including the fuel duty');
  });

  it('takes no programme title for a quote, and no "as"-clause after a date for content', () => {
    const claims = rulesOnly(
      docOf(
        'In an interview on the network’s “Meet the Region,” Speaker Jane Roe said the riots had to end. ' +
          '“Europe must be able to defend itself,” the president said Friday as he entered the summit.',
        [],
        [{ text: 'Friday', value: '2025-04-25' }],
      ),
    );
    expect(claims.map((c) => c.content.text)).toEqual(['the riots had to end', '“Europe must be able to defend itself,”']);
  });

  it('reads a transcript quoted paragraph by paragraph, each opening with a quote mark', () => {
    const claims = rulesOnly(docOf('Partial transcript:\n\n"HOST: Will the minister attend the summit?\n\n"RIVERA: The minister will not attend. She has other duties.\n\n"HOST: Thank you.'));
    expect(claims.map((c) => [c.speaker?.text, c.content.text])).toEqual([
      ['HOST', 'Will the minister attend the summit?'],
      ['RIVERA', 'The minister will not attend. She has other duties'],
      ['HOST', 'Thank you'],
    ]);
  });

  it('reads a non-denial and what follows it after an opening participle, "its diplomats at" a body, and "stopped short of"', () => {
    const claims = rulesOnly(
      docOf(
        'Pyongyang has changed its tone. After its diplomats at the United Nations called the reports groundless, the minister stopped short of confirming that troops had left. ' +
          'Asked about the reports on Friday, Putin did not deny them, saying that the treaty was a matter for Moscow.',
        [
          { id: 'kp', type: 'GPE', mentions: ['Pyongyang'] },
          { id: 'un', type: 'ORG', mentions: ['United Nations'] },
          { id: 'putin', type: 'PERSON', mentions: ['Putin'] },
        ],
      ),
    );
    expect(byCue(claims, 'called').speaker).toMatchObject({ text: 'its diplomats at the United Nations', entity: 'kp' });
    expect(byCue(claims, 'confirming')).toMatchObject({ negated: true, content: { text: 'troops had left' } });
    expect(byCue(claims, 'deny')).toMatchObject({ negated: true, speaker: { entity: 'putin' } });
    expect(byCue(claims, 'saying')).toMatchObject({ speaker: { entity: 'putin' }, content: { text: 'the treaty was a matter for Moscow' } });
  });

  it('leaves `said` null when the text gives no date', () => {
    const [c] = rulesOnly(docOf('The governor said the roads were safe.', [], [{ text: '2024', value: '2024' }]));
    expect(c!.said).toBe(null);
  });

  it('dates what a speaker goes on saying by the date given a sentence before, not later, nor from a date in the content', () => {
    const text =
      'The governor said on Monday that the roads were safe. She added that crews would work at night. The mayor said the bridge reopened in 2019. ' +
      'Traffic was light. Buses ran late. Trams were full. The governor said the tunnels were dry.';
    const claims = rulesOnly(docOf(text, [{ id: 'g', type: 'PERSON', mentions: ['The governor', 'She'] }, { id: 'm', type: 'PERSON', mentions: ['The mayor'] }], [
      { text: 'on Monday', value: '2025-04-28' },
      { text: '2019', value: '2019' },
    ]));
    expect(claims.map((c) => [c.content.text, c.said])).toEqual([
      ['the roads were safe', '2025-04-28'],
      ['crews would work at night', '2025-04-28'],
      ['the bridge reopened in 2019', null],
      ['the tunnels were dry', null],
    ]);
  });

  it('dates a quotation by the speaker\'s dated claim however far before it: it goes on with that speech', () => {
    const text =
      'The governor said on Monday that the roads were safe. Traffic was light. Buses ran late. Trams were full. ' +
      '"Crews will work through the night," the governor said. Roads were busy. Shops shut. Schools closed. The governor said the tunnels were dry.';
    const claims = rulesOnly(docOf(text, [{ id: 'g', type: 'PERSON', mentions: ['The governor', 'the governor'] }], [{ text: 'on Monday', value: '2025-04-28' }]));
    expect(claims.map((c) => [c.content.text, c.said])).toEqual([
      ['the roads were safe', '2025-04-28'],
      ['"Crews will work through the night,"', '2025-04-28'],
      ['the tunnels were dry', null],
    ]);
  });
});

describe('speakers set off, relayed and referred back to', () => {
  it('reads "No group has claimed responsibility" as a claim nobody made, but not "No doubt the army will deny it"', () => {
    const claims = rulesOnly(docOf('No group has claimed responsibility. No official has confirmed the toll. No doubt the army will deny it, the minister said.'));
    expect(claims.map((c) => [c.speaker?.text, c.cue?.text, c.negated ?? false])).toEqual([
      ['No group', 'claimed', true],
      ['No official', 'confirmed', true],
      ['the army', 'deny', false],
    ]);
  });

  it('reads "Peru\'s ambassador to the United Nations" whole as the speaker, who speaks for Peru', () => {
    const text = "Peru's ambassador to the United Nations said the vote was rigged. Bolivia's envoy to Lima said the border was open.";
    const claims = rulesOnly(docOf(text, [
      { id: 'pe', type: 'GPE', mentions: ['Peru', 'Lima'] },
      { id: 'bo', type: 'GPE', mentions: ['Bolivia'] },
      { id: 'un', type: 'ORG', mentions: ['United Nations'] },
    ]));
    expect(claims.map((c) => [c.speaker?.text, c.speaker?.entity])).toEqual([
      ["Peru's ambassador to the United Nations", 'pe'],
      ["Bolivia's envoy to Lima", 'bo'],
    ]);
  });

  it('splits "A and B accused each other" into a claim of each, but not a speaker that names no two parties', () => {
    const text = 'Peru and Bolivia accused each other of shelling the town. The Peruvian and Bolivian armies blamed one another for the blast.';
    const claims = rulesOnly(docOf(text, [
      { id: 'pe', type: 'GPE', mentions: ['Peru', 'Peruvian'] },
      { id: 'bo', type: 'GPE', mentions: ['Bolivia', 'Bolivian'] },
    ]));
    expect(claims.map((c) => [c.id, c.speaker?.text, c.speaker?.entity, c.content.text])).toEqual([
      ['c1', 'Peru', 'pe', 'each other of shelling the town'],
      ['c2', 'Bolivia', 'bo', 'each other of shelling the town'],
      ['c3', 'The Peruvian and Bolivian armies', 'bo', 'one another for the blast'],
    ]);
  });

  it('takes the person an appositive names as the speaker of a description, and the body it speaks for as itself', () => {
    const text =
      'A spokesman for the alliance, Colonel Luis Quiroga, said the alliance would not send troops. He added that the talks would go on. ' +
      'Ana Condori, who said in an interview that she had met Luis Quiroga, denied the report.';
    const claims = rulesOnly(docOf(text, [
      { id: 'nato', type: 'ORG', mentions: ['the alliance'] },
      { id: 'lq', type: 'PERSON', mentions: ['Luis Quiroga'] },
      { id: 'ac', type: 'PERSON', mentions: ['Ana Condori'] },
    ]));
    expect(claims.map((c) => [c.speaker?.entity, c.stance, c.content.text])).toEqual([
      ['lq', 'promise', 'the alliance would not send troops'],
      ['lq', 'assert', 'the talks would go on'],
      ['ac', 'assert', 'she had met Luis Quiroga'],
      ['ac', 'deny', 'the report'],
    ]);
  });

  it('resolves a possessive speaker ("in his opinion") to the person, without steering later pronouns', () => {
    const text = 'Halvorsen said the river was rising. In his opinion, the dam is too old. Berit Lenz visited the dam on Monday and she said it would hold.';
    const claims = rulesOnly(docOf(text, [{ id: 'p1', type: 'PERSON', mentions: ['Halvorsen'] }, { id: 'p2', type: 'PERSON', mentions: ['Berit Lenz'] }]));
    expect(claims.map((c) => [c.speaker?.text, c.speaker?.entity])).toEqual([
      ['Halvorsen', 'p1'],
      ['his', 'p1'],
      ['she', 'p2'],
    ]);
  });

  it('takes the person, not the anonymity, as speaker of "an official speaking on condition of anonymity"', () => {
    const claims = rulesOnly(docOf('The fire came a day after a blast at the depot, which a senior port official speaking on condition of anonymity described as sabotage.'));
    expect(claims.map((c) => c.speaker?.text)).toEqual(['a senior port official speaking on condition of anonymity']);
  });

  it('gives a document the body that brought it out, by agent or as subject, but not a place named inside the agent', () => {
    const entities = [
      { id: 'o1', type: 'ORG' as const, mentions: ['River Authority'] },
      { id: 'g1', type: 'GPE' as const, mentions: ['Eastburg'] },
    ];
    const agent = rulesOnly(docOf('According to a report published by the River Authority, the dam lost half its capacity.', entities));
    expect(agent.map((c) => [c.speaker?.text, c.speaker?.entity])).toEqual([['a report', 'o1']]);
    const subject = rulesOnly(docOf('The River Authority released a study on Monday saying the levees were too low.', entities));
    expect(subject.map((c) => [c.speaker?.text, c.speaker?.entity])).toEqual([['a study on Monday', 'o1']]);
    const place = rulesOnly(docOf('According to a report published by a museum in Eastburg, the levees were too low.', entities));
    expect(place.map((c) => [c.speaker?.text, c.speaker?.entity ?? null])).toEqual([['a report', null]]);
  });

  it('finds the speaker before a phrase set off by commas or dashes', () => {
    const claims = rulesOnly(
      docOf('Maria Lenz, the mayor of Tarnow, who took office in May, said the bridge would reopen. The two rivals -- Ostrowski and Kral -- warned that prices would rise.', [
        { id: 'lenz', type: 'PERSON', mentions: ['Maria Lenz'] },
      ]),
    );
    expect(byCue(claims, 'said').speaker).toMatchObject({ entity: 'lenz' });
    expect(byCue(claims, 'said').speaker?.text).toMatch(/^Maria Lenz, the mayor of Tarnow/);
    expect(byCue(claims, 'warned').speaker?.text).toMatch(/^The two rivals/);
  });

  it('keeps a dateline out of the content and the speaker', () => {
    const doc = docOf('GDANSK, May 3 (Baltic Wire) - The port reopened after the storm, the harbour authority said on Friday, the first good news in weeks.');
    const [c] = rulesOnly(doc);
    expect(c).toMatchObject({ content: { text: 'The port reopened after the storm' }, speaker: { text: 'the harbour authority' } });
  });

  it('skips the place a statement was made and names the outlet that carried it as via', () => {
    const doc = docOf('The council said in a statement carried by the regional news agency that the dam was safe. The mayor told local radio the roads were clear. Nowak wrote on Telegram that the vote had been rigged.', [
      { id: 'council', type: 'ORG', mentions: ['council'] },
    ]);
    const claims = rulesOnly(doc);
    expect(byCue(claims, 'said')).toMatchObject({ content: { text: 'the dam was safe' }, via: { text: 'the regional news agency' } });
    expect(byCue(claims, 'told')).toMatchObject({ content: { text: 'the roads were clear' }, via: { text: 'local radio' } });
    expect(byCue(claims, 'wrote')).toMatchObject({ content: { text: 'the vote had been rigged' }, via: { text: 'Telegram' } });
    expectExactSpans(doc, claims);
  });

  it('links a claim that answers an earlier one to it', () => {
    const doc = docOf('The rebels reported that the airport had been captured. The army dismissed that account. Analysts said the front was quiet.', [
      { id: 'rebels', type: 'ORG', mentions: ['rebels'] },
      { id: 'army', type: 'ORG', mentions: ['army'] },
    ]);
    const claims = rulesOnly(doc);
    expect(byCue(claims, 'dismissed').refersTo).toBe(byCue(claims, 'reported').id);
    expect(byCue(claims, 'said').refersTo).toBeUndefined();
  });

  it('links a denial of claims that … to the claim it names', () => {
    const doc = docOf('The governor announced that the floods had receded. The engineers said the levee held. Residents denied claims that the floods were over.', [
      { id: 'gov', type: 'PERSON', mentions: ['governor'] },
    ]);
    const claims = rulesOnly(doc);
    expect(byCue(claims, 'denied').refersTo).toBe(byCue(claims, 'announced').id);
  });

  it('reads what a claim answers as the analysis does: the speaker a noun names, a pronoun, not a proposal', () => {
    const doc = docOf('The rebels reported that the airport had been captured. The mayor said the roads were clear. Kyiv dismissed the rebels\' account. The mayor later denied it. The council rejected the idea.', [
      { id: 'rebels', type: 'ORG', mentions: ['rebels'] },
      { id: 'mayor', type: 'PERSON', mentions: ['mayor'] },
      { id: 'kyiv', type: 'GPE', mentions: ['Kyiv'] },
      { id: 'council', type: 'ORG', mentions: ['council'] },
    ]);
    const claims = rulesOnly(doc);
    // "the rebels' account": the rebels' claim, though the mayor's is nearer.
    expect(byCue(claims, 'dismissed').refersTo).toBe(byCue(claims, 'reported').id);
    // "denied it": the claim just before, by another speaker.
    expect(byCue(claims, 'denied').refersTo).toBe(byCue(claims, 'dismissed').id);
    // "rejected the idea" with no "that …" rejects a proposal: it answers no statement.
    expect(byCue(claims, 'rejected').refersTo).toBeUndefined();
  });
});

describe('cues in other shapes', () => {
  it('reads a gerund after a preposition with the sentence subject as speaker', () => {
    const doc = docOf('The senator erred in saying that the budget had doubled.', [{ id: 'sen', type: 'PERSON', mentions: ['senator'] }]);
    expect(byCue(rulesOnly(doc), 'saying')).toMatchObject({ speaker: { entity: 'sen' }, content: { text: 'the budget had doubled' }, explain: { rule: 'gerund' } });
  });

  it('reads a participle without its "be": the question asked, and "as reported by"', () => {
    const claims = rulesOnly(docOf('Asked about the delays, the minister blamed the weather. As reported by the Daily Courier, the ferry will resume on Monday.'));
    expect(byCue(claims, 'Asked')).toMatchObject({ stance: 'question', content: { text: 'the delays' } });
    expect(byCue(claims, 'reported')).toMatchObject({ speaker: { text: 'the Daily Courier' }, content: { text: 'the ferry will resume on Monday' } });
  });

  it('reads a poll as the source of what it shows', () => {
    const claims = rulesOnly(docOf('In the latest Harbour Tribune poll, the mayor leads by six points. The challenger is well ahead in the polls.'));
    expect(claims[0]).toMatchObject({ speaker: { text: 'the latest Harbour Tribune poll' }, cue: { text: 'In' }, content: { text: 'the mayor leads by six points' } });
    expect(claims[1]).toMatchObject({ speaker: { text: 'the polls' }, content: { text: 'The challenger is well ahead' } });
  });

  it('takes "continued" only with quoted words', () => {
    const claims = rulesOnly(docOf('“We will rebuild the pier,” the mayor continued. The strike continued into its third week.'));
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ cue: { text: 'continued' }, kind: 'direct', speaker: { text: 'the mayor' } });
  });

  it('reads verbs of trying, agreeing, ordering and backing as deeds unless they take a clause or tell someone to act', () => {
    const text =
      'The ministry sought to calm the markets. The union declined to comment. The council agreed to a truce. The general ordered a full mobilisation. ' +
      'The general ordered the garrison to withdraw. The council agreed that the truce had held. The ministry wants the port to reopen.';
    const claims = rulesOnly(docOf(text));
    expect(claims.map((c) => c.content.text)).toEqual(['the garrison to withdraw', 'the truce had held', 'the port to reopen']);
    expect(claims.map((c) => c.stance)).toEqual(['demand', 'confirm', 'demand']);
  });

  it('reads "commented" after a quote as its cue, and "comment on" a topic as no claim', () => {
    const text = '“The harbour is safe again,” she commented on Monday. The minister would not comment on the talks.';
    const claims = rulesOnly(docOf(text, [], [{ text: 'Monday', value: '2025-04-28' }]));
    expect(claims.map((c) => [c.cue?.text, c.content.text])).toEqual([['commented', '“The harbour is safe again,”']]);
  });

  it('reads no speaker into a passive without its "be" ("an attack believed to be …")', () => {
    const claims = rulesOnly(docOf('Explosions hit the airbase in an attack believed to be the work of saboteurs. The flights, thought to be carrying gold, left at night.'));
    expect(claims).toEqual([]);
  });

  it('reads "is seen as" without an agent as the writer\'s hedge, and with one as a claim', () => {
    const claims = rulesOnly(docOf('The port is seen as the key to the region. The port is seen by analysts as a likely target.'));
    expect(claims.map((c) => c.speaker?.text)).toEqual(['analysts']);
  });

  it('reads "see" with an object as something undergone, with "as" or a question as a view', () => {
    const claims = rulesOnly(docOf('The drought has seen huge price rises since the spring. The mayor sees the deal as a trap. You can see why the farmers are angry.'));
    expect(claims.map((c) => c.content.text)).toEqual(['the deal as a trap', 'why the farmers are angry']);
  });

  it('reads addressing a gathering as a deed, addressing a topic as a claim', () => {
    const claims = rulesOnly(docOf('The minister addressed the opening session of the regional forum on Monday. The minister addressed the shortage of doctors in rural clinics.'));
    expect(claims.map((c) => c.content.text)).toEqual(['the shortage of doctors in rural clinics']);
  });

  it('reads "agreed a deal brokered by …" as a deed: a participle with its agent is no clause', () => {
    const claims = rulesOnly(docOf('The two ports agreed a deal brokered by the regional council to share the dredging costs.'));
    expect(claims).toEqual([]);
  });

  it('reads a directing verb as a deed when the infinitive does not follow its object ("ordered a mobilisation in an attempt to …")', () => {
    const claims = rulesOnly(docOf('The general ordered a full mobilisation of reservists in an attempt to turn the tide. The general ordered the garrison to withdraw.'));
    expect(claims.map((c) => c.content.text)).toEqual(['the garrison to withdraw']);
  });

  it('lets the backers of "earned the support of" speak for whom they back', () => {
    const [c] = rulesOnly(docOf('The mayor earned the support of most shop owners on the waterfront.'));
    expect(c).toMatchObject({ stance: 'praise', speaker: { text: 'most shop owners on the waterfront' }, content: { text: 'The mayor' } });
  });

  it('reads no new claim in a cue whose object points back ("said this in a comment", "confirmed as much")', () => {
    const text = 'The port will reopen on Monday, the mayor said. She said this in a comment to local radio. The harbour master confirmed as much at a briefing. He said that the cranes were ready.';
    const claims = rulesOnly(docOf(text));
    expect(claims.map((c) => c.content.text)).toEqual(['The port will reopen on Monday', 'the cranes were ready']);
  });

  it('reads no claim in a subheading framed by dashes', () => {
    const claims = rulesOnly(docOf('The talks ended late.\n\n– Mayor accuses council –\n\nThe mayor accused the council of delaying the repairs.'));
    expect(claims.map((c) => c.content.text)).toEqual(['the council of delaying the repairs']);
  });

  it('reads an -s word between a noun and a name as the verb ("The council calls Dorf its main rival")', () => {
    const claims = rulesOnly(docOf('The council calls Dorf its main rival.'));
    expect(claims.map((c) => [c.speaker?.text, c.cue?.text, c.content.text])).toEqual([['The council', 'calls', 'Dorf its main rival']]);
  });

  it('does not read "press" in a title or "called" a meeting as a cue', () => {
    const claims = rulesOnly(docOf('Deputy press secretary Anna Wolf told reporters the talks had stalled. The president called an emergency meeting on Friday.'));
    expect(claims.map((c) => c.cue?.text)).toEqual(['told']);
    expect(claims[0]!.content.text).toBe('the talks had stalled');
  });
});

describe('stances read from the content of a neutral cue', () => {
  const stances = (text: string, entities: EntitySpec[] = []) => rulesOnly(docOf(text, entities)).map((c) => [c.stance, c.content.text]);

  it('reads a denial, a promise of the speaker, a demand and a question', () => {
    expect(stances('The harbour master said the report was completely false.')).toEqual([['deny', 'the report was completely false']]);
    expect(stances('The mayor said there is no evidence of sabotage.')).toEqual([['deny', 'there is no evidence of sabotage']]);
    expect(stances('The ministry said it will send two more ferries next week.')).toEqual([['promise', 'it will send two more ferries next week']]);
    expect(stances('“We are ready to reopen the crossing,” the governor said.')).toEqual([['promise', '“We are ready to reopen the crossing,”']]);
    expect(stances('The envoy said both sides must return to the talks.')).toEqual([['demand', 'both sides must return to the talks']]);
    expect(stances('“Who will pay for the damage?” the farmer said.')).toEqual([['question', '“Who will pay for the damage?”']]);
  });

  it('reads a warning of harm ahead, a condemnation in words of judgement, and praise', () => {
    expect(stances('The analyst said the fighting could spread into a wider war.')).toEqual([['warn', 'the fighting could spread into a wider war']]);
    expect(stances('The minister said the shelling of the market was barbaric.')).toEqual([['condemn', 'the shelling of the market was barbaric']]);
    expect(stances('The foreign office said the rebels bear full responsibility for the blockade.')).toEqual([['condemn', 'the rebels bear full responsibility for the blockade']]);
    expect(stances('The mayor said the rescue crews were brave.')).toEqual([['praise', 'the rescue crews were brave']]);
  });

  it('keeps a report of harm an assertion, and a harm the speaker will do a warning', () => {
    expect(stances('The governor said three people were killed in the flood.')).toEqual([['assert', 'three people were killed in the flood']]);
    expect(stances('“We will destroy any boat that crosses the line,” the commander said.')).toEqual([['warn', '“We will destroy any boat that crosses the line,”']]);
  });

  it('reads a judgement of falsity as a denial, and a refusal to recognise as one', () => {
    expect(stances('The ministry called the reports baseless.')).toEqual([['deny', 'the reports baseless']]);
    expect(stances('The envoy described the plan as unworkable.')).toEqual([['deny', 'the plan as unworkable']]);
    const [c] = rulesOnly(docOf('The council does not recognize the results of the vote.'));
    expect(c).toMatchObject({ stance: 'deny', content: { text: 'the results of the vote' } });
    expect(c!.negated).toBeUndefined();
  });

  it('says in explain what decided the stance', () => {
    const [c] = rulesOnly(docOf('The harbour master said the report was a lie.'));
    expect(c!.explain?.detail).toContain('deny from “was a lie”');
  });
});

describe('the shipped cue model', () => {
  it('loads and keeps the clear claims', () => {
    const model = CueModel.load(en.data.cueModel);
    expect(model).not.toBe(null);
    const doc = docOf('“We are ready,” the commander said. The ministry denied that troops had crossed the border.');
    const claims = findClaims(doc, model, en);
    expect(claims.map((c) => c.cue?.text)).toEqual(['said', 'denied']);
    expect(claims[0]!.explain?.detail).toMatch(/^say \(speech\); cue model -?\d/);
    expectExactSpans(doc, claims);
  });

  it('keeps denials whatever the model says, with their object: a clause without "that", a gerund, a reference', () => {
    const text = 'The palace denies it is preparing a new offensive. The ministry has repeatedly denied shelling the port. The embassy denied those claims.';
    const claims = findClaims(docOf(text, [{ id: 'o1', type: 'ORG', mentions: ['The palace'] }]), CueModel.load(en.data.cueModel), en);
    expect(claims.map((c) => [c.stance, c.content.text])).toEqual([
      ['deny', 'it is preparing a new offensive'],
      ['deny', 'shelling the port'],
      ['deny', 'those claims'],
    ]);
  });

  it('reads no claim in a deed or a mood among its learned words: voting, sparking, enjoying, following', () => {
    const model = CueModel.load(en.data.cueModel)!;
    const text = 'Most delegations voted on the draft resolution. The blockade sparked panic in the harbour town. The mayor enjoys strong support in the north. The closure follows similar moves by two neighbours.';
    for (const w of ['voted', 'sparked', 'enjoys', 'follows']) expect(model.vocabulary.has(w)).toBe(true);
    expect(findClaims(docOf(text), model, en)).toEqual([]);
  });

  it('keeps an opening phrase with a noun read as a verb ("in the face of") in the content', () => {
    const claims = rulesOnly(docOf('The governor said that in the face of a flood, he would show no hesitation in opening the gates.'));
    expect(claims.map((c) => c.content.text)).toEqual(['in the face of a flood, he would show no hesitation in opening the gates']);
  });

  it('ends a content before an appositive to a name that closes its clause', () => {
    const [c] = rulesOnly(docOf('The commander said his troops were entering Dolina, a large town in the south that the army has used as a base.'));
    expect(c!.content.text).toBe('his troops were entering Dolina');
  });

  it('ends an infinitive content before "and" and a past tense of the speaker ("vowed to deepen … and expressed …")', () => {
    const [c] = rulesOnly(docOf('The two leaders vowed to deepen trade ties and expressed shared views on the war.'));
    expect(c!.content.text).toBe('to deepen trade ties');
  });

  it('ends a content before "while" and a second participle of the speaker', () => {
    const [c] = rulesOnly(docOf('The operator closed the line, citing urgent repairs to the pumps while warning that supplies could stay short.'));
    expect(c).toMatchObject({ cue: { text: 'citing' }, content: { text: 'urgent repairs to the pumps' } });
  });

  it('ends a content before a relative clause set off by a dash', () => {
    const [c] = rulesOnly(docOf('The council said the results of the vote were final – which set off weeks of protests in the capital.'));
    expect(c!.content.text).toBe('the results of the vote were final');
  });

  it('gives "X is convinced (that) …" to X, the holder of the belief', () => {
    const doc = docOf('The engineer is convinced the dam will fail in the spring. The mayor is convinced that the river will rise.');
    const claims = findClaims(doc, CueModel.load(en.data.cueModel), en);
    expect(claims.map((c) => [c.speaker?.text, c.content.text])).toEqual([
      ['The engineer', 'the dam will fail in the spring'],
      ['The mayor', 'the river will rise'],
    ]);
  });

  it('finds nothing in an empty text', () => {
    expect(findClaims(docOf(''), CueModel.load(en.data.cueModel), en)).toEqual([]);
  });
});

describe('bad input', () => {
  it('names the file and line of a broken cue lexicon entry', () => {
    expect(() => parseCues('say\tverb\tspeech\tassert\nshout\tverb\tyelling\tassert\n', 'my-cues.tsv', en)).toThrow(/my-cues\.tsv:2: unknown frame "yelling"/);
    expect(() => parseCues('say\tverb\tspeech\tshout\n', 'my-cues.tsv', en)).toThrow(/my-cues\.tsv:1: unknown stance "shout"/);
    expect(() => parseCues('say speech\n', 'my-cues.tsv', en)).toThrow(/my-cues\.tsv:1: expected/);
    expect(() => parseCues('say speech\n', 'my-cues.tsv', en)).toThrowError(InputError);
  });

  it('names a cue model file that is not one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimtrail-claims-'));
    const broken = join(dir, 'model.json');
    writeFileSync(broken, '{"weights": {}}');
    expect(() => CueModel.load(broken)).toThrow(new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not a cue model`));
    writeFileSync(broken, 'not json');
    expect(() => CueModel.load(broken)).toThrow(/not a cue model/);
    expect(() => CueModel.load(broken)).toThrowError(UnavailableError);
    expect(CueModel.load(join(dir, 'absent.json'))).toBe(null);
  });
});

describe('speakers described by their office', () => {
  it('reads "the mayor of <place>, <appositive>," as the person the article gives that office', async () => {
    const { createPipeline } = await import('../../../src/annotate/index.js');
    const pipeline = await createPipeline();
    const text =
      'Eastburg mayor Ivan Petrenko said on Monday that the bridge was closed. Officials in the region said the water supply had been restored. ' +
      'The mayor of Eastburg, a town close to the border which is under siege, said two explosions had cut the power.';
    const a = pipeline.analyze({ id: 'office', title: null, published: '2024-03-01', source: null, url: null, language: 'en', text, ref: null });
    const names = new Map(a.entities.map((e) => [e.id, e.name]));
    const last = a.claims.find((c) => c.content.text.startsWith('two explosions'));
    expect(names.get(last?.speaker?.entity ?? '')).toBe('Ivan Petrenko');
  });
});
