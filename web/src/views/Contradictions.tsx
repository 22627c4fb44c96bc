import { useLocation } from 'preact-iso';
import { api, type Contradiction } from '../api.js';
import { PagedList, StanceBadge, Status } from '../components/common.js';
import { articleHref, formatDate } from '../format.js';
import { useLoad } from '../load.js';
import { submitFilters } from './filters.js';

const href = (id: string) => `/contradictions/${encodeURIComponent(id)}`;

/** One line per contradiction: what it is about and who stands on each side. */
export function ContradictionSummary({ c }: { c: Contradiction }) {
  return (
    <a class="contradiction-summary" href={href(c.id)}>
      <strong>{c.about}</strong>
      <span class="sides-line">
        {c.sides.map((s, i) => (
          <span key={i} class="side-line">
            {i > 0 && <span class="versus"> vs </span>}
            <StanceBadge stance={s.stance} /> {[...new Set(s.claims.map((x) => x.speaker ?? 'unattributed'))].join(', ')}
          </span>
        ))}
      </span>
    </a>
  );
}

export function Contradictions() {
  const { query, route } = useLocation();
  const about = query.about ?? '';
  const loaded = useLoad((s) => api.contradictions({ about, limit: 30 }, s), [about]);
  return (
    <div>
      <h1>Contradictions</h1>
      <form class="filters" onSubmit={submitFilters('/contradictions', route)}>
        <input name="about" placeholder="about…" value={about} aria-label="about" />
        <button type="submit">Filter</button>
      </form>
      <Status loaded={loaded}>
        {(page) => (
          <PagedList key={about} first={page} more={(cursor) => api.contradictions({ about, limit: 30, cursor })} render={(c) => <ContradictionSummary key={c.id} c={c} />} empty="No contradictions." />
        )}
      </Status>
    </div>
  );
}

/** Sides in columns, each claim dated, with who said it and where. */
export function ContradictionView(props: { id: string }) {
  const loaded = useLoad((s) => api.contradiction(props.id, s), [props.id]);
  return (
    <Status loaded={loaded}>
      {(c) => (
        <div class="contradiction">
          <h1>{c.about}</h1>
          <p class="muted">disagreement on {c.kind} · proposition {c.proposition}</p>
          {c.why.length > 0 && (
            <ul class="why" aria-label="why these claims are set against each other">
              {c.why.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          <div class="sides" style={{ gridTemplateColumns: `repeat(${c.sides.length}, minmax(0, 1fr))` }}>
            {c.sides.map((side, i) => (
              <section key={i} class={`side stance-border-${side.stance}`}>
                <h2>
                  <StanceBadge stance={side.stance} />
                  {side.value !== undefined && <span class="side-value"> {String(side.value)}</span>}
                </h2>
                {side.claims.map((x) => (
                  <div key={`${x.article}/${x.claim}`} class="side-claim">
                    <div class="claim-meta">
                      <span class="speaker">{x.speaker ?? 'unattributed'}</span>
                      <StanceBadge stance={x.stance} />
                      <span class="date" title={x.said ? 'when it was said' : 'the text does not say when'}>
                        {x.said ? `said ${formatDate(x.said)}` : 'undated'}
                      </span>
                    </div>
                    <blockquote class="claim-content">{x.content}</blockquote>
                    <a href={articleHref(x.article, x.claim)}>read in the article</a>
                    {x.source && <span class="muted"> · {x.source}</span>}
                    {x.published && <span class="muted"> · published {formatDate(x.published)}</span>}
                  </div>
                ))}
              </section>
            ))}
          </div>
        </div>
      )}
    </Status>
  );
}
