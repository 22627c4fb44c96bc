import { useLocation } from 'preact-iso';
import { quoted } from '../../../src/doc/display.js';
import { api } from '../api.js';
import { ClaimCard, EntityChip, PagedList, Section, Status } from '../components/common.js';
import { articleHref, formatDate, plural } from '../format.js';
import { useLoad } from '../load.js';
import { submitFilters } from './filters.js';
import { PlaceMap } from './Map.js';

const TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'LAW', 'EVENT', 'MISC'];

export function Entities() {
  const { query, route } = useLocation();
  const type = query.type ?? '';
  const q = query.q ?? '';
  const loaded = useLoad((s) => api.entities({ type, q, limit: 60 }, s), [type, q]);
  return (
    <div>
      <h1>Entities</h1>
      <form class="filters" key={`${type}|${q}`} onSubmit={submitFilters('/entities', route)}>
        <input name="q" placeholder="name" defaultValue={q} aria-label="name" />
        <select name="type" defaultValue={type} aria-label="type">
          <option value="">any type</option>
          {TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <button type="submit">Filter</button>
      </form>
      <Status loaded={loaded}>
        {(page) => <PagedList key={`${type}|${q}`} class="chips" first={page} more={(cursor) => api.entities({ type, q, limit: 60, cursor })} render={(e) => <EntityChip key={e.id} entity={e} />} empty="No entities." />}
      </Status>
    </div>
  );
}

/** An entity: what it said, what was said about it, where it acted, in time order. */
export function EntityView(props: { id: string }) {
  const loaded = useLoad((s) => api.entity(props.id, s), [props.id]);
  return (
    <Status loaded={loaded}>
      {(p) => {
        const e = p.entity;
        return (
          <div class="entity-page">
            <header>
              <h1>{e.name}</h1>
              <p class="muted">
                {e.type}
                {e.subtype && ` · ${e.subtype.replace(/-/g, ' ')}`}
                {e.kb && ` · ${e.kb}`}
                {e.country && ` · ${e.country}`}
                {` · ${plural(e.mentions, 'mention')} in ${plural(e.articles, 'article')}`}
              </p>
              {p.aliases.length > 0 && <p class="aliases">called: {p.aliases.map((a) => `${a.text} (${a.count})`).join(', ')}</p>}
              {e.coords && <PlaceMap place={{ name: e.name, type: e.type, subtype: e.subtype, coords: e.coords }} />}
            </header>
            <div class="entity-grid">
              <Section title={`Claims by ${e.name}`} id="claims-by">
                <PagedList
                  first={{ items: p.claimsBy, next: p.claimsByNext }}
                  more={(cursor) => api.claims({ speaker: e.id, limit: 20, cursor })}
                  render={(c) => <ClaimCard key={`${c.article}/${c.claim}`} claim={c} />}
                  empty="No claims by it."
                />
              </Section>
              <Section title={`Claims about ${e.name}`} id="claims-about">
                <PagedList
                  first={{ items: p.claimsAbout, next: p.claimsAboutNext }}
                  more={(cursor) => api.claims({ mentions: e.id, limit: 20, cursor })}
                  render={(c) => <ClaimCard key={`${c.article}/${c.claim}`} claim={c} />}
                  empty="No claims about it."
                />
              </Section>
            </div>
            <Section title="Timeline" id="timeline">
              {p.timeline.length ? (
                <ol class="timeline">
                  {p.timeline.map((t, i) => (
                    <li key={i} class={`timeline-item kind-${t.kind}`}>
                      <span class="date">{formatDate(t.date)}</span>
                      {t.kind === 'claim' ? (
                        <span>
                          <strong>{t.claim.speaker?.name ?? 'unattributed'}</strong> {t.claim.cue ?? t.claim.stance}: {quoted(t.claim.content)}{' '}
                          <a href={articleHref(t.claim.article, t.claim.claim)}>source</a>
                        </span>
                      ) : (
                        <span>
                          <strong>{t.event.type.replace(/_/g, ' ')}</strong> “{t.event.trigger}” ({t.event.role}, {t.event.status}) <a href={articleHref(t.event.article)}>source</a>
                        </span>
                      )}
                    </li>
                  ))}
                </ol>
              ) : (
                <p class="muted">Nothing dated yet.</p>
              )}
            </Section>
            <Section title="Articles">
              <ul class="article-list">
                {p.articles.map((a) => (
                  <li key={a.id}>
                    <a href={articleHref(a.id)}>{a.title ?? a.id}</a> <span class="muted">{formatDate(a.published)}{a.source && ` · ${a.source}`}</span>
                  </li>
                ))}
              </ul>
            </Section>
          </div>
        );
      }}
    </Status>
  );
}
