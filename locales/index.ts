// Interface text in Arabic (default) and English. Keys are checked at compile time against ar.json.
import ar from './ar.json';
import en from './en.json';

export type UiLang = 'ar' | 'en';
export type MessageKey = keyof typeof ar;

const catalogs: Record<UiLang, Record<string, string>> = { ar, en };

/** Text for a key in a language, with `{name}` placeholders filled; falls back to Arabic. */
export function t(lang: UiLang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogs[lang][key] ?? ar[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** The interface language from the reader's setting ('browser' follows the browser's UI language). */
export function resolveLang(setting: 'browser' | UiLang, browserLang = globalThis.navigator?.language ?? 'ar'): UiLang {
  if (setting !== 'browser') return setting;
  return browserLang.toLowerCase().startsWith('ar') ? 'ar' : browserLang.toLowerCase().startsWith('en') ? 'en' : 'ar';
}

/** Text direction of an interface language. */
export function dirOf(lang: UiLang): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}
