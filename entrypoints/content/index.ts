// Content script: a cheap gate first, then the main text goes to the background for analysis.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ask } from '../../messaging/client';

const ARABIC = /[\u0600-\u06ff]/;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main() {
    const sample = document.body?.textContent?.slice(0, 4000) ?? '';
    if (!ARABIC.test(sample)) return;
    const blocks = [...document.querySelectorAll('article p, main p')].map((p) => p.textContent ?? '').filter((t) => t.trim());
    if (blocks.length === 0) return;
    await ask({ type: 'analyzeArticle', url: location.href, title: document.title || null, blocks });
  },
});
