// Main-text extraction from a live page (content script) or a parsed saved page (CLI, tests).
// Finds the article body, keeps its title and paragraphs, drops navigation, tickers, related links,
// comments and editable or code regions, and remembers for every character of every block the Text
// node it came from, so spans found in the analysed text paint back onto the page as DOM Ranges.
import type { PageSignals } from '../types/analysis';
import { runAll, type Steps } from './slice';

/** A run of block characters copied from one Text node: block[start + k] comes from node.data[nodeStart + k]. */
interface TextPiece {
  node: Text;
  start: number;
  nodeStart: number;
  length: number;
}

/** One block's text with where each part of it lives in the DOM. */
interface BlockNodes {
  text: string;
  pieces: TextPiece[];
}

/** What the analysis gets (title, blocks) and what painting needs to map offsets back (titleNodes, nodes). */
export interface ExtractedArticle {
  title: string | null;
  blocks: string[];
  /** Parallel to `blocks`. */
  nodes: BlockNodes[];
  /** The title's DOM text when it was taken from the page; null when it came from metadata only. */
  titleNodes: BlockNodes | null;
  /** The element the body was read from (null when nothing readable was found). */
  root: Element | null;
}

const BLOCK_SEPARATOR_LENGTH = 2; // nlp/analyze.ts joinArticle: title and blocks joined with '\n\n'

const SKIP_TAGS = new Set(
  'script style noscript template svg math iframe object embed canvas video audio picture input textarea select option button nav aside footer code pre kbd samp var marquee head dialog menu'.split(
    ' ',
  ),
);
const BLOCK_TAGS = new Set(
  'p div h1 h2 h3 h4 h5 h6 li ul ol dl dd dt blockquote section article main header table tbody thead tr td th figure figcaption hr address center details summary caption'.split(
    ' ',
  ),
);
const SKIP_ROLES = new Set([
  'navigation',
  'complementary',
  'banner',
  'contentinfo',
  'search',
  'menu',
  'menubar',
  'marquee',
  'dialog',
  'form',
]);
// Class and id names of boilerplate regions: comments, related links, sharing, tickers, widgets, ads.
// Each name is read as one token and split into its words («share-buttons» → share, buttons): a region
// word counts as the token's first or last word (or, for the commonest ones, any camelCase word: «BGCommentSBar»),
// never as part of a longer word («commentary») and never after a negation («no-share»). State words
// («hidden», «sr-only») count only as the whole token, so Drupal's «field-label-hidden» body is read.
const REGION_WORDS = new Set(
  'comment comments share sharing social related ticker breaking newsletter sidebar outbrain taboola disqus whatsapp facebook twitter telegram respond urgent subscribe widget widgets promo advert advertisement ad ads banner breadcrumb breadcrumbs tag tags keywords menu navbar nav footer caption'.split(
    ' ',
  ),
);
/** Words that also count inside a camelCase name. */
const CAMEL_WORDS = new Set('comment comments share social related ticker breaking newsletter sidebar outbrain taboola disqus'.split(' '));
const REGION_PHRASES =
  /^(?:read-?more|more-?news|most-?read|most-?popular|popular|recommended|copyright)(?:$|-)|-(?:read-?more|more-?news|most-?read|popular|recommended|copyright)$/;
const STATE_TOKENS = new Set(['hidden', 'sr-only', 'visually-hidden', 'screen-reader-text', 'print', 'print-only']);
const NEGATIONS = new Set(['no', 'not', 'non', 'without', 'hide', 'hidden', 'has', 'with', 'disable', 'disabled']);

/** Is one class or id token the name of a boilerplate region? */
export function isBoilerplateToken(token: string): boolean {
  const lower = token.toLowerCase();
  if (STATE_TOKENS.has(lower)) return true;
  const words = lower.split(/[-_]+/).filter((w) => w.length > 0);
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last || NEGATIONS.has(first)) return false;
  if (REGION_WORDS.has(first) || REGION_WORDS.has(last) || REGION_PHRASES.test(words.join('-'))) return true;
  const camel = token.split(/(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[-_]+/).map((w) => w.toLowerCase());
  return camel.some((w) => CAMEL_WORDS.has(w));
}

