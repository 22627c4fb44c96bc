import { normalizeDate } from '../source.js';
import { isBoilerplateElement } from './signals.js';

/** What a page says about itself, read before anything changes its DOM. */
export interface PageMetadata {
  title: string | null;
  /** The element of the visible headline, when the title is one. */
  headline: Element | null;
  published: string | null;
  source: string | null;
  url: string | null;
  language: string | null;
}

export function readMetadata(document: Document, pageUrl: string | null): PageMetadata {
  const meta = metaReader(document);
  const ld = readJsonLd(document);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('og:url');
  const url = resolveUrl(canonical, pageUrl);
  const source = meta('og:site_name', 'application-name') ?? clean(ld.publisher);
  const metaTitles = [ld.headline, meta('og:title'), meta('twitter:title'), clean(document.querySelector('title')?.textContent)].filter(
    (t): t is string => !!t,
  );
  const siteNames = [source, hostLabel(url ?? pageUrl)].filter((s): s is string => !!s);
  const { title, headline } = chooseTitle(document, metaTitles, siteNames);
  return {
    title,
    headline,
    published: readPublished(document, meta, ld, [url, pageUrl], headline),
    source,
    url,
    language:
      clean(document.documentElement?.getAttribute('lang')) ??
      meta('og:locale', 'language', 'content-language', 'dc.language')?.replace('_', '-') ??
      null,
  };
}

type MetaReader = (...keys: string[]) => string | null;

/** The content of the first <meta> named (property, name, itemprop or http-equiv, any case) by one of the keys, in key order. */
function metaReader(document: Document): MetaReader {
  const byKey = new Map<string, string>();
  for (const el of Array.from(document.getElementsByTagName('meta'))) {
    const content = clean(el.getAttribute('content'));
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.toLowerCase();
      if (key && !byKey.has(key)) byKey.set(key, content);
    }
  }
  return (...keys) => {
    for (const key of keys) {
      const v = byKey.get(key.toLowerCase());
      if (v) return v;
    }
    return null;
  };
}

// ---------------------------------------------------------------------------------------------
// Title: the visible headline when the page's own titles confirm it, else the meta title

const HEADLINE_MAX = 300;

/**
 * The title of the article. The <h1> a reader sees is the headline; <title> and og:title often
 * carry a site name or a shorter social-media wording. So: the <h1> whose words best match one
 * of the page's meta titles (or the only <h1>, when it is not the site's name); else the meta
 * title with the site name cut off.
 */
function chooseTitle(document: Document, metaTitles: string[], siteNames: string[]): { title: string | null; headline: Element | null } {
  const sites = siteNames.map(siteKey).filter((k) => k.length >= 3);
  const isSiteName = (text: string) => {
    const key = siteKey(text);
    const short = words(text).size <= 3;
    return sites.some((site) => key === site || (key.length >= 4 && site.includes(key)) || (short && key.includes(site)));
  };
  const metaWords = [...metaTitles, ...metaTitles.map((t) => stripSiteName(t, sites, true))].map(words);
  // `cover`: the heading must hold the meta title's words (an <h2> is a headline only then).
  const candidates = (tag: string, cover: boolean) => {
    const out: { el: Element; parts: string[]; text: string; score: number }[] = [];
    for (const el of Array.from(document.body?.getElementsByTagName(tag) ?? [])) {
      const parts = headingParts(el);
      const text = clean(parts.join(' '));
      if (!text || text.length > HEADLINE_MAX || isSiteName(text) || isHomeLink(el) || inFurniture(el)) continue;
      const w = words(text);
      out.push({ el, parts, text, score: Math.max(0, ...metaWords.map((m) => (cover ? shared(w, m) / (m.size || 1) : overlap(w, m)))) });
    }
    return out;
  };
  const best = (list: { el: Element; parts: string[]; text: string; score: number }[], min: number) =>
    list.reduce<(typeof list)[number] | null>((a, b) => (b.score >= min && (!a || b.score > a.score) ? b : a), null);
  const h1s = candidates('h1', false);
  // Some pages set their headline in an <h2> (the <h1> being the section or site name).
  const found = best(h1s, 0.5) ?? (h1s.length === 1 && (!metaTitles.length || words(h1s[0]!.text).size >= 3) ? h1s[0]! : null) ?? best(candidates('h2', true), 0.8);
  if (found) return { title: trimHeadline(found.parts, found.text, metaTitles.map((t) => stripSiteName(t, sites, false))), headline: found.el };
  const meta = metaTitles[0];
  return { title: meta ? stripSiteName(meta, sites, true) : null, headline: null };
}

