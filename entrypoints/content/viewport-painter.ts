// The marks on the page: ranges for them handed to the painter a slice at a time, and for a long article only
// those near the viewport, kept in step with scrolling. Also the index the pointer looks marks up in.
import { type ExtractedArticle, rangeFor } from '../../page/extract';
import { runSliced, type Steps } from '../../page/slice';
import type { Mark } from './marks';
import { createHighlightPainter, type PaintEntry, type Painter } from './painter';
import { createWrappingPainter } from './wrap-fallback';

/** Ranges handed to the highlight registry before a frame may render: each one costs the page a little style work. */
const SLICE_MARKS = 400;
/**
 * Beyond this many marks only those near the viewport are registered: every change to the highlights makes the
 * browser re-check all registered ranges in the next frame (3,000 cost a 40–80 ms frame; 300 cost 2 ms).
 */
const NEAR_FROM = 600;
/** How far beyond the viewport (above and below) marks are kept painted, so scrolling finds them ready. */
const NEAR_MARGIN = '100% 0px';

export interface Entry extends PaintEntry {
  mark: Mark;
  range: Range;
}

export interface ViewportPainter {
  /** Replace what is painted with `marks`; resolves when done or when `cancelled()` says stop. */
  paint(article: ExtractedArticle, marks: Mark[], cancelled: () => boolean): Promise<void>;
  /** What is painted (or registered for painting near the viewport), and each by its range. */
  entries: Entry[];
  byRange: Map<AbstractRange, Entry>;
  flash(range: Range): void;
  destroy(): void;
}

export function createViewportPainter(doc: Document): ViewportPainter {
  let painter: Painter | null = null;
  let nearWatch: IntersectionObserver | null = null;
  const self: ViewportPainter = { paint, entries: [], byRange: new Map(), flash: (range) => painter?.flash(range), destroy };

  async function paint(article: ExtractedArticle, marks: Mark[], cancelled: () => boolean): Promise<void> {
    painter ??= createHighlightPainter(doc) ?? createWrappingPainter();
    painter.clear();
    nearWatch?.disconnect();
    self.entries = [];
    self.byRange = new Map();
    const to = painter;
    const add = marks.length > NEAR_FROM && to.remove ? paintNear(to) : (entry: Entry) => to.add([entry]);
    await runSliced(paintSteps(add, article, marks), cancelled);
  }

  /** Paint entries only while their element is near the viewport (a long article's marks, see NEAR_FROM). */
  function paintNear(to: Painter): (entry: Entry) => void {
    const groups = new Map<Element, Entry[]>();
    const near = new Set<Element>();
    const watch = new IntersectionObserver(
      (seen) => {
        for (const s of seen) {
          const list = groups.get(s.target) ?? [];
          if (s.isIntersecting) {
            near.add(s.target);
            to.add(list);
          } else {
            near.delete(s.target);
            to.remove?.(list);
          }
        }
      },
      { rootMargin: NEAR_MARGIN },
    );
    nearWatch = watch;
    return (entry) => {
      const el = entry.range.startContainer.parentElement;
      if (!el) return to.add([entry]);
      let list = groups.get(el);
      if (!list) {
        list = [];
        groups.set(el, list);
        watch.observe(el);
      }
      list.push(entry);
      if (near.has(el)) to.add([entry]);
    };
  }

  /** Ranges for the marks, handed to the painter a slice at a time. */
  function* paintSteps(add: (entry: Entry) => void, article: ExtractedArticle, list: Mark[]): Steps<void> {
    // A long article's analysis was just decoded and its marks built in this task: the page has a turn first.
    if (list.length > NEAR_FROM) yield true;
    let n = 0;
    for (const mark of list) {
      const range = rangeFor(article, mark.start, mark.end);
      if (range) {
        const entry: Entry = { kind: mark.kind, mark, range };
        add(entry);
        self.entries.push(entry);
        self.byRange.set(range, entry);
      }
      yield ++n % SLICE_MARKS === 0;
    }
  }

  function destroy(): void {
    nearWatch?.disconnect();
    painter?.destroy();
    painter = null;
  }

  return self;
}
