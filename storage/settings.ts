// The reader's settings, one object in browser.storage.local, read by the content script, the background
// and the extension pages. Reads are sanitised against the defaults, so an old or damaged value never
// breaks a reader: unknown keys are dropped and bad values fall back to their default.
import { storage } from 'wxt/utils/storage';
import type { Settings } from '../messaging/settings-types';

export type { Density, MarkKind, Settings, Theme, UiLangSetting } from '../messaging/settings-types';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  density: 'all',
  types: Object.freeze({ person: true, organization: true, place: true, quote: true }),
  pausedSites: Object.freeze([]) as unknown as string[],
  enrichment: false,
  uiLang: 'browser',
  theme: 'system',
  recordPrivate: false,
});

const MAX_PAUSED_SITES = 2000;

const item = storage.defineItem<unknown>('local:settings', { fallback: null });

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

/** Turn whatever is stored into a complete, valid Settings object (defaults fill the gaps). */
export function sanitizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const types = (r.types && typeof r.types === 'object' ? r.types : {}) as Record<string, unknown>;
  const paused = Array.isArray(r.pausedSites) ? r.pausedSites : [];
  const sites = [...new Set(paused.flatMap((s) => (typeof s === 'string' ? [siteOf(s)] : [])).filter((s): s is string => !!s))].slice(
    0,
    MAX_PAUSED_SITES,
  );
  return {
    density: oneOf(r.density, ['all', 'first', 'none'], DEFAULT_SETTINGS.density),
    types: {
      person: bool(types.person, true),
      organization: bool(types.organization, true),
      place: bool(types.place, true),
      quote: bool(types.quote, true),
    },
    pausedSites: sites,
    enrichment: bool(r.enrichment, false),
    uiLang: oneOf(r.uiLang, ['browser', 'ar', 'en'], DEFAULT_SETTINGS.uiLang),
    theme: oneOf(r.theme, ['system', 'light', 'dark'], DEFAULT_SETTINGS.theme),
    recordPrivate: bool(r.recordPrivate, false),
  };
}

/** The current settings, always complete (callers never deal with missing keys). */
export async function getSettings(): Promise<Settings> {
  return sanitizeSettings(await item.getValue());
}

/** Change some settings; the rest stay as they are. Returns the settings as stored. */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const current = await getSettings();
  const next = sanitizeSettings({ ...current, ...patch, types: { ...current.types, ...(patch.types ?? {}) } });
  await item.setValue(next);
  return next;
}

/** Call back with the full settings whenever any of them changes (in any extension context). */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return item.watch((value) => callback(sanitizeSettings(value)));
}

/** Whether the extension should stay quiet on this page (the reader paused its site). */
export async function isSitePaused(url: string): Promise<boolean> {
  const site = siteOf(url);
  return !!site && (await getSettings()).pausedSites.includes(site);
}

/** Pause or resume the extension on a site (URL or host name). */
export async function setSitePaused(urlOrHost: string, paused: boolean): Promise<Settings> {
  const site = siteOf(urlOrHost);
  const current = await getSettings();
  if (!site) return current;
  const others = current.pausedSites.filter((s) => s !== site);
  return updateSettings({ pausedSites: paused ? [...others, site] : others });
}

/** The enrichment switch for knowledge/: nothing goes online unless this answers true. */
export async function isEnrichmentOn(): Promise<boolean> {
  return (await getSettings()).enrichment;
}