/**
 * A headline element sometimes holds a section label or a subtitle too ("Politics | …", a kicker
 * above a <br>, a <small> subtitle): when a meta title is one part of it, that part is the headline.
 */
function trimHeadline(pieces: string[], text: string, metaTitles: string[]): string {
  const parts = [...pieces, ...text.split(SEPARATOR)].map((p) => clean(p)).filter((p): p is string => p !== null);
  if (parts.length > 1) for (const part of parts) if (metaTitles.some((m) => siteKey(m) === siteKey(part))) return part;
  return text;
}

/** The text of a heading in the parts a <br> or a <small> subtitle sets apart. */
function headingParts(el: Element): string[] {
  const parts: string[] = [''];
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) parts[parts.length - 1] += child.textContent ?? '';
      else if (child.nodeType !== 1) continue;
      else if ((child as Element).tagName === 'BR') parts.push('');
      else if ((child as Element).tagName === 'SMALL') parts.push(child.textContent ?? '', '');
      else walk(child);
    }
  };
  walk(el);
  return parts.filter((p) => p.trim());
}

/** A heading in a share box, a related-stories list or a menu repeats another page's or this page's title. */
function inFurniture(el: Element): boolean {
  let at: Element | null = el;
  for (let depth = 0; at && depth < 3; depth++, at = at.parentElement) if (isBoilerplateElement(at)) return true;
  return false;
}

/** A heading that is only a link to the site's front page is the site's logo. */
function isHomeLink(h1: Element): boolean {
  const links = h1.getElementsByTagName('a');
  if (links.length !== 1) return false;
  const href = links[0]!.getAttribute('href') ?? '';
  return /^(https?:\/\/[^/]+)?\/?(index\.\w+)?$/i.test(href.trim()) && clean(links[0]!.textContent) === clean(h1.textContent);
}

const SEPARATOR = /\s+(?:[|·•»«:]|[-–—]{1,2}|::)\s+|\s+[-–—|]+$|^[-–—|]+\s+/;

/**
 * Cut the site's name (and the separator before or after it) off a meta title. With `guess`, a
 * title in the "Site | Title" or "Title » Site" layout whose site is unknown keeps its longest part.
 */
export function stripSiteName(title: string, sites: string[], guess: boolean): string {
  const parts = title.split(SEPARATOR).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return parts[0] ?? title;
  const isSite = (p: string) => {
    const s = siteKey(p);
    return sites.some((site) => site && (s === site || (s.length >= 4 && site.includes(s)) || s.includes(site)));
  };
  const rest = parts.filter((p) => !isSite(p));
  if (rest.length === 0) return title;
  const kept = rest.length < parts.length ? title.slice(title.indexOf(rest[0]!), title.lastIndexOf(rest.at(-1)!) + rest.at(-1)!.length) : title;
  // A "Site | Section | Title" or "Title » Site" layout whose site is unknown keeps its longest part.
  if (guess && rest.length > 1 && /\s[|»]\s/.test(kept)) return rest.reduce((a, b) => (b.length > a.length ? b : a));
  return kept.replace(/\s+[-–—|]+$/, '');
}

function words(s: string): Set<string> {
  return new Set(s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[\p{L}\p{N}]+/gu) ?? []);
}

function shared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

/** Shared words over the smaller set: 1 when one title's words all occur in the other. */
function overlap(a: Set<string>, b: Set<string>): number {
  return a.size && b.size ? shared(a, b) / Math.min(a.size, b.size) : 0;
}

/** A name reduced to its letters and digits: "La Stampa", "lastampa" and "LaStampa" compare equal. */
function siteKey(s: string): string {
  return [...words(s)].join('');
}

// ---------------------------------------------------------------------------------------------
// Publication date

const DATE_META = [
  'article:published_time',
  'og:article:published_time',
  'og:published_time',
  'article:published',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.date',
  'dcterms.created',
  'date',
  'sailthru.date',
  'parsely-pub-date',
  'article.published',
  'originalpublicationdate',
];

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const TEXT_DATE = new RegExp(
  `\\b(\\d{4}-\\d{2}-\\d{2}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+${MONTH},?\\s+\\d{4})\\b`,
  'i',
);

/**
 * The publication date, from the most to the least explicit statement of it: meta tags, JSON-LD,
 * microdata, <time>, a date in the URL path (/2024/05/17/), a date written in the byline area.
 */
