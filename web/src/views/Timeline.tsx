import { useLocation } from 'preact-iso';
import { api, type TimelineEntry } from '../api.js';
import { PagedList, Status } from '../components/common.js';
import { articleHref, formatDate } from '../format.js';
import { useLoad } from '../load.js';
import { submitFilters } from './filters.js';

const MISSING = 'The cross-article analysis is not part of this build, so there is no timeline to show.';

function Entry({ e }: { e: TimelineEntry }) {
  return (
    <div class={`timeline-item kind-${e.kind}`}>
      <span class="date">{formatDate(e.date)}</span>
      <span>
        <span class={`kind-tag kind-tag-${e.kind}`}>{e.kind === 'event' ? e.type.replace(/_/g, ' ') : e.type}</span> {e.text}
        <span class="sources">
          {e.sources.map((s, i) => (
            <a key={i} href={articleHref(s.article, e.kind === 'claim' ? s.id : undefined)} title={s.title ?? s.article}>
              {s.source ?? s.title ?? s.article}
            </a>
          ))}
        </span>
      </span>
    </div>
  );
}

/** Events and claims by date, each with the articles that report it. */
export function Timeline() {
  const { query, route } = useLocation();
  const filters = { entity: query.entity ?? '', from: query.from ?? '', to: query.to ?? '' };
  const key = JSON.stringify(filters);
  const loaded = useLoad((s) => api.timeline({ ...filters, limit: 100 }, s), [key]);
  return (
    <div>
      <h1>Timeline</h1>
      <form class="filters" key={key} onSubmit={submitFilters('/timeline', route)}>
        <input name="entity" placeholder="entity" defaultValue={filters.entity} aria-label="entity" />
        <input name="from" placeholder="from YYYY-MM-DD" pattern="\d{4}(-\d{2}(-\d{2})?)?" defaultValue={filters.from} aria-label="from" />
        <input name="to" placeholder="to YYYY-MM-DD" pattern="\d{4}(-\d{2}(-\d{2})?)?" defaultValue={filters.to} aria-label="to" />
        <button type="submit">Filter</button>
      </form>
      <Status loaded={loaded} unavailable={MISSING}>
        {(page) => <PagedList key={key} class="timeline" first={page} more={(cursor) => api.timeline({ ...filters, limit: 100, cursor })} render={(e) => <Entry e={e} />} empty="Nothing dated." />}
      </Status>
    </div>
  );
}
