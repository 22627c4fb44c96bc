import { describe, expect, it } from 'vitest';
import { extractEvents } from '../../../src/annotate/events/index.js';
import { en } from '../../../src/lang/index.js';
import { EVENT_TYPES } from '../../../src/annotate/events/taxonomy.js';
import { handmade, KOREA_ENTITIES } from '../../fixtures/handmade.js';

const only = (text: string, spec: Parameters<typeof handmade>[1] = {}) => extractEvents(handmade(text, { entities: KOREA_ENTITIES, ...spec }), en);

describe('event extraction', () => {
  it('reads a capture with actor, target, place, date and count', () => {
    const events = only('On 11 January 2025 Ukrainian paratroopers captured two North Korean soldiers in the Kursk region.', {
      times: [{ text: '11 January 2025', value: '2025-01-11' }],
      quantities: [{ text: 'two', value: 2, unit: 'soldiers' }],
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'capture', actor: 'Q212', target: 'Q423', place: 'kursk', time: '2025-01-11', quantity: 2, status: 'asserted', claims: [] });
    expect(events[0]!.trigger.text).toBe('captured');
    expect(events[0]!.explain?.rule).toBe('events/lexicon:verb');
  });

  it('reads a place that falls or is lost as captured there, and who took it after "to"', () => {
    const entities = [
      { id: 'gpe.vorsk', name: 'Vorsk', type: 'GPE' as const, subtype: 'town', aliases: ['Vorsk', { text: 'the town', label: 'GPE' as const }] },
      { id: 'org.rebels', name: 'Northern Front', type: 'ORG' as const, aliases: ['Northern Front'] },
    ];
    const fell = extractEvents(handmade('After weeks of fighting Vorsk has finally fallen to Northern Front.', { entities }), en);
    expect(fell.filter((e) => e.type === 'capture')).toMatchObject([{ trigger: { text: 'fallen' }, place: 'gpe.vorsk', actor: 'org.rebels', target: null }]);
    const lost = extractEvents(handmade('Soldiers were killed in the battle that ended with the loss of the town.', { entities }), en);
    expect(lost.filter((e) => e.type === 'capture')).toMatchObject([{ trigger: { text: 'loss' }, place: 'gpe.vorsk' }]);
    // What falls on a place, and a loss of soldiers in it, take no ground.
    const none = extractEvents(handmade('Debris from a drone fell on a house in Vorsk. The army mourned the loss of soldiers in Vorsk.', { entities }), en);
    expect(none.filter((e) => e.type === 'capture')).toEqual([]);
  });

  it('marks an event inside a claim as reported and links the claim; the count and destination come along', () => {
    const text = 'Seoul’s spy agency said in October 2024 that North Korea had deployed about 1,500 special forces troops to Russia.';
    const events = only(text, {
      times: [{ text: 'October 2024', value: '2024-10' }],
      quantities: [{ text: '1,500', value: 1500, unit: 'special forces troops' }],
      claims: [{ speaker: 'Seoul’s spy agency', cue: 'said', content: 'North Korea had deployed about 1,500 special forces troops to Russia', stance: 'assert', said: '2024-10' }],
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'deploy', actor: 'Q423', place: 'Q159', quantity: 1500, status: 'reported', claims: ['c1'] });
    // The date is when the agency spoke, outside the claim's content: not the event's date.
    expect(events[0]!.time).toBeNull();
  });

  it('takes a reported event’s arguments from the claim’s content, its pronoun or missing subject being the speaker', () => {
    const text =
      'The National Intelligence Service confirmed that a drone had struck the base. North Korea confirmed sending troops to fight for Russia in Kursk. Pyongyang denied that it was sending soldiers.';
    const events = only(text, {
      claims: [
        { speaker: 'The National Intelligence Service', cue: 'confirmed', content: 'a drone had struck the base', stance: 'confirm' },
        { speaker: 'North Korea', cue: 'confirmed', content: 'sending troops to fight for Russia in Kursk', stance: 'confirm' },
        { speaker: 'Pyongyang', cue: 'denied', content: 'it was sending soldiers', stance: 'deny' },
      ],
    });
    expect(events.filter((e) => e.type !== 'military_operation').map((e) => [e.type, e.actor, e.place])).toEqual([
      // Not the agency that confirmed it.
      ['attack', null, null],
      // Sent by the speaker; where they fight is not where they are sent.
      ['deploy', 'Q423', null],
      ['deploy', 'Q423', null],
    ]);
    expect(events.find((e) => e.type === 'deploy')!.explain?.detail).toContain('the speaker');
  });

  it('counts within the trigger’s clause, before it when the count opens the sentence', () => {
    const [killed] = only('At least 100 North Korean soldiers have been killed and close to 1,000 wounded in the Kursk region.', {
      quantities: [
        { text: '100', value: 100, unit: 'North Korean soldiers' },
        { text: '1,000', value: 1000 },
      ],
    });
    expect(killed).toMatchObject({ type: 'kill', target: 'Q423', place: 'kursk', quantity: 100 });
  });

  it('reads intentions as planned', () => {
    const events = only('The leadership in Pyongyang plans to erect a monument to the fallen soldiers.');
    expect(events).toMatchObject([{ type: 'commemorate', status: 'planned' }]);
  });

  it('disputes an operation one voice says is over and another denies', () => {
    const text =
      'KCNA claimed that the operation to liberate the Kursk region had been completed. Ukraine’s General Staff denied that the fighting in Kursk was over, saying its troops still hold positions there.';
    const events = only(text, {
      claims: [
        { speaker: 'KCNA', cue: 'claimed', content: 'the operation to liberate the Kursk region had been completed', stance: 'assert' },
        { speaker: 'Ukraine’s General Staff', cue: 'denied', content: 'the fighting in Kursk was over', stance: 'deny' },
      ],
    });
    const ops = events.filter((e) => e.type === 'military_operation');
    expect(ops.length).toBeGreaterThanOrEqual(2);
    expect(ops.every((e) => e.status === 'disputed' && e.place === 'kursk')).toBe(true);
    expect(ops[0]!.explain?.detail).toContain('disputed');
  });

  it('does not read political sparring or everyday verbs as events', () => {
    expect(only('Trump attacked Clinton over her emails on Tuesday and struck a defiant tone.')).toEqual([]);
    expect(only('The senator sent a letter to Ukraine and signed copies of her book.')).toEqual([]);
  });

  it('reads a toll given as a count of the dead, and a count that names no place as of the war event told just before', () => {
    const entities = [{ id: 'gpe.tarija', name: 'Tarija', type: 'GPE' as const, subtype: 'city', aliases: ['Tarija'] }];
    const quantities = [
      { text: '4', value: 4 },
      { text: '14', value: 14 },
    ];
    const events = extractEvents(handmade('A missile hit a market in Tarija. Officials put the number of dead at 4. The governor said the toll was 14.', { entities, quantities }), en);
    expect(events.filter((e) => e.type === 'kill').map((e) => [e.trigger.text, e.quantity, e.place])).toEqual([
      ['dead', 4, 'gpe.tarija'],
      ['toll', 14, 'gpe.tarija'],
    ]);
    // A toll without a count, a heavy toll taken and a toll road are no deaths; nor is a count three sentences on.
    expect(only('It is not for me to give a toll. The war took a heavy toll on farmers. The toll road reopened.')).toEqual([]);
    const far = extractEvents(handmade('A missile hit a market in Tarija. Rain fell. Roads closed. Schools shut. Officials put the number of dead at 4.', { entities, quantities: quantities.slice(0, 1) }), en);
    expect(far.filter((e) => e.type === 'kill')).toMatchObject([{ quantity: 4, place: null }]);
    // Nor is a count after the report has moved elsewhere.
    const elsewhere = extractEvents(handmade('A missile hit a market in Tarija. Elsewhere, officials put the number of dead at 4.', { entities, quantities: quantities.slice(0, 1) }), en);
    expect(elsewhere.filter((e) => e.type === 'kill')).toMatchObject([{ quantity: 4, place: null }]);
  });

  it('places "the strike" at the war event told before it, not past a move elsewhere', () => {
    const entities = [{ id: 'gpe.tarija', name: 'Tarija', type: 'GPE' as const, subtype: 'city', aliases: ['Tarija'] }];
    const at = (text: string) => extractEvents(handmade(text, { entities, quantities: [{ text: 'three', value: 3 }] }), en).filter((e) => e.type === 'attack').map((e) => [e.trigger.text, e.place]);
    expect(at('Shelling killed three people in Tarija on Tuesday. The army blamed rebel artillery for the strike.')).toEqual([
      ['Shelling', 'gpe.tarija'],
      ['strike', 'gpe.tarija'],
    ]);
    expect(at('Shelling killed three people in Tarija on Tuesday. Elsewhere, the army blamed rebels for the strike.')).toEqual([
      ['Shelling', 'gpe.tarija'],
      ['strike', null],
    ]);
  });

  it('reads troops "firing on" a dam and soldiers who "opened fire" as attacks, and a minister\'s firing as none', () => {
    const types = (text: string) => only(text).map((e) => [e.trigger.text, e.type]);
    expect(types('Border troops were firing on the dam from across the river.')).toEqual([['firing', 'attack']]);
    expect(types('Soldiers opened fire on the convoy.')).toEqual([['fire', 'attack']]);
    expect(types('The firing of the minister surprised the cabinet.')).toEqual([]);
  });

  it('reads a place a side "lost" as taken and troops that "left" it as withdrawn, only with the place as the object', () => {
    const entities = [{ id: 'gpe.tarija', name: 'Tarija', type: 'GPE' as const, subtype: 'city', aliases: [{ text: 'Tarija', label: 'GPE' as const }] }];
    const at = (text: string) => extractEvents(handmade(text, { entities }), en).map((e) => [e.trigger.text, e.type, e.place]);
    expect(at('The army said its troops had lost the city of Tarija.')).toEqual([['lost', 'capture', 'gpe.tarija']]);
    expect(at('The army said its troops had left Tarija to avoid encirclement.')).toEqual([['left', 'withdraw', 'gpe.tarija']]);
    expect(at('The party lost in 2012 in Tarija, weeks after the war began.').filter(([, type]) => type === 'capture')).toEqual([]);
    expect(at('More troops should be left in Tarija, the general said.')).toEqual([]);
  });

  it('reads troops "pushed out of" or "driven out of" a place as the place taken, but not a senator forced out of office', () => {
    const entities = [{ id: 'gpe.tarija', name: 'Tarija', type: 'GPE' as const, subtype: 'city', aliases: ['Tarija'] }];
    const at = (text: string) => extractEvents(handmade(text, { entities }), en).map((e) => [e.trigger.text, e.type, e.place]);
    expect(at('The army pushed the rebel troops out of Tarija.')).toEqual([['pushed', 'capture', 'gpe.tarija']]);
    expect(at('Soldiers drove the rebels out of Tarija after a week of fighting.')).toContainEqual(['drove', 'capture', 'gpe.tarija']);
    expect(at('The senator was forced out of office in Tarija.')).toEqual([]);
  });

  it('reads soldiers a side "lost" as killed, the side their target and no actor, but not contact lost or seats', () => {
    const twelve = { quantities: [{ text: '12', value: 12, unit: 'soldiers' }] };
    const lost = only('Russia said its army had lost 12 soldiers in the fighting.', twelve);
    expect(lost.map((e) => [e.trigger.text, e.type, e.actor, e.quantity])).toContainEqual(['lost', 'kill', null, 12]);
    expect(only('The army lost contact with two units during the fighting.', { quantities: [{ text: 'two', value: 2 }] }).filter((e) => e.type === 'kill')).toEqual([]);
    expect(only('The party lost 12 seats in the vote.', twelve)).toEqual([]);
  });

  it('reads "did not fire a single shell" as an attack denied, and the plain verb "fire" at no shells as none', () => {
    expect(only('Our artillery did not fire a single shell at the village.').map((e) => [e.trigger.text, e.type, e.status])).toEqual([['fire', 'attack', 'denied']]);
    expect(only('Troops were ordered to fire on the convoy.').map((e) => [e.trigger.text, e.type])).toEqual([['fire', 'attack']]);
    expect(only('The army chief said he would fire the minister of the armed forces.')).toEqual([]);
  });

  it('places a strike on "the site" or "the depot" where the text last put something, not at a place naming a thing', () => {
    const entities = [
      { id: 'gpe.tarija', name: 'Tarija', type: 'GPE' as const, subtype: 'city', aliases: ['Tarija'] },
      { id: 'gpe.potosi', name: 'Potosi', type: 'GPE' as const, subtype: 'city', aliases: ['Potosi'] },
    ];
    const at = (text: string) => extractEvents(handmade(text, { entities }), en).filter((e) => e.type === 'attack').map((e) => [e.trigger.text, e.place]);
    expect(at('A fire broke out at an arms depot near Tarija. Officers told a Potosi newspaper that drones had hit the site.')).toEqual([['hit', 'gpe.tarija']]);
    expect(at('A fire broke out at an arms depot near Tarija. The depot was struck by drones, officers said.')).toEqual([['struck', 'gpe.tarija']]);
    // A site named by its town ("at the Tarija power plant"), not a thing named after it ("the Potosi newspaper").
    expect(at('Inspectors at the Tarija power plant heard blasts. Troops had shelled the plant, officials said.')).toEqual([
      ['blasts', 'gpe.tarija'],
      ['shelled', 'gpe.tarija'],
    ]);
    expect(at('Editors at the Potosi newspaper were told. Troops had shelled the plant, officials said.')).toEqual([['shelled', null]]);
    // Not a strike on a site of its own ("a site"), nor past a move elsewhere.
    expect(at('A fire broke out at an arms depot near Tarija. Drones hit a site in the north.')).toEqual([['hit', null]]);
    expect(at('A fire broke out at an arms depot near Tarija. Elsewhere, drones hit the base.')).toEqual([['hit', null]]);
  });

  it('reads drones and missiles shot down, intercepted or destroyed by air defence as interceptions, with their count', () => {
    const quantities = [
      { text: '27', value: 27 },
      { text: '12', value: 12 },
    ];
    const events = only('Air defences shot down 27 drones overnight. Crews downed 12 missiles. Air defences destroyed a rocket. The navy intercepted a drone.', { quantities });
    expect(events.map((e) => [e.type, e.trigger.text, e.quantity])).toEqual([
      ['intercept', 'shot', 27],
      ['intercept', 'downed', 12],
      ['intercept', 'destroyed', null],
      ['intercept', 'intercepted', null],
    ]);
    expect(only('Agents intercepted calls. The senator shot down the idea. Shelling destroyed a school.').filter((e) => e.type === 'intercept')).toEqual([]);
  });

  it('denies the event of a clause whose subject is "none of", but not of a clause after another verb', () => {
    expect(only('None of the drones had been intercepted.').map((e) => e.status)).toEqual(['denied']);
    expect(only('None of the soldiers said the drones were intercepted.').map((e) => e.status)).toEqual(['asserted']);
  });

  it('reads forces "pulled back" or "pulled out" as withdrawn, but not a car pulled out of a garage', () => {
    expect(only('Russian troops pulled back from Kursk after heavy fighting.').map((e) => [e.type, e.place])).toEqual([
      ['withdraw', 'kursk'],
      ['military_operation', 'kursk'],
    ]);
    expect(only('He pulled the car out of the garage.')).toEqual([]);
  });

  it('reads a truce agreed as a ceasefire, and one said to be broken as none', () => {
    expect(only('The two sides agreed a ceasefire on Sunday.').map((e) => e.type)).toEqual(['ceasefire']);
    expect(only('The ministry accused the rebels of violating the ceasefire, and of breaking the truce twice.')).toEqual([]);
  });

  it('leaves the everyday senses of war words alone', () => {
    expect(only('The senator opposes the death penalty and vowed to combat this narrative about the war.')).toEqual([]);
    expect(only('Republicans seized on the memo as a political weapon.')).toEqual([]);
    expect(only('Spending has since exploded to record levels.')).toEqual([]);
    expect(only('Troops returned fire in response to attacks on the base.').map((e) => e.type)).toEqual(['attack']);
  });

  it('reads a passive with its agent, and negation as denied', () => {
    const [killed] = only('Two Russian pilots were killed by Ukrainian drones near Kursk.', { quantities: [{ text: 'Two', value: 2, unit: 'Russian pilots' }] });
    expect(killed).toMatchObject({ type: 'kill', actor: 'Q212', target: 'Q159', place: 'kursk', quantity: 2, status: 'asserted' });
    const [withdraw] = only('Russia has not withdrawn its troops from the border.');
    expect(withdraw).toMatchObject({ type: 'withdraw', actor: 'Q159', status: 'denied' });
    // A negation reaches the trigger only when no preposition stands between them.
    expect(only('No civilians were killed in the strike.').map((e) => [e.type, e.status])).toEqual([
      ['kill', 'denied'],
      ['attack', 'asserted'],
    ]);
    expect(only('Army losses were not confined to the strike on the port.').map((e) => e.status)).toEqual(['asserted']);
    // The subject of a reported passive is in the content, not the speaker before it.
    const [hit] = only('North Korea told reporters the plane was hit by a missile.', {
      claims: [{ speaker: 'North Korea', cue: 'told', content: 'the plane was hit by a missile', stance: 'assert' }],
    });
    expect(hit).toMatchObject({ type: 'attack', target: null });
    // Nor is a name after a passive its target: "… after crossing into Russian airspace".
    const [crossed] = only('The plane was hit by a missile after crossing into Russian airspace.');
    expect(crossed).toMatchObject({ type: 'attack', target: null });
  });

  it('gives every trigger span its text and a type from the taxonomy', () => {
    const text = 'Russian missiles struck Kyiv overnight. Russia signed a new arms deal with North Korea, which shipped artillery shells to Moscow. Protesters rallied in Kyiv.';
    const events = only(text);
    expect(events.map((e) => e.type)).toEqual(['attack', 'sign_agreement', 'arms_transfer', 'protest']);
    for (const e of events) {
      expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
      expect(EVENT_TYPES).toContain(e.type);
    }
    expect(events[2]).toMatchObject({ actor: 'Q423', target: 'Q159' });
  });
});