function hasBoilerplateName(el: Element): boolean {
  const tokens = `${el.getAttribute('class') ?? ''} ${el.id}`.split(/\s+/);
  return tokens.some((token) => token.length > 1 && isBoilerplateToken(token));
}
/** Sentences sites put around every article: comment rules, disclaimers, copyright, follow-us and read-also lines. */
const BOILERPLATE_TEXT =
  /لا تعبر عن رأي|مراجعة التعليقات|جميع الحقوق محفوظة|حقوق النشر|[اإ]قرأ أيضا|تابعونا على|تابعنا على|اشترك في النشرة|حمل تطبيق/;
const MARKS = /[\u064b-\u0652\u0640]/g; // harakat and tatweel, ignored when matching those sentences
const ARABIC_LETTER = /[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]/;
const ARABIC_LETTERS = /[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]/g;
const LATIN_LETTERS = /[A-Za-z\u00c0-\u024f]/g;
const NON_SPACE = /\S+/g;
/** How much of a page's text the gate and the language check read: a home page's headlines are enough. */
const PAGE_SAMPLE_CHARS = 6000;
/** How much of it goes to the background with the article, for pages whose article text is too short to tell. */
const LANGUAGE_SAMPLE_CHARS = 2000;
/** Arabic letters a page needs before it is read at all: a name or a word of Arabic in a foreign page is not enough. */
const MIN_ARABIC_LETTERS = 20;
/** The share of the letters that must be Arabic: a bilingual page passes, a foreign page quoting Arabic does not. */
const MIN_ARABIC_SHARE = 0.2;
/** How deep and how many JSON-LD items are read: real pages nest two or three levels; a hostile one is bounded. */
const JSON_LD_MAX_DEPTH = 4;
const JSON_LD_MAX_ITEMS = 64;
/** The longest JSON-LD type name kept (schema.org names are short; longer strings are not types). */
const JSON_LD_MAX_TYPE = 128;
/** A paragraph shorter than this (a caption, a byline) does not vote for the article's container. */
const MIN_VOTING_PARAGRAPH = 25;
/** Text written straight into a div or cell votes from this length: below it, it is a label or a button. */
const MIN_VOTING_LOOSE_TEXT = 80;
/** An ancestor is still the article while this share of its text is in paragraphs; below it, it is the page's wrapper. */
const MIN_PARAGRAPH_SHARE = 0.6;
/** An ancestor replaces the chosen block only when it holds clearly more paragraph text (30% more). */
const WIDER_BLOCK_GAIN = 1.3;
/** Fewer characters than this is not an article body (in the page or declared in JSON-LD): a teaser or a title. */
const MIN_BODY_CHARS = 200;
/** The declared body's opening words looked for on the page: long enough to be unique, short enough to be unbroken. */
const BODY_OPENING_CHARS = 24;
/** The share of the declared body an element must hold to be where the page shows it. */
const DECLARED_BODY_SHARE = 0.6;
/** The share of the largest text block an <article>, <main> or articleBody must hold to be read instead of it. */
const CONTAINER_SHARE = 0.5;
/** A <main> this many times larger than the largest text block holds the whole page: the block is read instead. */
const MAIN_TOO_WIDE = 2.5;
/** A heading shorter than this (a section label) is not the article's title. */
const MIN_TITLE_CHARS = 8;
/** A block whose links hold more than this share of its letters is a list of links (related stories, tags). */
const MAX_LINK_SHARE = 0.5;
/** Blocks shorter than this are checked against the boilerplate sentences; a paragraph of the article is longer. */
const BOILERPLATE_MAX_CHARS = 400;
/** A breaking-news ticker line is shorter than this. */
const TICKER_MAX_CHARS = 200;
/** Short lines after the last paragraph are page furniture (dates of related stories, ratings) below this length. */
const FURNITURE_MAX_CHARS = 80;
/** The JSON-LD body replaces what was read when it is this many times longer (the page renders its body with scripts). */
const DECLARED_BODY_GAIN = 2;
/** Text nodes looked through between two chances for the page to take a turn. */
const TEXT_NODES_PER_PAUSE = 200;

