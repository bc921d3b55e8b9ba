// What is under the pointer: the painted range there, found without touching the page's DOM.
// Prefers CSS.highlights.highlightsFromPoint; else caretPositionFromPoint/caretRangeFromPoint,
// looking through invisible elements that cover the text (teaser links, overlays).

interface Caret {
  node: Node;
  offset: number;
}

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number, options?: object) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

function rawCaret(doc: CaretDoc, x: number, y: number): Caret | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    if (pos?.offsetNode) return { node: pos.offsetNode, offset: pos.offset };
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    if (range) return { node: range.startContainer, offset: range.startOffset };
  }
  return null;
}

/** An element that hides nothing: transparent, no text of its own, so the reader sees through it. */
function isSeeThrough(el: Element): boolean {
  const style = getComputedStyle(el);
  if (style.visibility === 'hidden' || Number(style.opacity) === 0) return true;
  const bg = style.backgroundColor;
  const transparentBg = bg === 'transparent' || /rgba\(.*,\s*0\)$/.test(bg);
  const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n as Text).data.trim());
  return transparentBg && style.backgroundImage === 'none' && !ownText;
}

/** The caret under a point, retrying through up to a few see-through covering elements. */
function caretAt(doc: Document, x: number, y: number, ignore?: Element | null): Caret | null {
  let caret = rawCaret(doc as CaretDoc, x, y);
  if (!caret || caret.node.nodeType === Node.TEXT_NODE) return caret;
  const restored: [HTMLElement, string, string][] = [];
  try {
    for (const el of doc.elementsFromPoint(x, y).slice(0, 6)) {
      if (el === doc.body || el === doc.documentElement || el === ignore) break;
      if (!(el instanceof HTMLElement) || !isSeeThrough(el)) break;
      restored.push([el, el.style.getPropertyValue('pointer-events'), el.style.getPropertyPriority('pointer-events')]);
      el.style.setProperty('pointer-events', 'none', 'important');
      caret = rawCaret(doc as CaretDoc, x, y);
      if (caret?.node.nodeType === Node.TEXT_NODE) break;
    }
  } finally {
    for (const [el, value, priority] of restored.reverse()) {
      if (value) el.style.setProperty('pointer-events', value, priority);
      else el.style.removeProperty('pointer-events');
      if (!el.getAttribute('style')) el.removeAttribute('style');
    }
  }
  return caret?.node.nodeType === Node.TEXT_NODE ? caret : null;
}

/** Whether the point really lies on the character at the caret (not in the margin past a line's end). */
function onGlyph(doc: Document, caret: Caret, x: number, y: number): number | null {
  const text = caret.node as Text;
  for (const at of [caret.offset, caret.offset - 1]) {
    if (at < 0 || at >= text.data.length) continue;
    const r = doc.createRange();
    r.setStart(text, at);
    r.setEnd(text, at + 1);
    for (const rect of r.getClientRects()) {
      if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return at;
    }
  }
  return null;
}

/** The ranges (of those given) under a point; the caller picks the innermost. */
export function rangesAtPoint<T extends { range: AbstractRange }>(
  doc: Document,
  x: number,
  y: number,
  entries: readonly T[],
  byRange: ReadonlyMap<AbstractRange, T>,
  ignore?: Element | null,
): T[] {
  const reg = (globalThis as { CSS?: { highlights?: { highlightsFromPoint?: (x: number, y: number) => { ranges: AbstractRange[] }[] } } })
    .CSS?.highlights;
  if (typeof reg?.highlightsFromPoint === 'function') {
    const hits = reg.highlightsFromPoint(x, y).flatMap((h) => h.ranges.map((r) => byRange.get(r)).filter((e): e is T => !!e));
    if (hits.length > 0) return hits;
  }
  const caret = caretAt(doc, x, y, ignore);
  if (!caret) return [];
  const at = onGlyph(doc, caret, x, y);
  if (at === null) return [];
  const found: T[] = [];
  for (const e of entries) {
    const r = e.range as Range;
    if (typeof r.comparePoint !== 'function') continue;
    try {
      if (r.comparePoint(caret.node, at) === 0 && r.comparePoint(caret.node, at + 1) === 0) found.push(e);
    } catch {
      // A range from another document or a detached node: not under the pointer.
    }
  }
  return found;
}
