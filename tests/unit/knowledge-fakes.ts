// A replaying fetch for Wikimedia client tests: answers by URL, records every request, never touches the network.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FetchLike } from '../../knowledge/wikimedia';

/** The recorded Wikimedia answers kept next to the project (read at run time, never copied in). */
const FIXTURES = join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'wikimedia');
export const haveFixtures = existsSync(FIXTURES);

/** The text of a recorded answer. */
export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export interface Answer {
  status?: number;
  body: string;
  headers?: Record<string, string>;
  /** Never settle (for timeouts). */
  hang?: boolean;
}

export interface ReplayFetch {
  fetch: FetchLike;
  calls: { url: string; headers: Record<string, string> }[];
  maxInFlight: number;
}

/** A fetch that answers from `route(url, callIndex)`, records calls and the peak number in flight. */
export function replayFetch(route: (url: string, n: number) => Answer, delayMs = 0): ReplayFetch {
  const state: ReplayFetch = { calls: [], maxInFlight: 0, fetch: async () => ({}) as never };
  let inFlight = 0;
  state.fetch = async (url, init) => {
    state.calls.push({ url, headers: init.headers });
    const answer = route(url, state.calls.length - 1);
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    try {
      if (answer.hang) await new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(new Error('aborted'))));
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      const headers = new Map(Object.entries(answer.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      return {
        status: answer.status ?? 200,
        headers: { get: (n: string) => headers.get(n.toLowerCase()) ?? null },
        text: async () => answer.body,
      };
    } finally {
      inFlight--;
    }
  };
  return state;
}

/** A fetch that fails the test if it is ever called. */
export function forbiddenFetch(): ReplayFetch {
  return replayFetch((url) => {
    throw new Error(`network request made: ${url}`);
  });
}