// ---------------------------------------------------------------------------------------------
// The gate

/** The title and the page's first text nodes (scripts and styles skipped): enough to judge its script and language. */
function pageTextSample(doc: Document): string {
  let sample = doc.title ?? '';
  const body = doc.body;
  if (!body) return sample;
  // Sample the first text nodes rather than reading the whole body.
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = 0, node = walker.nextNode(); node && n < 300 && sample.length < PAGE_SAMPLE_CHARS; n++, node = walker.nextNode()) {
    const parent = node.parentNode?.nodeName;
    if (parent === 'SCRIPT' || parent === 'STYLE' || parent === 'NOSCRIPT') continue;
    sample += ` ${(node as Text).data}`;
  }
  return sample;
}

/** Cheap first check on every page: a non-Arabic-script page must cost the extension almost nothing. */
export function hasArabicText(doc: Document): boolean {
  const lang = (doc.documentElement?.getAttribute('lang') ?? '').slice(0, 2).toLowerCase();
  if (lang === 'ar' || lang === 'fa' || lang === 'ur') return true;
  const sample = pageTextSample(doc);
  if (!ARABIC_LETTER.test(sample)) return false;
  const arabic = sample.match(ARABIC_LETTERS)?.length ?? 0;
  const latin = sample.match(LATIN_LETTERS)?.length ?? 0;
  return arabic >= MIN_ARABIC_LETTERS && arabic >= (arabic + latin) * MIN_ARABIC_SHARE;
}

// ---------------------------------------------------------------------------------------------
// Signals

/** Every JSON-LD item of the page, @graph members and mainEntity included (broken JSON-LD is common and skipped). */
function jsonLdItems(doc: Document): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > JSON_LD_MAX_DEPTH || items.length >= JSON_LD_MAX_ITEMS || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, 64)) visit(item, depth + 1);
      return;
    }
    const item = value as Record<string, unknown>;
    items.push(item);
    visit(item['@graph'], depth + 1);
    visit(item.mainEntity, depth + 1);
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {}
  }
  return items;
}

function jsonLdTypes(items: Record<string, unknown>[]): string[] {
  const types: string[] = [];
  for (const item of items) {
    const type = item['@type'];
    for (const t of Array.isArray(type) ? type : [type]) if (typeof t === 'string' && t.length <= JSON_LD_MAX_TYPE) types.push(t);
  }
  return [...new Set(types)].slice(0, JSON_LD_MAX_ITEMS);
}

