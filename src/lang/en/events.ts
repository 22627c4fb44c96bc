/**
 * English words of the events layer (src/annotate/events): trigger word forms of each event
 * type, the words that tell an everyday sense from a military one, and the words around a
 * trigger that give its status and arguments.
 */
import type { TriggerRule } from '../../annotate/events/lexicon.js';
import type { EventType } from '../../annotate/events/taxonomy.js';
import { BE } from './words.js';

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

export const FORCES = words(
  'troops soldiers forces force units unit personnel battalion battalions brigade brigades division divisions regiment regiments ' +
    'army marines servicemen contingent mercenaries peacekeepers infantry paratroopers warships warship fighters reinforcements ' +
    'commandos sailors military troop',
);

export const WEAPONS = words(
  'weapons weapon arms missiles missile shells ammunition munitions artillery tanks tank drones drone rockets rocket howitzers ' +
    'jets aircraft rifles guns launchers warheads interceptors f-16s',
);

/** What air defence shoots down: "shot down 27 drones", "intercepted two missiles" (not "intercepted calls"). */
export const AIRBORNE = words(
  'drone drones missile missiles rocket rockets uav uavs aircraft jet jets plane planes warplane warplanes helicopter helicopters ' +
    'projectile projectiles warhead warheads',
);

export const AGREEMENTS = words(
  'agreement agreements treaty treaties deal deals accord accords pact pacts memorandum ceasefire cease-fire truce armistice ' +
    'protocol declaration partnership contract contracts',
);

/** Words that mark a sentence as speaking of armed conflict (trigger words that need it are not among them). */
export const CONFLICT_WORDS = words(
  'war wars wartime military militaries troops soldiers army armies armed militants militant rebels rebel insurgents insurgency ' +
    'militia militias terrorists terrorist terror fighters combat battlefield missile missiles drone drones bomb bombs bombing ' +
    'bombings artillery shelling airstrike airstrikes air-strike offensive invasion frontline front-line ceasefire weapons ' +
    'weapon tanks gunmen killed wounded casualties navy naval isis taliban hamas hezbollah al-qaeda explosive explosives ied ' +
    'defensive forces brigade battalion occupied occupation warplanes jets shells rockets grenade sniper kursk donbas front',
);

/** Words that name a whole war ("Russia's invasion of Ukraine", "since it invaded"): the background of its reporting, not one event of it. */
export const WHOLE_WAR = words('invasion invasions invade invades invaded invading');

/** Operations that end with a place taken: "liberated the town of X" tells of its capture too. */
export const LIBERATING = words('liberate liberates liberated liberating liberation');

export const EVERYDAY_OBJECTS = words('bill deal proposal plan idea legislation measure story amendment chances time mood buzz momentum');

/** A trigger rule as the language lists it: the type, the word class, the forms and the conditions. */
export type TriggerSpec = readonly [EventType, 'verb' | 'noun', string, Omit<TriggerRule, 'type' | 'pos'>?];

