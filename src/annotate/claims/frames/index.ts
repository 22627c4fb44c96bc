/**
 * Drafts of claims read from cue candidates, one file per construction: verb cues with their
 * complements and speakers (verbs.ts, subjects.ts), content before the cue (quotes.ts) and after
 * it (complements.ts, relatives.ts), passives (passives.ts), noun cues (nouns.ts), "according to" and polls
 * (according.ts), speaker labels (labels.ts), a cue answering what was just said (appositive.ts). The words they read are the language's
 * (src/lang/en/claims.ts).
 */
import { TAG } from '../../pos/tags.js';
import type { Context } from '../context.js';
import type { CueEntry } from '../lexicon.js';
import { according, opinion, poll } from './according.js';
import { appositive } from './appositive.js';
import { relayBetween } from './complements.js';
import type { Candidate, Draft, Range } from './draft.js';
import { label } from './labels.js';
import { noun } from './nouns.js';
import { subject } from './subjects.js';
import { verb } from './verbs.js';

export { labelAt } from './labels.js';
export type { Candidate, Draft, Range, RuleName } from './draft.js';

/** Builds drafts from cue candidates. One instance per doc. */
export class Frames {
  private readonly drafts: Draft[] = [];

  constructor(private readonly ctx: Context) {}

  analyze(c: Candidate): Draft | null {
    const d =
      c.kind === 'according' ? according(this.ctx, c)
      : c.kind === 'poll' ? poll(this.ctx, c)
      : c.kind === 'opinion' ? opinion(this.ctx, c)
      : c.kind === 'label' ? label(this.ctx, c)
      : c.entry.noun ? noun(this.ctx, c)
      : (appositive(this.ctx, c, this.drafts) ?? verb(this.ctx, c));
    if (!d || (c.quoted && !this.toldInQuote(d))) return null;
    // "…, an allegation that the ministry rejected": the noun names what is answered, it is no cue.
    if (d.rule === 'appositive') {
      const at = this.drafts.findIndex((o) => o.rule === 'noun' && o.head > d.boundary && o.head < d.source![0]);
      if (at >= 0) this.drafts.splice(at, 1);
    }
    // "“…,” he continued", "the sign read: “…”" — these verbs report only quoted words.
    if (c.entry.frame === 'quote' && !d.parts.every(([a]) => this.ctx.opensQuote(a))) return null;
    if (c.kind === 'lexicon' && !c.entry.noun && (this.tellsADeed(c.entry, d) || this.asksAnonymity(d))) return null;
    // "said this in a comment", "confirmed as much": the words point back at a claim already read.
    if (d.rightFrom >= 0 && this.pointsBack(d.parts[0]!)) return null;
    if (d.inherits && !d.source) this.mainSubject(d);
    if (c.kind === 'lexicon' && !c.entry.noun) d.via = this.viaOf(d);
    this.drafts.push(d);
    return d;
  }

  /**
   * Whether a verb reads here as something its subject does rather than says: "sought to
   * expand", "refused to condemn", "agreed to host", "declined to comment", "ordered a
   * mobilisation", "backed the resolution". Such verbs attribute only with a clause or a quote
   * ("agreed that …", "ordered troops to withdraw", "backed the claim that …").
   */
  private tellsADeed(entry: CueEntry, d: Draft): boolean {
    const { ctx } = this;
    if (d.rightFrom < 0 || !d.parts.length) return false;
    const first = d.rightFrom;
    if (ctx.opensQuote(first) || ctx.lower[first - 1] === 'that' || ctx.lower[first - 1] === ':' || this.opensFiniteClause(d.parts[0]!)) return false;
    if (ctx.lex.OWN_DEEDS.has(entry.lemma)) return true;
    if (ctx.lex.TOPIC_ON.has(entry.lemma) && ctx.lower[first] === 'on') return true;
    // "addressed the UN General Assembly's session", "addressing the opening ceremony": an audience, not a topic.
    if (ctx.lex.SPEAKING_TO.has(entry.lemma)) {
      const [a, b] = d.parts[0]!;
      const np = ctx.npRight(a, b, true);
      for (let k = a; k < (np > a ? np : b); k++) if (ctx.lex.VENUES.has(ctx.lower[k]!)) return true;
    }
    // "feel buoyed", "imagine a world": a state felt or a thing imagined states nothing.
    if (ctx.lex.KNOWING.has(entry.lemma)) return true;
    if (ctx.lex.SEEING.has(entry.lemma) && d.rule !== 'passive') {
      // "see why …", "sees the deal as a trap": a question or a view.
      const [a, b] = d.parts[0]!;
      if (this.opensQuestion(a)) return false;
      for (let k = a; k < b; k++) if (ctx.lower[k] === 'as') return false;
      return true;
    }
    if (!ctx.lex.DOING.has(entry.lemma)) return false;
    // "appealed for calm": what a cue with its particle "for" calls for is a demand.
    if (ctx.lower[d.cue[1] - 1] === 'for') return false;
    // Wanting or directing that someone else act is a demand: "wants Kyiv to recognise …",
    // "ordered troops to withdraw" — not "wants to build", "ordered a mobilisation".
    // (The infinitive must follow the object: "ordered a mobilisation in an attempt to turn …" is a deed.)
    const [a, b] = d.parts[0]!;
    if (ctx.lower[a] === 'to') return true;
    let object = ctx.startsNp(a) ? ctx.npRight(a, b, false, true) : -1;
    // "appealed to the firm in March to stop …": a time may stand between the object and the infinitive.
    while (object > a && object < b && (ctx.timeOf[object]! >= 0 || (ctx.lex.TIME_PREPOSITIONS.has(ctx.lower[object]!) && ctx.timeOf[object + 1]! >= 0))) object++;
    return !(object > a && ctx.lower[object] === 'to' && ctx.isVerb(object + 1));
  }