/** A string field of the first JSON-LD item that has one (headline, articleBody). */
function jsonLdText(items: Record<string, unknown>[], field: string): string | null {
  for (const item of items) {
    const value = item[field];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return null;
}

function meta(doc: Document, property: string): string | null {
  const el = doc.querySelector(`meta[property="${property}"], meta[name="${property}"]`);
  const content = el?.getAttribute('content')?.trim();
  return content ? content : null;
}

function pageUrl(doc: Document): string | null {
  const declared = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(doc, 'og:url');
  for (const candidate of [declared, doc.URL]) {
    if (!candidate) continue;
    try {
      const url = new URL(candidate, doc.URL);
      if (/^https?:$/.test(url.protocol) && url.hostname !== 'localhost') return url.href.slice(0, 4096);
    } catch {}
  }
  return null;
}

/** What the page says about itself (language, direction, og:type, JSON-LD types, article markup). */
export function collectSignals(doc: Document): PageSignals {
  const html = doc.documentElement;
  const body = doc.body;
  const attr = (name: string) => (html?.getAttribute(name) || body?.getAttribute(name) || '').trim().slice(0, 64) || null;
  return {
    lang: attr('lang') ?? meta(doc, 'og:locale')?.slice(0, 64) ?? null,
    dir: attr('dir')?.slice(0, 16) ?? null,
    ogType: meta(doc, 'og:type')?.toLowerCase().slice(0, 64) ?? null,
    jsonLdTypes: jsonLdTypes(jsonLdItems(doc)),
    hasArticleElement: doc.querySelector('article') !== null,
    hasArticleBody: doc.querySelector('[itemprop~="articleBody"]') !== null,
    url: pageUrl(doc),
    textSample: squash(pageTextSample(doc)).slice(0, LANGUAGE_SAMPLE_CHARS),
  };
}

// ---------------------------------------------------------------------------------------------
// Blocks with their text nodes

class BlockBuilder {
  text = '';
  pieces: TextPiece[] = [];
  linkChars = 0;
  private pending: { node: Text; offset: number } | null = null;

  /** Append a Text node's characters, collapsing whitespace runs to one space as a browser renders them. */
  add(node: Text, inLink: boolean): void {
    const data = node.data;
    let end = 0;
    NON_SPACE.lastIndex = 0;
    for (let m = NON_SPACE.exec(data); m !== null; m = NON_SPACE.exec(data)) {
      if (m.index > end && !this.pending) this.pending = { node, offset: end };
      if (this.pending && this.text.length > 0) this.push(this.pending.node, this.pending.offset, ' ');
      this.pending = null;
      this.push(node, m.index, m[0]);
      if (inLink) this.linkChars += m[0].length;
      end = m.index + m[0].length;
    }
    if (end < data.length && !this.pending) this.pending = { node, offset: end };
  }

  /** A <br>: a space between words, mapped to the end of the last text seen. */
  lineBreak(): void {
    const last = this.pieces[this.pieces.length - 1];
    if (last && !this.pending) this.pending = { node: last.node, offset: last.nodeStart + last.length };
  }

  private push(node: Text, nodeStart: number, chars: string): void {
    const last = this.pieces[this.pieces.length - 1];
    if (last && last.node === node && last.nodeStart + last.length === nodeStart && node.data.startsWith(chars, nodeStart)) {
      last.length += chars.length;
    } else {
      this.pieces.push({ node, start: this.text.length, nodeStart, length: chars.length });
    }
    this.text += chars;
  }
}

interface Walk {
  blocks: BlockBuilder[];
  current: BlockBuilder;
  inLink: boolean;
  breaks: number;
  skip: Element | null;
}

/** Regions never read: by tag, hidden or editable state, landmark role, or (classNames) boilerplate class and id words. */
function excluded(el: Element, classNames = true): boolean {
  if (SKIP_TAGS.has(el.localName)) return true;
  if (el.localName === 'header' && !el.closest('article')) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role)) return true;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  if (!classNames) return false;
  return hasBoilerplateName(el);
}

function flush(walk: Walk): void {
  if (walk.current.text.length > 0) walk.blocks.push(walk.current);
  walk.current = new BlockBuilder();
  walk.breaks = 0;
}

/** The walk over the body, pausable at every element (a long article is thousands of them). */
function* walkElement(el: Element, walk: Walk): Steps<void> {
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      const text = child as Text;
      walk.current.add(text, walk.inLink);
      if (/\S/.test(text.data)) walk.breaks = 0;
      continue;
    }
    if (child.nodeType !== 1) continue;
    yield;
    const e = child as Element;
    const tag = e.localName;
    if (tag === 'br') {
      // Two line breaks in a row separate paragraphs (blogs write whole posts that way).
      if (++walk.breaks >= 2) flush(walk);
      else walk.current.lineBreak();
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    if (e === walk.skip || excluded(e)) {
      if (block) flush(walk);
      else walk.current.lineBreak();
      continue;
    }
    if (block) flush(walk);
    const wasLink = walk.inLink;
    if (tag === 'a') walk.inLink = true;
    yield* walkElement(e, walk);
    walk.inLink = wasLink;
    if (block) flush(walk);
  }
}

/** The text of one element as a single block, with its nodes. */
function readBlock(el: Element): BlockNodes {
  const walk: Walk = { blocks: [], current: new BlockBuilder(), inLink: false, breaks: 0, skip: null };
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) walk.current.add(child as Text, false);
      else if (child.nodeType === 1 && !SKIP_TAGS.has((child as Element).localName)) visit(child);
    }
  };
  visit(el);
  return { text: walk.current.text, pieces: walk.current.pieces };
}

