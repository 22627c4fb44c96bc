/**
 * Word classes the stance features count: words that call something false, words that hold back
 * from saying it is true, words that say it is, and negations. General English, written for the
 * project; which of them matter and how much is learned (scripts/train-check.ts). And the stemmer
 * that makes its word features (src/check/prepare.ts).
 */

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Calling a claim false, a fabrication or a joke. */
export const REFUTE = words(`
  fake fakes faked fakery hoax hoaxes hoaxed hoaxer false falsely falsehood fraud fraudulent fabricated fabrication fabricate
  bogus debunk debunked debunks debunking deny denies denied denial denials denying untrue myth myths satire satirical
  parody spoof prank pranks baseless groundless unfounded nonsense misleading misled doctored photoshopped manipulated
  refute refuted refutes refuting dismiss dismissed dismisses dismissing reject rejected rejects rejecting incorrect
  erroneous erroneously wrong lie lies lied lying fiction fictional fictitious made-up scam retract retracted retraction
  disproved disprove discredited invented rebut rebutted rebuffed contradicted contradicts disputed dispute disputes
  disputing exaggerated exaggeration misinformation disinformation doubt doubts doubted doubtful skeptical sceptical
  dubious questionable unsubstantiated unproven implausible debunking mistaken`);

/** Holding back: reported, alleged, possible, unconfirmed. */
export const HEDGE = words(`
  reportedly allegedly alleged alleges allege purportedly purported apparently supposedly claim claims claimed claiming
  rumor rumors rumored rumour rumours rumoured unconfirmed unverified may might could possibly possible perhaps likely
  unlikely appear appears appeared seem seems seemed suggest suggests suggested suggesting believed speculation speculate
  speculated report reports reported according sources source if whether unclear uncertain investigating investigation
  probe says said say told stated tweeted wrote posted`);

/** Saying it is so: confirmed, official, proof. */
export const CONFIRM = words(`
  confirm confirms confirmed confirming confirmation official officially announce announced announces announcement
  verified verify proved proven proof revealed reveals indeed true real genuine authentic evidence shows showed shown
  admitted admits admit acknowledged acknowledges footage photos video documents`);

export const NEGATION = words(`not no never n't nothing none neither nor nobody without cannot`);

/** Function words: no weight in overlap. */
export const STOP = words(`
  the a an and or but of to in on at by for with from as that this these those it its is are was were be been being has
  have had will would can could should may might must shall do does did done their there they them he she his her him
  we our us you your i my me who whom which what when where why how than then so such also very more most much many some
  any all each other into about over after before under again further once here just only own same too both between
  through during out up down off while if because since until s 's said says say told according new one two just like
  get got us â`);

/** Cues that hold back from the statement they report: the speaker only reports it. */
export const HOLDING_BACK = new Set(['claim', 'allege', 'purport', 'rumour', 'rumor', 'speculate', 'suggest']);

/** Pronouns that, opening a claim, stand for its speaker ("it", "we"). */
export const PRONOUNS = new Set(['it', 'its', 'they', 'their', 'we', 'our', 'he', 'his', 'she', 'her', 'i']);

/**
 * A light suffix stripper: enough for "denies"/"denied"/"deny" and plurals to meet. The
 * stance model's word features are its stems, so it is not the analysis's (words.ts `stem`).
 */
export function stem(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('ied') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ing') && w.length > 5) return undouble(w.slice(0, -3));
  if (w.endsWith('ed') && w.length > 4) return undouble(w.endsWith('eed') ? w.slice(0, -1) : w.slice(0, -2));
  if (w.endsWith('es') && /(?:sh|ch|x|z|ss)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  const n = w.length;
  if (n > 3 && w[n - 1] === w[n - 2] && !'lsz'.includes(w[n - 1]!)) return w.slice(0, -1);
  if (w.endsWith('at') || w.endsWith('iz') || w.endsWith('bl')) return `${w}e`;
  return w;
}
