import { describe, expect, it } from 'vitest';
import { extractEvents } from '../../src/annotate/events/index.js';
import { en } from '../../src/lang/index.js';
import { wordVectors } from '../../src/lang/vectors.js';
import { blameOf, isParty } from '../../src/lang/en/blame.js';
import { standingOf } from '../../src/lang/en/standings.js';
import { contradictionOf } from '../../src/analysis/contradictions.js';
import { countIn } from '../../src/analysis/measures.js';
import { claimFeatures, positionOf, type ClaimFeatures, type EventSig } from '../../src/analysis/features.js';
import type { Member } from '../../src/analysis/members.js';
import { fmix, HASHES, minhash, similarity } from '../../src/analysis/minhash.js';
import { readReference, type Token } from '../../src/lang/en/references.js';
import { accidentCause } from '../../src/analysis/content-words.js';
import { orderSteps, storyOf } from '../../src/analysis/stories.js';
import type { Stance } from '../../src/doc/types.js';
import { handmade, KOREA_ENTITIES, type HandmadeSpec } from '../fixtures/handmade.js';
import { RECORDS } from '../fixtures/corpus.js';

function featuresOf(text: string, spec: HandmadeSpec) {
  const doc = handmade(text, { entities: KOREA_ENTITIES, ...spec });
  doc.set('events', extractEvents(doc, en));
  return claimFeatures(doc.toAnalysis());
}

const BASE: ClaimFeatures = {
  entities: [],
  events: [],
  words: [],
  numbers: [],
  dates: [],
  predicate: 0,
  negated: false,
  negation: false,
  countries: {},
  wide: [],
  order: null,
  refers: 0,
  topic: false,
  answers: null,
  refusal: false,
  statement: true,
  pronounSubject: false,
  retort: false,
  voice: 'v',
  camp: 'v',
  blame: null,
  standing: null,
  rare: [],
  subject: null,
  disbelief: false,
};

let seq = 0;
/** A member of a proposition; every one its own article and voice unless told. */
function member(over: Omit<Partial<Member>, 'features'> & { features: Partial<ClaimFeatures>; stance: Stance }): Member {
  seq++;
  const features = { ...BASE, voice: `voice ${seq}`, camp: `voice ${seq}`, ...over.features };
  return {
    article: `a${seq}`,
    articleSeq: seq,
    claim: 'c1',
    speaker: `speaker ${seq}`,
    speakerKey: `s${seq}`,
    content: 'content',
    contentStart: 0,
    contentEnd: 7,
    said: null,
    published: '2025-01-20',
    source: null,
    dupGroup: `a${seq}`,
    position: positionOf(over.stance, features),
    ...over,
    features,
  };
}

const nameOf = (id: string) => ({ Q423: 'North Korea', Q212: 'Ukraine', kursk: 'Kursk Oblast', plant: 'Zaporizhzhia' })[id] ?? id;
/** Lower-cased word tokens of a text, the given words marked as an entity's mention. */
const tokens = (text: string, names: Record<string, string> = {}): Token[] =>
  (text.toLowerCase().match(/n't|'s|[\p{L}\p{N}-]+|[^\s\p{L}\p{N}]/gu) ?? []).map((w) => ({ lower: w, entity: names[w] ?? null }));

