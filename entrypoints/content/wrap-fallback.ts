// The only place that changes the page's DOM: for browsers without the Custom Highlight API,
// marks are wrapped in <siyaq-mark> elements, and unwrapped again on destroy.
import type { PaintKind } from './marks';
import type { PaintEntry, Painter } from './painter';

const STYLE: Record<PaintKind | 'flash', string> = {
  person: 'text-decoration: underline solid 2px #1565c0',
  organization: 'text-decoration: underline dashed 2px #7b1fa2',
  place: 'text-decoration: underline dotted 2px #2e7d32',
  quote: 'text-decoration: underline wavy 1px #b26a00',
  saved: 'text-decoration: underline double 3px #c62828; background-color: rgb(255 235 59 / 0.35)',
  flash: 'background-color: rgb(255 193 7 / 0.65)',
};

/** Wrap each text node piece of a range; returns the wrappers so they can be removed. */
function wrapRange(range: AbstractRange, kind: PaintKind | 'flash'): HTMLElement[] {
  const doc = range.startContainer.ownerDocument;
  if (!doc) return [];
  const live = doc.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  const root = live.commonAncestorContainer;
  const texts: Text[] = [];
  if (root.nodeType === Node.TEXT_NODE) texts.push(root as Text);
  else {
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (live.intersectsNode(n)) texts.push(n as Text);
  }
  const wrappers: HTMLElement[] = [];
  for (const text of texts) {
    const start = text === live.startContainer ? live.startOffset : 0;
    const end = text === live.endContainer ? live.endOffset : text.data.length;
    if (end <= start) continue;
    const piece = doc.createRange();
    piece.setStart(text, start);
    piece.setEnd(text, end);
    const el = doc.createElement('siyaq-mark');
    el.setAttribute('data-kind', kind);
    el.setAttribute('style', STYLE[kind]);
    piece.surroundContents(el);
    wrappers.push(el);
  }
  return wrappers;
}

function unwrap(el: HTMLElement): void {
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
  parent.normalize?.();
}

/** A painter that wraps text in elements; only used where CSS.highlights is missing. */
export function createWrappingPainter(): Painter {
  let wrappers: HTMLElement[] = [];
  let flashWrappers: HTMLElement[] = [];
  let flashTimer = 0;
  return {
    add(entries: readonly PaintEntry[]) {
      for (const e of entries) wrappers.push(...wrapRange(e.range, e.kind));
    },
    clear() {
      for (const w of wrappers) unwrap(w);
      wrappers = [];
    },
    flash(range, ms = 1400) {
      for (const w of flashWrappers) unwrap(w);
      flashWrappers = wrapRange(range, 'flash');
      clearTimeout(flashTimer);
      flashTimer = window.setTimeout(() => {
        for (const w of flashWrappers) unwrap(w);
        flashWrappers = [];
      }, ms);
    },
    destroy() {
      clearTimeout(flashTimer);
      for (const w of [...flashWrappers, ...wrappers]) unwrap(w);
      wrappers = [];
      flashWrappers = [];
    },
  };
}
