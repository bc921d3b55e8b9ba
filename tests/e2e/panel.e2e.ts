// The side panel and the settings page in real Chromium with the built extension: two readings that share an
// actor spelled two ways, the actor's timeline across both, a saved quotation tagged and exported, a backup
// restored into a fresh profile, screenshots of every view in Arabic and English, and axe-core on each view.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axe } from './axe';
import { ARTIFACTS, type Session, saveFailureArtifacts, startSession } from './harness';
import { askBackground } from './page-helpers';

const TITLE_1 = 'غوتيريش يدعو من جنيف إلى هدنة إنسانية في السودان';
const TITLE_2 = 'غوتيريس يحذر في نيويورك من مجاعة';
/** Said by Guterres in the first article («غوتيريش») and in the second («غوتيريس»). */
const QUOTE_1 = 'المجتمع الدولي لا يملك ترف الانتظار';
const QUOTE_2 = 'لقد نفدت الكلمات، وحان وقت الأفعال';
const TAG = 'مجاعة';

const TAB_NAMES = {
  ar: { article: 'هذا المقال', saved: 'الاقتباسات المحفوظة', history: 'السجل' },
  en: { article: 'This article', saved: 'Saved quotations', history: 'History' },
} as const;

/** A side panel is narrow: look at the panel page at side-panel width. */
async function asSidePanel(page: Page): Promise<Page> {
  await page.setViewportSize({ width: 420, height: 900 });
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.waitForTimeout(150); // let fonts and the last render settle
  // Headless Chromium offsets full-page captures of right-to-left pages by the scrollbar's width: hide it.
  await page.addStyleTag({ content: 'html { scrollbar-width: none; }' });
  await page.screenshot({ path: join(ARTIFACTS, `panel-${name}.png`), fullPage: true });
  await page.screenshot({ path: join(ARTIFACTS, `panel-${name}-first-screen.png`) });
}

async function openTab(panel: Page, lang: 'ar' | 'en', tab: 'article' | 'saved' | 'history'): Promise<void> {
  await panel.getByRole('tab', { name: TAB_NAMES[lang][tab] }).click();
  await expect.poll(() => panel.locator('main').getAttribute('data-view')).toBe(tab);
}

/** Wait until the panel shows the analysed article with its actors. */
async function articleReady(panel: Page): Promise<void> {
  await expect.poll(() => panel.locator('main').getAttribute('data-tab-state'), { timeout: 20_000 }).toBe('done');
  await expect.poll(() => panel.getByTestId('actor').count(), { timeout: 10_000 }).toBeGreaterThan(0);
}

