import { DOMParser } from 'linkedom';
import { InputError } from '../errors.js';
import { normalizeDate } from './source.js';

export interface FeedItem {
  /** The item's own identifier (RSS <guid>, Atom <id>, RSS 1.0 rdf:about), when it has one. */
  guid: string | null;
  title: string | null;
  link: string | null;
  published: string | null;
  /** The item's HTML body: its full content, or only a summary when `summaryOnly`. */
  html: string;
  /** True when the item carries a summary only, so its link should be fetched for the article. */
  summaryOnly: boolean;
  /** Position in the feed (1-based), for error messages. */
  index: number;
}

export interface Feed {
  title: string | null;
  /** Channel language (RSS <language>, Atom xml:lang), applied to items. */
  language: string | null;
  items: FeedItem[];
}

/** A description shorter than this many characters of text is a teaser, not the article. */
const SUMMARY_CHARS = 600;

/** Parse RSS 2.0, RSS 1.0 (RDF) or Atom. Anything else is an InputError naming the input. */
export function parseFeed(xml: string, origin: string): Feed {
  const trimmed = xml.trimStart();
  if (!trimmed.startsWith('<')) throw new InputError(origin, 'not an RSS or Atom feed (the file is not XML)');
  const doc = new DOMParser().parseFromString(trimmed, 'text/xml');
  const root = doc.documentElement;
  const rootName = root?.tagName.toLowerCase().replace(/^.*:/, '');
  if (!root || !['rss', 'feed', 'rdf'].includes(rootName ?? '')) {
    throw new InputError(origin, `not an RSS or Atom feed (root element is ${root ? `<${root.tagName}>` : 'missing'})`);
  }
  const atom = rootName === 'feed';
  const items = [...root.getElementsByTagName(atom ? 'entry' : 'item')].map((el, i) => (atom ? atomEntry(el, i + 1) : rssItem(el, i + 1)));
  const channel = atom ? root : (root.getElementsByTagName('channel')[0] ?? root);
  const language = childText(channel, 'language') ?? childText(channel, 'dc:language') ?? root.getAttribute('xml:lang');
  return { title: childText(channel, 'title'), language: language || null, items };
}

function rssItem(el: Element, index: number): FeedItem {
  const full = childText(el, 'content:encoded');
  const description = childText(el, 'description') ?? '';
  const html = full ?? description;
  return {
    guid: childText(el, 'guid') ?? (el.getAttribute('rdf:about') || null),
    title: childText(el, 'title'),
    link: childText(el, 'link') ?? permalinkGuid(el),
    published: normalizeDate(childText(el, 'pubDate') ?? childText(el, 'dc:date')),
    html,
    summaryOnly: !full && textLength(description) < SUMMARY_CHARS,
    index,
  };
}

function atomEntry(el: Element, index: number): FeedItem {
  const content = childText(el, 'content');
  const links = [...el.getElementsByTagName('link')];
  const link = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
  return {
    guid: childText(el, 'id'),
    title: childText(el, 'title'),
    link: link?.getAttribute('href') ?? null,
    published: normalizeDate(childText(el, 'published') ?? childText(el, 'updated')),
    html: content ?? childText(el, 'summary') ?? '',
    summaryOnly: !content || textLength(content) < SUMMARY_CHARS / 4,
    index,
  };
}

function childText(el: Element, tag: string): string | null {
  for (const child of el.children) {
    if (child.tagName.toLowerCase() === tag.toLowerCase()) {
      const t = child.textContent?.trim();
      return t ? t : null;
    }
  }
  return null;
}

function permalinkGuid(el: Element): string | null {
  const guid = [...el.children].find((c) => c.tagName.toLowerCase() === 'guid');
  const v = guid?.textContent?.trim();
  return v && guid?.getAttribute('isPermaLink') !== 'false' && /^https?:\/\//.test(v) ? v : null;
}

function textLength(html: string): number {
  return html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().length;
}
