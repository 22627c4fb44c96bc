import { formatDate } from '../doc/dates.js';
import { stanceLabel } from '../doc/display.js';
import type { Analysis, Entity } from '../doc/types.js';

const MAX_CLAIMS = 8;

/** A short readable summary of one analysed article, for the terminal. */
export function digest(a: Analysis, note?: string): string {
  const { article } = a;
  const lines: string[] = [];
  lines.push(`■ ${article.title ?? '(untitled)'}`);
  const meta = [article.published ?? 'undated', article.source, article.ref, `id ${article.id}`].filter(Boolean);
  lines.push(`  ${meta.join(' · ')}${note ? ` · ${note}` : ''}`);
  lines.push(
    `  ${a.entities.length} entities · ${a.times.length} times · ${a.quantities.length} quantities · ${a.claims.length} claims · ${a.events.length} events`,
  );
  const actors = [...a.entities].sort((x, y) => y.mentions.length - x.mentions.length).slice(0, 6);
  if (actors.length) lines.push(`  most mentioned: ${actors.map((e) => `${e.name} (${e.mentions.length})`).join(', ')}`);
  const names = new Map<string, Entity>(a.entities.map((e) => [e.id, e]));
  for (const c of a.claims.slice(0, MAX_CLAIMS)) {
    const who = (c.speaker?.entity && names.get(c.speaker.entity)?.name) ?? c.speaker?.text ?? 'unattributed';
    const when = c.said ? ` (${formatDate(c.said)})` : '';
    lines.push(`  • ${who} ${c.cue?.text ?? '—'}${when} [${stanceLabel(c)}]: ${clip(c.content.text, 110)}`);
  }
  if (a.claims.length > MAX_CLAIMS) lines.push(`  … and ${a.claims.length - MAX_CLAIMS} more claims (claimtrail show ${article.id.slice(0, 8)})`);
  return lines.join('\n');
}

export function clip(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}
