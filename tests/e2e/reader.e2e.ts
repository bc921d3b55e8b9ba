// The reader in control, in real Chromium with the built extension: article bodies found on CMS pages,
// pages that are not articles answered at once in the panel and analysed when the reader asks.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe } from './axe';
import { type Session, withSession } from './harness';
import { askBackground, highlights, hoverHighlight, openCard, painted, selectText, toPage } from './page-helpers';

const ACTOR_MARKS = ['siyaq-person', 'siyaq-organization', 'siyaq-place'];

async function actorMarks(page: Page): Promise<string[]> {
  const marks = await highlights(page);
  return ACTOR_MARKS.flatMap((name) => marks[name] ?? []);
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

/** Rest on a mark, wait for its card, and click one of the card's buttons (by data-testid). */
async function clickOnCard(session: Session, page: Page, mark: string, text: string, button: string): Promise<void> {
  await hoverHighlight(page, mark, text);
  await expect
    .poll(async () => Object.keys((await openCard(page, session.extensionId))?.buttons ?? {}), { timeout: 5_000 })
    .toContain(button);
  const target = (await openCard(page, session.extensionId))!.buttons[button]!;
  await page.mouse.move(target.x, target.y, { steps: 3 });
  await page.mouse.click(target.x, target.y);
}

const marked = async (page: Page, mark: string, text: string) => ((await highlights(page))[mark] ?? []).some((m) => m.includes(text));

describe('corrections from the card', () => {
  let session: Session;
  withSession((s) => {
    session = s;
  });

  it('«not a name» takes the mark away at once, after a reload, and in a second article that repeats the name; undone in the settings', async () => {
    const NAME = 'الخرطوم';
    const page = await session.open('demo-article.html');
    await painted(session, page);
    expect(await marked(page, 'siyaq-place', NAME)).toBe(true);
    await clickOnCard(session, page, 'siyaq-place', NAME, 'fix-not-name');
    await expect.poll(() => marked(page, 'siyaq-place', NAME), { timeout: 5_000 }).toBe(false);
    await expect.poll(async () => (await openCard(page, session.extensionId))?.text ?? '').toContain('ليس اسماً');

    await page.reload();
    await painted(session, page);
    expect(await marked(page, 'siyaq-place', NAME)).toBe(false);
    const second = await session.open('demo-article-2.html');
    await painted(session, second);
    expect(await marked(second, 'siyaq-person', 'غوتيريس')).toBe(true);
    expect((await actorMarks(second)).some((m) => m.includes(NAME))).toBe(false);

    // The settings list the correction; removing it brings the name back.
    const options = await session.openOptions();
    await expect.poll(() => options.getByTestId('fixes').textContent()).toContain(NAME);
    expect(await axe(options)).toEqual([]);
    await options.getByRole('button', { name: new RegExp(NAME) }).click();
    await expect.poll(() => options.getByTestId('fixes').count()).toBe(0);
    await options.close();
    await second.reload();
    await painted(session, second);
    await expect.poll(() => marked(second, 'siyaq-place', NAME), { timeout: 5_000 }).toBe(true);
    await second.close();
    await page.close();
  });

  it('«an organization» moves a person’s mark to the organizations, and «undo» on the card moves it back', async () => {
    const NAME = 'عبد الفتاح البرهان';
    const page = await session.open('demo-article.html');
    await painted(session, page);
    await clickOnCard(session, page, 'siyaq-person', NAME, 'fix-type-organization');
    await expect.poll(() => marked(page, 'siyaq-organization', NAME), { timeout: 5_000 }).toBe(true);
    expect(await marked(page, 'siyaq-person', NAME)).toBe(false);
    const undo = (await openCard(page, session.extensionId))!.buttons['fix-undo']!;
    await page.mouse.move(undo.x, undo.y, { steps: 3 });
    await page.mouse.click(undo.x, undo.y);
    await expect.poll(() => marked(page, 'siyaq-person', NAME), { timeout: 5_000 }).toBe(true);
    await page.reload();
    await painted(session, page);
    expect(await marked(page, 'siyaq-person', NAME)).toBe(true);
    await page.close();
  });

  it('«not a quotation» takes a quotation’s mark away and keeps it away after a reload', async () => {
    const QUOTE = 'المجتمع الدولي لا يملك ترف الانتظار';
    const page = await session.open('demo-article.html');
    await painted(session, page);
    await clickOnCard(session, page, 'siyaq-quote', QUOTE, 'fix-not-quote');
    await expect.poll(() => marked(page, 'siyaq-quote', QUOTE), { timeout: 5_000 }).toBe(false);
    await page.reload();
    await painted(session, page);
    expect(await marked(page, 'siyaq-quote', QUOTE)).toBe(false);
    await page.close();
  });

  it('«hide on this site» takes the actor away on this site', async () => {
    const NAME = 'جنيف';
    const page = await session.open('demo-article.html');
    await painted(session, page);
    await clickOnCard(session, page, 'siyaq-place', NAME, 'fix-hide');
    await expect.poll(() => marked(page, 'siyaq-place', NAME), { timeout: 5_000 }).toBe(false);
    await page.reload();
    await painted(session, page);
    expect(await marked(page, 'siyaq-place', NAME)).toBe(false);
    await page.close();
  });
});

describe('overlapping names', () => {
  let session: Session;
  withSession((s) => {
    session = s;
  });

  it('paints one mark where a title used as a name holds a place, and opens the person’s card there', async () => {
    const page = await session.open('overlap-article.html');
    await painted(session, page);
    const marks = await highlights(page);
    // «الأميرة السعودية» in the second paragraph is the person; «السعودية» inside it is not painted a second time.
    expect(marks['siyaq-person']).toContainEqual('الأميرة السعودية');
    const overlapping = await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const ranges = ['siyaq-person', 'siyaq-organization', 'siyaq-place'].flatMap((n) => [...(registry.get(n) ?? [])]);
      let count = 0;
      for (const a of ranges)
        for (const b of ranges)
          if (a !== b && a.compareBoundaryPoints(Range.START_TO_END, b) > 0 && b.compareBoundaryPoints(Range.START_TO_END, a) > 0) count++;
      return count;
    });
    expect(overlapping).toBe(0);
    // The pointer on «السعودية» of «الأميرة السعودية» opens the person's card, not the country's.
    const point = await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const range = [...(registry.get('siyaq-person') ?? [])].find((r) => r.toString() === 'الأميرة السعودية');
      if (!range) return null;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const word = document.createRange();
      word.setStart(range.endContainer, range.endOffset - 'السعودية'.length + 2);
      word.setEnd(range.endContainer, range.endOffset - 2);
      const rect = word.getBoundingClientRect();
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    });
    expect(point).not.toBeNull();
    await page.mouse.move(point!.x + 30, point!.y + 30);
    await page.mouse.move(point!.x, point!.y, { steps: 4 });
    await expect.poll(async () => (await openCard(page, session.extensionId))?.kind ?? null, { timeout: 5_000 }).toBe('actor-card');
    const card = (await openCard(page, session.extensionId))!;
    expect(card.name).toContain('ريما بنت بندر');
    await page.close();
  });
});

