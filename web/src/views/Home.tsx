import { api } from '../api.js';
import { ClaimCard, EntityChip, Section, Status } from '../components/common.js';
import { plural } from '../format.js';
import { useLoad } from '../load.js';
import { ContradictionSummary } from './Contradictions.js';
import { StorySummary } from './Stories.js';


export function Home() {
  const stats = useLoad((s) => api.stats(s), []);
  const contradictions = useLoad((s) => api.contradictions({ limit: 4 }, s), []);
  const stories = useLoad((s) => api.stories({ limit: 4 }, s), []);
  const claims = useLoad((s) => api.claims({ limit: 8 }, s), []);
  const entities = useLoad((s) => api.entities({ limit: 16, role: 'actors' }, s), []);
  return (
    <div class="home">
      <Status loaded={stats}>
        {(st) =>
          st.articles === 0 ? (
            <p class="empty-store">
              The ledger is empty. <a href="/ingest">Add an article</a> or run <code>claimtrail analyze FILES</code>.
            </p>
          ) : (
            <p class="stats">
              {plural(st.articles, 'article')} · {plural(st.claims, 'claim')} · {plural(st.entities, 'entity', 'entities')} · {plural(st.events, 'event')} ·{' '}
              {plural(st.words, 'word')}
            </p>
          )
        }
      </Status>
      <div class="home-grid">
        <Section title="Latest contradictions" more={{ href: '/contradictions', label: 'all contradictions' }}>
          <Status loaded={contradictions}>
            {(page) => (page.items.length ? page.items.map((c) => <ContradictionSummary key={c.id} c={c} />) : <p class="muted">No contradictions yet.</p>)}
          </Status>
        </Section>
        <Section title="Claim stories" more={{ href: '/stories', label: 'all stories' }}>
          <Status loaded={stories}>
            {(page) => (page.items.length ? page.items.map((s) => <StorySummary key={s.id} story={s} />) : <p class="muted">No stories yet.</p>)}
          </Status>
        </Section>
        <Section title="Latest claims" more={{ href: '/claims', label: 'the claim ledger' }}>
          <Status loaded={claims}>{(page) => (page.items.length ? page.items.map((c) => <ClaimCard key={`${c.article}/${c.claim}`} claim={c} />) : <p class="muted">No claims yet.</p>)}</Status>
        </Section>
        <Section title="Most spoken of" more={{ href: '/entities', label: 'all entities' }}>
          <Status loaded={entities}>
            {(page) => (
              <div class="chips">
                {page.items.map((e) => (
                  <EntityChip key={e.id} entity={e} />
                ))}
              </div>
            )}
          </Status>
        </Section>
      </div>
    </div>
  );
}