// ---------------------------------------------------------------------------------------------
// Finding the body and the title

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Readability-style: paragraphs vote for their parent (and half for the grandparent). */
function* largestTextBlock(doc: Document): Steps<Element | null> {
  const scores = new Map<Element, number>();
  const vote = (el: Element, length: number) => {
    const parent = el.parentElement;
    if (!parent) return;
    scores.set(parent, (scores.get(parent) ?? 0) + length);
    const grand = parent.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + length / 2);
  };
  for (const p of doc.querySelectorAll('p')) {
    const length = squash(p.textContent ?? '').length;
    if (length >= MIN_VOTING_PARAGRAPH) vote(p, length);
    yield;
  }
  // Blogs and older sites put text straight into divs, separated by <br>.
  for (const div of doc.querySelectorAll('div, td')) {
    let length = 0;
    for (let child = div.firstChild; child; child = child.nextSibling)
      if (child.nodeType === 3) length += (child as Text).data.trim().length;
    if (length >= MIN_VOTING_LOOSE_TEXT) vote(div, length);
    yield;
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore && !excludedChain(el)) {
      best = el;
      bestScore = score;
    }
  }
  // Sites that wrap every paragraph in its own boxes (div > div > p) leave each box one paragraph:
  // look a few levels up for an ancestor with clearly more paragraph text that is still mostly paragraphs.
  let chosen = best;
  let chosenText = best ? yield* paragraphText(best) : 0;
  for (let node = best, i = 0; node && i < 5; i++) {
    const parent: Element | null = node.parentElement;
    if (!parent || parent === doc.body || excludedChain(parent)) break;
    const theirs = yield* paragraphText(parent);
    if (theirs < textLength(parent) * MIN_PARAGRAPH_SHARE) break; // a page wrapper: navigation, lists, widgets
    yield;
    if (theirs >= chosenText * WIDER_BLOCK_GAIN) {
      chosen = parent;
      chosenText = theirs;
    }
    node = parent;
  }
  best = chosen;
  return best;
}

function* paragraphText(el: Element): Steps<number> {
  let length = 0;
  for (const p of el.querySelectorAll('p')) {
    const n = squash(p.textContent ?? '').length;
    if (n >= MIN_VOTING_PARAGRAPH) length += n;
    yield;
  }
  return length;
}

/** Inside an excluded region? Class words count only near the element: page wrappers have names like «with-sidebar». */
function excludedChain(el: Element): boolean {
  let depth = 0;
  for (let e: Element | null = el; e && e !== e.ownerDocument.body; e = e.parentElement) if (excluded(e, depth++ < 3)) return true;
  return false;
}

function textLength(el: Element): number {
  return squash(el.textContent ?? '').length;
}

/**
 * The element holding the body the page declares in JSON-LD articleBody: the paragraph that holds its opening
 * words, widened until it holds most of the declared text. Null without a declared body or when it is not on the page.
 */
function* declaredBodyElement(doc: Document, items: Record<string, unknown>[]): Steps<Element | null> {
  const declared = squash(jsonLdText(items, 'articleBody') ?? '');
  if (declared.length < MIN_BODY_CHARS || !doc.body) return null;
  const opening = declared.slice(0, BODY_OPENING_CHARS);
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(), n = 0; node; node = walker.nextNode()) {
    if (++n % TEXT_NODES_PER_PAUSE === 0) yield;
    if (!squash((node as Text).data).includes(opening)) continue;
    for (let el = node.parentElement; el && el !== doc.body; el = el.parentElement) {
      if (textLength(el) >= declared.length * DECLARED_BODY_SHARE) return excludedChain(el) ? null : el;
    }
    return null;
  }
  return null;
}

/** The element to read: the JSON-LD articleBody's element, [itemprop=articleBody], <article>, <main>, then the largest text block. */
function* findRoot(doc: Document, items: Record<string, unknown>[]): Steps<Element | null> {
  const declared = yield* declaredBodyElement(doc, items);
  if (declared) return declared;
  const best = yield* largestTextBlock(doc);
  yield;
  const bestLength = best ? textLength(best) : 0;
  const articles = [...doc.querySelectorAll('article')];
  const candidates: [Element | null, number][] = [
    [doc.querySelector('[itemprop~="articleBody"]'), CONTAINER_SHARE],
    [articles.find((a) => best && a.contains(best)) ?? (articles.length === 1 ? (articles[0] ?? null) : null), CONTAINER_SHARE],
    [doc.querySelector('main, [role="main"]'), CONTAINER_SHARE],
  ];
  for (const [el, share] of candidates) {
    if (!el) continue;
    yield;
    const length = textLength(el);
    if (!best || el === best) return el;
    if (el.contains(best) && el.localName === 'main' && length > bestLength * MAIN_TOO_WIDE) return best;
    const related = el.contains(best) || best.contains(el);
    if (related && length >= bestLength * share) return el;
  }
  return best ?? doc.body;
}