/** Trigger word forms of each event type, with the conditions under which they name one (TriggerRule). */
export const TRIGGER_SPECS: readonly TriggerSpec[] = [
  ['deploy', 'verb', 'deploy deploys deployed deploying redeploy redeployed redeploying', { conflict: true }],
  ['deploy', 'verb', 'send sends sent sending dispatch dispatches dispatched dispatching commit commits committed committing station stations stationed', { object: FORCES }],
  ['deploy', 'noun', 'deployment deployments redeployment', { conflict: true }],

  // Before the attack rules: "shooting down drones" is air defence, not a shooting.
  ['intercept', 'verb', 'shot shoot shoots shooting', { object: words('down'), not: EVERYDAY_OBJECTS }],
  ['intercept', 'verb', 'downed downing intercept intercepts intercepted intercepting', { object: AIRBORNE }],
  // "air defences destroyed 30 drones": what air defence destroys it shoots down.
  ['intercept', 'verb', 'destroy destroys destroyed destroying', { before: words('defence defences defense defenses'), object: AIRBORNE }],
  ['intercept', 'noun', 'interception interceptions', { object: AIRBORNE }],
  ['attack', 'verb', 'bombed bombard bombarded bombarding shelled invaded ambushed detonated detonate detonating', {}],
  ['attack', 'verb', 'exploded explode explodes', { conflict: true }],
  ['attack', 'verb', 'attack attacks attacked attacking strike strikes struck striking assault assaulted assaulting raid raided raiding ambush shoot shooting invade invades invading fired firing', { conflict: true, not: EVERYDAY_OBJECTS }],
  // "opened fire on the crowd".
  ['attack', 'noun', 'fire', { before: words('open opens opened opening') }],
  // "did not fire a single shell", "ordered to fire on the town": the plain verb after a negation, "to" or a modal, at what is shot.
  ['attack', 'verb', 'fire', { before: words("not n't never to will would did could cannot"), object: words('shell shells round rounds missile missiles rocket rockets salvo salvoes shot shots at on upon'), conflict: true }],
  // "shells hit the market", "a drone hit the depot": a weapon's hit is an attack; an economy's is not, nor "hit him on guns".
  ['attack', 'verb', 'hit hits', { object: WEAPONS, not: words('on') }],
  ['attack', 'noun', 'airstrike airstrikes air-strike air-strikes bombing bombings bombardment shelling incursion explosion explosions blast blasts detonation gunfire assassination assassinations massacre', {}],
  ['attack', 'noun', 'attack attacks assault assaults raid raids strike strikes invasion shooting shootings ambush', { conflict: true }],

  ['military_operation', 'noun', 'operation operations offensive offensives counteroffensive counter-offensive fighting battle battles combat hostilities clashes clash liberation', { conflict: true }],
  ['military_operation', 'noun', 'actions action', { before: words('defensive offensive military combat') }],
  ['military_operation', 'noun', 'campaign', { before: words('military bombing air aerial counterinsurgency') }],
  ['military_operation', 'verb', 'fight fights fought liberate liberated liberating clashed', { conflict: true }],

  ['capture', 'verb', 'capture captures captured capturing recapture recaptures recaptured recapturing retake retakes retook retaken retaking seize seized seizes seizing overran overrun occupy occupies', { conflict: true, not: words('on upon imagination attention') }],
  ['capture', 'noun', 'capture seizure', { conflict: true }],
  // "pushed the enemy's troops out of Kravtsy", "drove them out of the town": the place taken from them.
  ['capture', 'verb', 'push pushed pushes pushing drive drove driven drives driving forced forcing', { object: words('out'), conflict: true, place: true }],
  // "the city has fallen", "the fall of the town", "confirming the loss of the village": ground lost, told of the place.
  ['capture', 'verb', 'fall falls fell fallen', { conflict: true, place: true, undergoer: true }],
  ['capture', 'noun', 'fall loss', { conflict: true, place: true, undergoer: true }],
  // "took control of the town", "have taken full control of it", "regained control over": who holds a place.
  ['capture', 'noun', 'control', { conflict: true, before: words('take takes took taken taking seize seized seizing gain gains gained gaining regain regains regained regaining assume assumed establish established establishing full complete total'), place: true }],

  ['kill', 'verb', 'kill kills killed killing slain slew murdered murder assassinated executed die dies died dying', { not: EVERYDAY_OBJECTS }],
  // "its troops had lost the village": the place taken from the subject (before the soldiers lost, which need a count).
  ['capture', 'verb', 'lost lose loses losing', { conflict: true, place: true, placeObject: true, sufferer: true }],
  // "the army lost 12 soldiers near the town": its soldiers were killed (not "lost contact with two units").
  ['kill', 'verb', 'lost lose loses losing', { object: words('soldiers servicemen troops fighters men marines paratroopers personnel'), counted: true, conflict: true, sufferer: true, not: words('contact touch track sight control') }],
  ['kill', 'noun', 'killing killings deaths death dead fatalities slaying', { not: words('row penalty penalties threat threats sentence sentences certificate tax panel panels') }],
  // "the toll rose to 30", "the true toll was 14" (after "death toll" the two are one event); not "took a heavy toll", "toll roads".
  ['kill', 'noun', 'toll tolls', { counted: true, notAfter: words('take takes took taken taking exact exacts exacted heavy terrible'), not: words('road roads booth booths bridge bridges plaza free') }],

  ['injure', 'verb', 'injure injures injured injuring wound wounded wounding', {}],
  ['injure', 'noun', 'injuries injury', {}],

  ['withdraw', 'verb', 'withdraw withdraws withdrew withdrawn withdrawing retreat retreated retreating', { conflict: true }],
  ['withdraw', 'noun', 'withdrawal pullout pull-out retreat', { conflict: true }],
  // "pulled back from the village", "pulled its troops out of the city".
  ['withdraw', 'verb', 'pull pulls pulled pulling', { conflict: true, object: words('back out') }],
  // "its troops had left the village": forces leaving a named place withdraw from it ("the strike left 12 soldiers dead" does not).
  ['withdraw', 'verb', 'left leave leaves leaving', { conflict: true, object: FORCES, place: true, placeObject: true }],

  ['sign_agreement', 'verb', 'sign signs signed signing', { object: AGREEMENTS }],

  ['meet', 'verb', 'meet meets met', {}],
  ['meet', 'noun', 'meeting meetings summit summits visit visits visited visiting', {}],
  ['meet', 'noun', 'talks', { before: words('held hold holds holding peace direct bilateral trilateral ceasefire the in for') }],

  ['sanction', 'verb', 'sanctioned sanctioning blacklisted blacklist', {}],
  ['sanction', 'noun', 'sanction sanctions embargo embargoes', {}],

  ['arms_transfer', 'verb', 'supply supplies supplied supplying deliver delivers delivered delivering provide provides provided providing transfer transfers transferred transferring ship ships shipped shipping sell sells sold selling send sends sent sending', { object: WEAPONS }],
  ['arms_transfer', 'noun', 'shipment shipments deliveries delivery transfer transfers sale sales', { object: WEAPONS }],
  ['arms_transfer', 'noun', 'assistance aid', { before: words('military lethal') }],

  ['commemorate', 'verb', 'commemorate commemorates commemorated commemorating mourn mourned mourning', {}],
  ['commemorate', 'noun', 'commemoration commemorations memorial memorials monument monuments tribute remembrance wreath', {}],

  ['protest', 'verb', 'protested protesting rioted', {}],
  ['protest', 'noun', 'protest protests protesters protestors demonstration demonstrations demonstrators riot riots', {}],

  ['arrest', 'verb', 'arrest arrests arrested arresting detain detains detained detaining jailed imprisoned', {}],
  ['arrest', 'noun', 'detention', {}],

  ['threaten', 'verb', 'threaten threatens threatened threatening', {}],
  ['threaten', 'noun', 'ultimatum', {}],

  // A truce broken is told of the fire, not of the truce: "accused them of violating the ceasefire".
  ['ceasefire', 'noun', 'ceasefire cease-fire truce armistice', { notAfter: words('violate violates violated violating violation violations breach breaches breached breaching break breaks broke broken breaking') }],
];

