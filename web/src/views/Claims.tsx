import { useLocation } from 'preact-iso';
import { STANCES } from '../../../src/contract/values.js';
import { api, exportUrl } from '../api.js';
import { ClaimCard, PagedList, Status } from '../components/common.js';
import { useLoad } from '../load.js';
import { submitFilters } from './filters.js';

const FILTERS = ['speaker', 'stance', 'from', 'to', 'q', 'about', 'article', 'mentions'] as const;

/** The claim ledger: every claim, newest first, filtered by the page's query. */
export function Claims() {
  const { query, route } = useLocation();
  const filters = Object.fromEntries(FILTERS.filter((k) => query[k]).map((k) => [k, query[k]!]));
  const key = JSON.stringify(filters);
  const loaded = useLoad((s) => api.claims({ ...filters, limit: 25 }, s), [key]);
  return (
    <div>
      <h1>Claim ledger</h1>
      <form class="filters" key={key} onSubmit={submitFilters('/claims', route)}>
        <input name="speaker" placeholder="speaker" defaultValue={filters.speaker} aria-label="speaker" />
        <select name="stance" defaultValue={filters.stance ?? ''} aria-label="stance">
          <option value="">any stance</option>
          {STANCES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <input name="about" placeholder="about (entity or words)" defaultValue={filters.about} aria-label="about" />
        <input name="q" placeholder="words" defaultValue={filters.q} aria-label="words" />
        <input name="from" placeholder="from YYYY-MM-DD" pattern="\d{4}(-\d{2}(-\d{2})?)?" defaultValue={filters.from} aria-label="from" />
        <input name="to" placeholder="to YYYY-MM-DD" pattern="\d{4}(-\d{2}(-\d{2})?)?" defaultValue={filters.to} aria-label="to" />
        {filters.article && <input type="hidden" name="article" value={filters.article} />}
        {filters.mentions && <input type="hidden" name="mentions" value={filters.mentions} />}
        <button type="submit">Filter</button>
        <span class="exports">
          export: <a href={exportUrl('jsonl', filters)} download>JSON lines</a> · <a href={exportUrl('csv', filters)} download>CSV</a> ·{' '}
          <a href={exportUrl('claimreview', filters)} download>ClaimReview</a>
        </span>
      </form>
      <Status loaded={loaded}>
        {(page) => (
          <PagedList
            key={key}
            first={page}
            more={(cursor) => api.claims({ ...filters, limit: 25, cursor })}
            render={(c) => <ClaimCard key={`${c.article}/${c.claim}`} claim={c} />}
            empty="No claim matches."
          />
        )}
      </Status>
    </div>
  );
}
