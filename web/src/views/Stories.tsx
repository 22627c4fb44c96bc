import { useLocation } from 'preact-iso';
import { api, type Story } from '../api.js';
import { PagedList, StanceBadge, Status } from '../components/common.js';
import { axisPositions } from '../axis.js';
import { articleHref, formatDate } from '../format.js';
import { useLoad } from '../load.js';
import { submitFilters } from './filters.js';

const href = (id: string) => `/stories/${encodeURIComponent(id)}`;

export function StorySummary({ story }: { story: Story }) {
  return (
    <a class="story-summary" href={href(story.id)}>
      <strong>{story.about}</strong>
      <span class="steps-line">
        {story.steps.map((s, i) => (
          <span key={i}>
            {i > 0 && ' → '}
            {s.speaker ?? 'unattributed'} <StanceBadge stance={s.stance} />
            {s.placed && <span class="muted"> {formatDate(s.placed)}</span>}
          </span>
        ))}
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

export function StoryView(props: { id: string }) {
  const loaded = useLoad((s) => api.story(props.id, s), [props.id]);
  return (
    <Status loaded={loaded}>
      {(story) => {
        const x = axisPositions(story.steps);
        const W = 900;
        const pad = 40;
        const anchor = (cx: number) => (cx < W * 0.22 ? 'start' : cx > W * 0.78 ? 'end' : 'middle');
        const short = (t: string) => (t.length > 42 ? `${t.slice(0, 41)}…` : t);
        return (
          <div class="story">
            <h1>{story.about}</h1>
            <svg class="time-axis" viewBox={`0 0 ${W} 120`} role="img" aria-label="the story on a time axis">
              <line x1={pad} x2={W - pad} y1={60} y2={60} class="axis" />
              {story.steps.map((s, i) => {
                const cx = pad + x[i]! * (W - 2 * pad);
                const up = i % 2 === 0;
                return (
                  <g key={i} class={`axis-step stance-fill-${s.stance}`}>
                    <circle cx={cx} cy={60} r={8} />
                    <text x={cx} y={up ? 38 : 92} text-anchor={anchor(cx)} class="axis-date">
                      {s.said ? formatDate(s.said) : s.placed ? `≈ ${formatDate(s.placed)}` : 'undated'}
                    </text>
                    <text x={cx} y={up ? 22 : 108} text-anchor={anchor(cx)} class="axis-label">
                      {short(`${i + 1}. ${s.speaker ?? 'unattributed'} · ${s.stance}`)}
                    </text>
                  </g>
                );
              })}
            </svg>
            <ol class="story-steps">
              {story.steps.map((s, i) => (
                <li key={i} class={`stance-border-${s.stance}`}>
                  <div class="claim-meta">
                    <span class="speaker">{s.speaker ?? 'unattributed'}</span> <StanceBadge stance={s.stance} />
                    <span class="date" title={s.said ? 'when it was said' : 'placed by the story: not dated in the text'}>
                      {s.said ? formatDate(s.said) : s.placed ? `≈ ${formatDate(s.placed)}` : 'undated'}
                    </span>
                  </div>
                  <blockquote class="claim-content">{s.content}</blockquote>
                  <a href={articleHref(s.article, s.claim)}>read in the article</a>
                  {s.source && <span class="muted"> · {s.source}</span>}
                  {s.published && <span class="muted"> · published {formatDate(s.published)}</span>}
                </li>
              ))}
            </ol>
          </div>
        );
      }}
    </Status>
  );
}
