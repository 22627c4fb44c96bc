import type { EventSig } from './features.js';
import { sameWarPlace, standIn, type Link } from './links.js';
import type { Member } from './members.js';
import { eventMatch, MILITARY, type PropFeatures } from './propositions.js';

/**
 * Short names for what a proposition, a contradiction or a story is about, for lists and search:
 * the event the claims share, said as a question where they disagree ("whether North Korea sent
 * forces to Russia", "whether the fighting in Kursk Oblast is over", "how many were killed: North
 * Korea, Kursk Oblast"); without an event, the opening of the statement the others answer.
 */
export type NameOf = (id: string) => string;

const NOUN: Record<string, string> = {
  deploy: 'deployment',
  attack: 'attack',
  military_operation: 'fighting',
  capture: 'capture',
  kill: 'killing',
  injure: 'injuries',
  withdraw: 'withdrawal',
  sign_agreement: 'agreement signed',
  meet: 'meeting',
  sanction: 'sanctions',
  arms_transfer: 'arms supplies',
  commemorate: 'commemoration',
  protest: 'protest',
  arrest: 'arrest',
  threaten: 'threat',
  ceasefire: 'ceasefire',
  intercept: 'interception',
};

/** What the actor did, in the past tense, and the word before a place. */
const DID: Record<string, [string, string]> = {
  deploy: ['sent forces', 'to'],
  attack: ['attacked', ''],
  military_operation: ['fought', 'in'],
  capture: ['captured', 'in'],
  kill: ['killed', 'in'],
  injure: ['wounded', 'in'],
  withdraw: ['withdrew forces', 'from'],
  sign_agreement: ['signed an agreement', 'in'],
  meet: ['met', 'in'],
  sanction: ['imposed sanctions', 'in'],
  arms_transfer: ['supplied arms', 'to'],
  commemorate: ['held a commemoration', 'in'],
  protest: ['protested', 'in'],
  arrest: ['arrested', 'in'],
  threaten: ['threatened', 'in'],
  ceasefire: ['agreed a ceasefire', 'in'],
  intercept: ['shot down', 'over'],
};

const COUNTED: Record<string, string> = {
  deploy: 'how many troops were sent',
  capture: 'how many were captured',
  kill: 'how many were killed',
  injure: 'how many were wounded',
  arrest: 'how many were arrested',
  protest: 'how many protested',
  withdraw: 'how many troops withdrew',
  arms_transfer: 'how many weapons were supplied',
  attack: 'how many attacks there were',
  intercept: 'how many were shot down',
};

const MAX = 100;

/** A proposition: its first event, else the opening of its first affirming claim. */
export function propositionAbout(p: PropFeatures | undefined, members: readonly Member[], nameOf: NameOf): string {
  return aboutFrom(p, () => [...members].sort((a, b) => b.position - a.position || a.articleSeq - b.articleSeq || a.contentStart - b.contentStart)[0]!.content, nameOf);
}

/** A proposition's first event, else the opening of `content()`, its first affirming claim's content (read only then). */
export function aboutFrom(p: PropFeatures | undefined, content: () => string, nameOf: NameOf): string {
  const e = p?.events[0];
  return e ? eventPhrase(e, nameOf) : opening(content());
}

/**
 * What the claims of a contradiction or story disagree on: the event most of them tell of; else
 * the opening of the affirming statement that others answer (or of the shortest one).
 */
export function disputeAbout(kind: 'stance' | 'number' | 'date' | 'story', claims: readonly Member[], byClaim: ReadonlyMap<string, Member>, nameOf: NameOf): string {
  const told = claims.map((m) => standIn(m, byClaim));
  const predicated = told.filter((f) => f.predicate !== 0);
  if (kind !== 'number' && kind !== 'date' && predicated.length >= 2 && sameWarPlace(predicated[0]!, predicated[1]!)) {
    const place = predicated[0]!.events.find((e) => MILITARY.has(e.type) && e.place)!.place!;
    return `whether the fighting in ${nameOf(place)} is over`;
  }
  // A story of claims that mostly say the same names the event only when two of them tell it.
  const e = sharedEvent(told.map((f) => f.events), kind === 'story' ? 2 : 1);
  if (e) {
    if (kind === 'number') return `${COUNTED[e.type] ?? `how many (${NOUN[e.type] ?? e.type})`}: ${[e.target, e.place].filter(Boolean).map((id) => nameOf(id!)).join(', ') || eventPhrase(e, nameOf)}`;
    if (kind === 'date') return `when: ${eventPhrase(e, nameOf)}`;
    return question(e, nameOf);
  }
  const affirming = claims.filter((m) => m.position > 0 && m.features.refers === 0);
  const answered = affirming.filter((m) => claims.some((o) => o.features.answers === m.claim && o.article === m.article));
  const pick = (answered.length ? answered : affirming.length ? affirming : claims).reduce((a, b) => (b.content.length < a.content.length ? b : a));
  return opening(pick.content);
}