describe('claim features', () => {
  it('reads which way a content points: "ended" against "continue", negation in its opening words', () => {
    const f = featuresOf('Moscow said the fighting in Kursk had ended. Kyiv said the fighting in Kursk continues and has not ended.', {
      claims: [
        { speaker: 'Moscow', content: 'the fighting in Kursk had ended', stance: 'assert' },
        { speaker: 'Kyiv', content: 'the fighting in Kursk continues and has not ended', stance: 'assert' },
      ],
    });
    expect(f.get('c1')).toMatchObject({ predicate: 1, negated: false });
    // Both "ended" and "continues": no predicate; the "not" turns it round.
    expect(f.get('c2')).toMatchObject({ predicate: 0, negated: true });
    expect(positionOf('assert', f.get('c1')!)).toBe(1);
    expect(positionOf('deny', f.get('c1')!)).toBe(-1);
    expect(f.get('c1')!.words).toEqual(f.get('c2')!.words);
  });

  it('takes a denial of a deed or of what was said for a side, a rejected thing for none', () => {
    const f = featuresOf('Pyongyang denied sending troops. Seoul rejected claims it leaked the plans. Pyongyang rejected the proposal.', {
      claims: [
        { speaker: 'Pyongyang', content: 'sending troops', stance: 'deny' },
        { speaker: 'Seoul', content: 'claims it leaked the plans', stance: 'deny' },
        { speaker: 'Pyongyang', content: 'the proposal', stance: 'deny' },
      ],
    });
    expect(f.get('c1')!.refusal).toBe(false);
    expect(f.get('c2')!.refusal).toBe(false);
    expect(f.get('c3')!.refusal).toBe(true);
  });

  it('reads a plan disowned under a denial or right after a negation, not a plan said to be made', () => {
    const f = featuresOf('Seoul said it had no plans to close the port. Pyongyang denied preparing a strike. Seoul claimed without evidence that Pyongyang was preparing a strike.', {
      claims: [
        { speaker: 'Seoul', cue: 'said', content: 'it had no plans to close the port', stance: 'assert' },
        { speaker: 'Pyongyang', cue: 'denied', lemma: 'deny', content: 'preparing a strike', stance: 'deny' },
        { speaker: 'Seoul', cue: 'claimed', content: 'without evidence that Pyongyang was preparing a strike', stance: 'assert' },
      ],
    });
    expect(['c1', 'c2', 'c3'].map((id) => f.get(id)!.disownedPlan)).toEqual([['clos', 'port'], ['attack'], undefined]);
    // A place the act names is part of it, and the act ends with its clause.
    const at = featuresOf('Seoul said it had no plans to attack Kursk, as troops massed.', {
      claims: [{ speaker: 'Seoul', cue: 'said', content: 'it had no plans to attack Kursk, as troops massed', stance: 'assert' }],
    });
    expect(at.get('c1')!.disownedPlan).toEqual(['@kursk', 'attack']);
  });

  it('keeps each thing a denial names, as stems: "denied smuggling timber or blocking harbours"', () => {
    const f = featuresOf('Osterlich denied smuggling timber or blocking harbours. Vale said the harbours are open.', {
      entities: [{ id: 'ost', name: 'Osterlich', type: 'GPE', aliases: ['Osterlich'] }, { id: 'vale', name: 'Vale', type: 'GPE', aliases: ['Vale'] }],
      claims: [
        { speaker: 'Osterlich', cue: 'denied', lemma: 'deny', content: 'smuggling timber or blocking harbours', stance: 'deny' },
        { speaker: 'Vale', content: 'the harbours are open', stance: 'assert' },
      ],
    });
    expect(f.get('c1')!.denies).toEqual([['smuggl', 'timber'], ['block', 'harbour']]);
    expect(f.get('c2')!.denies).toBeUndefined();
  });

  it('reads a denied falsity as a statement held true: "not a bluff", "no lie"', () => {
    const f = featuresOf('Kim said the threat was not a bluff. Lee said the threat was not serious.', {
      claims: [
        { speaker: 'Kim', content: 'the threat was not a bluff', stance: 'assert' },
        { speaker: 'Lee', content: 'the threat was not serious', stance: 'assert' },
      ],
    });
    expect(f.get('c1')).toMatchObject({ negated: false });
    expect(f.get('c2')).toMatchObject({ negated: true });
    const g = featuresOf('Kim said there was no reason to doubt the report. Lee said a strike should not be ruled out. Park said he had not simply asked for help.', {
      claims: [
        { speaker: 'Kim', content: 'there was no reason to doubt the report', stance: 'assert' },
        { speaker: 'Lee', content: 'a strike should not be ruled out', stance: 'assert' },
        { speaker: 'Park', content: 'he had not simply asked for help', stance: 'assert' },
      ],
    });
    for (const id of ['c1', 'c2', 'c3']) expect(g.get(id)).toMatchObject({ negated: false });
  });

  it('reads a denied belief opening a content as holding the rest false, about the party it names', () => {
    const f = featuresOf('Kim said he did not think North Korea was impartial.', {
      claims: [{ speaker: 'Kim', content: 'he did not think North Korea was impartial', stance: 'assert' }],
    });
    expect(f.get('c1')).toMatchObject({ negated: true, disbelief: true, rare: ['impartial'] });
    expect(positionOf('condemn', f.get('c1')!)).toBe(-1);
  });

  it('does not let a "not" in a relative clause or before an infinitive turn a statement round', () => {
    const f = featuresOf('Kim said soldiers who did not train were sent. Kim said the decision not to retreat was right.', {
      claims: [
        { speaker: 'Kim', content: 'soldiers who did not train were sent', stance: 'assert' },
        { speaker: 'Kim', content: 'the decision not to retreat was right', stance: 'assert', id: 'c2' },
      ],
    });
    expect(f.get('c1')!.negated).toBe(false);
    expect(f.get('c2')!.negated).toBe(false);
  });

  it('places a war event on a town at the town ("shelled Tarija" happened there)', () => {
    const city = { id: 'gpe.tarija', name: 'Tarija', type: 'GPE' as const, subtype: 'city', country: 'BO', aliases: ['Tarija'] };
    const f = featuresOf('Kim said Russian guns shelled Tarija overnight.', {
      entities: [...KOREA_ENTITIES!, city],
      claims: [{ speaker: 'Kim', content: 'Russian guns shelled Tarija overnight', stance: 'assert' }],
    });
    expect(f.get('c1')!.events).toMatchObject([{ type: 'attack', target: 'gpe.tarija', place: 'gpe.tarija' }]);
  });

  it('reads the main clause after a relative clause: its "not" turns the statement round, one in a clause of the relative does not', () => {
    const f = featuresOf('Kim said the jet which went down near the border was not shot down. Kim said officers who said the guns were not there had lied.', {
      claims: [
        { speaker: 'Kim', content: 'the jet which went down near the border was not shot down', stance: 'assert' },
        { speaker: 'Kim', content: 'officers who said the guns were not there had lied', stance: 'assert', id: 'c2' },
      ],
    });
    expect(f.get('c1')!.negated).toBe(true);
    expect(f.get('c2')!.negated).toBe(false);
  });

  it('lets a bare dismissal answer the nearest earlier claim of another speaker, and reads "initially"', () => {
    const text = 'Seoul said North Korea had sent troops to Russia, a report Pyongyang initially called baseless lies.';
    const f = featuresOf(text, {
      claims: [
        { speaker: 'Seoul', content: 'North Korea had sent troops to Russia', stance: 'assert' },
        { speaker: 'Pyongyang', content: 'baseless lies', stance: 'deny' },
      ],
    });
    expect(f.get('c2')).toMatchObject({ answers: 'c1', order: 'early', refers: -1 });
    expect(f.get('c1')!.answers).toBeNull();
  });

  it('links a named reference to its sayer’s claim and a denial told first to the claim it echoes', () => {
    const text =
      'Kyiv denied that Ukrainian drones had attacked the plant. Moscow insists Ukrainian drones attacked the plant. Seoul said the war goes on. Pyongyang rejected Moscow’s claim.';
    const f = featuresOf(text, {
      claims: [
        { speaker: 'Kyiv', cue: 'denied', lemma: 'deny', content: 'Ukrainian drones had attacked the plant', stance: 'deny' },
        { speaker: 'Moscow', content: 'Ukrainian drones attacked the plant', stance: 'assert' },
        { speaker: 'Seoul', content: 'the war goes on', stance: 'assert' },
        { speaker: 'Pyongyang', content: 'Moscow’s claim', stance: 'deny' },
      ],
    });
    // The lead gives the denial before the claim it denies.
    expect(f.get('c1')!.answers).toBe('c2');
    // "Moscow's claim" is Moscow's, not the nearest (Seoul's).
    expect(f.get('c4')).toMatchObject({ answers: 'c2', refers: -1 });
  });

  it('answers a pronoun only right after the claim: not across a sentence of the article’s own', () => {
    const text = 'Trump said he would wait to meet Netanyahu. The embassies are in Tel Aviv, although Egypt disputes this. Cruz said the plan was weak. Rubio rejected that.';
    const f = featuresOf(text, {
      entities: [
        { id: 'trump', name: 'Donald Trump', type: 'PERSON', aliases: ['Trump'] },
        { id: 'egypt', name: 'Egypt', type: 'GPE', aliases: ['Egypt'] },
        { id: 'cruz', name: 'Ted Cruz', type: 'PERSON', aliases: ['Cruz'] },
        { id: 'rubio', name: 'Marco Rubio', type: 'PERSON', aliases: ['Rubio'] },
      ],
      claims: [
        { speaker: 'Trump', content: 'he would wait to meet Netanyahu', stance: 'assert' },
        { speaker: 'Egypt', content: 'this', stance: 'deny' },
        { speaker: 'Cruz', content: 'the plan was weak', stance: 'assert' },
        { speaker: 'Rubio', content: 'that', stance: 'deny', id: 'c4' },
      ],
    });
    expect(f.get('c2')!.answers).toBeNull();
    expect(f.get('c4')!.answers).toBe('c3');
    expect(f.get('c1')!.pronounSubject).toBe(true);
  });

  it('treats a refusal as no side, and a voice speaking through its capital or its ministry as one', () => {
    const f = featuresOf('Moscow declined to comment. Russia said the reports were false. Kyiv said Ukraine had not withdrawn.', {
      entities: [
        ...KOREA_ENTITIES!,
        { id: 'moscow', name: 'Moscow', type: 'GPE', subtype: 'capital', country: 'RU', aliases: ['Moscow'] },
        { id: 'kyiv', name: 'Kyiv', type: 'GPE', subtype: 'capital', country: 'UA', aliases: ['Kyiv'] },
      ],
      claims: [
        { speaker: 'Moscow', cue: 'declined', content: 'to comment', stance: 'deny' },
        { speaker: 'Russia', content: 'the reports were false', stance: 'assert' },
        { speaker: 'Kyiv', content: 'Ukraine had not withdrawn', stance: 'assert' },
      ],
    });
    expect(f.get('c1')!.refusal).toBe(true);
    expect(positionOf('deny', f.get('c1')!)).toBe(0);
    expect(f.get('c1')!.voice).toBe(f.get('c2')!.voice);
    expect(f.get('c2')).toMatchObject({ refers: -1, answers: null });
  });

  it('treats a negated cue as no side: "has not confirmed" neither confirms nor denies', () => {
    const f = featuresOf('Pyongyang has not confirmed that troops were sent to Russia. Months later Pyongyang confirmed that it had sent troops to Russia.', {
      claims: [
        { speaker: 'Pyongyang', cue: 'confirmed', content: 'troops were sent to Russia', stance: 'confirm', negated: true },
        { speaker: 'Pyongyang', cue: 'confirmed', content: 'it had sent troops to Russia', stance: 'confirm' },
      ],
    });
    expect(positionOf('confirm', f.get('c1')!)).toBe(0);
    expect(positionOf('confirm', f.get('c2')!)).toBe(1);
  });
});

