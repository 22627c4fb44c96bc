// How the CLI and the workbench show parts of the analysis to readers.
import { formatDate } from './dates.js';
import type { Stance } from './types.js';

/** A claim's stance: "not confirm" when the cue is negated. */
export function stanceLabel(c: { stance: Stance | string; negated?: boolean }): string {
  return c.negated ? `not ${c.stance}` : c.stance;
}

/** Said once under a list that shows ≈ dates. */
export const INFERRED_NOTE = '≈ the text does not say when: the date is inferred (its article\'s publication, or the claim it answers)';

/**
 * What one side of a contradiction holds, as the workbench heads it: "at least 100 killed", "3 Mar 2026", "blames
 * Bolivia"; null for a side that only affirms or denies (kind stance).
 */
export function sideHead(kind: string, side: { value?: number | string; label?: string }): string | null {
  if (side.value === undefined) return null;
  if (kind === 'blame') return `blames ${side.value}`;
  return side.label ?? (typeof side.value === 'number' ? side.value.toLocaleString('en-US') : kind === 'date' ? formatDate(side.value) : side.value);
}

/** Words in quotation marks, unless they bring their own (a direct quote's content). */
export function quoted(text: string): string {
  return /^["“”'‘’]/.test(text) ? text : `“${text}”`;
}

/**
 * When a claim was made, for lists: the date the text gives, else "≈" and the date it is placed at
 * (see INFERRED_NOTE), else "undated".
 */
export function claimDate(c: { said: string | null; placed?: string | null; published?: string | null }): { text: string; inferred: boolean } {
  if (c.said) return { text: formatDate(c.said), inferred: false };
  const placed = c.placed !== undefined ? c.placed : (c.published ?? null);
  return placed ? { text: `≈ ${formatDate(placed)}`, inferred: true } : { text: 'undated', inferred: false };
}

/**
 * How a sentence tells each event type: the verb after an actor, the phrase without one, and the
 * word before the place. Types that count people (`counted`) say the count and whose they are:
 * "Ukraine captured 2 from North Korea", "3,000 from North Korea killed".
 */
const TOLD: Record<string, { did: string; done: string; at: string; counted?: boolean }> = {
  deploy: { did: 'sent forces', done: 'Forces sent', at: 'to' },
  attack: { did: 'attacked', done: 'Attack', at: 'in' },
  military_operation: { did: 'fought', done: 'Fighting', at: 'in' },
  capture: { did: 'captured', done: 'captured', at: 'in', counted: true },
  kill: { did: 'killed', done: 'killed', at: 'in', counted: true },
  injure: { did: 'wounded', done: 'wounded', at: 'in', counted: true },
  arrest: { did: 'arrested', done: 'arrested', at: 'in', counted: true },
  withdraw: { did: 'withdrew forces', done: 'Forces withdrawn', at: 'from' },
  sign_agreement: { did: 'signed an agreement', done: 'Agreement signed', at: 'in' },
  meet: { did: 'met', done: 'Meeting', at: 'in' },
  sanction: { did: 'imposed sanctions on', done: 'Sanctions', at: 'in' },
  arms_transfer: { did: 'supplied arms', done: 'Arms supplied', at: 'to' },
  commemorate: { did: 'held a commemoration', done: 'Commemoration', at: 'in' },
  protest: { did: 'protested', done: 'Protest', at: 'in' },
  threaten: { did: 'threatened', done: 'Threat', at: 'in' },
  ceasefire: { did: 'agreed a ceasefire', done: 'Ceasefire', at: 'in' },
  intercept: { did: 'shot down', done: 'shot down', at: 'over', counted: true },
};

/** What a sentence needs of an event: names already resolved. */
export interface EventWords {
  type: string;
  trigger: string;
  actor: string | null;
  target: string | null;
  place: string | null;
  quantity: number | null;
  status: string;
}

/**
 * An event as a short sentence with its arguments: "Russia attacked Ukraine in Zaporizhzhia",
 * "Ukraine captured 2 from North Korea in Kursk Oblast", "Fighting in Kursk Oblast"; a status
 * other than asserted after a dash ("— reported").
 */
export function eventSentence(e: EventWords): string {
  const told = TOLD[e.type] ?? { did: e.trigger, done: e.trigger, at: 'in' };
  const n = e.quantity !== null ? e.quantity.toLocaleString('en-US') : null;
  let head: string;
  if (told.counted) {
    const whose = `${n ?? (e.actor ? 'people' : 'People')}${e.target ? ` from ${e.target}` : ''}`;
    head = e.actor ? `${e.actor} ${told.did} ${whose}` : `${whose} ${told.done}`;
  } else {
    const count = n ? ` (${n})` : '';
    head = e.actor ? `${e.actor} ${told.did}${e.target ? ` ${e.target}` : ''}${count}` : `${told.done}${e.target ? ` ${e.type === 'attack' ? 'on' : 'against'} ${e.target}` : ''}${count}`;
  }
  const place = e.place ? ` ${told.at} ${e.place}` : '';
  const status = e.status && e.status !== 'asserted' ? ` — ${e.status}` : '';
  return `${head.charAt(0).toUpperCase()}${head.slice(1)}${place}${status}`;
}