/** The event told by the most claims, at least `least` (of war events first), matching on type and compatible arguments. */
function sharedEvent(lists: readonly (readonly EventSig[])[], least = 1): EventSig | null {
  let best: EventSig | null = null;
  let bestCount = 0;
  for (const list of lists) {
    for (const e of list) {
      const tellers = lists.filter((l) => l.some((x) => x === e || eventMatch(x, e, {}) > 0)).length;
      if (tellers < least) continue;
      const count = tellers + (MILITARY.has(e.type) ? 0.5 : 0);
      const known = [e.actor, e.target, e.place].filter(Boolean).length;
      if (known && (count > bestCount || (count === bestCount && best && known > [best.actor, best.target, best.place].filter(Boolean).length))) {
        best = e;
        bestCount = count;
      }
    }
  }
  return best;
}

/** "whether North Korea sent forces to Russia"; without an actor, "the attack on Zaporizhzhia". */
function question(e: EventSig, nameOf: NameOf): string {
  const [did, to] = DID[e.type] ?? [e.type, 'in'];
  if (!e.actor) return eventPhrase(e, nameOf);
  const parts = [`whether ${nameOf(e.actor)} ${did}`, e.target && e.target !== e.place && nameOf(e.target), e.place && `${to} ${nameOf(e.place)}`.trim()];
  return parts.filter(Boolean).join(' ');
}

/** "deployment by North Korea to Russia", "attack on Zaporizhzhia". */
export function eventPhrase(e: EventSig, nameOf: NameOf): string {
  const to = DID[e.type]?.[1] || (e.type === 'attack' ? 'on' : 'in');
  // A town struck is named once, as the place ("attack on Arica", not "attack against Arica on Arica").
  const target = e.target !== e.place ? e.target : null;
  const parts = [NOUN[e.type] ?? e.type, e.actor && `by ${nameOf(e.actor)}`, target && `against ${nameOf(target)}`, e.place && `${to} ${nameOf(e.place)}`];
  return parts.filter(Boolean).join(' ');
}

/**
 * The opening of a content: its first sentence or clause, without wrapping quotes or the comma a
 * quote ends on before its cue ("We will not stand idle," he said), cut at a word.
 */
function opening(content: string): string {
  const bare = (s: string) => s.replace(/^["“”'‘’\s]+|[\s"“”'‘’,;:–—-]+$/g, '');
  let text = bare(content.replace(/\s+/g, ' ').trim());
  const stop = text.search(/[.;!?](?:\s|["”’]|$)/);
  if (stop > 20) text = bare(text.slice(0, stop));
  if (text.length <= MAX) return text;
  const cut = text.lastIndexOf(' ', MAX - 1);
  return `${text.slice(0, cut > 40 ? cut : MAX - 1)}…`;
}

/** One line saying why two claims are set against each other (links.ts). */
export function linkWhy(link: Link, nameOf: NameOf): string {
  switch (link.kind) {
    case 'answers':
      return `${link.answer.speaker ?? 'the article'} answers ${link.answered.speaker ?? 'an unattributed claim'}`;
    case 'wording':
      return 'the same words, one side denying or negating them';
    case 'subject':
      return `the same said of ${nameOf(link.subject)} (“${link.word}…”), one side denying it`;
    case 'denial':
      return 'the same deed, one side denying it in fewer words';
    case 'plan':
      return 'a plan for it disowned, and the deed told as done';
    case 'war':
      return `one side says the fighting in ${nameOf(link.place)} is over, the other that it goes on`;
    case 'event':
      return `the same event: ${eventPhrase(link.event, nameOf)}`;
  }
}
