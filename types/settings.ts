// The shape of the reader's settings, kept by storage/settings.ts and shown by the UI.

export type Density = 'all' | 'first' | 'none';
export type MarkKind = 'person' | 'organization' | 'place' | 'quote';
export type UiLangSetting = 'browser' | 'ar' | 'en';
export type Theme = 'system' | 'light' | 'dark';

export interface Settings {
  /** Every mention, the first mention of each actor only, or nothing until the reader asks. */
  density: Density;
  /** Which kinds of marks are painted. */
  types: Record<MarkKind, boolean>;
  /** Host names (e.g. "www.example.com") where the extension does nothing. */
  pausedSites: string[];
  /** Host names whose pages are analysed even when they are not recognised as Arabic news articles. */
  analyseSites: string[];
  /** Online enrichment from Wikidata/Wikipedia; off until the reader turns it on. */
  enrichment: boolean;
  uiLang: UiLangSetting;
  theme: Theme;
  /** Keep readings made in private windows; off by default. */
  recordPrivate: boolean;
}
