import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { stanceLabel } from '../../../src/doc/display.js';
import { api, type Analysis } from '../api.js';
import { StanceBadge, Status } from '../components/common.js';
import { entityHref, formatDate, plural } from '../format.js';
import { marksOf, segment, type Mark, type MarkKind, type Segment } from '../highlight.js';
import { useLoad } from '../load.js';

const LAYERS: { kind: MarkKind[]; key: string; label: string }[] = [
  { key: 'claims', kind: ['speaker', 'cue', 'content', 'via'], label: 'Claims' },
  { key: 'entities', kind: ['entity'], label: 'Entities' },
  { key: 'times', kind: ['time'], label: 'Times' },
  { key: 'quantities', kind: ['quantity'], label: 'Quantities' },
  { key: 'events', kind: ['trigger'], label: 'Events' },
];

/** Only web addresses become links: an article's url is untrusted (javascript: …). */
export const safeHref = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : undefined);

export function ArticleView(props: { id: string }) {
  const loaded = useLoad((s) => api.article(props.id, s), [props.id]);
  return <Status loaded={loaded}>{(a) => <Reader analysis={a} />}</Status>;
}

function Reader({ analysis }: { analysis: Analysis }) {
  const { article } = analysis;
  const { route } = useLocation();
  const [shown, setShown] = useState<Record<string, boolean>>({ claims: true, entities: true, times: true, quantities: false, events: false });
  const [hover, setHover] = useState<{ marks: Mark[]; x: number; y: number } | null>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const names = useMemo(() => new Map(analysis.entities.map((e) => [e.id, e])), [analysis]);
  const segments = useMemo(() => {
    const kinds = new Set(LAYERS.filter((l) => shown[l.key]).flatMap((l) => l.kind));
    return segment(article.text.length, marksOf(analysis).filter((m) => kinds.has(m.kind)));
  }, [analysis, shown]);

  useEffect(() => {
    const claim = decodeURIComponent(location.hash.slice(1));
    if (!claim) return;
    setFocus(claim);
    document.querySelector(`[data-claims~="${CSS.escape(claim)}"]`)?.scrollIntoView({ block: 'center' });
  }, [analysis]);

  const speakerName = (claim: Analysis['claims'][number]) => (claim.speaker?.entity && names.get(claim.speaker.entity)?.name) ?? claim.speaker?.text ?? 'unattributed';

  const onSegmentClick = (s: Segment) => {
    const speaker = s.marks.find((m) => m.kind === 'speaker');
    if (speaker?.kind === 'speaker') {
      const sp = speaker.claim.speaker;
      route(sp?.entity ? entityHref(sp.entity) : `/claims?speaker=${encodeURIComponent(sp?.text ?? '')}`);
      return;
    }
    const entity = s.marks.find((m) => m.kind === 'entity');
    if (entity?.kind === 'entity') route(entityHref(entity.entity.id));
  };

  return (
    <div class="reader-layout">
      <article class="reader">
        <header>
          <h1 class="article-title">{article.title ?? '(untitled)'}</h1>
          <p class="muted">
            {formatDate(article.published)}
            {article.source && ` · ${article.source}`}
            {safeHref(article.url) && (
              <>
                {' · '}
                <a href={safeHref(article.url)} rel="noreferrer noopener" target="_blank">
                  original
                </a>
              </>
            )}
            {` · id ${article.id}`}
          </p>
          <div class="layer-toggles" role="group" aria-label="highlight layers">
            {LAYERS.map((l) => (
              <label key={l.key} class={`toggle toggle-${l.key}`}>
                <input type="checkbox" checked={shown[l.key]} onChange={(e) => setShown({ ...shown, [l.key]: (e.target as HTMLInputElement).checked })} />
                {l.label}
              </label>
            ))}
          </div>
        </header>
        <div class="article-text" onMouseLeave={() => setHover(null)}>
          {segments.map((s) => {
            const text = article.text.slice(s.start, s.end);
            if (!s.marks.length) return text;
            const claims = [...new Set(s.marks.flatMap((m) => ('claim' in m ? [m.claim.id] : [])))];
            const classes = ['hl', ...new Set(s.marks.map((m) => `hl-${m.kind}`))];
            const stance = s.marks.find((m) => m.kind === 'content');
            if (stance?.kind === 'content' && !stance.claim.negated) classes.push(`stance-bg-${stance.claim.stance}`);
            if (focus && claims.includes(focus)) classes.push('focus');
            return (
              <span
                key={s.start}
                class={classes.join(' ')}
                data-claims={claims.join(' ') || undefined}
                onMouseEnter={(e) => setHover({ marks: s.marks, x: e.clientX, y: e.clientY })}
                onMouseMove={(e) => hover && setHover({ marks: s.marks, x: e.clientX, y: e.clientY })}
                onClick={() => onSegmentClick(s)}
              >
                {text}
              </span>
            );
          })}
        </div>
        {hover && <Details marks={hover.marks} x={hover.x} y={hover.y} speakerName={speakerName} names={names} />}
      </article>
      <aside class="reader-side">
        <h2>{plural(analysis.claims.length, 'claim')}</h2>
        <ol class="side-claims">
          {analysis.claims.map((c) => (
            <li key={c.id} class={focus === c.id ? 'focus' : ''}>
              <button
                class="link"
                onClick={() => {
                  setFocus(c.id);
                  history.replaceState(null, '', `#${encodeURIComponent(c.id)}`);
                  document.querySelector(`[data-claims~="${CSS.escape(c.id)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
                }}
              >
                {speakerName(c)}
              </button>{' '}
              <StanceBadge stance={c.stance} negated={c.negated} /> <span class="muted">{c.said ? formatDate(c.said) : ''}</span>
              <p>{c.content.text}</p>
            </li>
          ))}
        </ol>
        {analysis.events.length > 0 && (
          <>
            <h2>{plural(analysis.events.length, 'event')}</h2>
            <ul class="side-events">
              {analysis.events.map((e) => (
                <li key={e.id}>
                  <strong>{e.type.replace(/_/g, ' ')}</strong> “{e.trigger.text}” <span class="muted">{e.status}</span>
                  {e.place && <> · {names.get(e.place)?.name ?? e.place}</>}
                  {e.time && <> · {formatDate(e.time)}</>}
                </li>
              ))}
            </ul>
          </>
        )}
        <h2>{plural(analysis.entities.length, 'entity', 'entities')}</h2>
        <ul class="side-entities">
          {[...analysis.entities]
            .sort((x, y) => y.mentions.length - x.mentions.length)
            .map((e) => (
              <li key={e.id}>
                <a href={entityHref(e.id)} class={`type-${e.type}`}>
                  {e.name}
                </a>{' '}
                <span class="muted">
                  {e.type} · {e.mentions.length}×
                </span>
              </li>
            ))}
        </ul>
      </aside>
    </div>
  );
}

/** The hover card: what each mark under the pointer is. */
function Details(props: { marks: Mark[]; x: number; y: number; speakerName: (c: Analysis['claims'][number]) => string; names: Map<string, Analysis['entities'][number]> }) {
  const seen = new Set<string>();
  const rows = props.marks.filter((m) => {
    const key = m.kind === 'entity' ? `e:${m.entity.id}` : 'claim' in m ? `c:${m.claim.id}` : `${m.kind}:${m.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const left = Math.min(props.x + 14, window.innerWidth - 340);
  const top = props.y + 18;
  return (
    <div class="tooltip" role="tooltip" style={{ left: `${left}px`, top: `${top}px` }}>
      {rows.map((m, i) => (
        <div key={i} class={`tip tip-${m.kind}`}>
          {m.kind === 'entity' && (
            <>
              <strong>{m.entity.name}</strong> <span class="muted">{m.label}{m.entity.subtype ? ` · ${m.entity.subtype}` : ''}{m.entity.kb ? ` · ${m.entity.kb}` : ''}</span>
            </>
          )}
          {m.kind === 'time' && (
            <>
              <strong>time</strong> {m.time.value} <span class="muted">{m.time.type}{m.time.mod ? ` · ${m.time.mod}` : ''}</span>
            </>
          )}
          {m.kind === 'quantity' && (
            <>
              <strong>quantity</strong> {m.quantity.approximate ? '≈' : ''}
              {m.quantity.value.toLocaleString('en-US')} {m.quantity.unit ?? ''}
            </>
          )}
          {'claim' in m && (
            <>
              <strong>claim {m.claim.id}</strong> · {props.speakerName(m.claim)} <em>{m.claim.cue?.text ?? ''}</em> · {stanceLabel(m.claim)} · {m.claim.kind}
              {m.claim.said && ` · said ${formatDate(m.claim.said)}`}
              {m.claim.via && ` · via ${m.claim.via.text}`}
              {m.claim.explain && <div class="muted">rule: {m.claim.explain.rule}{m.claim.explain.detail ? ` (${m.claim.explain.detail})` : ''}</div>}
            </>
          )}
          {m.kind === 'trigger' && (
            <>
              <strong>event</strong> {m.event.type.replace(/_/g, ' ')} · {m.event.status}
              {m.event.actor && ` · actor ${props.names.get(m.event.actor)?.name ?? m.event.actor}`}
              {m.event.place && ` · in ${props.names.get(m.event.place)?.name ?? m.event.place}`}
              {m.event.time && ` · ${formatDate(m.event.time)}`}
            </>
          )}
        </div>
      ))}
    </div>
  );
}