function readPublished(document: Document, meta: MetaReader, ld: JsonLdArticle, urls: (string | null)[], headline: Element | null): string | null {
  const fromMeta = normalizeDate(meta(...DATE_META)) ?? normalizeDate(ld.datePublished);
  if (fromMeta) return fromMeta;
  const micro = document.querySelector('[itemprop="datePublished"]');
  const fromMicro = normalizeDate(micro?.getAttribute('content') ?? micro?.getAttribute('datetime') ?? textDate(micro?.textContent));
  if (fromMicro) return fromMicro;
  const time = document.querySelector('article time[datetime], time[pubdate], time[datetime]');
  const fromTime = normalizeDate(time?.getAttribute('datetime') ?? time?.getAttribute('pubdate'));
  if (fromTime) return fromTime;
  const abbr = document.querySelector('abbr.published[title], abbr.updated[title]');
  const fromAbbr = normalizeDate(abbr?.getAttribute('title'));
  if (fromAbbr) return fromAbbr;
  for (const u of urls) {
    const m = u ? /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:\/|[-_.]|$)/.exec(new URL(u, 'http://x/').pathname) : null;
    const fromUrl = m ? normalizeDate(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`) : null;
    if (fromUrl) return fromUrl;
  }
  // The byline area: right after the headline, or an element named for dates or bylines.
  const afterHeadline = headline ? textAfter(headline, 300) : null;
  const fromByline = normalizeDate(textDate(afterHeadline));
  if (fromByline) return fromByline;
  for (const el of Array.from(document.querySelectorAll('time, [class*="date"], [class*="publish"], [class*="posted"], [class*="byline"], [class*="meta"]')).slice(0, 50)) {
    const found = normalizeDate(textDate(el.textContent));
    if (found) return found;
  }
  return null;
}

/** Up to `max` characters of the text that follows an element, within its nearest ancestors. */
function textAfter(el: Element, max: number): string | null {
  const own = el.textContent ?? '';
  for (let up = el.parentElement, depth = 0; up && depth < 3; up = up.parentElement, depth++) {
    const text = up.textContent ?? '';
    const at = text.indexOf(own);
    const rest = at >= 0 ? text.slice(at + own.length, at + own.length + max) : '';
    if (rest.trim().length >= 8) return rest;
  }
  return null;
}

function textDate(text: string | null | undefined): string | null {
  if (!text || text.length > 300) return null;
  const m = TEXT_DATE.exec(text);
  return m ? m[1]!.replace(/(\d)(st|nd|rd|th)\b/i, '$1').replace(/(\d)\.(\s)/, '$1$2') : null;
}

// ---------------------------------------------------------------------------------------------
// JSON-LD

interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  publisher: string | null;
}

const ARTICLE_TYPE = /Article|Posting|Report|Story/i;

/** Headline, date and publisher of the first JSON-LD object that describes an article (searching @graph too). */
function readJsonLd(document: Document): JsonLdArticle {
  const found: JsonLdArticle = { headline: null, datePublished: null, publisher: null };
  let anyDate: string | null = null;
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const o = item as Record<string, unknown>;
        if (o['@graph']) queue.push(o['@graph']);
        if (typeof o.datePublished === 'string') anyDate ??= o.datePublished;
        const type = ([] as unknown[]).concat(o['@type'] ?? []).join(' ');
        if (!ARTICLE_TYPE.test(type)) continue;
        found.headline ??= typeof o.headline === 'string' ? clean(o.headline) : null;
        found.datePublished ??= typeof o.datePublished === 'string' ? o.datePublished : null;
        const pub = o.publisher as Record<string, unknown> | undefined;
        found.publisher ??= pub && typeof pub.name === 'string' ? pub.name : null;
      }
    }
  }
  // A page (WebPage, not an article type) still dates itself when nothing else does.
  found.datePublished ??= anyDate;
  return found;
}

// ---------------------------------------------------------------------------------------------

export function clean(v: string | null | undefined): string | null {
  const s = v?.replace(/\s+/g, ' ').trim();
  return s ? s : null;
}

function resolveUrl(href: string | null, base: string | null): string | null {
  if (!href) return base;
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    return base;
  }
}

/** The distinctive part of a host name (www.lastampa.it → lastampa), which pages use as their name. */
function hostLabel(url: string | null): string | null {
  if (!url) return null;
  try {
    const parts = new URL(url).hostname.replace(/^www\./, '').split('.');
    // example.co.uk, example.com.au: the name is before the two-part suffix
    const at = parts.length > 2 && parts[parts.length - 2]!.length <= 3 ? parts.length - 3 : parts.length - 2;
    return parts[Math.max(0, at)]!;
  } catch {
    return null;
  }
}
