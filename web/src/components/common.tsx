import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { MARK_END, MARK_START } from '../../../src/contract/values.js';
import { stanceLabel } from '../../../src/doc/display.js';
import type { ClaimItem, EntitySummary, Page } from '../api.js';
import { articleHref, entityHref, formatDate, plural, STANCE_WORDS } from '../format.js';
import type { Loaded } from '../load.js';

export function Section(props: { title: string; more?: { href: string; label: string }; children: ComponentChildren; id?: string }) {
  return (
    <section class="section" id={props.id}>
      <header class="section-head">
        <h2>{props.title}</h2>
        {props.more && <a href={props.more.href}>{props.more.label} →</a>}
      </header>
      {props.children}
    </section>
  );
}

/** What a view shows while loading or after an error. */
export function Status<T>(props: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  const { loaded } = props;
  if (loaded.state === 'loading') return <p class="muted loading">Loading…</p>;
  if (loaded.state === 'error') return <p class="error" role="alert">{loaded.error.message}</p>;
  return <>{props.children(loaded.data)}</>;
}

/** A negated claim ("has not confirmed") takes no side: its badge reads "not confirm", uncoloured. */
export function StanceBadge(props: { stance: string; negated?: boolean }) {
  const label = stanceLabel(props);
  return (
    <span class={`stance ${props.negated ? 'stance-negated' : `stance-${props.stance}`}`} title={`stance: ${label}`}>
      {label}
    </span>
  );
}

export function SpeakerLink(props: { speaker: ClaimItem['speaker'] }) {
  const s = props.speaker;
  if (!s) return <span class="speaker muted">unattributed</span>;
  if (s.entity) {
    return (
      <a class="speaker" href={entityHref(s.entity)}>
        {s.name}
      </a>
    );
  }
  return (
    <a class="speaker" href={`/claims?speaker=${encodeURIComponent(s.name)}`}>
      {s.name}
    </a>
  );
}

/** One claim: who, how, when, what, and where it was published. */
export function ClaimCard(props: { claim: ClaimItem; showArticle?: boolean }) {
  const c = props.claim;
  return (
    <article class={`claim-card stance-border-${c.negated ? 'assert' : c.stance}`} data-claim={`${c.article}/${c.claim}`}>
      <div class="claim-meta">
        <SpeakerLink speaker={c.speaker} />
        {c.via && <span class="muted"> via {c.via.name}</span>}
        <span class="cue"> {c.cue ?? STANCE_WORDS[c.stance]}</span>
        <StanceBadge stance={c.stance} negated={c.negated} />
        <span class="date" title={c.said ? 'when it was said' : 'when the article was published'}>
          {c.said ? formatDate(c.said) : `published ${formatDate(c.published)}`}
        </span>
      </div>
      <blockquote class="claim-content">{c.content}</blockquote>
      {props.showArticle !== false && (
        <div class="claim-source">
          <a href={articleHref(c.article, c.claim)}>{c.title ?? c.article}</a>
          {c.source && <span class="muted"> · {c.source}</span>}
        </div>
      )}
    </article>
  );
}

/**
 * When a claim was made: the date its text gives ("said 27 Apr 2025"), else ≈ the date it is
 * placed at (its article's publication, or the claim it answers), which <InferredNote> explains.
 */
export function ClaimDate(props: { said: string | null; placed: string | null; verb?: boolean }) {
  if (props.said) return <span class="date" title="when it was said, as the text gives it">{props.verb === false ? '' : 'said '}{formatDate(props.said)}</span>;
  if (props.placed) return <span class="date inferred" title="not dated in the text: placed at its article's publication date, or by the claim it answers">≈ {formatDate(props.placed)}</span>;
  return <span class="date" title="the text does not say when">undated</span>;
}

/** Said once per page that shows ≈ dates. */
export function InferredNote() {
  return <p class="muted inferred-note">≈ marks a date the text does not give: it is inferred from the article's publication date, or from the claim it answers.</p>;
}

/** A paged list: the first page, then "more" fetches the next with its cursor. */
export function PagedList<T>(props: {
  first: Page<T>;
  more: (cursor: string) => Promise<Page<T>>;
  render: (item: T) => ComponentChildren;
  empty: string;
  class?: string;
}) {
  const [items, setItems] = useState(props.first.items);
  const [next, setNext] = useState(props.first.next);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!items.length) return <p class="muted">{props.empty}</p>;
  return (
    <div class={props.class ?? 'list'}>
      {items.map(props.render)}
      {error && <p class="error">{error}</p>}
      {next && (
        <button
          class="more"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              const page = await props.more(next);
              setItems([...items, ...page.items]);
              setNext(page.next);
            } catch (e) {
              setError((e as Error).message);
            } finally {
              setBusy(false);
            }
          }}
        >
          {busy ? 'Loading…' : 'More'}
        </button>
      )}
    </div>
  );
}

export function EntityChip(props: { entity: EntitySummary }) {
  const e = props.entity;
  return (
    <a class={`entity-chip type-${e.type}`} href={entityHref(e.id)} title={`${e.type}${e.kb ? ` · ${e.kb}` : ''}`}>
      <span class="entity-name">{e.name}</span>
      <span class="count">{plural(e.mentions, 'mention')}</span>
    </a>
  );
}

/** Text with matched words marked: the snippet is split on its marks, never parsed as HTML. */
export function Snippet(props: { text: string }) {
  const parts = props.text.split(new RegExp(`(${MARK_START}[^${MARK_END}]*${MARK_END})`));
  return (
    <span class="snippet">
      {parts.map((p, i) => (p.startsWith(MARK_START) ? <mark key={i}>{p.slice(1, -1)}</mark> : p))}
    </span>
  );
}
