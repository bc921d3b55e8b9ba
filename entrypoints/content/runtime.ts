// The content script's line to the background, on the browser's own promise-based API (wxt/browser)
// rather than the polyfill, which would double the script's size on every Arabic page.
import { browser } from 'wxt/browser';
import type { PageMessage } from '../../messaging/page';
import { parsePageMessage } from '../../messaging/page';
import type { Envelope, Request, Response } from '../../messaging/protocol';

/** The background's service worker was stopped or restarting while we asked: asking again wakes it. */
const WORKER_GONE = /Could not establish connection|Receiving end does not exist|message (port|channel) closed/i;
/** Pause before asking again, so the restarting worker has registered its listener. */
const RETRY_MS = 300;

/** sendMessage, asked once more when the worker went away mid-request (every request is safe to repeat). */
async function send(request: Request): Promise<unknown> {
  try {
    return await browser.runtime.sendMessage(request);
  } catch (error) {
    if (!WORKER_GONE.test(String(error))) throw error;
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    try {
      return await browser.runtime.sendMessage(request);
    } catch (again) {
      throw new Error(`the extension's background stopped and did not answer (${String(again)})`);
    }
  }
}

/** Send a request to the background and unwrap its envelope (same contract as messaging/client.ts). */
export async function ask<R extends Request>(request: R): Promise<Response<R['type']>> {
  const reply = (await send(request)) as Envelope<Response<R['type']>> | undefined;
  if (!reply) throw new Error('no answer from the background');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}

/** Listen for validated messages from this extension's background or panel; returns the way to stop. */
export function onPageMessage(handle: (message: PageMessage) => Promise<unknown>): () => void {
  const listener = (raw: unknown, sender: { id?: string }, sendResponse: (response: unknown) => void): boolean | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    const message = parsePageMessage(raw);
    if (!message) return undefined;
    handle(message).then(sendResponse, (error: unknown) => sendResponse({ error: String(error) }));
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
