// Formatting shared by the panel and the settings page: dates, sizes and the citation a copy produces.
import type { UiLang } from '../locales/index';

const LOCALE: Record<UiLang, string> = { ar: 'ar-EG-u-nu-latn', en: 'en-GB' };

/** A date the reader can read in the interface language (Latin digits in both, so dates line up in lists). */
export function formatDate(lang: UiLang, value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return typeof value === 'string' ? value : '';
  return new Intl.DateTimeFormat(LOCALE[lang], { year: 'numeric', month: 'long', day: 'numeric' }).format(date);
}

/**
 * The date to show for an article: the one its page declared when it is a date (pages also write «منذ ساعتين»
 * or a bare time there), else the fallback (when it was read or saved). One format everywhere.
 */
export function articleDate(publishedAt: string | null | undefined, fallback: number): { date: Date; published: boolean } {
  const declared = publishedAt ? new Date(publishedAt) : null;
  return declared && !Number.isNaN(declared.getTime())
    ? { date: declared, published: true }
    : { date: new Date(fallback), published: false };
}

/** A byte count in the largest sensible unit, for the storage section of the settings. */
export function formatBytes(lang: UiLang, bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—';
  const units = lang === 'ar' ? ['بايت', 'ك.ب', 'م.ب', 'ج.ب'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number} ${units[unit]}`;
}

export interface Citation {
  quote: string;
  speaker: string | null;
  outlet: string | null;
  date: string | number | null;
  url: string | null;
}

/** What "copy" puts on the clipboard: the quotation in guillemets, then who said it, where and when, and the link. */
export function citationText(lang: UiLang, c: Citation): string {
  const quote = lang === 'ar' ? `«${c.quote.trim()}»` : `“${c.quote.trim()}”`;
  const sep = lang === 'ar' ? '، ' : ', ';
  const source = [c.speaker, c.outlet, formatDate(lang, c.date)].filter((s): s is string => !!s && s.trim() !== '').join(sep);
  return [source ? `${quote} — ${source}` : quote, c.url ?? ''].filter(Boolean).join('\n');
}

/** The outlet shown for a page: its host name without a leading "www.". */
export function outletOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
