// The panel picks its language and the tab it describes the way a reader (and a screenshot) expects.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describedTabId, pickLang } from '../../entrypoints/sidepanel/state';

describe('panel state', () => {
  it.each([
    ['en', 'ar', 'ar-EG', 'en', '?lang= wins over the setting (screenshots)'],
    [null, 'browser', 'en-US', 'en', 'no override: an English browser gets English'],
    [null, 'browser', 'fr-FR', 'ar', 'no override, other browser language: Arabic, the default'],
    ['xx', 'en', 'ar', 'en', 'a bad override is ignored'],
  ] as const)('lang=%j, setting %s, browser %s → %s (%s)', (urlLang, setting, browserLang, expected, _why) => {
    expect(pickLang(urlLang, setting, browserLang)).toBe(expected);
  });

  it('describes the tab named in ?tab=, else the active tab', async () => {
    expect(await describedTabId('?tab=42&lang=ar')).toBe(42);
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [{ id: 7 }]) as never);
    expect(await describedTabId('?tab=abc')).toBe(7);
    expect(await describedTabId('')).toBe(7);
  });
});