async function readDownload(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe('the side panel and settings', () => {
  let session: Session;
  let article1: Page;
  let article2: Page;
  let backupFile = '';

  beforeAll(async () => {
    session = await startSession();
    article1 = await session.open('demo-article.html');
    // The second article is read after the first is recorded: "newest first" then has one answer.
    for (let tries = 0; tries < 100; tries++) {
      if ((await askBackground<{ total: number }>(session, { type: 'listReadings' })).total > 0) break;
      await article1.waitForTimeout(200);
    }
    article2 = await session.open('demo-article-2.html');
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await saveFailureArtifacts(session, ctx.task.name);
  });

  it('shows this article’s actors grouped by type, each with its quotations', async () => {
    const panel = await asSidePanel(await session.openPanel(article1, 'ar'));
    await articleReady(panel);
    const groups = await panel.locator('.group h3').allTextContents();
    expect(groups[0]).toContain('أشخاص');
    const guterres = panel.getByTestId('actor').filter({ hasText: 'غوتيريش' }).first();
    await expect.poll(() => guterres.textContent()).toContain(QUOTE_1);
    await expect.poll(() => panel.getByTestId('quote').filter({ hasText: QUOTE_1 }).count()).toBe(1);
    expect(await panel.locator('html').getAttribute('dir')).toBe('rtl');
    await shoot(panel, 'article-ar');
    expect(await axe(panel)).toEqual([]);

    // Clicking an actor's name asks the page to scroll to its first mention and flash it.
    await panel.getByRole('button', { name: /أظهر أنطونيو غوتيريش/ }).click();
    await expect
      .poll(() => article1.evaluate(() => CSS.highlights.get('siyaq-flash')?.size ?? 0), { interval: 50, timeout: 5000 })
      .toBeGreaterThan(0);
    await panel.close();
  });

  it('lists both readings newest first, and finds the shared actor under a variant spelling', async () => {
    const panel = await asSidePanel(await session.openPanel(article2, 'ar'));
    await openTab(panel, 'ar', 'history');
    await expect.poll(() => panel.getByTestId('reading').count(), { timeout: 15_000 }).toBe(2);
    const titles = await panel.locator('.reading-title').allTextContents();
    expect(titles[0]).toContain(TITLE_2);
    expect(titles[1]).toContain(TITLE_1);
    await shoot(panel, 'history-ar');
    expect(await axe(panel)).toEqual([]);

    // The first article spells the name «غوتيريش»; searching the second spelling finds both readings.
    await panel.locator('#history-search').fill('غوتيريس');
    await expect.poll(() => panel.locator('.history-view').getAttribute('data-results-for')).toBe('غوتيريس');
    await shoot(panel, 'history-search-ar');
    expect(await panel.locator('.reading-title').allTextContents()).toEqual([
      expect.stringContaining(TITLE_2),
      expect.stringContaining(TITLE_1),
    ]);
    await panel.close();
  });

  it('shows the shared actor’s timeline with quotations from both articles', async () => {
    const panel = await asSidePanel(await session.openPanel(article1, 'ar'));
    await articleReady(panel);
    const guterres = panel.getByTestId('actor').filter({ hasText: 'غوتيريش' }).first();
    await guterres.getByRole('button', { name: 'الخط الزمني' }).click();
    await expect.poll(() => panel.getByTestId('timeline-entry').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await shoot(panel, 'actor-ar');
    expect(await axe(panel)).toEqual([]);
    // Keyboard: focus moved to the page's heading, and Back returns to the article.
    expect(await panel.evaluate(() => document.activeElement?.id)).toBe('timeline-heading');
    expect(await panel.getByTestId('timeline-entry').count()).toBe(2);
    const quotes = await panel.getByTestId('timeline-quote').allTextContents();
    expect(quotes.some((q) => q.includes(QUOTE_1))).toBe(true);
    expect(quotes.some((q) => q.includes(QUOTE_2))).toBe(true);
    await panel.getByRole('button', { name: 'رجوع' }).click();
    await expect.poll(() => panel.locator('main').getAttribute('data-view')).toBe('article');
    await panel.close();
  });

  it('saves a quotation, tags it, deletes and undoes, and exports it to Markdown', async () => {
    const panel = await asSidePanel(await session.openPanel(article1, 'ar'));
    await articleReady(panel);
    const quote = panel.getByTestId('quote').filter({ hasText: QUOTE_1 });
    await quote.getByRole('button', { name: 'احفظ' }).click();
    await expect.poll(() => quote.getByRole('button', { name: 'محفوظ' }).count()).toBe(1);

    await openTab(panel, 'ar', 'saved');
    const saved = panel.getByTestId('saved-quote').filter({ hasText: QUOTE_1 });
    await expect.poll(() => saved.count(), { timeout: 10_000 }).toBe(1);
    await saved.locator('details.note-tags > summary').click(); // note and tags open on demand
    const tagInput = saved.getByPlaceholder('أضف وسماً');
    await tagInput.fill(TAG);
    await tagInput.press('Enter');
    await expect.poll(() => saved.getByTestId('tag').allTextContents()).toEqual([expect.stringContaining(TAG)]);

    // Delete, then undo: the quotation comes back with its tag.
    await saved.getByRole('button', { name: 'احذف' }).click();
    await expect.poll(() => panel.getByTestId('saved-quote').count()).toBe(0);
    // Focus lands on Undo (the deleted item's button is gone), so the keyboard can undo at once.
    await expect.poll(() => panel.evaluate(() => document.activeElement?.textContent)).toBe('تراجع');
    await panel.keyboard.press('Enter');
    await expect.poll(() => saved.getByTestId('tag').allTextContents(), { timeout: 10_000 }).toEqual([expect.stringContaining(TAG)]);

    // Arabic-aware search over saved quotations: the bare word finds it written with the article «ال».
    await panel.locator('#saved-search').fill('مجتمع');
    await expect.poll(() => panel.locator('.saved-view').getAttribute('data-results-for')).toBe('مجتمع');
    await expect.poll(() => panel.getByTestId('saved-quote').count()).toBe(1);
    await panel.locator('#saved-search').fill('');
    await expect.poll(() => panel.locator('.saved-view').getAttribute('data-results-for')).toBe('');

    const md = await readDownload(panel, () => panel.getByRole('button', { name: 'صدّر بصيغة Markdown' }).click());
    expect(md.name).toMatch(/\.md$/);
    expect(md.text).toContain(`«${QUOTE_1}»`);
    expect(md.text).toContain('غوتيريش');
    expect(md.text).toContain(`#${TAG}`);
    expect(md.text).toContain(`${session.server.origin}/demo-article.html`);
    await shoot(panel, 'saved-ar');
    expect(await axe(panel)).toEqual([]);
    await panel.close();
  });

  it('offers settings with enrichment off, and downloads a backup', async () => {
    const options = await session.openOptions();
    await expect.poll(() => options.getByTestId('storage-usage').textContent()).toBeTruthy();
    const enrichment = options.getByRole('checkbox', { name: /ويكي بيانات/ });
    expect(await enrichment.isChecked()).toBe(false);
    await shoot(options, 'settings-ar');
    expect(await axe(options)).toEqual([]);

    const backup = await readDownload(options, () => options.getByRole('button', { name: 'نزّل نسخة احتياطية' }).click());
    expect(backup.text).toContain(QUOTE_1);
    backupFile = join(ARTIFACTS, 'panel-backup.json');
    writeFileSync(backupFile, backup.text);

    await options.goto(`${options.url().split('?')[0]}?lang=en`);
    await expect.poll(() => options.locator('h1').textContent()).toBe('Siyaq settings');
    expect(await options.locator('html').getAttribute('dir')).toBe('ltr');
    await shoot(options, 'settings-en');
    expect(await axe(options)).toEqual([]);
    await options.close();
  });

  it('shows every panel view in English, left to right', async () => {
    const panel = await asSidePanel(await session.openPanel(article1, 'en'));
    await articleReady(panel);
    expect(await panel.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await panel.getByRole('heading', { name: 'Actors' }).count()).toBe(1);
    await shoot(panel, 'article-en');
    expect(await axe(panel)).toEqual([]);
    await openTab(panel, 'en', 'saved');
    await expect.poll(() => panel.getByTestId('saved-quote').count()).toBeGreaterThan(0);
    await shoot(panel, 'saved-en');
    expect(await axe(panel)).toEqual([]);
    await openTab(panel, 'en', 'history');
    await expect.poll(() => panel.getByTestId('reading').count()).toBe(2);
    await shoot(panel, 'history-en');
    expect(await axe(panel)).toEqual([]);
    await panel.getByTestId('reading').first().getByRole('button').first().click();
    await expect.poll(() => panel.locator('main').getAttribute('data-view')).toBe('actor');
    await expect.poll(() => panel.getByTestId('timeline-entry').count()).toBeGreaterThan(0);
    await shoot(panel, 'actor-en');
    expect(await axe(panel)).toEqual([]);

    // Dark theme chosen in the settings reaches the open panel at once, and still passes axe (contrast).
    const options = await session.openOptions();
    await options.getByRole('radio', { name: 'داكن' }).check();
    await expect.poll(() => panel.locator('html').getAttribute('data-theme')).toBe('dark');
    await shoot(options, 'settings-ar-dark');
    await shoot(panel, 'actor-en-dark');
    expect(await axe(panel)).toEqual([]);
    await options.getByRole('radio', { name: 'حسب النظام' }).check();
    await expect.poll(() => panel.locator('html').getAttribute('data-theme')).toBe('system');
    await options.close();
    await panel.close();
  });

  it('works from the keyboard alone: tabs move with arrow keys, a card button shows the actor', async () => {
    const panel = await asSidePanel(await session.openPanel(article1, 'ar'));
    await articleReady(panel);
    await panel.getByRole('tab', { name: 'هذا المقال' }).focus();
    await panel.keyboard.press('ArrowLeft'); // right-to-left: the next tab is to the left
    await expect.poll(() => panel.locator('main').getAttribute('data-view')).toBe('saved');
    expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe('الاقتباسات المحفوظة');
    await panel.keyboard.press('ArrowRight');
    await expect.poll(() => panel.locator('main').getAttribute('data-view')).toBe('article');
    await panel.keyboard.press('Tab');
    const focused = await panel.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? getComputedStyle(el).outlineStyle : null;
    });
    expect(focused).not.toBe('none'); // visible focus
    await panel.close();
  });

  it('restores the backup into a fresh profile', async () => {
    expect(backupFile).not.toBe('');
    const fresh = await startSession();
    try {
      const options = await fresh.openOptions();
      await options.getByTestId('restore-file').setInputFiles(backupFile);
      await expect.poll(() => options.getByTestId('data-message').textContent(), { timeout: 15_000 }).toContain('استُعيدت');
      // Restoring the same file again adds nothing twice.
      await options.getByTestId('restore-file').setInputFiles(backupFile);
      await expect.poll(() => options.getByTestId('data-message').textContent(), { timeout: 15_000 }).toMatch(/أُضيف 0،/);

      const panel = await asSidePanel(await fresh.openPanel(undefined, 'ar'));
      await openTab(panel, 'ar', 'saved');
      const saved = panel.getByTestId('saved-quote').filter({ hasText: QUOTE_1 });
      await expect.poll(() => saved.count(), { timeout: 10_000 }).toBe(1);
      expect(await saved.getByTestId('tag').allTextContents()).toEqual([expect.stringContaining(TAG)]);
      await openTab(panel, 'ar', 'history');
      await expect.poll(() => panel.getByTestId('reading').count()).toBe(2);
    } finally {
      await fresh.close();
    }
  });
});
