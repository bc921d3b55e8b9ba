// What one page session knows, shared by its parts (pipeline, card, save flows): one object, no copies.
import { resolveLang, type UiLang } from '../../locales/index';
import type { ExtractedArticle } from '../../page/extract';
import type { Analysis, Quote } from '../../types/analysis';
import type { AnchoredQuote } from '../../types/library';
import type { Settings } from '../../types/settings';
import type { Mark } from './marks';

export interface PageData {
  article: ExtractedArticle | null;
  analysis: Analysis | null;
  /** People's genders as the background read them from the article (card wording). */
  genders: Record<string, 'm' | 'f'>;
  readingId: string | null;
  settings: Settings | null;
  saved: AnchoredQuote[];
  /** What is painted now, in reading order. */
  marks: Mark[];
  /** The reader's show/hide of the marks. */
  visible: boolean;
  /** The reader asked to analyse this page (or every page of its site) whether or not it looks like an article. */
  anyway: boolean;
}

export function emptyPageData(): PageData {
  return {
    article: null,
    analysis: null,
    genders: {},
    readingId: null,
    settings: null,
    saved: [],
    marks: [],
    visible: true,
    anyway: false,
  };
}

/** The analysed quotation a mark stands for, if it is one. */
export function quoteOf(data: PageData, mark: Mark): Quote | null {
  return mark.quoteIndex === null ? null : (data.analysis?.quotes[mark.quoteIndex] ?? null);
}

/** The language the page's cards speak: the reader's choice, else the browser's. */
export function pageLang(doc: Document, data: PageData): UiLang {
  return resolveLang(data.settings?.uiLang ?? 'browser', doc.defaultView?.navigator.language);
}