describe('references to something said', () => {
  it('reads what a content refers to, who said it, and which way it takes it', () => {
    expect(readReference(tokens('the allegations through her attorney'), 'deny')).toMatchObject({ direction: -1, sayer: null, said: -1, noun: 'allegations' });
    expect(readReference(tokens('the notion that he was never an insider'), 'deny')).toMatchObject({ direction: -1, said: 3, clause: true });
    expect(readReference(tokens("trump 's claim about the vote", { trump: 'trump' }), 'deny')).toMatchObject({ sayer: 'trump', clause: false });
    expect(readReference(tokens('criticism from republican candidate trump that the unit was needed', { trump: 'trump' }), 'deny')).toMatchObject({ sayer: 'trump', clause: true });
    expect(readReference(tokens("that 's untrue"), 'assert')).toMatchObject({ direction: -1 });
    expect(readReference(tokens('the ap report was misleading because it left out meetings', { ap: 'ap' }), 'assert')).toMatchObject({ direction: -1, sayer: 'ap', noun: 'report' });
    expect(readReference(tokens('the reports'), 'confirm')).toMatchObject({ direction: 1 });
    expect(readReference(tokens('that report monday a " shameless lie . "'), 'assert')).toMatchObject({ direction: -1, noun: 'report' });
    // A claim called premature is not so yet.
    expect(readReference(tokens('the claim was premature'), 'assert')).toMatchObject({ direction: -1, noun: 'claim' });
    // "Them" is as often people: a reference only when judged false.
    expect(readReference(tokens('them as members of the old guard'), 'deny')).toBeNull();
    expect(readReference(tokens('them groundless rumours'), 'assert')).toMatchObject({ direction: -1 });
    // Rejecting "the idea" alone rejects a proposal; "the idea that …" a statement.
    expect(readReference(tokens('the idea as ludicrous'), 'deny')).toBeNull();
    expect(readReference(tokens('the idea that the reform was a purge'), 'deny')).toMatchObject({ clause: true });
    // Statements, not references to one.
    expect(readReference(tokens('it was wrong to equate the two plans'), 'assert')).toBeNull();
    expect(readReference(tokens('the report found that the server was hacked'), 'deny')).toBeNull();
    expect(readReference(tokens('the reports'), 'assert')).toBeNull();
    // "denied it was calling up reservists": "it" acts; "denied it was true" judges something said.
    expect(readReference(tokens('it was calling up reservists'), 'deny')).toBeNull();
    expect(readReference(tokens('it was true'), 'deny')).toMatchObject({ direction: -1, near: true });
    expect(readReference(tokens('this was the case'), 'confirm')).toMatchObject({ direction: 1 });
    // A falsity denied judges nothing false: "this is not a bluff" holds it true.
    expect(readReference(tokens('this is a bluff'), 'assert')).toMatchObject({ direction: -1 });
    expect(readReference(tokens('this is not a bluff'), 'assert')).toBeNull();
    // "There is no truth to the claim that …" denies the claim it names, whatever the cue ("said", "told").
    expect(readReference(tokens('there is no truth to the claim that our units fired on the dam'), 'assert')).toMatchObject({ direction: -1, noun: 'claim', said: 8, clause: true });
    expect(readReference(tokens('there was no basis for reports that the bridge fell'), 'assert')).toMatchObject({ direction: -1, noun: 'reports', said: 7 });
    expect(readReference(tokens('there is no truth in it'), 'assert')).toMatchObject({ direction: -1, near: true });
    // An unnamed sayer after "by" or "from" does not hide what it said.
    expect(readReference(tokens('accusations by rights groups that a strike had killed 14 civilians'), 'deny')).toMatchObject({ direction: -1, sayer: null, said: 5, clause: true });
  });
});

describe('a blast or a crash put down to an accident', () => {
  it('is read where an accident is the cause a blast or a crash is given, not an attack or no cause at all', () => {
    const cause = (text: string) => {
      const t = tokens(text);
      return accidentCause(t, 0, t.length);
    };
    expect(cause('a fire at the depot was caused by a short circuit')).toBe('attack');
    expect(cause('the explosions were due to a violation of fire safety rules')).toBe('attack');
    expect(cause('a fire at the depot was caused by a drone strike')).toBeNull();
    expect(cause('a fire broke out at the market after careless smoking')).toBeNull();
    // A crash put down to a fault was no shooting-down.
    expect(cause('the crash of the jet was caused by a technical fault and not by enemy fire')).toBe('intercept');
    expect(cause('the jet crashed after it was hit by a missile')).toBeNull();
  });
});

describe('who made an attack', () => {
  const strike = (actor: string) => ({ type: 'attack', actor, target: null, place: 'town', time: null, quantity: null, planned: false, denied: false });
  const accusing = (camp: string, actor: string, voice: string) =>
    member({ stance: 'condemn', features: { voice: camp, camp, events: [strike(actor)], accuses: { voice, actor, place: 'town' } } });
  const names: Record<string, string> = { e: 'Southmark', w: 'Westland', town: 'Kravtsy' };

  it('sets two sides each accusing the other of one attack against each other, a denial beside the other side', () => {
    const byWest = accusing('state:W', 'e', 'state:E');
    const byEast = accusing('state:E', 'w', 'state:W');
    const notUs = member({ stance: 'deny', features: { voice: 'state:E', camp: 'state:E', events: [strike('e')] } });
    const x = contradictionOf(30, [byWest, byEast, notUs], (id) => names[id] ?? id);
    expect(x).toMatchObject({ kind: 'blame', about: 'who attacked Kravtsy: Southmark or Westland' });
    expect(x!.sides.map((s) => [s.value, s.claims.map((c) => c.article)])).toEqual([
      ['Southmark', [byWest.article]],
      ['Westland', [byEast.article, notUs.article]],
    ]);
  });

  it('takes two accusations of different actors by voices of neither side for no dispute', () => {
    const one = accusing('party:A', 'e', 'state:E');
    const two = accusing('person:B', 'w', 'state:W');
    expect(contradictionOf(31, [one, two], (id) => names[id] ?? id)).toBeNull();
  });
});

