// Every interface string exists in both languages, and the language follows the setting.
import { describe, expect, it } from 'vitest';
import ar from '../../locales/ar.json';
import en from '../../locales/en.json';
import { resolveLang, t } from '../../locales/index';

describe('locales', () => {
  it('has the same keys in Arabic and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ar).sort());
  });

  it.each([
    ['browser', 'ar-EG', 'ar', 'an Arabic browser gets Arabic'],
    ['browser', 'en-US', 'en', 'an English browser gets English'],
    ['browser', 'fr-FR', 'ar', 'other browsers get the default, Arabic'],
    ['en', 'ar', 'en', 'an explicit choice wins over the browser'],
  ] as const)('resolves %s on %s to %s (%s)', (setting, browserLang, expected, _why) => {
    expect(resolveLang(setting, browserLang)).toBe(expected);
  });

  it('translates a key in both languages', () => {
    expect(t('ar', 'person')).toBe('شخص');
    expect(t('en', 'person')).toBe('Person');
  });
});
