// The background's service worker can be stopped at any moment (idle timeout, update, crash). A request the
// page was waiting on is asked once more, which wakes the worker; if it still cannot answer the page is told
// plainly. Asking again is safe: an analysis records one reading per article, a saved quotation has a
// deterministic id (both checked in hardening-storage.test.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ask } from '../../entrypoints/content/runtime';

const request = { type: 'reportPage', savedCount: 2 } as const;
const answer = { ok: true, data: { badge: '2' } };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('asking a background that went away', () => {
  // failure(s) of sendMessage → result → calls made → why
  const table: [string, unknown[], unknown, number][] = [
    [
      'the worker was asleep and is woken by the second ask',
      [new Error('Could not establish connection. Receiving end does not exist.')],
      'answer',
      2,
    ],
    [
      'the worker was stopped mid-request',
      [
        new Error(
          'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
        ),
      ],
      'answer',
      2,
    ],
    ['the port closed', [new Error('The message port closed before a response was received.')], 'answer', 2],
    [
      'still gone the second time: a clear error',
      [new Error('Could not establish connection. Receiving end does not exist.'), new Error('Could not establish connection.')],
      /background stopped and did not answer/,
      2,
    ],
    [
      'the extension was reloaded: not retried (this page’s script is dead)',
      [new Error('Extension context invalidated.')],
      /invalidated/,
      1,
    ],
  ];
  it.each(table)('%s', async (_why, failures, expected, calls) => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    for (const f of failures) send.mockRejectedValueOnce(f);
    send.mockResolvedValue(answer as never);
    const result = ask(request);
    if (expected === 'answer') await expect(result).resolves.toEqual({ badge: '2' });
    else await expect(result).rejects.toThrow(expected as RegExp);
    expect(send).toHaveBeenCalledTimes(calls);
  });

  it('a refusal from the background is reported as it is, never retried', async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValue({ ok: false, error: 'Siyaq is paused on this site' } as never);
    await expect(ask(request)).rejects.toThrow('paused');
    expect(send).toHaveBeenCalledTimes(1);
  });
});