describe('who is to blame', () => {
  const party = () => true;
  it('reads who a content holds responsible for the war, however worded, and who it holds not responsible', () => {
    const ents = { ruritania: 'R', osterlich: 'O', league: 'L', vale: 'V' };
    expect(blameOf(tokens('ruritania bears full responsibility for its unprovoked war', ents), null, party)).toMatchObject({ target: 'R', outcome: 'war', direction: 1 });
    expect(blameOf(tokens('the responsibility for the fighting lies solely with osterlich', ents), null, party)).toMatchObject({ target: 'O', direction: 1 });
    expect(blameOf(tokens('the league may have provoked the war', ents), null, party)).toMatchObject({ target: 'L' });
    expect(blameOf(tokens("osterlich 's policy forced ruritania 's hand", ents), null, party)).toMatchObject({ target: 'O' });
    expect(blameOf(tokens('this is a war that ruritania started', ents), null, party)).toMatchObject({ target: 'R' });
    expect(blameOf(tokens('ruritania cannot be blamed for the conflict', ents), null, party)).toMatchObject({ target: 'R', direction: -1 });
    expect(blameOf(tokens('osterlich and the league of starting the conflict', ents), 'accuse', party)).toMatchObject({ target: 'O', with: ['L'] });
    // A war called causeless, or of its maker's own making; wanting no end to it; a cause in quotation marks.
    expect(blameOf(tokens("ruritania 's unprovoked invasion", ents), null, party)).toMatchObject({ target: 'R', outcome: 'war' });
    expect(blameOf(tokens("this is a war of ruritania 's own making", ents), null, party)).toMatchObject({ target: 'R' });
    expect(blameOf(tokens('the league does not want to see an end to the fighting', ents), null, party)).toMatchObject({ target: 'L' });
    expect(blameOf(tokens('the league wants to see an end to the fighting', ents), null, party)).toBeNull();
    expect(blameOf(tokens('the league may have “provoked” the war', ents), null, party)).toMatchObject({ target: 'L' });
    expect(blameOf(tokens('the invasion was a senseless act', ents), null, party)).toBeNull();
    // Whoever wanted the war: "no one other than X sought conflict"; not one who wants it to end.
    expect(blameOf(tokens('no one threatened osterlich and no one other than ruritania sought conflict', ents), null, party)).toMatchObject({ target: 'R', direction: 1 });
    expect(blameOf(tokens('the league wants the war to end', ents), null, party)).toBeNull();
    // "The war was perhaps provoked": its maker was driven to it — held not to blame; "was not provoked": to blame.
    expect(blameOf(tokens('the war was perhaps somehow provoked', ents), null, party, 'R')).toMatchObject({ target: 'R', direction: -1 });
    expect(blameOf(tokens('the war was not provoked', ents), null, party, 'R')).toMatchObject({ target: 'R', direction: 1 });
    expect(blameOf(tokens('the war was provoked', ents), null, party)).toBeNull();
    // A war blamed without naming its maker is the maker the article gives it — never in a "not".
    expect(blameOf(tokens('the invasion was an unprovoked land grab', ents), null, party, 'R')).toMatchObject({ target: 'R' });
    expect(blameOf(tokens('a war chosen by one man', ents), null, party, 'R')).toMatchObject({ target: 'R' });
    expect(blameOf(tokens('the war was not chosen by anyone', ents), null, party, 'R')).toBeNull();
    // The war or its blockade as the cause of hunger: its maker is blamed for it, not the country it is fought in.
    expect(blameOf(tokens('the war in osterlich has exacerbated food prices', ents), null, party, 'R')).toMatchObject({ target: 'R', outcome: 'food' });
    expect(blameOf(tokens('the blockade pushed millions into hunger', ents), null, party, 'R')).toMatchObject({ target: 'R', outcome: 'food' });
    expect(blameOf(tokens('the drought has exacerbated food prices', ents), null, party, 'R')).toBeNull();
    // Told as someone else's story, or no outcome blamed: none.
    expect(blameOf(tokens('a story that the league caused this conflict', ents), null, party)).toBeNull();
    expect(blameOf(tokens('ruritania started talks on trade', ents), null, party)).toBeNull();
    // A broken truce is an outcome of its own; a truce agreed or kept blames no one.
    expect(blameOf(tokens('osterlich of violating the ceasefire on monday', ents), 'accuse', party)).toMatchObject({ target: 'O', outcome: 'truce', direction: 1 });
    expect(blameOf(tokens('ruritania had broken the truce by firing first', ents), null, party)).toMatchObject({ target: 'R', outcome: 'truce' });
    expect(blameOf(tokens('ruritania bears responsibility for the ceasefire violations', ents), null, party)).toMatchObject({ target: 'R', outcome: 'truce' });
    expect(blameOf(tokens('ruritania and osterlich agreed a truce', ents), null, party)).toBeNull();
    expect(blameOf(tokens('they broke the truce', ents), null, party)).toBeNull();
  });

  it('lays a war blamed without naming its maker at the door of the party the article’s claims blame for it', () => {
    const entities: HandmadeSpec['entities'] = [
      { id: 'ru', name: 'Ruritania', type: 'GPE', subtype: 'country', country: 'RR', aliases: ['Ruritania'] },
      { id: 'os', name: 'Osterlich', type: 'GPE', subtype: 'country', country: 'OS', aliases: ['Osterlich'] },
    ];
    const f = featuresOf('Osterlich said no one other than Ruritania sought conflict. Osterlich said it was a needless war.', {
      entities,
      claims: [
        { speaker: 'Osterlich', content: 'no one other than Ruritania sought conflict', stance: 'condemn' },
        { speaker: 'Osterlich', content: 'it was a needless war', stance: 'condemn' },
      ],
    });
    expect(f.get('c2')!.blame).toMatchObject({ target: 'state:RR', outcome: 'war', direction: 1 });
  });

  it('holds states, their capitals, peoples, people and bodies responsible — not towns or outlets', () => {
    const entity = (type: string, subtype: string | null) => ({ id: 'e', name: 'E', type, subtype, mentions: [] }) as unknown as Parameters<typeof isParty>[0];
    expect(isParty(entity('GPE', 'capital'))).toBe(true);
    expect(isParty(entity('GPE', 'country'))).toBe(true);
    expect(isParty(entity('GPE', 'city'))).toBe(false);
    expect(isParty(entity('ORG', 'media'))).toBe(false);
  });

  it('sets parties blamed for one outcome against each other, not allies blamed together', () => {
    const blame = (target: string, w: string[] = []) => ({ target, outcome: 'war', direction: 1 as const, name: target, with: w });
    const a = member({ stance: 'condemn', features: { blame: blame('R'), voice: 'O' } });
    const b = member({ stance: 'condemn', features: { blame: blame('O', ['L']), voice: 'R' } });
    const c = member({ stance: 'condemn', features: { blame: blame('L'), voice: 'X' } });
    const x = contradictionOf(9, [a, b, c], nameOf);
    expect(x).toMatchObject({ kind: 'blame', sides: [{ value: 'R' }, { value: 'O, L' }] });
    expect(contradictionOf(10, [b, c], nameOf)).toBeNull();
  });
});

