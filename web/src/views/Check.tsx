import { useLocation } from 'preact-iso';
import { CHECK_SIDES, type CheckSide } from '../../../src/contract/values.js';
import { api, type CheckAnswer, type CheckVerdict } from '../api.js';
import { StanceBadge, Status } from '../components/common.js';
import { articleHref, formatDate, plural } from '../format.js';
import { useLoad } from '../load.js';
import { submitFilters } from './filters.js';

const SIDE_TITLES: Record<CheckSide, string> = { agree: 'Hold it true', disagree: 'Deny it', discuss: 'Only report it' };
const SIDES = CHECK_SIDES.map((side) => [side, SIDE_TITLES[side]] as const);

/** The claim box: on the home page and atop the check page. */
export function CheckForm(props: { claim?: string; from?: string; to?: string; compact?: boolean }) {
  const { route } = useLocation();
  return (
    <form class="check-form filters" role="search" aria-label="check a claim" onSubmit={submitFilters('/check', route)}>
      <input name="claim" class="check-claim" placeholder="A claim or a yes–no question, e.g. “Are North Korean troops fighting in Kursk?”" defaultValue={props.claim ?? ''} aria-label="claim" required />
      {!props.compact && <input name="from" placeholder="from YYYY-MM-DD" defaultValue={props.from ?? ''} aria-label="from" pattern="\d{4}(-\d{2}(-\d{2})?)?" />}
      {!props.compact && <input name="to" placeholder="to YYYY-MM-DD" defaultValue={props.to ?? ''} aria-label="to" pattern="\d{4}(-\d{2}(-\d{2})?)?" />}
      <button type="submit">Check</button>
    </form>
  );
}

/** Who holds a claim true, who denies it, who only reports it — side by side — and its story in date order. */
export function Check() {
  const { query } = useLocation();
  const claim = query.claim ?? '';
  const from = query.from ?? '';
  const to = query.to ?? '';
  return (
    <div class="check">
      <h1>Check a claim</h1>
      <CheckForm key={`${claim}|${from}|${to}`} claim={claim} from={from} to={to} />
      {claim ? <Answer claim={claim} from={from} to={to} /> : <p class="muted">Write a claim as one sentence: the stored articles are searched for it and each is read for whether it holds the claim true, denies it or only reports it.</p>}
    </div>
  );
}

function Answer(props: { claim: string; from: string; to: string }) {
  const loaded = useLoad((s) => api.check({ claim: props.claim, from: props.from, to: props.to }, s), [props.claim, props.from, props.to]);
  return (
    <Status loaded={loaded}>
      {(a) => (
        <>
          {a.statement !== a.claim && <p class="muted read-as">read as: “{a.statement}”</p>}
          <p class="muted">
            {plural(a.searched, 'article')} read · {plural(a.story.length, 'side taken', 'sides taken')}
          </p>
          <div class="sides check-sides">
            {SIDES.map(([side, title]) => (
              <section key={side} class={`side check-side-${side}`} aria-label={title}>
                <h2>
                  <span class={`stance verdict-${side}`}>{side}</span> {title} <span class="muted">({a[side].length})</span>
                </h2>
                {a[side].length ? a[side].map((v) => <VerdictCard key={`${v.article}/${v.claim?.id ?? 'own'}`} v={v} />) : <p class="muted">None.</p>}
              </section>
            ))}
          </div>
          <Story answer={a} />
        </>
      )}
    </Status>
  );
}

function VerdictCard({ v }: { v: CheckVerdict }) {
  const e = v.evidence;
  return (
    <div class="side-claim verdict" data-article={v.article}>
      <div class="claim-meta">
        <span class="speaker">{v.claim ? (v.speaker ?? 'unattributed') : `${v.source ?? 'the article'} (own voice)`}</span>
        {v.claim && <StanceBadge stance={v.claim.stance} negated={v.claim.negated} />}
        <span class="date">{formatDate(v.date)}</span>
        <span class="muted" title="how sure: the speaker’s claim’s share of the claim times the model’s probability that the article is related; for the own voice, the model’s probability of its stance">
          {Math.round(v.score * 100)} %
        </span>
      </div>
      <blockquote class="claim-content">{e.sentence.text}</blockquote>
      {e.cues.length > 0 && <p class="cues muted">telling words: {e.cues.join(', ')}</p>}
      {v.articleStance !== v.stance && <p class="cues muted">the article as a whole: {v.articleStance}</p>}
      <a href={articleHref(v.article)}>{v.title ?? v.article}</a>
      {v.source && <span class="muted"> · {v.source}</span>}
    </div>
  );
}

function Story({ answer }: { answer: CheckAnswer }) {
  if (!answer.story.length) return <p class="muted">No stored source takes a side on this claim.</p>;
  return (
    <section class="check-story">
      <h2>The claim’s story</h2>
      <ol class="steps">
        {answer.story.map((s) => (
          <li key={`${s.article}/${s.stance}`} class={`step verdict-border-${s.stance}`}>
            <span class="date">{formatDate(s.date)}</span> <span class={`stance verdict-${s.stance}`}>{s.stance}</span> <strong>{s.speaker ?? `${s.source ?? 'the article'} (own voice)`}</strong>:{' '}
            <span class="claim-content">{s.sentence}</span> <a href={articleHref(s.article)}>article</a>
          </li>
        ))}
      </ol>
    </section>
  );
}
