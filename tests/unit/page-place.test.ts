// The card appears next to the name the reader points at, on the side Arabic reading starts from,
// and never leaves the window.
import { describe, expect, it } from 'vitest';
import { pickLineBox, placeCard } from '../../page/place';

const VIEW = { width: 1000, height: 800 };
const CARD = { width: 340, height: 300 };
const box = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });

describe('placeCard', () => {
  it.each([
    [box(600, 100, 700, 120), 'rtl', { x: 360, y: 128, side: 'bottom' }, 'Arabic: below, right edges aligned'],
    [box(600, 100, 700, 120), 'ltr', { x: 600, y: 128, side: 'bottom' }, 'English: below, left edges aligned'],
    [box(600, 700, 700, 720), 'rtl', { x: 360, y: 392, side: 'top' }, 'no room below: above the name'],
    [box(20, 100, 120, 120), 'rtl', { x: 8, y: 128, side: 'bottom' }, 'near the left edge: shifted into view'],
    [box(900, 100, 990, 120), 'ltr', { x: 652, y: 128, side: 'bottom' }, 'near the right edge: shifted into view'],
  ] as const)('%o %s → %o (%s)', (anchor, dir, expected, _why) => {
    expect(placeCard(anchor, CARD, VIEW, dir)).toEqual(expected);
  });

  it('keeps a card taller than the window at the top margin rather than off screen', () => {
    expect(placeCard(box(500, 400, 600, 420), { width: 340, height: 900 }, VIEW, 'rtl').y).toBe(8);
  });
});

describe('pickLineBox', () => {
  const lines = [box(700, 100, 900, 120), box(100, 130, 300, 150)];
  it.each([
    [{ x: 150, y: 140 }, lines[1], 'the second line of a wrapped name when the pointer is there'],
    [{ x: 800, y: 110 }, lines[0], 'the first line under the pointer'],
    [null, lines[0], 'keyboard: the first line'],
  ] as const)('pointer %o → %o (%s)', (point, expected, _why) => {
    expect(pickLineBox(lines, point)).toEqual(expected);
  });
});
