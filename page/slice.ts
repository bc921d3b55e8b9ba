// Long work on the page cut into slices. The work is a generator that yields wherever it may pause; the
// runner gives the page a turn whenever a slice has run SLICE_MS, so no task of ours blocks the page for long.

/** Milliseconds of our work before the page gets a turn (a long task is 50 ms; the page's own work needs room too). */
export const SLICE_MS = 8;

/** Work that can pause: `yield` where pausing is safe, `yield true` to end the slice there (let a frame render). */
export type Steps<T> = Generator<boolean | undefined, T, undefined>;

/** Give the page's own work a turn (scheduler.yield where there is one, else a new task). */
function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Run work to its end in one go (tests, the command line, saved pages: nobody is waiting for a frame). */
export function runAll<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Run work in slices of about SLICE_MS with a turn for the page between them; null once `cancelled()` says stop. */
export async function runSliced<T>(steps: Steps<T>, cancelled: () => boolean): Promise<T | null> {
  let end = performance.now() + SLICE_MS;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (step.value || performance.now() > end) {
      await yieldToMain();
      if (cancelled()) return null;
      end = performance.now() + SLICE_MS;
    }
  }
}
