// The reader's settings as the content script sees them: the same stored object and sanitising as
// storage/settings.ts, read straight from browser.storage.local (no storage library on the page).
import { browser } from 'wxt/browser';
import { SETTINGS_KEY, sanitizeSettings } from '../../storage/settings-values';
import type { Settings } from '../../types/settings';

/** The current settings, complete and valid. */
export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return sanitizeSettings(stored[SETTINGS_KEY]);
}

/** Call back with the full settings whenever the reader changes them; returns the way to stop. */
export function onSettingsChanged(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) callback(sanitizeSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