/** Words before a trigger that deny the event. */
export const NEGATIONS = new Set(['not', "n't", 'never', 'no', 'without']);

/** Words opening a sentence that moves to another scene: a count after them is not of the event told before. */
export const SCENE_SHIFTS = words('elsewhere separately meanwhile also additionally further');

/** Nouns that, after "the", point back to a site the text placed before ("drones hit the site" after "a depot near Uyuni"). */
export const SITES = words('site facility depot base plant warehouse compound installation airfield airbase refinery arsenal');

/** Words between a verb and the place that is its object ("lost the strategic village of Zolotvyn"). */
export const PLACE_OBJECT_WORDS = words('the a village town city settlement port region district key strategic eastern western northern southern frontline front-line of');

/** Subjects that deny the event of their clause: "none of its drones had been intercepted", "neither of the towns was taken". */
export const NONE_OF = new Set(['none', 'neither']);

/** Words between a negation and a trigger that end its reach: "not confined to the strike" denies no strike. */
export const NEGATION_BREAKS = new Set(['to', 'of', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'about', 'over', 'into', 'than']);

/** Words before a trigger that make the event planned. */
export const PLANNED = new Set(
  "will 'll would shall plan plans planned planning intend intends intended intending prepare prepares preparing vowed vow vows pledged pledge pledges threatened threatens aims aim seeks seek wants want going ready".split(' '),
);