describe('standing questions of a war', () => {
  const party = () => true;
  const ents = { ruritania: 'R', osterlich: 'O', league: 'L', vale: 'V' };
  const read = (text: string) => standingOf(tokens(text, ents), party);

  it('reads whether a party takes part in the war, and who — the speaker’s own side when no one is named', () => {
    expect(read('osterlich is not a party to this conflict')).toEqual({ question: 'party', party: 'O', direction: -1 });
    expect(read('the league is part of the war')).toEqual({ question: 'party', party: 'L', direction: 1 });
    expect(read('we will never join the war unless we are attacked')).toEqual({ question: 'party', party: null, direction: -1 });
    expect(read('there is no intention to take part in the fighting')).toMatchObject({ party: null, direction: -1 });
    expect(read('no need to accuse us of co-aggression')).toMatchObject({ question: 'party', direction: -1 });
    expect(read('the league is waging a proxy war against ruritania')).toMatchObject({ party: 'L', direction: 1 });
    // Sending forces denied, and readiness to fight (only on a condition: not otherwise).
    expect(read('there is no way osterlich would send its troops into ruritania')).toEqual({ question: 'party', party: 'O', direction: -1 });
    expect(read('osterlich sent troops to the border')).toBeNull();
    expect(read('osterlich would never deploy its soldiers in ruritania')).toEqual({ question: 'party', party: 'O', direction: -1 });
    expect(read('osterlich is ready to fight alongside the league')).toMatchObject({ party: 'O', direction: 1 });
    expect(read('we are ready to fight in one case only: if we are attacked')).toMatchObject({ party: null, direction: -1 });
    // A proxy war with no one named as waging it, a party to a contract, a vote to join a union: no standing.
    expect(read('we spoke of the start of a global proxy war')).toBeNull();
    expect(read('osterlich is a party to the trade agreement')).toBeNull();
    expect(read('ruritania voted to join the union')).toBeNull();
  });

  it('reads whether a party is ready to use nuclear weapons: threats held real or empty, signs seen or not', () => {
    expect(read('ruritania may be forced to use a nuclear weapon')).toEqual({ question: 'nuclear', party: 'R', direction: 1 });
    expect(read('the threat of a ruritania nuclear strike is real')).toMatchObject({ party: 'R', direction: 1 });
    expect(read('he was “not bluffing” about the use of nuclear weapons')).toMatchObject({ party: null, direction: 1 });
    expect(read('he would show no hesitation in using nuclear weapons')).toMatchObject({ direction: 1 });
    expect(read('we have seen no sign that ruritania is preparing to use nuclear weapons')).toMatchObject({ party: 'R', direction: -1 });
    expect(read('ruritania is bluffing about using nuclear weapons')).toMatchObject({ party: 'R', direction: -1 });
    // Control of the arsenal is the question of using it; a command of troops is not.
    expect(read('vale would have any control over the arsenal')).toMatchObject({ question: 'nuclear', direction: 1 });
    expect(read('vale has command of the troops in the north')).toBeNull();
    // Nuclear weapons moved or a nuclear plant: another matter.
    expect(read('ruritania moved nuclear weapons to osterlich')).toBeNull();
    expect(read('the nuclear plant was shelled again')).toBeNull();
  });

  it('reads whether a party arms a side: the supplier named as subject, before its exports, or after "from"/"by"', () => {
    expect(read('osterlich supplied drones and fighter jet parts')).toEqual({ question: 'arms', party: 'O', direction: 1 });
    expect(read('osterlich has kept trading with ruritania and has not provided it with military equipment')).toEqual({ question: 'arms', party: 'O', direction: -1 });
    expect(read('the league is telling lies about osterlich drone exports')).toEqual({ question: 'arms', party: 'O', direction: -1 });
    expect(read('ruritania bought drones and spare parts from osterlich last year')).toEqual({ question: 'arms', party: 'O', direction: 1 });
    expect(read('the missiles supplied by the league hit the depot')).toMatchObject({ question: 'arms', party: 'L' });
    expect(read('the league will send more weapons to ruritania')).toMatchObject({ question: 'arms', party: 'L', direction: 1 });
    // Drones sent at a city are an attack; one gun for sale arms no side; a trade in grain is trade.
    expect(read('osterlich sent drones at the capital overnight')).toBeNull();
    expect(read('he announced the sale of the weapon')).toBeNull();
    expect(read('osterlich exports grain to ruritania')).toBeNull();
  });

  it('reads whether an election was fair: victory claimed, the vote called rigged, and whose it was', () => {
    expect(read('he won the contested vote by a wide margin')).toEqual({ question: 'election', party: null, direction: 1 });
    expect(read("vale's election victory in march")).toEqual({ question: 'election', party: 'V', direction: 1 });
    expect(read('the vote was rigged from the start')).toEqual({ question: 'election', party: null, direction: -1 });
    expect(read('the vote was not rigged')).toMatchObject({ direction: 1 });
    expect(read('six days after the election victory of vale')).toMatchObject({ party: 'V', direction: 1 });
    // A forecast is no outcome; a party named further off leaves whose vote it is open.
    expect(read('their votes could help him win the primary')).toBeNull();
    expect(read('vale is going to make this look like a stolen election')).toBeNull();
  });

  it('reads whether the land a party has taken is its own: recognised, withdrawn from, taken back', () => {
    expect(read('ruritania to recognise the northern valley, which osterlich took by force three winters ago, as part of osterlich')).toEqual({ question: 'land', party: 'O', direction: 1 });
    expect(read("ruritania will not recognize osterlich's annexation of the valley")).toEqual({ question: 'land', party: 'O', direction: -1 });
    expect(read('osterlich must pull its soldiers out of the occupied regions')).toEqual({ question: 'land', party: 'O', direction: -1 });
    expect(read('the army hopes to liberate the towns occupied by osterlich')).toEqual({ question: 'land', party: 'O', direction: -1 });
    // Leaving a deal, or land named as occupied with nothing said of it, answers nothing.
    expect(read('osterlich will withdraw from the trade deal')).toBeNull();
    expect(read('the strikes hit lands occupied by osterlich')).toBeNull();
  });

  it('reads whether someone rose against their government: the one named before, never the state risen against', () => {
    const readRevolt = (text: string) => standingOf(tokens(text, { ...ents, ruritania: 'R', ames: 'A' }), party, (id) => id === 'R');
    expect(readRevolt('ames of staging an armed rebellion in ruritania')).toEqual({ question: 'revolt', party: 'A', direction: 1 });
    expect(readRevolt('the convoy to ruritania was a show of anger and never aimed at regime change')).toEqual({ question: 'revolt', party: null, direction: -1 });
    // A success is no coup.
    expect(readRevolt('the endorsement is a coup for ames')).toBeNull();
  });

  it('gives the party as a voice and the answer as the speaker holds it; claims no one makes take none', () => {
    const entities: HandmadeSpec['entities'] = [
      { id: 'os', name: 'Osterlich', type: 'GPE', subtype: 'country', country: 'OS', aliases: ['Osterlich'] },
      { id: 'ru', name: 'Ruritania', type: 'GPE', subtype: 'country', country: 'RR', aliases: ['Ruritania'] },
      { id: 'vale', name: 'Anton Vale', type: 'PERSON', country: 'RR', aliases: ['Anton Vale', 'Vale'] },
      { id: 'agency', name: 'Osterlich Intelligence Agency', type: 'ORG', subtype: 'intelligence', country: 'OS', aliases: ['The intelligence agency'] },
    ];
    const f = featuresOf(
      'Osterlich said it would never join the war. Ruritania rejected claims that Osterlich is a party to the conflict. The intelligence agency said Vale is ready to use nuclear weapons. Some fear Osterlich will join the war.',
      {
        entities,
        claims: [
          { speaker: 'Osterlich', content: 'it would never join the war', stance: 'assert' },
          { speaker: 'Ruritania', cue: 'rejected', lemma: 'reject', content: 'claims that Osterlich is a party to the conflict', stance: 'deny' },
          { speaker: 'The intelligence agency', content: 'Vale is ready to use nuclear weapons', stance: 'warn' },
          { content: 'Osterlich will join the war', stance: 'warn' },
        ],
      },
    );
    // Its own side, unnamed; the charge it rejects, turned round; a person for their state.
    expect(f.get('c1')!.standing).toEqual({ question: 'party', party: 'state:OS', name: 'Osterlich', direction: -1 });
    expect(f.get('c2')!.standing).toEqual({ question: 'party', party: 'state:OS', name: 'Osterlich', direction: -1 });
    expect(f.get('c3')!.standing).toEqual({ question: 'nuclear', party: 'state:RR', name: 'Ruritania', direction: 1 });
    expect(f.get('c4')!.standing).toBeNull();
    // A speaker with no state speaks of the party they name for the same question elsewhere.
    const g = featuresOf('Ruth Ambler said Ruritania should show it is ready to use nuclear weapons. Ambler said using nuclear weapons should not be ruled out.', {
      entities: [...entities, { id: 'ambler', name: 'Ruth Ambler', type: 'PERSON', aliases: ['Ruth Ambler', 'Ambler'] }],
      claims: [
        { speaker: 'Ruth Ambler', content: 'Ruritania should show it is ready to use nuclear weapons', stance: 'demand' },
        { speaker: 'Ambler', content: 'using nuclear weapons should not be ruled out', stance: 'warn' },
      ],
    });
    expect(g.get('c2')!.standing).toMatchObject({ question: 'nuclear', party: 'state:RR', name: 'Ruritania', direction: 1 });
    // "This is not a bluff" answers the speaker's threat just made; "a bluff", said by another, empties it.
    const h = featuresOf('Vale said Ruritania would use nuclear weapons. Vale said this was not a bluff. The intelligence agency said it was a bluff.', {
      entities,
      claims: [
        { speaker: 'Vale', content: 'Ruritania would use nuclear weapons', stance: 'warn' },
        { speaker: 'Vale', content: 'this was not a bluff', stance: 'assert' },
        { speaker: 'The intelligence agency', content: 'it was a bluff', stance: 'assert' },
      ],
    });
    expect(h.get('c2')!.standing).toMatchObject({ question: 'nuclear', party: 'state:RR', direction: 1 });
    expect(h.get('c3')!.standing).toBeNull();
    // An election is its winner's: one who claims victory speaks of their own, a vote called
    // unfair with no one named is the one the article names, and a refused recognition denies it.
    const e = featuresOf('Vale declared victory in the elections. Osterlich does not recognize Vale’s election victory. Ruritania said the vote was rigged.', {
      entities,
      claims: [
        { speaker: 'Vale', cue: 'declared', lemma: 'declare', content: 'victory in the elections', stance: 'assert' },
        { speaker: 'Osterlich', cue: 'recognize', lemma: 'recognize', content: 'Vale’s election victory', stance: 'deny' },
        { speaker: 'Ruritania', cue: 'said', lemma: 'say', content: 'the vote was rigged', stance: 'condemn' },
      ],
    });
    expect([1, 2, 3].map((i) => e.get(`c${i}`)!.standing)).toEqual([1, -1, -1].map((direction) => ({ question: 'election', party: 'vale', name: 'Anton Vale', direction })));
    expect(positionOf('deny', e.get('c2')!)).toBe(-1);
  });

  it('sets the yes and the no of one question about one party against each other, from two voices', () => {
    const standing = (direction: 1 | -1) => ({ question: 'party' as const, party: 'state:OS', name: 'Osterlich', direction });
    const yes = member({ stance: 'condemn', features: { standing: standing(1), voice: 'R' } });
    const no = member({ stance: 'deny', features: { standing: standing(-1), voice: 'O' } });
    // A denial read from the content's own words counts once: the standing holds the answer.
    expect([yes.position, no.position]).toEqual([1, -1]);
    const x = contradictionOf(11, [yes, no], nameOf);
    expect(x).toMatchObject({ kind: 'stance', about: 'whether Osterlich takes part in the war' });
    expect(x!.sides.map((s) => s.claims.map((c) => c.article))).toEqual([[yes.article], [no.article]]);
    const again = member({ stance: 'assert', features: { standing: standing(-1), voice: 'O' } });
    expect(contradictionOf(12, [no, again], nameOf)).toBeNull();
    // Two officials of one state answering differently are no dispute between parties.
    const minister = member({ stance: 'assert', features: { standing: standing(1), voice: 'minister', camp: 'state:OS' } });
    const president = member({ stance: 'deny', features: { standing: standing(-1), voice: 'president', camp: 'state:OS' } });
    expect(contradictionOf(13, [minister, president], nameOf)).toBeNull();
    // Unless the question is whether one of them rose against it: the service and the commander it accuses.
    const revolt = (direction: 1 | -1) => ({ question: 'revolt' as const, party: 'ames', name: 'Ames', direction });
    const service = member({ stance: 'condemn', features: { standing: revolt(1), voice: 'service', camp: 'state:OS' } });
    const commander = member({ stance: 'deny', features: { standing: revolt(-1), voice: 'ames', camp: 'state:OS' } });
    expect(contradictionOf(14, [service, commander], nameOf)).toMatchObject({ kind: 'stance', about: 'whether Ames rose against the government' });
  });
});

