// The reader in control, in real Chromium with the built extension: article bodies found on CMS pages,
// pages that are not articles answered at once in the panel and analysed when the reader asks.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe } from './axe';
import { type Session, withSession } from './harness';
import { highlights, pageState } from './page-helpers';

const ACTOR_MARKS = ['siyaq-person', 'siyaq-organization', 'siyaq-place'];

async function actorMarks(page: Page): Promise<string[]> {
  const marks = await highlights(page);
  return ACTOR_MARKS.flatMap((name) => marks[name] ?? []);
}

async function painted(session: Session, page: Page): Promise<void> {
  await expect.poll(async () => (await pageState(session, page))?.painted ?? false, { timeout: 20_000 }).toBe(true);
}

describe('finding the article and answering pages that are not one', () => {
  let session: Session;
  withSession((s) => {
    session = s;
  });

  it.each([
    ['drupal-article.html', 'أحمد أبو الغيط', 'a Drupal body field marked «field-label-hidden»'],
    ['wordpress-article.html', 'عادل شركس', 'a WordPress body marked «entry-content no-share»'],
  ])('paints %s (%s)', async (file, name) => {
    const page = await session.open(file);
    await painted(session, page);
    expect((await actorMarks(page)).some((m) => m.includes(name))).toBe(true);
    await page.close();
  });

  it('says at once that an article page’s body is short, instead of waiting', async () => {
    const page = await session.open('short-body.html');
    const panel = await session.openPanel(page, 'en');
    const started = Date.now();
    await expect.poll(() => panel.locator('main').getAttribute('data-tab-state'), { interval: 50, timeout: 5_000 }).toBe('not-article');
    expect(Date.now() - started).toBeLessThanOrEqual(1_000);
    const text = (await panel.locator('[role=tabpanel]').textContent()) ?? '';
    expect(text).toContain('Not recognised as an Arabic news article');
    expect(text).toContain('only a few lines of its body could be found');
    expect(await axe(panel)).toEqual([]);
    await panel.close();
    await page.close();
  });

  it('answers a page that is not news in the panel within a second, and analyses it when the reader asks', async () => {
    const page = await session.open('travel-diary.html');
    const panel = await session.openPanel(page, 'ar');
    const started = Date.now();
    await expect.poll(() => panel.locator('main').getAttribute('data-tab-state'), { interval: 50, timeout: 5_000 }).toBe('not-article');
    expect(Date.now() - started).toBeLessThanOrEqual(1_000);
    expect(await panel.locator('[role=tabpanel]').textContent()).toContain('لم تُعرَف هذه الصفحة مقالاً إخبارياً عربياً');
    expect(await actorMarks(page)).toEqual([]);
    expect(await axe(panel)).toEqual([]);

    // «Analyse anyway», remembered for the site: this page is painted now, and the next page of the site at once.
    await panel.getByRole('checkbox', { name: /حلّل دائماً صفحات/ }).check();
    await panel.getByRole('button', { name: 'حلّل هذه الصفحة على أي حال' }).click();
    await painted(session, page);
    expect((await actorMarks(page)).some((m) => m.includes('الإسكندرية'))).toBe(true);
    await expect.poll(() => panel.locator('main').getAttribute('data-tab-state'), { timeout: 10_000 }).toBe('done');
    await panel.close();

    await page.reload();
    await painted(session, page);
    const options = await session.openOptions();
    await expect.poll(() => options.getByTestId('analyse-sites').textContent()).toContain('127.0.0.1');
    await options
      .getByRole('button', { name: /127\.0\.0\.1/ })
      .last()
      .click();
    await expect.poll(() => options.getByTestId('analyse-sites').count()).toBe(0);
    await options.close();
    await page.reload();
    await page.waitForTimeout(1500);
    expect(await actorMarks(page)).toEqual([]);
    await page.close();
  });
});
