// Content script: a cheap gate first (non-Arabic pages cost almost nothing and keep no listeners),
// then one PageSession per article, started over on in-page navigation and torn down with ctx.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { hasArabicText } from '../../page/extract';
import { createPageSession } from './session';

/** Wait after an in-page navigation for the new article to arrive before reading it. */
const NAVIGATION_SETTLE_MS = 600;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    if (!hasArabicText(document)) return;
    let session = createPageSession(ctx);
    session.start().catch(() => {});
    ctx.onInvalidated(() => session.stop());
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      session.stop();
      ctx.setTimeout(() => {
        if (!hasArabicText(document)) return;
        session = createPageSession(ctx);
        session.start().catch(() => {});
      }, NAVIGATION_SETTLE_MS);
    });
  },
});