describe('contradictions', () => {
  const attack = (over: Partial<EventSig> = {}): EventSig => ({ type: 'attack', actor: 'Q212', target: null, place: 'plant', time: null, quantity: null, planned: false, denied: false, ...over });

  it('sets a denial against the claim it answers, the denying side second whatever the words of the charge', () => {
    const charge = member({ stance: 'condemn', article: 'x', claim: 'c1', features: { words: ['enough', 'help'], negated: true } });
    const denial = member({ stance: 'deny', article: 'x', claim: 'c2', features: { refers: -1, answers: 'c1' }, position: -1 });
    const x = contradictionOf(3, [charge, denial], nameOf);
    expect(x).toMatchObject({ id: 'x3', kind: 'stance' });
    expect(x!.sides.map((s) => s.claims.map((c) => c.claim))).toEqual([['c1'], ['c2']]);
    expect(x!.why).toEqual([`${denial.speaker} answers ${charge.speaker}`]);
  });

  it('sets a denial of a deed against a report that states it in all its words, of the same parties', () => {
    const blockade = { words: ['block', 'consumption', 'corn', 'harbour', 'mean', 'silo', 'stack', 'wheat'], entities: ['ost'] };
    const report = member({ stance: 'assert', features: blockade });
    const denial = member({ stance: 'deny', features: { words: ['block', 'harbour', 'smuggl', 'timber'], denies: [['smuggl', 'timber'], ['block', 'harbour']] } });
    const x = contradictionOf(16, [report, denial], nameOf);
    expect(x).toMatchObject({ kind: 'stance' });
    expect(x!.why).toEqual(['the same deed, one side denying it in fewer words']);
    // A thing denied only in part ("smuggling timber": no timber in the report) is not what the report says.
    const partly = member({ stance: 'deny', features: { words: ['block', 'timber'], denies: [['block', 'timber']] } });
    expect(contradictionOf(17, [report, partly], nameOf)).toBeNull();
    // Nor is the same deed denied of a party the report does not name.
    const other = member({ stance: 'deny', features: { words: ['block', 'harbour'], entities: ['rur'], denies: [['block', 'harbour']] } });
    expect(contradictionOf(18, [report, other], nameOf)).toBeNull();
  });

  it('needs two voices, or one voice changing its mind in another article on another day', () => {
    const report = member({ stance: 'assert', features: { voice: 'state:KP', events: [attack()] }, said: '2024-10-20' });
    const sameDay = member({ stance: 'deny', features: { voice: 'state:KP', events: [attack()] }, said: '2024-10-20' });
    expect(contradictionOf(4, [report, sameDay], nameOf)).toBeNull();
    const seoul = member({ stance: 'assert', features: { voice: 'state:KR', events: [attack()] }, said: '2024-10-18' });
    const later = member({ stance: 'deny', features: { voice: 'state:KP', events: [attack()] }, said: '2025-04-28' });
    const x = contradictionOf(5, [seoul, report, later], nameOf);
    expect(x!.sides[1]!.claims.map((c) => c.article)).toEqual([later.article]);
    expect(x!.about).toBe('whether Ukraine attacked Zaporizhzhia');
    // A town struck, its target and its place, is named once.
    const struck = (stance: Stance, voice: string, said: string) => member({ stance, features: { voice, events: [attack({ target: 'plant' })] }, said });
    expect(contradictionOf(6, [struck('assert', 'state:KR', '2024-10-18'), struck('deny', 'state:KP', '2025-04-28')], nameOf)!.about).toBe('whether Ukraine attacked Zaporizhzhia');
  });

  it('does not set two speakers’ words about themselves, or a retort, against each other', () => {
    const words = ['part', 'so-called', 'establishment'];
    const trump = member({ stance: 'assert', features: { words, pronounSubject: true } });
    const bush = member({ stance: 'deny', features: { words, pronounSubject: true } });
    expect(contradictionOf(10, [trump, bush], nameOf)).toBeNull();
    const quote = ['special', 'place', 'hell', 'women', 'help', 'vote'];
    const albright = member({ stance: 'assert', features: { words: quote.slice(0, 5) } });
    const retort = member({ stance: 'deny', features: { words: quote, retort: true } });
    expect(contradictionOf(11, [albright, retort], nameOf)).toBeNull();
    const denial = member({ stance: 'deny', features: { words: quote } });
    expect(contradictionOf(12, [albright, denial], nameOf)?.kind).toBe('stance');
  });

  it('shows one dispute of a proposition that holds two, the larger, in its contradiction and its story', () => {
    const troops = ['troops', 'reached', 'front', 'week', 'border'];
    const over = ['region', 'retaken', 'fully', 'invaders', 'gone'];
    const report = member({ stance: 'assert', said: '2024-10-20', features: { words: troops } });
    const dismissal = member({ stance: 'deny', said: '2024-10-21', features: { words: troops } });
    const claim = member({ stance: 'assert', said: '2025-04-26', features: { words: over } });
    const denials = ['2025-04-27', '2025-04-28'].map((said) => member({ stance: 'deny', said, features: { words: over } }));
    const all = [report, dismissal, claim, ...denials];
    const x = contradictionOf(13, all, nameOf);
    expect(x!.sides.map((s) => s.claims.map((c) => c.article))).toEqual([[claim.article], denials.map((d) => d.article)]);
    // Its story: the larger dispute's turns, and another voice repeating the denial marked as a repeat.
    expect(storyOf(13, all, nameOf)!.steps.map((s) => [s.article, s.repeat ?? false])).toEqual([
      [claim.article, false],
      [denials[0]!.article, false],
      [denials[1]!.article, true],
    ]);
  });

  it('does not set a denial against a statement it meets only by meaning: paraphrase groups, it does not oppose', () => {
    const vectors = wordVectors(en);
    const said = (text: string) => {
      const words = [...new Set(text.split(' ').map((w) => en.words.stem(w)))].sort();
      return { words, rows: words.map((w) => vectors.id(text.split(' ').find((x) => en.words.stem(x) === w)!)) };
    };
    const charge = member({ stance: 'condemn', features: said('reckless threats to fire nuclear warheads at cities') });
    const denial = member({ stance: 'assert', features: { ...said('preparing nuclear warheads for strikes on towns'), negated: true, negation: true } });
    expect(contradictionOf(21, [charge, denial], nameOf)).toBeNull();
  });

  it('does not read a "not" deep in a long quotation as a denial of a shorter statement', () => {
    const words = ['better', 'conclusion', 'experience', 'reach', 'richness', 'wise', 'woman'];
    const quote = member({ stance: 'assert', features: { words } });
    const long = member({ stance: 'assert', features: { words: [...words, 'quote', 'say', 'speech', 'think', 'trouble', 'white', 'male', 'found', 'often', 'worse', 'hope', 'later', 'years'], negated: true, negation: true } });
    expect(contradictionOf(6, [quote, long], nameOf)).toBeNull();
    const short = member({ stance: 'assert', features: { words: [...words.slice(0, 5), 'claim'], negated: true, negation: true } });
    expect(contradictionOf(6, [quote, short], nameOf)?.kind).toBe('stance');
    // Both hold the negation, one deeper in: one statement told twice.
    const deeper = member({ stance: 'assert', features: { words, negation: true } });
    expect(contradictionOf(6, [deeper, short], nameOf)).toBeNull();
  });

  it('sets one party said to be something against a denial of it in few words, from the other side', () => {
    const said = member({ stance: 'assert', features: { subject: 'R', rare: ['neutral'], words: ['neutral', 'war'] }, position: 1 });
    const denied = member({ stance: 'condemn', features: { subject: 'R', rare: ['neutral'], words: ['behav', 'neutral', 'way'], negated: true, negation: true, disbelief: true }, position: -1 });
    const x = contradictionOf(12, [said, denied], nameOf);
    expect(x).toMatchObject({ kind: 'stance', why: ['the same said of R (“neutral…”), one side denying it'] });
    // Of two parties, or in a long statement: no dispute.
    const other = member({ stance: 'condemn', features: { subject: 'O', rare: ['neutral'], words: ['behav', 'neutral', 'way'], negated: true, negation: true }, position: -1 });
    expect(contradictionOf(13, [said, other], nameOf)).toBeNull();
  });

  it('sets different counts of one capture from different sources against each other, made within a month', () => {
    const capture = (n: number): Partial<ClaimFeatures> => ({
      events: [{ type: 'capture', actor: 'Q212', target: 'Q423', place: 'kursk', time: '2025-01-11', quantity: n, planned: false, denied: false }],
      words: ['captur', 'soldier'],
      numbers: [n],
    });
    const x = contradictionOf(7, [member({ stance: 'assert', features: capture(2) }), member({ stance: 'assert', features: capture(9) })], nameOf);
    expect(x).toMatchObject({ id: 'x7', kind: 'number', about: 'how many were captured: North Korea, Kursk Oblast' });
    expect(x!.sides.map((s) => s.value)).toEqual([2, 9]);
    expect(x!.why).toEqual(['different counts of the same event: capture by Ukraine against North Korea in Kursk Oblast']);
    // Counts within a quarter of each other are the same figure rounded differently.
    expect(contradictionOf(8, [member({ stance: 'assert', features: capture(100) }), member({ stance: 'assert', features: capture(110) })], nameOf)).toBeNull();
    // A count months later is a later count.
    const early = member({ stance: 'assert', features: capture(2), said: '2025-01-11' });
    const late = member({ stance: 'assert', features: capture(9), said: '2025-04-11' });
    expect(contradictionOf(9, [early, late], nameOf)).toBeNull();
  });

  it('sets counts against each other only when they count the same thing, and says their bounds', () => {
    const killed = (n: number): Partial<ClaimFeatures> => ({
      events: [{ type: 'kill', actor: null, target: 'Q423', place: 'kursk', time: null, quantity: n, planned: false, denied: false }],
      words: ['kill', 'soldier'],
      numbers: [n],
    });
    const atLeast100 = member({ stance: 'assert', features: killed(100), content: 'At least 100 soldiers have been killed and close to 1,000 wounded' });
    const over3000 = member({ stance: 'assert', features: killed(3000), content: 'More than 3,000 soldiers have been killed or wounded' });
    // "killed" and "killed or wounded" are two measures: no contradiction.
    expect(contradictionOf(14, [atLeast100, over3000], nameOf)).toBeNull();
    const about1000 = member({ stance: 'assert', features: killed(1000), content: 'about 1000 of the soldiers were killed in the fighting' });
    const x = contradictionOf(15, [atLeast100, about1000], nameOf);
    expect(x).toMatchObject({ kind: 'number', about: 'how many were killed: North Korea, Kursk Oblast' });
    expect(x!.sides.map((s) => s.label)).toEqual(['at least 100 killed', 'about 1,000 killed']);
  });
});

