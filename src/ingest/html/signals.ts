import type { Block } from './blocks.js';

/** Elements that hold page furniture, never the story. */
const FURNITURE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'FORM', 'FIGCAPTION', 'LABEL', 'MENU', 'DIALOG']);

/**
 * Words in class names and ids that web pages use for furniture around an article: comment
 * threads, related and recommended links, newsletter and subscription boxes, share bars, author
 * cards, captions and credits, disclaimers, ads, menus and sidebars. Matched as whole words of
 * the name (split at punctuation and camelCase), so `comment-list` matches and `commentary` does not.
 */
const FURNITURE_WORDS = new Set(
  [
    'comment comments commentlist respond reply replies disqus',
    'related recommended recommendations recirc trending popular outbrain taboola',
    'newsletter newsletters subscribe subscription signup optin',
    'share sharing sharebar sharedaddy social',
    'bio byline author authors authorbox',
    'caption credit credits',
    'disclaimer disclosure copyright',
    'ad ads advert adverts advertisement advertising sponsor sponsored promo promotion cta',
    'nav navbar navigation menu breadcrumb breadcrumbs pagination pager logo',
    'sidebar footer tags tagcloud',
    'cookie cookies consent gdpr modal popup overlay',
  ]
    .join(' ')
    .split(' '),
);

/** Class names that state a property of a wrapper ("has-ads", "with-sidebar", "no-comments"), not what it is. */
const MODIFIER = /(^|[-_])(has|with|without|no|show|hide|enable|disable|enabled|disabled)[-_]/i;

/** Whether an element is furniture by its tag, or by a word of its class or id. */
export function isBoilerplateElement(el: Element): boolean {
  if (FURNITURE_TAGS.has(el.tagName)) return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (names.length < 2) return false;
  for (const name of names.split(/\s+/)) {
    if (!name || MODIFIER.test(name)) continue;
    for (const word of name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z]+/)) {
      if (FURNITURE_WORDS.has(word)) return true;
    }
  }
  return false;
}

export const SENTENCE_END = /[.!?…:;"”’)»]$/;

/** A block Readability dropped that still reads as article text: prose, not links or labels. */
export function looksLikeProse(b: Block): boolean {
  const n = b.text.length;
  if (b.linkChars > 0.3 * n) return false;
  if (b.heading) return n <= 200;
  return n >= 60 || (n >= 15 && SENTENCE_END.test(b.text));
}

/**
 * What ends pages after the story: prompts to subscribe, follow, share or comment; copyright
 * lines; author bios; and link lists or short labels. Only trailing blocks are tested.
 */
const TRAILER = new RegExp(
  [
    // newsletter, subscription and app prompts
    String.raw`\b(sign(ing)? up|subscribe|register|join)\b.{0,60}\bnewsletters?\b`,
    String.raw`\bnewsletters?\b.{0,60}\b(inbox|sign up|subscribe)\b`,
    String.raw`^(subscribe|sign up|become a (member|subscriber|supporter))\b`,
    String.raw`\bsubscribe (now|today|to (our|the))\b|\bsign up (here|now|today)\b`,
    String.raw`\b(weekly|daily|free|e-?mail) newsletters?\b`,
    String.raw`\b(download|get) (our|the) [\w\s]{0,30}\bapps?\b`,
    // follow, share and comment prompts
    String.raw`\bfollow (us|me|him|her|them) (on|at)\b|\bfollow @\w+|\bkeep up with (me|us)\b`,
    String.raw`^share (this|on)\b`,
    String.raw`\bleave a (comment|reply)\b|\bcomments? (are|is) (closed|moderated)\b|\bcomment policy\b`,
    // links onward
    String.raw`^(related|more) (stories|articles|posts|coverage|from|on)\b`,
    String.raw`^(filed under|tags?:|tagged( with)?:)`,
    // legal lines and disclosures
    String.raw`\ball rights reserved\b|©|\bcopyright (©|\d{4})`,
    String.raw`\b(may not be|must not be|cannot be) (reprinted|republished|reproduced|redistributed)\b|\bwithout (prior )?(written )?permission\b`,
    String.raw`\bsubject to copyright\b`,
    String.raw`\bdisclaimer\b|\bdisclosure:|\baffiliate links?\b|\bwe may (earn|receive) (a )?(commission|compensation)\b`,
  ].join('|'),
  'i',
);
const BIO_NAME = /^(\p{Lu}[\p{L}.'’-]+ ){1,4}(is|was|has been|covers|writes)\b/u;
const BIO_ROLE = /\b(writer|reporter|journalist|editor|correspondent|columnist|author|contributor|freelancer?|producer|founder|blogger|host|fellow|consultant)\b/i;
/** Labels that end pages: "Comments", "Next page", "Pages: 1 2 3", "+ Follow", "37 views", "Latest posts by X (see all)". */
const LABEL = /^[-–—+\s]*(advertisement|comments?|recent (posts|articles|stories)|next( page| post| article)?|previous( page| post| article)?|pages?:?( \d+)*|follow|share|tags?|more|see all|\d+ (views|comments|shares|likes)|latest posts by .{1,60})[-–—\s]*$/i;

export function isTrailer(b: Block): boolean {
  const n = b.text.length;
  if (b.linkChars > 0.5 * n) return true;
  if (n < 80 && LABEL.test(b.text)) return true;
  return (n < 400 && TRAILER.test(b.text)) || (n < 700 && BIO_NAME.test(b.text) && BIO_ROLE.test(b.text.slice(0, 160)));
}