/** The title element on the page, matched against og:title, JSON-LD headline and document.title. */
function findTitle(doc: Document, root: Element | null, items: Record<string, unknown>[]): { text: string | null; el: Element | null } {
  const declared = [meta(doc, 'og:title'), jsonLdText(items, 'headline'), doc.title]
    .map((t) => squash(t ?? ''))
    .filter((t) => t.length > 0);
  const inRoot = root ? [...root.querySelectorAll('h1')] : [];
  const headings = [...inRoot, ...doc.querySelectorAll('h1, h2, [itemprop="headline"]')];
  for (const h of headings) {
    const text = squash(h.textContent ?? '');
    // The declared title is strong evidence: only navigation, asides, footers and hidden copies are passed over.
    if (text.length < MIN_TITLE_CHARS || h.closest('nav, aside, footer, [hidden], [aria-hidden="true"]')) continue;
    if (inRoot.includes(h as HTMLHeadingElement) || declared.some((d) => d === text || (d.includes(text) && text.length > d.length / 2))) {
      return { text, el: h };
    }
  }
  // No heading on the page: take the declared title without the site name.
  const fallback = declared[0]?.split(/\s+[|\-–—]\s+/).sort((a, b) => b.length - a.length)[0] ?? null;
  return { text: fallback || null, el: null };
}

/** Read the article's title and body paragraphs, each with the DOM nodes it came from (all at once). */
export function extractArticle(doc: Document): ExtractedArticle {
  return runAll(extractSteps(doc));
}

/**
 * The same reading as pausable steps, for the live page (run with runSliced so a long article never blocks it).
 * With `wholePage` the whole body is read (still without navigation, comments and other boilerplate): the main
 * text of a page the reader asked to analyse although no article body was found on it.
 */
export function* extractSteps(doc: Document, wholePage = false): Steps<ExtractedArticle> {
  const items = jsonLdItems(doc);
  const root = wholePage ? doc.body : yield* findRoot(doc, items);
  yield;
  const title = findTitle(doc, root, items);
  const titleNodes = title.el ? readBlock(title.el) : null;
  const titleText = titleNodes?.text ?? title.text;
  const walk: Walk = { blocks: [], current: new BlockBuilder(), inLink: false, breaks: 0, skip: title.el };
  if (root) yield* walkElement(root, walk);
  flush(walk);
  const kept: BlockBuilder[] = [];
  for (const b of walk.blocks) {
    yield;
    const letters = b.text.replace(/[\s\d\p{P}\p{S}]/gu, '').length;
    if (letters === 0) continue;
    if (b.linkChars > letters * MAX_LINK_SHARE) continue;
    if (b.text === titleText) continue;
    if (b.text.length < BOILERPLATE_MAX_CHARS && BOILERPLATE_TEXT.test(b.text.replace(MARKS, ''))) continue;
    if (!(b.text.startsWith('عاجل') && b.text.length < TICKER_MAX_CHARS)) kept.push(b);
  }
  // Short lines after the last paragraph are page furniture: dates of related stories, ratings, thanks.
  while (kept.length > 1 && (kept[kept.length - 1]?.text.length ?? 0) < FURNITURE_MAX_CHARS) kept.pop();
  // Pages that render their body with scripts (or hide it) may still carry it in JSON-LD: read that,
  // without DOM nodes (nothing of it can be painted, but the page can be recognised and recorded).
  const bodyLength = kept.reduce((n, b) => n + b.text.length, 0);
  const declaredBody = bodyLength < MIN_BODY_CHARS ? jsonLdText(items, 'articleBody') : null;
  if (declaredBody && squash(declaredBody).length > bodyLength * DECLARED_BODY_GAIN) {
    const paragraphs = declaredBody
      .split(/\n+/)
      .map(squash)
      .filter((p) => p.length > 0);
    return { title: titleText, blocks: paragraphs, nodes: paragraphs.map((text) => ({ text, pieces: [] })), titleNodes, root };
  }
  return {
    title: titleText,
    blocks: kept.map((b) => b.text),
    nodes: kept.map((b) => ({ text: b.text, pieces: b.pieces })),
    titleNodes,
    root,
  };
}

