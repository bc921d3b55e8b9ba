// The shape every background handler module fills in: one function per request type.
import type { Runtime } from 'webextension-polyfill';
import type { Request, Responses } from '../../messaging/protocol';

export type Handler<T extends Request['type']> = (
  request: Extract<Request, { type: T }>,
  sender: Runtime.MessageSender,
) => Promise<Responses[T]>;

export type Handlers = { [T in Request['type']]: Handler<T> };
