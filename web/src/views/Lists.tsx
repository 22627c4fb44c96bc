import { useLocation } from 'preact-iso';
import { api } from '../api.js';
import { ClaimCard, EntityChip, PagedList, Section, Snippet, Status } from '../components/common.js';
import { articleHref, formatDate, plural } from '../format.js';
import { useLoad } from '../load.js';
import { submitFilters } from './filters.js';

export function Articles() {
  const { query, route } = useLocation();
  const q = query.q ?? '';
  const loaded = useLoad((s) => api.articles({ q, limit: 40 }, s), [q]);
  return (
    <div>
      <h1>Articles</h1>
      <form class="filters" key={q} onSubmit={submitFilters('/articles', route)}>
        <input name="q" placeholder="words in title or text" defaultValue={q} aria-label="words" />
        <button type="submit">Filter</button>
      </form>
      <Status loaded={loaded}>
        {(page) => (
          <PagedList
            key={q}
            class="article-list"
            first={page}
            more={(cursor) => api.articles({ q, limit: 40, cursor })}
            render={(a) => (
              <div key={a.id} class="article-row">
                <a href={articleHref(a.id)}>{a.title ?? '(untitled)'}</a>
                {a.duplicateGroup && (
                  <a class="duplicate-mark" href={`/duplicates#${encodeURIComponent(a.duplicateGroup)}`} title="a near-duplicate of another stored article: counted once across articles">
                    {' '}
                    ≡ copy
                  </a>
                )}
                <span class="muted">
                  {' '}
                  {formatDate(a.published)}
                  {a.source && ` · ${a.source}`} · {plural(a.words, 'word')}
                </span>
              </div>
            )}
            empty="No articles."
          />
        )}
      </Status>
    </div>
  );
}

/** /search?q=: articles (with the matching passage), claims and entities. */
export function Search() {
  const { query } = useLocation();
  const q = query.q ?? '';
  const loaded = useLoad((s) => (q.trim() ? api.search({ q, limit: 20 }, s) : Promise.resolve(null)), [q]);
  return (
    <div class="search-page">
      <h1>Search{q && <>: “{q}”</>}</h1>
      {!q.trim() ? (
        <p class="muted">Type words in the search box above.</p>
      ) : (
        <Status loaded={loaded}>
          {(r) =>
            r && (
              <div class="search-results">
                {r.entities.items.length > 0 && (
                  <Section title="Entities">
                    <div class="chips">
                      {r.entities.items.map((e) => (
                        <EntityChip key={e.id} entity={e} />
                      ))}
                    </div>
                  </Section>
                )}
                <Section title="Claims">
                  <PagedList key={`c${q}`} first={r.claims} more={async (cursor) => (await api.search({ q, kind: 'claims', limit: 20, cursor })).claims} render={(c) => <ClaimCard key={`${c.article}/${c.claim}`} claim={c} />} empty="No claim matches." />
                </Section>
                <Section title="Articles">
                  <PagedList
                    key={`a${q}`}
                    first={r.articles}
                    more={async (cursor) => (await api.search({ q, kind: 'articles', limit: 20, cursor })).articles}
                    render={(a) => (
                      <div key={a.id} class="article-hit">
                        <a href={articleHref(a.id)}>{a.title ?? '(untitled)'}</a> <span class="muted">{formatDate(a.published)}{a.source && ` · ${a.source}`}</span>
                        <p>
                          <Snippet text={a.snippet} />
                        </p>
                      </div>
                    )}
                    empty="No article matches."
                  />
                </Section>
              </div>
            )
          }
        </Status>
      )}
    </div>
  );
}

/** Groups of near-duplicate articles: syndicated copies and reposts, each group counted once. */
export function Duplicates() {
  const loaded = useLoad((s) => api.duplicates({ limit: 50 }, s), []);
  return (
    <div>
      <h1>Near-duplicates</h1>
      <p class="muted">Articles whose texts are nearly the same (a wire story and its reprints). Contradictions and stories count each group once.</p>
      <Status loaded={loaded}>
        {(page) => (
          <PagedList
            class="duplicate-groups"
            first={page}
            more={(cursor) => api.duplicates({ limit: 50, cursor })}
            render={(g) => (
              <section key={g.id} id={g.id} class="duplicate-group">
                <h2>{plural(g.articles.length, 'copy', 'copies')}</h2>
                {g.articles.map((a) => (
                  <div key={a.id} class="article-row">
                    <a href={articleHref(a.id)}>{a.title ?? '(untitled)'}</a>
                    <span class="muted">
                      {' '}
                      {formatDate(a.published)}
                      {a.source && ` · ${a.source}`}
                    </span>
                  </div>
                ))}
              </section>
            )}
            empty="No near-duplicate articles."
          />
        )}
      </Status>
    </div>
  );
}
