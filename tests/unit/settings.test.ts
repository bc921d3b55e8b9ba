// Settings are complete and valid whatever is stored, changes reach every watcher, sites pause and resume.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  getSettings,
  isEnrichmentOn,
  isSitePaused,
  sanitizeSettings,
  setSiteAnalysed,
  setSitePaused,
  siteOf,
  updateSettings,
  watchSettings,
} from '../../storage/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings', () => {
  it('starts with enrichment and private-window history off, every mark on, language from the browser', async () => {
    const s = await getSettings();
    expect(s).toEqual(DEFAULT_SETTINGS);
    expect(s.enrichment).toBe(false);
    expect(s.recordPrivate).toBe(false);
    expect(s.uiLang).toBe('browser');
    expect(await isEnrichmentOn()).toBe(false);
  });

  it.each([
    [null, DEFAULT_SETTINGS.density, 'nothing stored yet'],
    [{ density: 'loud' }, 'all', 'an unknown density falls back'],
    [{ density: 'first' }, 'first', 'a valid density is kept'],
    ['garbage', 'all', 'a non-object is ignored'],
  ] as const)('reads density from %j as %s (%s)', (raw, expected, _why) => {
    expect(sanitizeSettings(raw).density).toBe(expected);
  });

  it('keeps the other settings when one changes', async () => {
    await updateSettings({ theme: 'dark' });
    await updateSettings({ types: { ...DEFAULT_SETTINGS.types, place: false } });
    const s = await getSettings();
    expect(s.theme).toBe('dark');
    expect(s.types).toEqual({ person: true, organization: true, place: false, quote: true });
  });

  it('tells watchers about a change', async () => {
    const seen: string[] = [];
    const stop = watchSettings((s) => seen.push(s.uiLang));
    await updateSettings({ uiLang: 'en' });
    await new Promise((r) => setTimeout(r, 0));
    stop();
    expect(seen).toEqual(['en']);
  });

  it('pauses and resumes a site by any URL on it', async () => {
    await setSitePaused('https://www.Example.com:8080/news/1', true);
    expect(await isSitePaused('https://www.example.com/other')).toBe(true);
    expect(await isSitePaused('https://example.org/')).toBe(false);
    await setSitePaused('www.example.com', false);
    expect(await isSitePaused('https://www.example.com/other')).toBe(false);
  });

  it('remembers a site whose every page is analysed, once, and forgets it again', async () => {
    await setSiteAnalysed('https://Blog.Example.com/2026/10/post', true);
    await setSiteAnalysed('blog.example.com', true);
    expect((await getSettings()).analyseSites).toEqual(['blog.example.com']);
    expect((await getSettings()).pausedSites).toEqual([]); // a separate list from the paused sites
    await setSiteAnalysed('https://blog.example.com/', false);
    expect((await getSettings()).analyseSites).toEqual([]);
  });

  it.each([
    ['https://www.aljazeera.net/news/1', 'www.aljazeera.net', 'a URL gives its host'],
    ['BBC.com', 'bbc.com', 'a typed host is lower-cased'],
    ['  ', null, 'blank is no site'],
    ['http://', null, 'a broken URL is no site'],
  ] as const)('siteOf(%j) is %j (%s)', (input, expected, _why) => {
    expect(siteOf(input)).toBe(expected);
  });
});
