// The thin slice end to end: page → content script → background → storage → side panel.
import { describe, expect, it } from 'vitest';
import { type Session, withSession } from './harness';

describe('the extension in Chromium', () => {
  let session: Session;
  withSession((s) => {
    session = s;
  });

  it('records the demo article as a reading that the side panel lists', async () => {
    const article = await session.open('demo-article.html');
    const panel = await session.openPanel(article);
    await expect.poll(() => panel.locator('main').getAttribute('data-tab-state'), { timeout: 15_000 }).toBe('done');
    await panel.getByRole('tab', { name: 'السجل' }).click();
    await expect.poll(() => panel.getByTestId('readings').textContent()).toContain('غوتيريش يدعو من جنيف');
  });

  it('keeps the reading after the browser is closed and reopened', async () => {
    await session.restart();
    const panel = await session.openPanel();
    await panel.getByRole('tab', { name: 'السجل' }).click();
    await expect.poll(() => panel.getByTestId('readings').textContent(), { timeout: 15_000 }).toContain('غوتيريش يدعو من جنيف');
  });
});
