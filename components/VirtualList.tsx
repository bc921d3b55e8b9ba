// A list that renders every row while it is short and only the visible rows (plus a margin) once it is long,
// so thousands of readings or saved quotations scroll smoothly. Row heights are measured after rendering.
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface VirtualListProps<T> {
  items: readonly T[];
  /** Stable key of an item. */
  keyOf(item: T): string;
  renderItem(item: T, index: number): ComponentChildren;
  /** Accessible name of the list. */
  label: string;
  /** Past this many rows only the visible ones are rendered. */
  threshold?: number;
  /** Height guessed for a row not yet measured, in CSS pixels. */
  estimate?: number;
  /** Rows rendered beyond each edge of the viewport. */
  overscan?: number;
  testId?: string;
}

/** Index range to render for a scroll position, given row heights (measured or estimated). */
export function visibleRange(heights: readonly number[], scrollTop: number, viewport: number, overscan: number): [number, number] {
  let top = 0;
  let first = heights.length;
  for (let i = 0; i < heights.length; i++) {
    const h = heights[i] ?? 0;
    if (top + h > scrollTop) {
      first = i;
      break;
    }
    top += h;
  }
  let last = first;
  let bottom = top;
  while (last < heights.length && bottom < scrollTop + viewport) {
    bottom += heights[last] ?? 0;
    last++;
  }
  return [Math.max(0, first - overscan), Math.min(heights.length, last + overscan)];
}

/** A list of rows; windowed past `threshold` rows inside its own scroll box. */
export function VirtualList<T>({
  items,
  keyOf,
  renderItem,
  label,
  threshold = 200,
  estimate = 96,
  overscan = 6,
  testId,
}: VirtualListProps<T>) {
  const windowed = items.length > threshold;
  const box = useRef<HTMLDivElement>(null);
  const measured = useRef(new Map<string, number>());
  const [scroll, setScroll] = useState({ top: 0, height: 800 });
  const [, setVersion] = useState(0);

  useLayoutEffect(() => {
    if (!windowed || !box.current) return;
    let changed = false;
    for (const row of box.current.querySelectorAll<HTMLElement>('[data-vkey]')) {
      const key = row.dataset.vkey ?? '';
      const h = row.getBoundingClientRect().height;
      if (h > 0 && Math.abs((measured.current.get(key) ?? -1) - h) > 0.5) {
        measured.current.set(key, h);
        changed = true;
      }
    }
    if (changed) setVersion((v) => v + 1);
  });

  useLayoutEffect(() => {
    const el = box.current;
    if (!windowed || !el) return;
    setScroll({ top: el.scrollTop, height: el.clientHeight || 800 });
  }, [windowed]);

  if (!windowed) {
    return (
      <ul class="rows" aria-label={label} data-testid={testId}>
        {items.map((item, index) => (
          <li key={keyOf(item)}>{renderItem(item, index)}</li>
        ))}
      </ul>
    );
  }

  const heights = items.map((item) => measured.current.get(keyOf(item)) ?? estimate);
  const [start, end] = visibleRange(heights, scroll.top, scroll.height, overscan);
  const before = heights.slice(0, start).reduce((a, b) => a + b, 0);
  const after = heights.slice(end).reduce((a, b) => a + b, 0);
  return (
    <div
      ref={box}
      class="vscroll"
      data-windowed="true"
      onScroll={(e) => {
        const el = e.currentTarget;
        setScroll({ top: el.scrollTop, height: el.clientHeight || 800 });
      }}
    >
      <ul class="rows" aria-label={label} data-testid={testId} style={{ paddingBlockStart: `${before}px`, paddingBlockEnd: `${after}px` }}>
        {items.slice(start, end).map((item, i) => (
          <li key={keyOf(item)} data-vkey={keyOf(item)} aria-setsize={items.length} aria-posinset={start + i + 1}>
            {renderItem(item, start + i)}
          </li>
        ))}
      </ul>
    </div>
  );
}