describe('counts as claims give them', () => {
  it('reads the measure and the bound around the number, written with or without a comma', () => {
    expect(countIn('More than 3,000 North Korean soldiers have been killed or wounded', 3000, 'kill')).toEqual({ measure: 'killed or wounded', bound: 'more than', label: 'more than 3,000 killed or wounded' });
    expect(countIn('suffered about 1100 casualties', 1100, 'injure')).toMatchObject({ measure: 'killed or wounded', label: 'about 1,100 killed or wounded' });
    expect(countIn('some 10,000 soldiers were sent', 10000, 'deploy').label).toBe('about 10,000 sent');
    expect(countIn('2 soldiers captured', 2, 'capture')).toEqual({ measure: 'captured', bound: null, label: '2 captured' });
    // 12,000 is not 2,000 nor 1,000: the number is matched whole.
    expect(countIn('12,000 killed', 2000, 'kill').bound).toBeNull();
    // Two counts in one content, the first before a comma: each is of the words around it, not of the other's.
    const both = 'North Korean casualties at about 1,100, including at least 100 dead';
    expect(countIn(both, 100, 'kill').label).toBe('at least 100 killed');
    expect(countIn(both, 1100, 'kill').label).toBe('about 1,100 killed or wounded');
    expect(countIn('losses above three thousand, and they keep growing', 3000, 'kill').measure).toBe('killed or wounded');
  });
});

