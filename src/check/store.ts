import type { Analysis, Article } from '../doc/types.js';
import type { Store } from '../store/index.js';
import type { CheckAnswer, CheckFilters, CheckSide as Side, Verdict } from '../contract/index.js';
import { asStatement, type ClaimChecker, type Source } from './index.js';
import { STOP } from '../lang/en/check.js';

export type { CheckAnswer, Verdict };

export type CheckOptions = CheckFilters;

const DEFAULT_CANDIDATES = 100;

/**
 * Checks a claim against the store: candidate articles from a full-text search on the claim's
 * words (best matches first) and from the entities it names (articles naming most of them first),
 * each judged by the stance model; the sources that take a side (speakers, or an article's own
 * voice; see stanceToClaim), by side, and the claim's story.
 */
export async function checkClaim(store: Store, checker: ClaimChecker, claim: string, options: CheckOptions = {}): Promise<CheckAnswer> {
  const statement = asStatement(claim);
  const claimAnalysis = checker.analyze(statement);
  const limit = options.candidates ?? DEFAULT_CANDIDATES;
  const ids = new Set<string>([...(await byWords(store, statement, limit, options)), ...(await byEntities(store, claimAnalysis, limit, options))]);
  const verdicts: Verdict[] = [];
  for (const analysis of await store.articles.getAnalyses([...ids])) {
    const r = checker.judge(claimAnalysis, analysis);
    if (r.stance !== 'unrelated') for (const s of r.sources) verdicts.push(verdict(analysis.article, r.stance, s));
  }
  verdicts.sort((a, b) => b.score - a.score || a.article.localeCompare(b.article));
  const story = verdicts
    .slice()
    .sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff') || a.article.localeCompare(b.article) || a.stance.localeCompare(b.stance))
    .map((v) => ({ date: v.date, stance: v.stance, speaker: v.speaker, source: v.source, article: v.article, title: v.title, sentence: v.evidence.sentence.text }));
  const side = (s: Side) => verdicts.filter((v) => v.stance === s);
  return { claim, statement, agree: side('agree'), disagree: side('disagree'), discuss: side('discuss'), story, searched: ids.size };
}

function verdict(article: Article, articleStance: Side, s: Source): Verdict {
  const said = s.claim?.said;
  return {
    article: article.id,
    title: article.title,
    published: article.published,
    source: article.source,
    url: article.url,
    stance: s.side,
    score: s.score,
    speaker: s.speaker,
    speakerEntity: s.speakerEntity,
    claim: s.claim,
    articleStance,
    date: (said && /^\d{4}-\d{2}-\d{2}/.test(said) ? said.slice(0, 10) : null) ?? article.published?.slice(0, 10) ?? null,
    evidence: s.evidence,
  };
}

function byWords(store: Store, claim: string, limit: number, options: CheckOptions): Promise<string[]> {
  const words = [...new Set((claim.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP.has(w)))];
  return store.corpus.articlesWithWords(words, { limit, from: options.from, to: options.to });
}

function byEntities(store: Store, claim: Analysis, limit: number, options: CheckOptions): Promise<string[]> {
  return store.corpus.articlesNaming(claim.entities.map((e) => e.id), { limit, from: options.from, to: options.to });
}
