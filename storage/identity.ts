// Page identity: one reading per article whatever the URL variant (tracking parameters, AMP, reloads).
import { normalize } from '../nlp/normalize';
import { hash53 } from './hash';

const TRACKING_EXACT = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_r',
  '_ga',
  '_gl',
  'ref',
  'ref_src',
  'ref_url',
  'cmpid',
  'ocid',
  'ito',
  'at_medium',
  'at_campaign',
  'xtor',
  'amp',
  'outputtype',
  'spm',
]);
const TRACKING_PREFIX = ['utm_', 'pk_', 'mtm_', 'at_', 'hsa_', 'oly_', 'vero_'];

/** True when a query parameter only tracks the visit and never selects content. */
function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_EXACT.has(n) || TRACKING_PREFIX.some((p) => n.startsWith(p));
}

/**
 * The comparable form of a URL: lower-case host without "www."/"m."/"amp.", no fragment, no tracking
 * parameters, no trailing slash or "/amp" suffix, remaining parameters sorted. Null when not http(s).
 */
export function cleanUrl(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.toLowerCase().replace(/^(www|m|amp|mobile)\./, '');
  let path = u.pathname.replace(/\/amp\/?$/i, '/').replace(/\.amp(\.html?)?$/i, '$1');
  path = path.replace(/\/index\.html?$/i, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  const params = [...u.searchParams.entries()].filter(([k]) => !isTrackingParam(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `https://${host}${path}${query}`;
}

/** The site a reading belongs to, as shown and filtered: the host without "www.". */
export function siteOfUrl(raw: string): string {
  try {
    return new URL(raw).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** A hash of the article text that survives whitespace, mark and alef-form differences. */
export function textHash(text: string): string {
  return hash53(normalize(text).replace(/\s+/g, ' ').trim());
}

export interface PageIdentity {
  /** The key a reading is stored under: the clean canonical URL, else the clean raw URL. */
  pageKey: string;
  /** Every URL form that identifies the page, for lookups. */
  urlKeys: string[];
  textHash: string | null;
}

/** Texts shorter than this are not identified by their hash: two short pages may well share their text. */
const MIN_HASHED_TEXT = 280;

/** Identify a page from its raw URL, its declared canonical URL (link rel=canonical or og:url) and its text. */
export function pageIdentity(url: string, canonicalUrl?: string | null, text?: string | null): PageIdentity {
  const raw = cleanUrl(url);
  let canonical: string | null = null;
  try {
    canonical = canonicalUrl ? cleanUrl(new URL(canonicalUrl, url).href) : null;
  } catch {
    canonical = null;
  }
  // A canonical URL on another site (syndication) still identifies the article; one pointing at a home page does not.
  if (canonical && new URL(canonical).pathname === '/' && raw && new URL(raw).pathname !== '/') canonical = null;
  const pageKey = canonical ?? raw ?? url;
  const urlKeys = [...new Set([pageKey, raw, url].filter((k): k is string => !!k))];
  return { pageKey, urlKeys, textHash: text && text.length >= MIN_HASHED_TEXT ? textHash(text) : null };
}