describe('claim stories', () => {
  it('puts a dismissal right after the claim it answers and an undated claim at its publication date', () => {
    const report = member({ stance: 'assert', said: '2024-10', article: 'x', claim: 'c1', features: {}, published: '2025-04-28' });
    const dismissal = member({ stance: 'deny', article: 'x', claim: 'c2', features: { answers: 'c1', order: 'early' }, published: '2025-04-28' });
    const confirmation = member({ stance: 'confirm', article: 'x', claim: 'c3', features: {}, published: '2025-04-28', contentStart: 50 });
    const earlierDenial = member({ stance: 'deny', said: '2024-11-02', features: {} });
    const steps = orderSteps([confirmation, earlierDenial, dismissal, report]);
    expect(steps.map((s) => `${s.article}/${s.claim}`)).toEqual(['x/c1', 'x/c2', `${earlierDenial.article}/c1`, 'x/c3']);
    expect(steps.map((s) => s.placed)).toEqual(['2024-10', '2024-10', '2024-11-02', '2025-04-28']);
  });

  it('places a claim dated by its week at the week’s first day', () => {
    const week = member({ stance: 'assert', said: '2024-W42', features: {} });
    const day = member({ stance: 'deny', said: '2024-10-21', features: {} });
    expect(orderSteps([day, week]).map((s) => s.said)).toEqual(['2024-W42', '2024-10-21']);
  });

  it('tells the turns, and marks more voices repeating the report as repeats', () => {
    const deploy: Partial<ClaimFeatures> = { events: [{ type: 'deploy', actor: 'Q423', target: null, place: null, time: null, quantity: null, planned: false, denied: false }] };
    const reports = ['2024-10-18', '2024-10-20', '2024-10-29'].map((said) => member({ stance: 'assert', said, features: deploy }));
    const denial = member({ stance: 'deny', said: '2024-10-22', features: { ...deploy, voice: 'state:KP' } });
    const confirmation = member({ stance: 'confirm', said: '2025-04-28', features: { ...deploy, voice: 'state:KP' } });
    const story = storyOf(1, [...reports, denial, confirmation], nameOf);
    expect(story!.steps.filter((s) => !s.repeat).map((s) => s.said)).toEqual(['2024-10-18', '2024-10-22', '2024-10-29', '2025-04-28']);
    expect(story!.steps.filter((s) => s.repeat).map((s) => s.said)).toEqual(['2024-10-20']);
    expect(story!.about).toBe('whether North Korea sent forces');
  });

  it('tells a claim repeated in two articles, by one voice or two, and not one told in one article', () => {
    const words = ['blockade', 'grain', 'ports', 'trapped'];
    const a = member({ stance: 'assert', said: '2024-05-02', features: { words } });
    const b = member({ stance: 'condemn', said: '2024-05-01', features: { words } });
    const story = storyOf(2, [a, b], nameOf);
    expect(story!.steps.map((s) => [s.said, s.repeat ?? false])).toEqual([
      ['2024-05-01', false],
      ['2024-05-02', true],
    ]);
    const sameArticle = member({ stance: 'assert', article: a.article, dupGroup: a.dupGroup, features: { words } });
    expect(storyOf(3, [a, sameArticle], nameOf)).toBeNull();
    const sameVoice = member({ stance: 'assert', features: { words, voice: a.features.voice } });
    expect(storyOf(4, [a, sameVoice], nameOf)!.steps).toHaveLength(2);
    const copy = member({ stance: 'assert', dupGroup: a.dupGroup, features: { words } });
    expect(storyOf(6, [a, copy], nameOf)).toBeNull();
    // Named by an event only when two of its claims tell it, else by the opening of a statement.
    const fight: EventSig = { type: 'attack', actor: 'Q212', target: null, place: null, time: null, quantity: null, planned: false, denied: false };
    const told = member({ stance: 'assert', content: 'the blockade trapped grain in the ports', features: { words, events: [fight] } });
    const plain = member({ stance: 'assert', content: 'grain was trapped by the blockade of ports', features: { words } });
    expect(storyOf(7, [told, plain], nameOf)!.about).not.toMatch(/attack/);
    // Claims a proposition gathered that do not retell one statement make no story.
    const loose = member({ stance: 'assert', features: { words: ['harvest', 'farmers', 'record', 'ports'] } });
    expect(storyOf(8, [a, loose], nameOf)).toBeNull();
    // Two sides that nothing links are two statements, not one story.
    const other = member({ stance: 'deny', features: { words: ['harvest', 'record'] } });
    expect(storyOf(5, [a, other], nameOf)).toBeNull();
  });
});

describe('near-duplicate signatures', () => {
  it('rates a syndicated copy close and an unrelated article far', () => {
    const [original, copy, ...others] = RECORDS;
    const sig = minhash(original!.text);
    expect(similarity(sig, minhash(copy!.text))).toBeGreaterThan(0.6);
    for (const o of others) expect(similarity(sig, minhash(o.text))).toBeLessThan(0.2);
  });

  it('keeps the values of signatures already stored', () => {
    // New articles are compared with the signatures earlier builds stored: a faster way of
    // computing them must give the same values, down to the last one.
    const checksum = (sig: Uint32Array) => sig.reduce((a, v) => (a * 31 + v) % 1000000007, 0);
    const sentence = minhash('The council voted on Tuesday to reopen the northern bridge to lorries.');
    expect([...sentence.slice(0, 4)]).toEqual([414204964, 153884235, 234244533, 361935293]);
    expect(checksum(sentence)).toBe(809814422);
    expect(checksum(minhash('Short text'))).toBe(640204973);
    expect(checksum(minhash(''))).toBe(1048014);
  });

  it('gives the signature plain JavaScript gives, for a text longer than the kernel takes at once', () => {
    const words = Array.from({ length: 40_000 }, (_, k) => `w${(Math.imul(k, 2654435761) >>> 0) % 5003}`);
    for (const text of [words.join(' '), words.slice(0, 16_388).join(' '), 'Ein kurzer Satz über Öl.']) {
      expect([...minhash(text)]).toEqual([...plainMinhash(text)]);
    }
  });
});

/** MinHash as the loop in JavaScript computes it, shingle by shingle (what the kernel must equal). */
function plainMinhash(text: string): Uint32Array {
  const fnv = (w: string, h: number) => {
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619);
    return h >>> 0;
  };
  const randoms = (seed: number, odd: boolean) => {
    const out: number[] = [];
    for (let i = 0, x = seed; i < HASHES; i++) out.push(odd ? (x = fmix(x + 0x6d2b79f5)) | 1 : (x = fmix(x + 0x6d2b79f5)));
    return out;
  };
  const seeds = randoms(0x9e3779b9, false);
  const multipliers = randoms(0x85ebca6b, true);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (let i = 0; i < Math.max(1, words.length - 4); i++) {
    let h = 2166136261;
    for (let k = i; k < Math.min(words.length, i + 5); k++) h = fnv(words[k]!, h ^ 32);
    const x = fmix(h);
    for (let j = 0; j < HASHES; j++) sig[j] = Math.min(sig[j]!, (Math.imul(x, multipliers[j]!) + seeds[j]!) >>> 0);
  }
  return sig;
}
