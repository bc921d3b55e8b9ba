// Painting marks with the CSS Custom Highlight API: one Highlight per kind, told apart by
// underline style as well as colour; the page's DOM is never touched (styles are adopted, not inserted).
import { PAINT_KINDS, type PaintKind } from './marks';
// Underline style per kind: solid, dashed, dotted, wavy, double (distinct without colour).
import MARK_CSS from './marks.css?inline';

export const HIGHLIGHT_NAMES: Record<PaintKind | 'flash', string> = {
  person: 'siyaq-person',
  organization: 'siyaq-organization',
  place: 'siyaq-place',
  quote: 'siyaq-quote',
  saved: 'siyaq-saved',
  flash: 'siyaq-flash',
};

// Names sit above quotations so a name inside a quotation keeps its own underline.
const PRIORITY: Record<PaintKind | 'flash', number> = { quote: 1, saved: 2, person: 3, organization: 3, place: 3, flash: 4 };

export interface PaintEntry {
  kind: PaintKind;
  range: AbstractRange;
}

/** What the content script needs from a painter, whichever way it paints. */
export interface Painter {
  /** Add entries to what is painted (called in chunks). */
  add(entries: readonly PaintEntry[]): void;
  /** Take entries off again (marks scrolled far away); painters that cannot leave everything painted. */
  remove?(entries: readonly PaintEntry[]): void;
  /** Remove every mark but keep the painter usable. */
  clear(): void;
  /** Briefly light up one range (scrolled-to actor). */
  flash(range: AbstractRange, ms?: number): void;
  /** Leave no trace: marks, styles, timers. */
  destroy(): void;
}

type Registry = Map<string, Highlight>;

function registry(): Registry | null {
  const css = (globalThis as { CSS?: { highlights?: Registry } }).CSS;
  return css?.highlights && typeof Highlight === 'function' ? css.highlights : null;
}

/** Whether this browser can paint with the Custom Highlight API. */
export function supportsHighlights(): boolean {
  return registry() !== null;
}

/** A painter on CSS.highlights; null when the API is missing (use the wrapping fallback). */
export function createHighlightPainter(doc: Document): Painter | null {
  const reg = registry();
  if (!reg) return null;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(MARK_CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  const highlights = new Map<PaintKind | 'flash', Highlight>();
  for (const kind of [...PAINT_KINDS, 'flash'] as const) {
    const h = new Highlight();
    h.priority = PRIORITY[kind];
    highlights.set(kind, h);
    reg.set(HIGHLIGHT_NAMES[kind], h);
  }
  let flashTimer = 0;
  return {
    add(entries) {
      for (const e of entries) highlights.get(e.kind)?.add(e.range);
    },
    remove(entries) {
      for (const e of entries) highlights.get(e.kind)?.delete(e.range);
    },
    clear() {
      for (const h of highlights.values()) h.clear();
    },
    flash(range, ms = 1400) {
      const h = highlights.get('flash')!;
      h.clear();
      h.add(range);
      clearTimeout(flashTimer);
      flashTimer = window.setTimeout(() => h.clear(), ms);
    },
    destroy() {
      clearTimeout(flashTimer);
      for (const [kind, h] of highlights) {
        h.clear();
        if (reg.get(HIGHLIGHT_NAMES[kind]) === h) reg.delete(HIGHLIGHT_NAMES[kind]);
      }
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}
