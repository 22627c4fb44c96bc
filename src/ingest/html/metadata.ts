import { normalizeDate } from '../source.js';

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
    published: readPublished(document, meta, ld, [url, pageUrl]),
    source,
    url,
    language:
      clean(document.documentElement?.getAttribute('lang')) ??
      meta('og:locale', 'language', 'content-language', 'dc.language')?.replace('_', '-') ??
      null,
  };
}

type MetaReader = (...keys: string[]) => string | null;

/** The content of the first <meta> named (property, name or itemprop, any case) by one of the keys, in key order. */
function metaReader(document: Document): MetaReader {
  const byKey = new Map<string, string>();
  for (const el of Array.from(document.getElementsByTagName('meta'))) {
    const content = clean(el.getAttribute('content'));
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
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
  const sites = siteNames.map(siteKey);
  const candidates: { el: Element; text: string }[] = [];
  for (const el of Array.from(document.body?.getElementsByTagName('h1') ?? [])) {
    const text = clean(el.textContent);
    if (!text || text.length > HEADLINE_MAX || sites.includes(siteKey(text)) || isHomeLink(el)) continue;
    candidates.push({ el, text });
  }
  const metaWords = metaTitles.map(words);
  let best: { el: Element; text: string } | null = null;
  let bestScore = 0;
  for (const c of candidates) {
    const w = words(c.text);
    for (const m of metaWords) {
      const score = overlap(w, m);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
  }
  if (best && bestScore >= 0.5) return { title: best.text, headline: best.el };
  if (candidates.length === 1 && !metaTitles.length) return { title: candidates[0]!.text, headline: candidates[0]!.el };
  if (candidates.length === 1 && words(candidates[0]!.text).size >= 3) return { title: candidates[0]!.text, headline: candidates[0]!.el };
  const meta = metaTitles[0];
  return { title: meta ? stripSiteName(meta, sites) : null, headline: null };
}

/** A heading that is only a link to the site's front page is the site's logo. */
function isHomeLink(h1: Element): boolean {
  const links = h1.getElementsByTagName('a');
  if (links.length !== 1) return false;
  const href = links[0]!.getAttribute('href') ?? '';
  return /^(https?:\/\/[^/]+)?\/?(index\.\w+)?$/i.test(href.trim()) && clean(links[0]!.textContent) === clean(h1.textContent);
}

const SEPARATOR = /\s+(?:[|·•»«:]|[-–—]{1,2}|::)\s+|\s+[-–—|]+$|^[-–—|]+\s+/;

/** Cut the site's name (and the separator before or after it) off a meta title. */
export function stripSiteName(title: string, sites: string[]): string {
  const parts = title.split(SEPARATOR).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return parts[0] ?? title;
  const isSite = (p: string) => {
    const s = siteKey(p);
    return sites.some((site) => site && (s === site || (s.length >= 4 && site.includes(s)) || s.includes(site)));
  };
  const rest = parts.filter((p) => !isSite(p));
  if (rest.length === 0) return title;
  if (rest.length < parts.length) return title.slice(title.indexOf(rest[0]!), title.lastIndexOf(rest.at(-1)!) + rest.at(-1)!.length);
  // No known site name: a "Site | Title" or "Title » Site" layout keeps its longest part.
  if (/\s[|»·]\s/.test(title)) return rest.reduce((a, b) => (b.length > a.length ? b : a));
  return title.replace(/\s+[-–—|]+$/, '');
}

function words(s: string): Set<string> {
  return new Set(s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Shared words over the smaller set: 1 when one title's words all occur in the other. */
function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size);
}

/** A name reduced to its letters and digits: "La Stampa", "lastampa" and "LaStampa" compare equal. */
function siteKey(s: string): string {
  return [...words(s)].join('');
}

// ---------------------------------------------------------------------------------------------
// Publication date

const DATE_META = [
  'article:published_time',
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
function readPublished(document: Document, meta: MetaReader, ld: JsonLdArticle, urls: (string | null)[]): string | null {
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
  for (const el of Array.from(document.querySelectorAll('time, [class*="date"], [class*="publish"], [class*="posted"], [class*="byline"], [class*="meta"]')).slice(0, 50)) {
    const found = normalizeDate(textDate(el.textContent));
    if (found) return found;
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
