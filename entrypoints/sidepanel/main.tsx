import { liveQuery } from 'dexie';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { ask } from '../../messaging/client';
import type { TabStatus } from '../../messaging/protocol';
import type { ReadingRow } from '../../storage/db';
import { listReadings } from '../../storage/readings';

/** The tab this panel describes: `?tab=` when opened as a page (tests), else the active tab. */
async function describedTabId(): Promise<number | null> {
  const fromUrl = new URLSearchParams(location.search).get('tab');
  if (fromUrl) return Number(fromUrl);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function App() {
  const [status, setStatus] = useState<TabStatus | null>(null);
  const [readings, setReadings] = useState<ReadingRow[]>([]);
  useEffect(() => {
    const sub = liveQuery(() => listReadings()).subscribe({ next: setReadings });
    let timer = 0;
    const poll = async () => {
      const tabId = await describedTabId();
      if (tabId !== null) setStatus(await ask({ type: 'getTabStatus', tabId }));
      timer = window.setTimeout(poll, 1000);
    };
    poll();
    return () => {
      sub.unsubscribe();
      clearTimeout(timer);
    };
  }, []);
  return (
    <main>
      <h1>سياق</h1>
      <section aria-label="this tab" data-testid="tab-status">
        {status ? `${status.state} — ${status.actors} / ${status.quotes}` : '…'}
      </section>
      <ul data-testid="readings">
        {readings.map((r) => (
          <li key={r.id}>
            <bdi>{r.title ?? r.url}</bdi>
          </li>
        ))}
      </ul>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
