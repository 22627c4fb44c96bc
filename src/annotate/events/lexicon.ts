import type { EventType } from './taxonomy.js';

/**
 * Event triggers: word forms (lower case) and the conditions under which they name an event of a
 * type. Many trigger words have everyday senses ("attacked his rival", "sent a letter", "signed a
 * book"), so a rule may ask for an object word nearby or for a sentence that speaks of armed
 * conflict. Forms are listed whole (no stemming at run time): one Map lookup per token.
 */
export interface TriggerRule {
  type: EventType;
  pos: 'verb' | 'noun';
  /** One of these words must lie within a few tokens after (or, for a passive, before) the trigger. */
  object?: ReadonlySet<string>;
  /** One of these words must come right before the trigger ("defensive actions", "military aid"). */
  before?: ReadonlySet<string>;
  /** The sentence must speak of armed conflict (see CONFLICT_WORDS). */
  conflict?: boolean;
  /** Nearby words that show the everyday sense ("killed the bill"): the rule does not fire. */
  not?: ReadonlySet<string>;
}

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

const AGREEMENTS = words(
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

const EVERYDAY_OBJECTS = words('bill deal proposal plan idea legislation measure story amendment chances time mood buzz momentum');

type Spec = [EventType, 'verb' | 'noun', string, Omit<TriggerRule, 'type' | 'pos'>?];

const SPECS: Spec[] = [
  ['deploy', 'verb', 'deploy deploys deployed deploying redeploy redeployed redeploying', { conflict: true }],
  ['deploy', 'verb', 'send sends sent sending dispatch dispatches dispatched dispatching commit commits committed committing station stations stationed', { object: FORCES }],
  ['deploy', 'noun', 'deployment deployments redeployment', { conflict: true }],

  ['attack', 'verb', 'bombed bombard bombarded bombarding shelled invaded ambushed detonated detonate detonating', {}],
  ['attack', 'verb', 'exploded explode explodes', { conflict: true }],
  ['attack', 'verb', 'attack attacks attacked attacking strike strikes struck striking assault assaulted assaulting raid raided raiding ambush shoot shooting invade invades invading fired', { conflict: true, not: EVERYDAY_OBJECTS }],
  ['attack', 'noun', 'airstrike airstrikes air-strike air-strikes bombing bombings bombardment shelling incursion explosion explosions blast blasts detonation gunfire assassination assassinations massacre', {}],
  ['attack', 'noun', 'attack attacks assault assaults raid raids strike strikes invasion shooting shootings ambush', { conflict: true }],

  ['military_operation', 'noun', 'operation operations offensive offensives counteroffensive counter-offensive fighting battle battles combat hostilities clashes clash liberation', { conflict: true }],
  ['military_operation', 'noun', 'actions action', { before: words('defensive offensive military combat') }],
  ['military_operation', 'noun', 'campaign', { before: words('military bombing air aerial counterinsurgency') }],
  ['military_operation', 'verb', 'fight fights fought liberate liberated liberating clashed', { conflict: true }],

  ['capture', 'verb', 'capture captures captured capturing recapture recaptures recaptured recapturing retake retakes retook retaken retaking seize seized seizes seizing overran overrun occupy occupies', { conflict: true, not: words('on upon imagination attention') }],
  ['capture', 'noun', 'capture seizure', { conflict: true }],

  ['kill', 'verb', 'kill kills killed killing slain slew murdered murder assassinated executed die dies died dying', { not: EVERYDAY_OBJECTS }],
  ['kill', 'noun', 'killing killings deaths death dead fatalities slaying', { not: words('row penalty penalties threat threats sentence sentences certificate tax panel panels') }],

  ['injure', 'verb', 'injure injures injured injuring wound wounded wounding', {}],
  ['injure', 'noun', 'injuries injury', {}],

  ['withdraw', 'verb', 'withdraw withdraws withdrew withdrawn withdrawing retreat retreated retreating', { conflict: true }],
  ['withdraw', 'noun', 'withdrawal pullout pull-out retreat', { conflict: true }],

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

  ['ceasefire', 'noun', 'ceasefire cease-fire truce armistice', {}],
];

/** Trigger rules by lower-cased word form. */
export const TRIGGERS: ReadonlyMap<string, readonly TriggerRule[]> = (() => {
  const map = new Map<string, TriggerRule[]>();
  for (const [type, pos, forms, options] of SPECS) {
    for (const form of forms.split(' ')) {
      const list = map.get(form) ?? [];
      list.push({ type, pos, ...options });
      map.set(form, list);
    }
  }
  return map;
})();
