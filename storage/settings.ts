// The reader's settings, one object in browser.storage.local, read by the content script, the background
// and the extension pages. Reads are sanitised against the defaults, so an old or damaged value never
// breaks a reader: unknown keys are dropped and bad values fall back to their default.
import { storage } from 'wxt/utils/storage';
import type { Settings } from '../types/settings';
import { sanitizeSettings, siteOf } from './settings-values';

export { DEFAULT_SETTINGS, sanitizeSettings, siteOf } from './settings-values';

const item = storage.defineItem<unknown>('local:settings', { fallback: null });

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

/** Add a site (URL or host name) to one of the settings' site lists, or take it out. */
async function setSiteIn(list: 'pausedSites' | 'analyseSites', urlOrHost: string, on: boolean): Promise<Settings> {
  const site = siteOf(urlOrHost);
  const current = await getSettings();
  if (!site) return current;
  const others = current[list].filter((s) => s !== site);
  return updateSettings({ [list]: on ? [...others, site] : others });
}

/** Pause or resume the extension on a site (URL or host name). */
export function setSitePaused(urlOrHost: string, paused: boolean): Promise<Settings> {
  return setSiteIn('pausedSites', urlOrHost, paused);
}

/** Analyse every page of a site, article or not (the reader's "always analyse this site"), or stop doing so. */
export function setSiteAnalysed(urlOrHost: string, always: boolean): Promise<Settings> {
  return setSiteIn('analyseSites', urlOrHost, always);
}

/** The enrichment switch for knowledge/: nothing goes online unless this answers true. */
export async function isEnrichmentOn(): Promise<boolean> {
  return (await getSettings()).enrichment;
}
