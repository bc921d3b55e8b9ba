// Where the card goes: next to the piece of the name under the pointer (names broken across lines),
// below it and aligned to its start edge (right in Arabic), flipped above when there is no room,
// and kept inside the viewport. The same decisions as Floating UI's inline/flip/shift, in 1 KB.

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const GAP = 8;
const MARGIN = 8;

/** The line box of a (possibly wrapped) name to place against: the one under the pointer, else the first. */
export function pickLineBox(rects: readonly Box[], point: { x: number; y: number } | null): Box | null {
  if (rects.length === 0) return null;
  if (point) {
    const hit = rects.find((r) => point.x >= r.left - 1 && point.x <= r.right + 1 && point.y >= r.top - 1 && point.y <= r.bottom + 1);
    if (hit) return hit;
  }
  return rects[0]!;
}

/** Top-left corner for a card of `size` next to `anchor`, in a viewport of `view`; `dir` is the card's direction. */
export function placeCard(
  anchor: Box,
  size: { width: number; height: number },
  view: { width: number; height: number },
  dir: 'rtl' | 'ltr',
): { x: number; y: number; side: 'bottom' | 'top' } {
  const below = view.height - anchor.bottom - GAP - MARGIN;
  const above = anchor.top - GAP - MARGIN;
  const side = size.height <= below || below >= above ? 'bottom' : 'top';
  let y = side === 'bottom' ? anchor.bottom + GAP : anchor.top - GAP - size.height;
  let x = dir === 'rtl' ? anchor.right - size.width : anchor.left;
  x = Math.min(Math.max(x, MARGIN), Math.max(MARGIN, view.width - size.width - MARGIN));
  y = Math.min(Math.max(y, MARGIN), Math.max(MARGIN, view.height - size.height - MARGIN));
  return { x: Math.round(x), y: Math.round(y), side };
}
