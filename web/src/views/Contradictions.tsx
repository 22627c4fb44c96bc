import { useLocation } from 'preact-iso';
import { api, type Contradiction } from '../api.js';
import { claimDate, sideHead } from '../../../src/doc/display.js';
import { ClaimDate, InferredNote, PagedList, StanceBadge, Status } from '../components/common.js';
import { articleHref, formatDate } from '../format.js';
import { useLoad } from '../load.js';
import { submitFilters } from './filters.js';

const href = (id: string) => `/contradictions/${encodeURIComponent(id)}`;

type Side = Contradiction['sides'][number];

/** What a side says: its count ("at least 100 killed"), its day or whom it blames, else its stance. */
function SideHead({ kind, side }: { kind: string; side: Side }) {
  const head = sideHead(kind, side);
  return head === null ? <StanceBadge stance={side.stance} /> : <span class="side-value">{head}</span>;
}

/** Claims shown per side in the list; the page of the contradiction has them all. */
const SHOWN = 3;

/** One entry per contradiction: what it is about, and on each side who said it, where and when. */
export function ContradictionSummary({ c }: { c: Contradiction }) {
  return (
    <a class="contradiction-summary" href={href(c.id)}>
      <strong>{c.about}</strong>
      <span class="sides-line">
        {c.sides.map((s, i) => (
          <span key={i} class="side-line">
            {i > 0 && <span class="versus"> vs </span>}
            <SideHead kind={c.kind} side={s} />{' '}
            {s.claims.slice(0, SHOWN).map((x, k) => (
              <span key={k} class="side-source">
                {k > 0 && '; '}
                {x.speaker ?? 'unattributed'} <span class="muted">({[x.source, claimDate(x).text].filter(Boolean).join(', ')})</span>
              </span>
            ))}
            {s.claims.length > SHOWN && <span class="muted"> and {s.claims.length - SHOWN} more</span>}
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
                  <SideHead kind={c.kind} side={side} />
                </h2>
                {side.claims.map((x) => (
                  <div key={`${x.article}/${x.claim}`} class="side-claim">
                    <div class="claim-meta">
                      <span class="speaker">{x.speaker ?? 'unattributed'}</span>
                      <StanceBadge stance={x.stance} />
                      <ClaimDate said={x.said} placed={x.published} />
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
          {c.sides.some((side) => side.claims.some((x) => !x.said && x.published)) && <InferredNote />}
        </div>
      )}
    </Status>
  );
}
