// Library and card messages: bounded inputs are refused with a reason; a reader's whole round trip works
// through the background dispatcher (record, save, find again, search, card, export, backup, restore).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

const { dispatch } = await import('../../entrypoints/background/index');
const { parseRequest } = await import('../../messaging/protocol');
const { readerDb } = await import('../../storage/db');
const { NEWS_PARAGRAPHS, NEWS_TITLE } = await import('./arabic-texts');

type Sender = Parameters<typeof dispatch>[1];
const panel = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') } as Sender;

async function ask(message: object) {
  const reply = await dispatch(message, panel);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as never;
}

describe('validation', () => {
  const long = (n: number) => 'ا'.repeat(n);
  it.each(
    [
      [{ type: 'saveQuote', url: 'https://a.example/1', exact: long(10_001), prefix: '', suffix: '', start: 0, end: 1 }, 'exact'],
      [{ type: 'saveQuote', url: 'javascript:alert(1)', exact: 'x', prefix: '', suffix: '', start: 0, end: 1 }, 'url'],
      [{ type: 'saveQuote', url: 'https://a.example/1', exact: 'x', prefix: long(201), suffix: '', start: 0, end: 1 }, 'prefix'],
      [{ type: 'saveQuote', url: 'https://a.example/1', exact: 'x', prefix: '', suffix: '', start: -1, end: 1 }, 'start'],
      [{ type: 'updateSavedQuote', id: 'q1', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags'],
      [{ type: 'searchHistory', query: '' }, 'query'],
      [{ type: 'searchHistory', query: long(201) }, 'query'],
      [{ type: 'listReadings', limit: 5000 }, 'limit'],
      [{ type: 'chooseEntity', name: 'بوتين', qid: 'Q7747; DROP' }, 'qid'],
      [{ type: 'exportQuotes', format: 'pdf' }, 'format'],
      [{ type: 'clearAll' }, 'scope'],
      [{ type: 'getCard', name: 'ب', actorType: 'animal' }, 'actorType'],
    ].map(([message, path]) => [path, message] as const),
  )('refuses a message with a bad %s', (path, message) => {
    expect(() => parseRequest(message)).toThrow(new RegExp(`at ${path}`));
  });

  it.each([
    [{ type: 'getCard' }, 'a name or a reading actor is needed'],
    [{ type: 'actorTimeline' }, 'a name or a reading actor is needed'],
    [{ type: 'saveQuote', exact: 'x', prefix: '', suffix: '', start: 0, end: 1 }, 'a reading id or a URL is needed'],
    [{ type: 'saveQuote', url: 'https://a.example/1', exact: 'x', prefix: '', suffix: '', start: 3, end: 3 }, 'end must be after start'],
    [{ type: 'importBackup', json: '{"not": "a backup"}' }, 'not a Siyaq backup'],
  ])('answers %j with an error saying %s', async (message, error) => {
    expect(await dispatch(message, panel)).toEqual({ ok: false, error: expect.stringContaining(error) });
  });
});

describe('a reader round trip through the background', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    const db = readerDb();
    await db.open();
    await Promise.all(db.tables.map((t) => t.clear()));
  });

  it('records, saves, finds again, searches, shows a card, exports, backs up and restores', async () => {
    const url = 'https://news.example/world/1?utm_source=feed';
    const analysed = (await ask({ type: 'analyzeArticle', url, title: NEWS_TITLE, blocks: NEWS_PARAGRAPHS })) as {
      readingId: string | null;
      analysis: { text: string };
    };
    const text = analysed.analysis.text;
    const exact = 'الأولوية اليوم هي وقف إطلاق النار وإيصال المساعدات';
    const start = text.indexOf(exact);
    expect(start).toBeGreaterThan(0);
    const saved = (await ask({
      type: 'saveQuote',
      url,
      exact,
      prefix: text.slice(start - 10, start),
      suffix: text.slice(start + exact.length, start + exact.length + 10),
      start,
      end: start + exact.length,
      speakerName: 'أيمن الصفدي',
      tags: ['روسيا'],
    })) as { id: string; readingId: string };
    expect(analysed.readingId).not.toBeNull();
    expect(saved.readingId).toBe(analysed.readingId);

    const onPage = (await ask({ type: 'savedForPage', url: 'https://news.example/world/1', text: `مقدمة.\n${text}` })) as {
      items: { anchor: { status: string } }[];
    };
    expect(onPage.items.map((q) => q.anchor.status)).toEqual(['exact']);

    expect(((await ask({ type: 'listSavedQuotes', speaker: 'الصفدي' })) as { total: number }).total).toBe(1);
    expect(((await ask({ type: 'searchHistory', query: 'بارو' })) as { items: unknown[] }).items).toHaveLength(1);

    const card = (await ask({ type: 'getCard', name: 'جان نويل بارو', actorType: 'person' })) as {
      enrichment: string;
      seenIn: { count: number };
    };
    expect(card.enrichment).toBe('off');
    expect(card.seenIn.count).toBe(1);

    const csv = (await ask({ type: 'exportQuotes', format: 'csv' })) as { text: string; fileName: string };
    expect(csv.text).toContain('أيمن الصفدي');
    expect(csv.fileName).toMatch(/\.csv$/);

    const status = (await ask({ type: 'storageStatus' })) as { readings: number; savedQuotes: number; purged: boolean };
    expect([status.readings, status.savedQuotes, status.purged]).toEqual([1, 1, false]);

    const backup = (await ask({ type: 'exportBackup' })) as { json: string };
    expect(await ask({ type: 'clearAll', scope: 'all' })).toEqual({ cleared: 'all' });
    expect(((await ask({ type: 'listSavedQuotes' })) as { total: number }).total).toBe(0);
    const restored = (await ask({ type: 'importBackup', json: backup.json })) as { added: Record<string, number> };
    expect(restored.added.savedQuotes).toBe(1);
    const again = (await ask({ type: 'importBackup', json: backup.json })) as { added: Record<string, number> };
    expect(again.added.savedQuotes).toBe(0);
    expect(((await ask({ type: 'listSavedQuotes', tag: 'روسيا' })) as { total: number }).total).toBe(1);
  });
});

describe('consent', () => {
  it('a card asked through the background makes no network request while enrichment is off', async () => {
    fakeBrowser.reset();
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('network used'));
    const card = (await ask({ type: 'getCard', name: 'فلاديمير بوتين', actorType: 'person' })) as { enrichment: string; image: unknown };
    expect([card.enrichment, card.image]).toEqual(['off', null]);
    // Reading the extension's own files (the bundled who's-who) is no network request.
    const network = fetchSpy.mock.calls.map(([url]) => String(url)).filter((url) => !url.startsWith(fakeBrowser.runtime.getURL('/')));
    expect(network).toEqual([]);
    fetchSpy.mockRestore();
  });
});