// ---------------------------------------------------------------------------------------------
// Offsets back to the DOM

function locate(block: BlockNodes, offset: number, isEnd: boolean): [Text, number] | null {
  const pieces = block.pieces;
  let lo = 0;
  let hi = pieces.length - 1;
  // The last piece starting at or before the offset (for an end, strictly before it).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const p = pieces[mid]!;
    if (isEnd ? p.start < offset : p.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const piece = pieces[lo];
  if (!piece) return null;
  const within = Math.min(Math.max(offset - piece.start, 0), piece.length);
  return [piece.node, Math.min(piece.nodeStart + within, piece.node.length)];
}

interface Layout {
  parts: (BlockNodes | null)[];
  starts: number[];
  lengths: number[];
}

const layouts = new WeakMap<ExtractedArticle, Layout>();

/** Where each part (title, blocks) starts in the joined text; computed once per article, so painting is O(log n) a span. */
function layoutOf(article: ExtractedArticle): Layout {
  let layout = layouts.get(article);
  if (!layout) {
    const parts = article.title ? [article.titleNodes, ...article.nodes] : article.nodes;
    const texts = article.title ? [article.title, ...article.blocks] : article.blocks;
    const starts: number[] = [];
    const lengths: number[] = [];
    let offset = 0;
    for (const text of texts) {
      starts.push(offset);
      lengths.push(text.length);
      offset += text.length + BLOCK_SEPARATOR_LENGTH;
    }
    layout = { parts, starts, lengths };
    layouts.set(article, layout);
  }
  return layout;
}

/** The part holding a position: for a start, the character at it; for an end, the character before it. */
function partAt(layout: Layout, offset: number, isEnd: boolean): number {
  let lo = 0;
  let hi = layout.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (isEnd ? layout.starts[mid]! < offset : layout.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  const start = layout.starts[lo] ?? 0;
  const length = layout.lengths[lo] ?? 0;
  const inside = isEnd ? offset > start && offset <= start + length : offset >= start && offset < start + length;
  return inside ? lo : -1;
}

/**
 * A DOM Range for [start, end) of the analysed text (title and blocks joined as nlp/analyze.ts joinArticle does),
 * or null when the span falls outside the page's text (a title taken from metadata, a separator).
 */
export function rangeFor(article: ExtractedArticle, start: number, end: number): Range | null {
  if (!(end > start)) return null;
  const layout = layoutOf(article);
  const first = partAt(layout, start, false);
  const last = partAt(layout, end, true);
  const firstPart = layout.parts[first];
  const lastPart = layout.parts[last];
  if (first < 0 || last < 0 || !firstPart || !lastPart) return null;
  const from = locate(firstPart, start - (layout.starts[first] ?? 0), false);
  const to = locate(lastPart, end - (layout.starts[last] ?? 0), true);
  if (!from || !to) return null;
  const range = from[0].ownerDocument.createRange();
  range.setStart(from[0], from[1]);
  range.setEnd(to[0], to[1]);
  return range;
}

/** The analysed-text offset of a DOM point inside the extracted article (the inverse of rangeFor), or null. */
export function offsetOfPoint(article: ExtractedArticle, node: Node, offset: number): number | null {
  const layout = layoutOf(article);
  for (let i = 0; i < layout.parts.length; i++) {
    for (const p of layout.parts[i]?.pieces ?? []) {
      if (p.node === node && offset >= p.nodeStart && offset <= p.nodeStart + p.length) {
        return (layout.starts[i] ?? 0) + p.start + (offset - p.nodeStart);
      }
    }
  }
  return null;
}
