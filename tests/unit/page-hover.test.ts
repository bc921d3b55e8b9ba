// Hover cards open when the reader rests on a name, not when the pointer sweeps across the text,
// stay while the pointer travels into them, and stay put when pinned.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHoverIntent, DWELL_MS, GRACE_MS } from '../../entrypoints/content/hover';

function setup() {
  let now = 0;
  const events: string[] = [];
  const intent = createHoverIntent<string>(
    { open: (t) => events.push(`open:${t}`), close: () => events.push('close') },
    (a, b) => a === b,
    () => now,
  );
  const advance = (ms: number) => {
    now += ms;
    vi.advanceTimersByTime(ms);
  };
  return { intent, events, advance, moveAt: (t: string | null, x: number, y = 10) => intent.move(t, x, y) };
}

describe('HoverIntent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens after resting on a name for the dwell time, not before', () => {
    const { intent, events, advance } = setup();
    intent.move('غوتيريش', 100, 10);
    advance(DWELL_MS - 10);
    expect(events).toEqual([]);
    advance(20);
    expect(events).toEqual(['open:غوتيريش']);
  });

  it('opens nothing while the pointer sweeps across several names', () => {
    const { events, advance, moveAt } = setup();
    for (const [i, name] of ['أ', null, 'ب', null, 'ج', null].entries()) {
      moveAt(name, 600 - i * 60);
      advance(16);
    }
    advance(DWELL_MS * 2);
    expect(events).toEqual([]);
  });

  it('keeps the card while the pointer travels into it within the grace period', () => {
    const { intent, events, advance, moveAt } = setup();
    moveAt('غوتيريش', 100);
    advance(DWELL_MS + 1);
    moveAt(null, 100, 40);
    advance(GRACE_MS - 50);
    intent.enterCard();
    advance(GRACE_MS * 2);
    expect(events).toEqual(['open:غوتيريش']);
    intent.leaveCard();
    advance(GRACE_MS + 1);
    expect(events).toEqual(['open:غوتيريش', 'close']);
  });

  it('closes once the pointer has left the name for longer than the grace period', () => {
    const { events, advance, moveAt } = setup();
    moveAt('غوتيريش', 100);
    advance(DWELL_MS + 1);
    moveAt(null, 400, 300);
    advance(GRACE_MS + 1);
    expect(events).toEqual(['open:غوتيريش', 'close']);
  });

  it('a pinned card stays when the pointer leaves, until dismissed', () => {
    const { intent, events, advance, moveAt } = setup();
    moveAt('غوتيريش', 100);
    advance(DWELL_MS + 1);
    expect(intent.togglePin()).toBe(true);
    moveAt(null, 400, 300);
    advance(GRACE_MS * 3);
    expect(events).toEqual(['open:غوتيريش']);
    intent.dismiss();
    expect(events).toEqual(['open:غوتيريش', 'close']);
  });

  it('a card opened from the keyboard stays while the pointer wanders, until Escape', () => {
    const { intent, events, advance, moveAt } = setup();
    intent.opened('غوتيريش', true);
    moveAt(null, 400, 300);
    advance(GRACE_MS * 3);
    expect(intent.open).toBe('غوتيريش');
    intent.dismiss();
    expect(events).toEqual(['close']);
  });

  it('moves from one name to another only after resting on the second', () => {
    const { events, advance, moveAt } = setup();
    moveAt('أ', 100);
    advance(DWELL_MS + 1);
    moveAt('ب', 160);
    advance(DWELL_MS + 1);
    // The second card replaces the first directly: no close-and-reopen flicker.
    expect(events).toEqual(['open:أ', 'open:ب']);
  });
});
