import { useLocation } from 'preact-iso';
import { api, type Story } from '../api.js';
import { ClaimDate, InferredNote, PagedList, StanceBadge, Status } from '../components/common.js';
import { axisPositions, labelRows } from '../axis.js';
import { articleHref, formatDate } from '../format.js';
import { useLoad } from '../load.js';
import { submitFilters } from './filters.js';

const href = (id: string) => `/stories/${encodeURIComponent(id)}`;

export function StorySummary({ story }: { story: Story }) {
  const turns = story.steps.filter((s) => !s.repeat);
  const repeats = story.steps.length - turns.length;
  return (
    <a class="story-summary" href={href(story.id)}>
      <strong>{story.about}</strong>
      <span class="steps-line">
        {turns.map((s, i) => (
          <span key={i}>
            {i > 0 && ' → '}
            {s.speaker ?? 'unattributed'} <StanceBadge stance={s.stance} />
            {s.placed && <span class="muted"> {s.said ? formatDate(s.said) : `≈ ${formatDate(s.placed)}`}</span>}
          </span>
        ))}
        {repeats > 0 && <span class="muted"> · repeated {repeats === 1 ? 'once' : `${repeats} times`}</span>}
      </span>
    </a>
  );
}

export function Stories() {
  const { query, route } = useLocation();
  const about = query.about ?? '';
  const loaded = useLoad((s) => api.stories({ about, limit: 30 }, s), [about]);
  return (
    <div>
      <h1>Claim stories</h1>
      <form class="filters" onSubmit={submitFilters('/stories', route)}>
        <input name="about" placeholder="about…" value={about} aria-label="about" />
        <button type="submit">Filter</button>
      </form>
      <Status loaded={loaded}>
        {(page) => <PagedList key={about} first={page} more={(cursor) => api.stories({ about, limit: 30, cursor })} render={(s) => <StorySummary key={s.id} story={s} />} empty="No stories." />}
      </Status>
    </div>
  );
}

/** Rows of labels above and below the axis, so labels of steps close in time never overlap. */
const ROWS = [38, 92, 18, 112];
/** Average width of a label character in the axis' units (the SVG is 900 wide). */
const CHAR = 7;

export function StoryView(props: { id: string }) {
  const loaded = useLoad((s) => api.story(props.id, s), [props.id]);
  return (
    <Status loaded={loaded}>
      {(story) => {
        // Every step sits on the axis by its date; the turns are numbered and labelled, repeats are small dots.
        const x = axisPositions(story.steps);
        const W = 900;
        const pad = 40;
        const cx = x.map((p) => pad + p * (W - 2 * pad));
        const turn = story.steps.map((_, i) => story.steps.slice(0, i + 1).filter((s) => !s.repeat).length);
        const labelled = story.steps.flatMap((s, i) => (s.repeat ? [] : [i]));
        const labels = labelled.map((i) => {
          const s = story.steps[i]!;
          return `${turn[i]}. ${s.said ? formatDate(s.said) : s.placed ? `≈ ${formatDate(s.placed)}` : 'undated'}`;
        });
        const widths = labels.map((l) => l.length * CHAR + 12);
        // A label is centred on its step, moved in from the edges just enough to fit.
        const lx = labelled.map((i, k) => Math.min(Math.max(cx[i]!, widths[k]! / 2), W - widths[k]! / 2));
        const rows = labelRows(lx, widths, ROWS.length);
        return (
          <div class="story">
            <h1>{story.about}</h1>
            <svg class="time-axis" viewBox={`0 0 ${W} 130`} role="img" aria-label="the story on a time axis">
              <line x1={pad} x2={W - pad} y1={65} y2={65} class="axis" />
              {story.steps.map((s, i) => {
                const k = labelled.indexOf(i);
                if (k < 0) {
                  return (
                    <g key={i} class={`axis-step repeat stance-fill-${s.stance}`} data-date={s.said ?? s.placed ?? ''}>
                      <title>{`${s.speaker ?? 'unattributed'} · ${s.stance} · repeats what was said before`}</title>
                      <circle cx={cx[i]} cy={65} r={3.5} />
                    </g>
                  );
                }
                const y = ROWS[rows[k]!]!;
                return (
                  <g key={i} class={`axis-step stance-fill-${s.stance}`} data-date={s.said ?? s.placed ?? ''}>
                    <title>{`${turn[i]}. ${s.speaker ?? 'unattributed'} · ${s.stance}`}</title>
                    <line x1={cx[i]} x2={cx[i]} y1={65} y2={y < 65 ? y + 4 : y - 12} class="axis-tick" />
                    <circle cx={cx[i]} cy={65} r={7} />
                    <text x={lx[k]} y={y} text-anchor="middle" class="axis-date">
                      {labels[k]}
                    </text>
                  </g>
                );
              })}
            </svg>
            <ol class="story-steps">
              {story.steps.map((s, i) => (
                <li key={i} class={`stance-border-${s.stance}${s.repeat ? ' repeat' : ''}`} value={s.repeat ? undefined : turn[i]}>
                  <div class="claim-meta">
                    <span class="speaker">{s.speaker ?? 'unattributed'}</span> <StanceBadge stance={s.stance} />
                    {s.repeat && <span class="muted"> · repeats what was said before</span>}
                    <ClaimDate said={s.said} placed={s.placed} />
                  </div>
                  <blockquote class="claim-content">{s.content}</blockquote>
                  <a href={articleHref(s.article, s.claim)}>read in the article</a>
                  {s.source && <span class="muted"> · {s.source}</span>}
                  {s.published && <span class="muted"> · published {formatDate(s.published)}</span>}
                </li>
              ))}
            </ol>
            {story.steps.some((s) => !s.said && s.placed) && <InferredNote />}
          </div>
        );
      }}
    </Status>
  );
}
