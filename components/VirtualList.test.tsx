// Long lists render only what is visible; short lists render everything (so find-in-page still works).
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualList, visibleRange } from './VirtualList';

afterEach(cleanup);

describe('VirtualList', () => {
  it.each([
    [[10, 10, 10, 10, 10], 0, 20, 0, [0, 2], 'the top rows fill the viewport'],
    [[10, 10, 10, 10, 10], 25, 10, 0, [2, 4], 'scrolled into the third row'],
    [[10, 10, 10, 10, 10], 25, 10, 1, [1, 5], 'overscan adds a row each side, clamped'],
    [[], 0, 100, 3, [0, 0], 'nothing to show'],
  ] as const)('heights %j at %i (viewport %i, overscan %i) → %j (%s)', (heights, top, viewport, overscan, expected, _why) => {
    expect(visibleRange(heights, top, viewport, overscan)).toEqual(expected);
  });

  it.each([
    [50, 50, 'a short list renders every row'],
    [5000, 'fewer', 'a long list renders a window'],
  ] as const)('%i rows → %s rendered (%s)', (count, expected, _why) => {
    const items = Array.from({ length: count }, (_, i) => `اقتباس ${i}`);
    render(<VirtualList items={items} keyOf={(s) => s} renderItem={(s) => <span>{s}</span>} label="list" threshold={200} estimate={50} />);
    const rendered = screen.getAllByRole('listitem').length;
    if (expected === 'fewer') expect(rendered).toBeLessThan(100);
    else expect(rendered).toBe(expected);
  });
});
