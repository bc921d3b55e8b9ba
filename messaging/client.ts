// Typed sender used by content scripts and extension pages.
import browser from 'webextension-polyfill';
import type { Envelope, Request, Response } from './protocol';

/** Send a request to the background and unwrap its envelope; rejects with the background's error text. */
export async function ask<R extends Request>(request: R): Promise<Response<R['type']>> {
  const reply = (await browser.runtime.sendMessage(request)) as Envelope<Response<R['type']>> | undefined;
  if (!reply) throw new Error('no answer from the background');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
