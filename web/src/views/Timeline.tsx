import { useLocation } from 'preact-iso';
import { eventSentence, quoted } from '../../../src/doc/display.js';
import { api, type TimelineItem } from '../api.js';
import { PagedList, StanceBadge, Status } from '../components/common.js';
import { articleHref, entityHref, formatDate } from '../format.js';
import { useLoad } from '../load.js';
import { submitFilters } from './filters.js';

type Named = { id: string; name: string } | null;
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const named = (v: unknown) => (v && typeof v === 'object' && 'name' in v ? (v as NonNullable<Named>) : null);

/** One dated event or claim: what happened or was said, and every article that reports it. */
function Entry({ e }: { e: TimelineItem }) {
  const [actor, target, place] = [named(e.actor), named(e.target), named(e.place)];
  const who = [actor, target, place].filter((x): x is NonNullable<Named> => x !== null);
  return (
    <div class={`timeline-item kind-${e.kind}`}>
      <span class="date">{formatDate(e.date)}</span>
      <span>
        {e.kind === 'event' ? (
          <>
            <span class="kind-tag kind-tag-event">{(str(e.type) ?? 'event').replace(/_/g, ' ')}</span>{' '}
            <span class="event-sentence" title={`the text says “${str(e.trigger) ?? ''}”`}>
              {eventSentence({ type: str(e.type) ?? 'event', trigger: str(e.trigger) ?? '', actor: actor?.name ?? null, target: target?.name ?? null, place: place?.name ?? null, quantity: typeof e.quantity === 'number' ? e.quantity : null, status: str(e.status) ?? '' })}
            </span>
            {who.map((x) => (
              <a key={x.id} class="entity-link muted" href={entityHref(x.id)}>
                {' '}
                {x.name}
              </a>
            ))}
          </>
        ) : (
          <>
            <strong>{str(e.speaker) ?? 'unattributed'}</strong> <StanceBadge stance={str(e.stance) ?? 'assert'} negated={e.negated === true} /> {quoted(str(e.content) ?? '')}
          </>
        )}
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
