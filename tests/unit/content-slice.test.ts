// The page gets a turn while the content script works: long work runs in slices of about SLICE_MS, a step
// may end its slice early (a frame to render), and a session that ended stops the work at the next pause.
import { describe, expect, it } from 'vitest';
import { runAll, runSliced, SLICE_MS, type Steps } from '../../page/slice';

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) {}
};

/** Steps run since the page last had a turn, and the most seen in a row. */
const page = { since: 0, most: 0 };

/** `count` steps of `ms` each, ending the slice after every `endEvery`-th step (0: never asks). */
function* work(count: number, ms: number, endEvery = 0): Steps<number> {
  for (let i = 1; i <= count; i++) {
    busy(ms);
    page.most = Math.max(page.most, ++page.since);
    yield endEvery > 0 && i % endEvery === 0;
  }
  return count;
}

/** Run the work while the page asks for turns; what the page saw: its turns, and the most steps it waited for. */
async function withPage(run: () => Promise<unknown> | unknown): Promise<{ turns: number; mostSteps: number; result: unknown }> {
  let turns = 0;
  let done = false;
  page.since = 0;
  page.most = 0;
  const turn = () => {
    turns++;
    page.since = 0;
    if (!done) setTimeout(turn, 0);
  };
  setTimeout(turn, 0);
  const result = await run();
  done = true;
  return { turns, mostSteps: page.most, result };
}

describe('runSliced', () => {
  it('gives the page a turn at least every SLICE_MS of work (one go gives none)', async () => {
    const oneGo = await withPage(() => runAll(work(20, 3)));
    const sliced = await withPage(() => runSliced(work(20, 3), () => false));
    expect(oneGo.turns).toBe(0);
    expect(oneGo.mostSteps).toBe(20);
    expect(sliced.result).toBe(20);
    expect(sliced.turns).toBeGreaterThanOrEqual(3);
    // A slice ends at the first pause after SLICE_MS: with steps of at least 3 ms, never more than this in a row.
    expect(sliced.mostSteps).toBeLessThanOrEqual(Math.floor(SLICE_MS / 3) + 1);
  });

  // steps → a step ends the slice every … → turns the page gets at least → why
  const table: [number, number, number, string][] = [
    [10, 1, 9, 'each step asks for a frame: a turn after every step but the last'],
    [10, 5, 1, 'every fifth step asks: a turn in the middle'],
    [10, 0, 0, 'quick steps that never ask share one slice'],
  ];
  it.each(table)('%i quick steps, ending the slice every %i: at least %i turns (%s)', async (count, every, atLeast) => {
    const seen = await withPage(() => runSliced(work(count, 0, every), () => false));
    expect(seen.result).toBe(count);
    expect(seen.turns).toBeGreaterThanOrEqual(atLeast);
    if (atLeast === 0) expect(seen.turns).toBe(0);
  });

  it('stops at the next pause once the session has ended, without running the rest', async () => {
    let ran = 0;
    function* counted(): Steps<string> {
      for (let i = 0; i < 10; i++) {
        ran++;
        yield true;
      }
      return 'finished';
    }
    let ended = false;
    const result = runSliced(counted(), () => ended);
    ended = true;
    expect(await result).toBeNull();
    expect(ran).toBe(1);
  });
});
