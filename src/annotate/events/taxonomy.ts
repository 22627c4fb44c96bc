/**
 * The event taxonomy for conflict and politics news (docs/events.md): each type with what it
 * covers and where it sits in CAMEO (root code) and ACLED (event type), so events can be compared
 * with those datasets. `null` where neither scheme has a fitting class.
 */
export interface EventTypeInfo {
  description: string;
  /** CAMEO root code and name. */
  cameo: string | null;
  /** ACLED event type (sub-event type where it narrows it). */
  acled: string | null;
}

export const EVENT_TAXONOMY = {
  deploy: {
    description: 'armed forces sent to, stationed in or committed to a place or a war',
    cameo: '15 Exhibit force posture',
    acled: 'Strategic developments',
  },
  attack: {
    description: 'an armed attack: strike, shelling, bombing, raid, invasion, explosion, shooting',
    cameo: '19 Fight / 18 Assault',
    acled: 'Explosions/Remote violence; Battles; Violence against civilians',
  },
  military_operation: {
    description: 'sustained military action: an operation, offensive, fighting, liberation of an area',
    cameo: '19 Fight',
    acled: 'Battles',
  },
  capture: {
    description: 'people taken prisoner or ground taken in war',
    cameo: '19 Fight (192 Occupy territory) / 18 Assault (181 Abduct)',
    acled: 'Battles (territory changes hands); Strategic developments',
  },
  kill: {
    description: 'people killed',
    cameo: '18 Assault / 19 Fight (with fatalities)',
    acled: 'any type with fatalities; Violence against civilians',
  },
  injure: {
    description: 'people wounded or injured',
    cameo: '18 Assault',
    acled: 'Violence against civilians (non-fatal)',
  },
  withdraw: {
    description: 'forces pulled out of, or retreating from, a place',
    cameo: '08 Yield (0874 Retreat or surrender militarily)',
    acled: 'Strategic developments',
  },
  sign_agreement: {
    description: 'a treaty, deal, accord or memorandum signed',
    cameo: '05 Engage in diplomatic cooperation (057 Sign formal agreement)',
    acled: 'Strategic developments (Agreement)',
  },
  meet: {
    description: 'a meeting, summit, talks or visit between parties',
    cameo: '04 Consult',
    acled: null,
  },
  sanction: {
    description: 'sanctions, an embargo or a blacklisting imposed',
    cameo: '16 Reduce relations (163 Impose embargo, boycott, or sanctions)',
    acled: null,
  },
  arms_transfer: {
    description: 'weapons or military aid supplied, delivered or sold',
    cameo: '07 Provide aid (074 Provide military aid)',
    acled: 'Strategic developments',
  },
  commemorate: {
    description: 'a memorial, monument, tribute or commemoration',
    cameo: null,
    acled: null,
  },
  protest: {
    description: 'a protest, demonstration or riot',
    cameo: '14 Protest',
    acled: 'Protests; Riots',
  },
  arrest: {
    description: 'people arrested, detained or jailed by authorities',
    cameo: '17 Coerce (173 Arrest, detain)',
    acled: 'Strategic developments (Arrests)',
  },
  threaten: {
    description: 'a threat of force or coercion',
    cameo: '13 Threaten',
    acled: null,
  },
  ceasefire: {
    description: 'a ceasefire or truce declared or agreed',
    cameo: '08 Yield (0871 Declare truce, ceasefire)',
    acled: 'Strategic developments (Agreement)',
  },
  intercept: {
    description: 'drones, missiles or aircraft shot down or intercepted',
    cameo: '19 Fight',
    acled: 'Strategic developments (Disrupted weapons use)',
  },
} as const satisfies Record<string, EventTypeInfo>;

export type EventType = keyof typeof EVENT_TAXONOMY;

export const EVENT_TYPES = Object.keys(EVENT_TAXONOMY) as EventType[];
