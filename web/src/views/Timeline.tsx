import { useLocation } from 'preact-iso';
import { eventSentence, quoted } from '../../../src/doc/display.js';
import { api, type TimelineClaim, type TimelineEvent, type TimelineItem } from '../api.js';
import { PagedList, StanceBadge, Status } from '../components/common.js';
import { articleHref, entityHref, formatDate } from '../format.js';
import { useLoad } from '../load.js';
import { submitFilters } from './filters.js';

/** One dated event or claim: what happened or was said, and every article that reports it. */
function Entry({ e }: { e: TimelineItem }) {
  return (
    <div class={`timeline-item kind-${e.kind}`}>
      <span class="date">{formatDate(e.date)}</span>
      <span>
        {e.kind === 'event' ? <EventEntry e={e} /> : <ClaimEntry e={e} />}
        <span class="sources">
          {e.sources.map((s, i) => (
            <a key={i} href={articleHref(s.article, e.kind === 'claim' ? s.ref : undefined)} title={s.title ?? s.article}>
              {s.source ?? s.title ?? s.article}
            </a>
          ))}
        </span>
      </span>
    </div>
  );
}

function EventEntry({ e }: { e: TimelineEvent }) {
  const who = [e.actor, e.target, e.place].filter((x) => x !== null);
  return (
    <>
      <span class="kind-tag kind-tag-event">{e.type.replace(/_/g, ' ')}</span>{' '}
      <span class="event-sentence" title={`the text says “${e.trigger}”`}>
        {eventSentence({ type: e.type, trigger: e.trigger, actor: e.actor?.name ?? null, target: e.target?.name ?? null, place: e.place?.name ?? null, quantity: e.quantity, status: e.status })}
      </span>
      {who.map((x) => (
        <a key={x.id} class="entity-link muted" href={entityHref(x.id)}>
          {' '}
          {x.name}
        </a>
      ))}
    </>
  );
}

function ClaimEntry({ e }: { e: TimelineClaim }) {
  return (
    <>
      <strong>{e.speaker ?? 'unattributed'}</strong> <StanceBadge stance={e.stance} negated={e.negated === true} /> {quoted(e.content)}
    </>
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
        <input name="entity" placeholder="entity name or id" defaultValue={filters.entity} aria-label="entity" />
        <input name="from" placeholder="from YYYY-MM-DD" pattern="\d{4}(-\d{2}(-\d{2})?)?" defaultValue={filters.from} aria-label="from" />
        <input name="to" placeholder="to YYYY-MM-DD" pattern="\d{4}(-\d{2}(-\d{2})?)?" defaultValue={filters.to} aria-label="to" />
        <button type="submit">Filter</button>
      </form>
      <Status loaded={loaded}>
        {(page) => <PagedList key={key} class="timeline" first={page} more={(cursor) => api.timeline({ ...filters, limit: 100, cursor })} render={(e) => <Entry e={e} />} empty="Nothing dated." />}
      </Status>
    </div>
  );
}