describe('highlighting from the keyboard, and a note on the card', () => {
  let session: Session;
  withSession((s) => {
    session = s;
  });

  it('saves a selection with the keyboard shortcut, then takes a note on the saved quotation’s card', async () => {
    const page = await session.open('demo-article.html');
    await painted(session, page);
    const SELECTED = 'مستعدة لدعم أي مبادرة إقليمية';
    await selectText(page, SELECTED);
    // What the background sends for the command «Save the selected text as a quotation» (Alt+Shift+S): headless
    // Chromium does not deliver extension shortcuts, so the test sends it as the command listener does.
    await toPage(session, page, { type: 'page:saveSelection' });
    await expect.poll(async () => (await openCard(page, session.extensionId))?.kind ?? null, { timeout: 5_000 }).toBe('save-form');
    const save = (await openCard(page, session.extensionId))!.buttons['save-selection']!;
    await page.mouse.click(save.x, save.y); // saved with the speaker left unknown
    await expect
      .poll(async () => (await highlights(page))['siyaq-saved'] ?? [], { timeout: 10_000 })
      .toContainEqual(expect.stringContaining(SELECTED));

    // The saved quotation's card takes a note, kept with the quotation.
    await page.mouse.move(5, 5);
    await expect.poll(() => openCard(page, session.extensionId), { timeout: 3_000 }).toBeNull();
    await hoverHighlight(page, 'siyaq-saved', SELECTED);
    await expect
      .poll(async () => Object.keys((await openCard(page, session.extensionId))?.buttons ?? {}), { timeout: 5_000 })
      .toContain('note-input');
    const card = (await openCard(page, session.extensionId))!;
    await page.mouse.click(card.buttons['note-input']!.x, card.buttons['note-input']!.y);
    await page.keyboard.type('للمقارنة مع بيان الأسبوع الماضي');
    await page.mouse.click(card.buttons['save-note']!.x, card.buttons['save-note']!.y);
    await expect.poll(async () => (await openCard(page, session.extensionId))?.text ?? '', { timeout: 5_000 }).toContain('حُفظت الملاحظة');
    const saved = await askBackground<{ items: { exact: string; note: string }[] }>(session, { type: 'listSavedQuotes' });
    expect(saved.items.find((q) => q.exact.includes(SELECTED))?.note).toBe('للمقارنة مع بيان الأسبوع الماضي');

    const options = await session.openOptions();
    await expect.poll(() => options.getByTestId('shortcuts').textContent()).toContain('Alt+Shift+S');
    await options.close();
    await page.close();
  });
});

describe('corrections from the panel', () => {
  let session: Session;
  withSession((s) => {
    session = s;
  });

  it('«not a name» in the panel takes the actor off the page and out of the panel, and Undo brings it back', async () => {
    const NAME = 'جنيف';
    const page = await session.open('demo-article.html');
    await painted(session, page);
    const panel = await session.openPanel(page, 'ar');
    await expect.poll(() => panel.locator('main').getAttribute('data-tab-state'), { timeout: 20_000 }).toBe('done');
    const tile = panel.getByTestId('actor').filter({ hasText: NAME }).first();
    await tile.getByRole('button', { name: 'ليس اسماً' }).click();
    await expect.poll(() => marked(page, 'siyaq-place', NAME), { timeout: 5_000 }).toBe(false);
    await expect.poll(() => panel.getByTestId('actor').filter({ hasText: NAME }).count(), { timeout: 5_000 }).toBe(0);
    expect(await axe(panel)).toEqual([]);
    await panel.getByRole('button', { name: 'تراجع' }).click();
    await expect.poll(() => marked(page, 'siyaq-place', NAME), { timeout: 5_000 }).toBe(true);
    await expect.poll(() => panel.getByTestId('actor').filter({ hasText: NAME }).count(), { timeout: 5_000 }).toBe(1);
    await panel.close();
    await page.close();
  });
});
