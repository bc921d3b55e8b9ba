// The article's way through the session: extract it from the page (a slice at a time), ask the background to
// analyse it, then build the marks and paint them; saved quotations follow in a second round trip.
import { collectSignals, type ExtractedArticle, extractSteps } from '../../page/extract';
import { canonicalUrl, publishedAt } from '../../page/meta';
import { runSliced } from '../../page/slice';
import { buildMarks } from './marks';
import type { PageData } from './page-data';
import { ask } from './runtime';
import type { ViewportPainter } from './viewport-painter';

export interface Pipeline {
  /** The article read a slice at a time (a 20,000-word page would otherwise block it for 100 ms and more). */
  extract(stop: () => boolean, wholePage?: boolean): Promise<ExtractedArticle | null>;
  /**
   * Analyse `article` and keep it with its analysis, unless the background says it is not an article (kept all the
   * same with `always`: an article analysed again after a correction) or the session stopped meanwhile.
   */
  analyse(article: ExtractedArticle, always?: boolean): Promise<'article' | 'not-article' | 'stopped'>;
  /** The quotations the reader saved from this article, found again in its text; the badge is told their count. */
  loadSaved(): Promise<void>;
  reportSaved(): void;
  /** Rebuild the marks from the analysis and settings and paint them, a slice at a time. */
  repaint(): Promise<void>;
  /** Stop any paint under way (the session ended, or a newer paint began). */
  cancel(): void;
}

/** `stopped`: the session ended; `ended`: it did or the extension went away (a half-done paint stops). */
export function createPipeline(
  doc: Document,
  data: PageData,
  painter: ViewportPainter,
  stopped: () => boolean,
  ended: () => boolean,
): Pipeline {
  let paintRun = 0;

  async function analyse(article: ExtractedArticle, always = false): Promise<'article' | 'not-article' | 'stopped'> {
    const answer = await ask({
      anyway: data.anyway,
      type: 'analyzeArticle',
      url: location.href,
      canonicalUrl: canonicalUrl(doc),
      title: article.title,
      blocks: article.blocks,
      signals: collectSignals(doc),
      publishedAt: publishedAt(doc),
    });
    if (stopped()) return 'stopped';
    if (!(always || answer.analysis.page.isArabicNews || data.anyway)) return 'not-article';
    data.article = article;
    data.analysis = answer.analysis;
    data.genders = answer.genders ?? {};
    data.readingId = answer.readingId ?? data.readingId;
    return 'article';
  }

  async function loadSaved(): Promise<void> {
    if (!data.analysis) return;
    try {
      const answer = await ask({ type: 'savedForPage', url: location.href, canonicalUrl: canonicalUrl(doc), text: data.analysis.text });
      data.saved = answer.items;
      // The background answers the page before writing its reading: this answer, which waits for it, has the id.
      data.readingId = answer.readingId ?? data.readingId;
    } catch {
      data.saved = [];
    }
    reportSaved();
  }

  function reportSaved(): void {
    const count = data.saved.filter((s) => s.anchor.start !== null).length;
    ask({ type: 'reportPage', savedCount: count }).catch(() => {});
  }

  async function repaint(): Promise<void> {
    const { analysis, article, settings, visible } = data;
    if (!analysis || !article || !settings) return;
    const generation = ++paintRun;
    const density = visible && settings.density === 'none' ? 'all' : settings.density;
    data.marks = visible ? buildMarks(analysis, { density, types: settings.types, saved: data.saved }) : [];
    await painter.paint(article, data.marks, () => generation !== paintRun || ended());
  }

  return {
    extract: (stop, wholePage = false) => runSliced(extractSteps(doc, wholePage), stop),
    analyse,
    loadSaved,
    reportSaved,
    repaint,
    cancel: () => void paintRun++,
  };
}