  /**
   * Does a cue inside a quotation report what someone the quote names said ("“[The general] has
   * tried to tell a story that …,” the envoy said")? Then that claim is the other's and stands
   * beside the quoting one; the quoted speaker's own "we said", "I warned" do not.
   */
  private toldInQuote(d: Draft): boolean {
    const { ctx } = this;
    const q = ctx.quotes.of[d.head]!;
    if (!d.source || d.rightFrom < 0 || d.inherits || ctx.quotes.of[d.source[0]] !== q || d.parts.length !== 1) return false;
    // The content read to the sentence end: it ends with the quote.
    const part = d.parts[0]!;
    if (ctx.quotes.of[part[0]] !== q) return false;
    part[1] = Math.min(part[1], ctx.quotes.list[q]!.close);
    // Words said, in a that-clause — not what the quoted speaker supposes others think or want,
    // nor a quote within the quote (the quoted speaker retelling a talk goes on as their own words).
    if (d.entry.frame !== 'speech' || ctx.lower[d.rightFrom - 1] !== 'that') return false;
    // Said already: not "will announce", "would say".
    let k = d.cue[0] - 1;
    while (k > d.source[1] && ctx.tags[k] === TAG.ADV) k--;
    if (ctx.tags[k] === TAG.AUX && !ctx.lex.PERFECT_OR_BE.has(ctx.lower[k]!)) return false;
    // Someone named ("former President Vale openly said that …"): a pronoun inside a quote is
    // read against the speakers outside it, and "no one", "this museum" name no speaker.
    const head = (d.sourceHead ?? d.source)[1] - 1;
    if (ctx.tags[head] !== TAG.PROPN) return false;
    d.quoted = true;
    d.boundary = -1;
    return true;
  }

  /** Is a content only a word pointing back ("this", "so", "as much"), with at most a phrase after it ("said this in a comment")? */
  private pointsBack([a, b]: Range): boolean {
    const { ctx } = this;
    const w = ctx.lower[a]!;
    const next = w === 'as' && ctx.lower[a + 1] === 'much' ? a + 2 : ctx.lex.POINTING.has(w) ? a + 1 : -1;
    return next > 0 && (next >= b || ctx.tags[next] === TAG.ADP || ctx.isPunct(next));
  }

  /** "A doctor, who asked not to be named, said …": the condition a source spoke on, not a demand it made. */
  private asksAnonymity(d: Draft): boolean {
    const a = d.parts[0]?.[0];
    if (a === undefined) return false;
    const { lower } = this.ctx;
    // "who spoke on condition of anonymity", "on the condition that he not be named".
    const c = lower[a] === 'the' ? a + 1 : a;
    if (lower[c] === 'condition' && (lower[c + 1] === 'of' || lower[c + 1] === 'that')) return true;
    return lower[a] === 'not' && lower[a + 1] === 'to' && lower[a + 2] === 'be' && this.ctx.lex.UNNAMED.has(lower[a + 3]!);
  }

  /** Does an indirect question open at token k ("why …", "whether …")? */
  private opensQuestion(k: number): boolean {
    return this.ctx.tags[k] === TAG.WH || this.ctx.lower[k] === 'whether';
  }

  /** Does a content open with a subject and its finite verb ("she should share …", "the talks had failed")? */
  private opensFiniteClause([a, b]: Range): boolean {
    const { ctx } = this;
    if (!ctx.startsNp(a)) return false;
    const end = ctx.npRight(a, b, false);
    if (end <= a || end >= b) return false;
    const v = ctx.skipAdverbsRight(end, b);
    if (v >= b) return false;
    // "a deal brokered by the UN": a participle with its agent qualifies the noun.
    if (ctx.lex.isParticiple(ctx.lower[v]!) && ctx.lower[v + 1] === 'by') return false;
    // "appeal to the court should the ruling stand": an inverted condition opens after the object.
    // ("had", "were" before a noun phrase are mostly a clause's own verb: only "should" here.)
    if (ctx.lower[v] === 'should' && ctx.startsNp(v + 1)) return false;
    return ctx.isVerb(v) && !ctx.lower[v]!.endsWith('ing') && ctx.lower[v - 1] !== 'to';
  }

  /**
   * For an attached clause, the subject of the sentence's first verb ("Dean, a former party
   * chairman, poked at Trump …, tweeting …"): the speaker when no claim before it has one.
   */
  private mainSubject(d: Draft): void {
    const { ctx } = this;
    const sf = ctx.sentFirst(d.head);
    // The first verb with a subject: an opening participle ("Asked about the reports, Putin …") has none.
    for (let k = sf; k < d.head; k++) {
      if (!ctx.isVerb(k) || ctx.quotes.of[k]! >= 0) continue;
      if (subject(this.ctx, d, ctx.skipBetweenLeft(k - 1, sf), sf)) return;
    }
  }

  /**
   * An outlet named between the cue and its content ("told state TV that …") or, for content
   * before the cue, after the cue and its speaker ("…,” he told Ukrainian television.").
   */
  private viaOf(d: Draft): Range | null {
    const { ctx } = this;
    const sl = ctx.sentLast(d.head);
    let from = d.cue[1];
    if (d.source && d.source[0] >= from) from = d.source[1];
    const to = d.rightFrom >= 0 ? d.rightFrom : d.parts.some(([a]) => a >= from) ? Math.min(...d.parts.filter(([a]) => a >= from).map(([a]) => a)) : sl;
    return from < to ? relayBetween(this.ctx, from, to) : null;
  }

  /** The drafts made so far, in the order analysed (text order). */
  get all(): readonly Draft[] {
    return this.drafts;
  }
}