/** Words between two triggers of one type that make them two events. */
export const CLAUSE_BREAKS = new Set([',', ';', ':', '.', '—', '–', '(', ')', 'but', 'and', 'that', 'which', 'who']);

/** Determiners before a participle make it an adjective naming an event told elsewhere ("the captured soldiers"). */
export const DETERMINERS = new Set(['the', 'a', 'an', 'these', 'those', 'this', 'their', 'its', 'his', 'her']);

/** Words before a noun trigger that make it a verb ("to combat", "would battle"). */
export const VERB_SLOT = new Set(['to', 'will', 'would', 'can', 'could', 'should', 'must', 'might', 'may']);

/** Words after "to" + a noun trigger that keep it a noun ("in response to attacks on"). */
export const NOUN_FOLLOWERS = new Set(['on', 'in', 'of', 'by', 'against', 'at', 'from', 'and', 'or', ',', '.', ';', ':', 'that', 'which']);

/** Words before a place name. */
export const PLACE_PREPOSITIONS = new Set(
  'in into to near at across inside outside around from of both over throughout toward towards within on entering across'.split(' '),
);

/** Words between a place preposition and its place ("in the occupied parts of"). */
export const SKIPPABLE = new Set(['the', 'a', 'an', 'both', 'southern', 'northern', 'eastern', 'western', 'central', 'occupied', 'parts', 'part']);

/** Auxiliaries of a passive trigger: "was captured", "got killed". */
export const PASSIVE_AUXILIARIES: ReadonlySet<string> = new Set([...BE, 'get', 'got']);

/** Words between a place and the verb it undergoes: "the town had finally fallen", "has not fallen". */
export const UNDERGOER_GAP = new Set(['has', 'have', 'had', 'was', 'is', 'would', 'will', 'could', 'may', 'might', 'not', "n't", 'never', 'already', 'finally', 'effectively', 'now', 'reportedly', 'all', 'but', 'almost', 'nearly', 'since', 'also']);

/** Adverbs between a passive's auxiliary and its trigger. */
export const ADVERBS = new Set(['reportedly', 'allegedly', 'also', 'later', 'already', 'recently', 'then', 'not', "n't", 'never', 'personally', 'reportedly']);

/** Prepositions before an event's target ("strikes on the plant"). */
export const TARGET_PREPOSITIONS = new Set(['on', 'against', 'of', 'with', 'between', 'at']);

/** Words that end the clause a trigger's arguments come from ("strikes on the plant, and accuses Moscow"). */
export const CLAUSE_ENDS = new Set([',', ';', ':', '(', ')', '—', '–', 'but', 'that', 'which', 'who', 'whom', 'while', 'whereas', 'although', 'because']);

/** Words between a subject (or a subjectless content's start) and its event: "it *was* sending", "*to* send", "*having already* deployed". */
export const OPENERS = new Set(
  'to having had has have was were is are am been be being will would could should might may can did does do already not never also personally reportedly recently now both still'.split(' '),
);

/** A pronoun subject or possessive in a claim's content that stands for its speaker ("it had sent troops", "its soldiers fought"). */
export const SPEAKER_PRONOUNS = new Set(['it', 'its', 'they', 'their', 'we', 'our', 'he', 'his', 'she', 'her', 'i', 'my']);

/** Words after "to" that make it no infinitive ("to the occupied parts"). */
export const NOT_A_VERB = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'this', 'that', 'these', 'those', 'both', 'parts', 'part', 'southern', 'northern', 'eastern', 'western', 'central', 'occupied']);
