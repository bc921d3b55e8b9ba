// The settings' defaults and sanitising, without storage: the content script reads settings with these
// alone, so it does not carry the storage library onto every Arabic page.
import type { Settings } from '../types/settings';

/** The key in browser.storage.local that holds the settings object. */
export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  density: 'all',
  types: Object.freeze({ person: true, organization: true, place: true, quote: true }),
  pausedSites: Object.freeze([]) as unknown as string[],
  analyseSites: Object.freeze([]) as unknown as string[],
  enrichment: false,
  uiLang: 'browser',
  theme: 'system',
  recordPrivate: false,
});

const MAX_SITES = 2000;

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/** The site of a URL or host name as the settings keep it (lower-case host, no port), or null if it is not one. */
export function siteOf(urlOrHost: string): string | null {
  const raw = urlOrHost.trim();
  if (!raw) return null;
  try {
    const host = raw.includes('://') ? new URL(raw).hostname : new URL(`https://${raw}`).hostname;
    return host ? host.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** A stored list of sites, each as siteOf keeps it, without repeats or anything that is not a site. */
function siteList(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : [];
  const sites = list.flatMap((s) => (typeof s === 'string' ? [siteOf(s)] : [])).filter((s): s is string => !!s);
  return [...new Set(sites)].slice(0, MAX_SITES);
}

/** Turn whatever is stored into a complete, valid Settings object (defaults fill the gaps). */
export function sanitizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const types = (r.types && typeof r.types === 'object' ? r.types : {}) as Record<string, unknown>;
  return {
    density: oneOf(r.density, ['all', 'first', 'none'], DEFAULT_SETTINGS.density),
    types: {
      person: bool(types.person, true),
      organization: bool(types.organization, true),
      place: bool(types.place, true),
      quote: bool(types.quote, true),
    },
    pausedSites: siteList(r.pausedSites),
    analyseSites: siteList(r.analyseSites),
    enrichment: bool(r.enrichment, false),
    uiLang: oneOf(r.uiLang, ['browser', 'ar', 'en'], DEFAULT_SETTINGS.uiLang),
    theme: oneOf(r.theme, ['system', 'light', 'dark'], DEFAULT_SETTINGS.theme),
    recordPrivate: bool(r.recordPrivate, false),
  };
}
