// On the page: marks painted from the analysis, hover and keyboard cards, saving a quotation
// (kept after reload and browser restart), Arabic vs other pages, screenshots and an axe check.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedArticlePage } from '../../scripts/bench-corpus';
import { ROOT } from '../../scripts/browser';
import { ARTIFACTS, type Session, withSession } from './harness';
import {
  askBackground,
  badgeOf,
  highlights,
  hoverHighlight,
  openCard,
  pageState,
  painted,
  selectText,
  setSettings,
  toPage,
} from './page-helpers';

const PAGES_DEV = join(ROOT, '..', 'shared', 'data', 'pages-dev');

const ACTOR_MARKS = ['siyaq-person', 'siyaq-organization', 'siyaq-place'];

describe('marks and cards on the page', () => {
  let session: Session;
  withSession((s) => {
    session = s;
  });

  it('paints the demo article’s actors and quotations, each kind in its own highlight', async () => {
    const page = await session.open('demo-article.html');
    await painted(session, page);
    const marks = await highlights(page);
    const people = marks['siyaq-person'] ?? [];
    const places = marks['siyaq-place'] ?? [];
    const quotes = [...(marks['siyaq-quote'] ?? []), ...(marks['siyaq-saved'] ?? [])];
    // input → expected → why
    const expected: [string[], string, string][] = [
      [people, 'غوتيريش', 'the UN Secretary-General is the article’s main person'],
      [people, 'فيصل بن فرحان', 'a full name with «بن» is one person'],
      [people, 'عبد الفتاح البرهان', 'a compound «عبد» name is one person'],
      [places, 'جنيف', 'the dateline city is a place'],
      [places, 'السودان', 'the country at the centre of the story is a place'],
      [quotes, 'الوضع الإنساني في دارفور والخرطوم بلغ حداً لا يمكن السكوت عليه', 'a quotation after «وقال X إن»'],
      [quotes, 'لن نقبل بأن تتحول المساعدات إلى ورقة ضغط', 'a quotation before its speaker'],
    ];
    for (const [list, text, why] of expected)
      expect(
        list.some((m) => m.includes(text)),
        why,
      ).toBe(true);
    // A name or term in guillemets is not a quotation, and nothing outside the article is marked.
    expect(quotes).not.toContain('رويترز');
    const all = Object.values(marks).flat().join(' | ');
    expect(all).not.toContain('ماكرون'); // the breaking-news ticker
    expect(all).not.toContain('مقال ممتاز'); // the comments
    await page.close();
  });

  it('tells the kinds apart by underline style, also in forced-colours mode', async () => {
    const page = await session.open('demo-article.html');
    await painted(session, page);
    const styles = () =>
      page.evaluate(() => {
        const p = document.querySelector('article p')!;
        const out: Record<string, string> = {};
        for (const kind of ['person', 'organization', 'place', 'quote', 'saved']) {
          out[kind] = getComputedStyle(p, `::highlight(siyaq-${kind})`).textDecorationStyle;
        }
        return out;
      });
    const expected = { person: 'solid', organization: 'dashed', place: 'dotted', quote: 'wavy', saved: 'double' };
    expect(await styles()).toEqual(expected);
    await page.emulateMedia({ forcedColors: 'active' });
    expect(await styles()).toEqual(expected);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'marks-forced-colors.png'), clip: { x: 0, y: 100, width: 1200, height: 500 } });
    await page.close();
  });

  it('opens a person’s card after resting on the name, with the right name and role', async () => {
    const page = await session.open('demo-article.html');
    await painted(session, page);
    await hoverHighlight(page, 'siyaq-person', 'فيصل بن فرحان');
    await expect.poll(() => openCard(page, session.extensionId), { timeout: 5_000 }).not.toBeNull();
    const card = (await openCard(page, session.extensionId))!;
    expect(card.kind).toBe('actor-card');
    expect(card.name).toContain('فيصل بن فرحان');
    expect(card.role).toContain('وزير الخارجية');
    expect(card.lang).toBe('ar');
    expect(card.dir).toBe('rtl');
    // The card sits inside the viewport, next to the name.
    const viewport = page.viewportSize()!;
    expect(card.rect.x).toBeGreaterThanOrEqual(0);
    expect(card.rect.x + card.rect.width).toBeLessThanOrEqual(viewport.width);
    // Moving away closes it after the grace period.
    await page.mouse.move(5, viewport.height - 5, { steps: 3 });
    await expect.poll(() => openCard(page, session.extensionId), { timeout: 3_000 }).toBeNull();
    await page.close();
  });

  it('looks through an invisible link laid over the text (teaser cards on news sites)', async () => {
    const page = await session.open('demo-article.html');
    await painted(session, page);
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('article p')].find((e) => e.textContent?.includes('فيصل بن فرحان')) as HTMLElement;
      p.style.position = 'relative';
      const cover = document.createElement('a');
      cover.href = '#story';
      cover.setAttribute('aria-label', 'story');
      cover.style.cssText = 'position:absolute;inset:0;background:transparent;';
      p.append(cover);
    });
    await hoverHighlight(page, 'siyaq-person', 'فيصل بن فرحان');
    await expect.poll(async () => (await openCard(page, session.extensionId))?.name ?? '', { timeout: 5_000 }).toContain('فيصل بن فرحان');
    // The covering element is left as it was.
    expect(await page.evaluate(() => document.querySelector('a[href="#story"]')?.getAttribute('style'))).toBe(
      'position: absolute; inset: 0px; background: transparent;',
    );
    await page.close();
  });

  it('does not pop cards up while the pointer sweeps quickly across a paragraph', async () => {
    const page = await session.open('demo-article.html');
    await painted(session, page);
    const line = await page.evaluate(() => {
      const p = [...document.querySelectorAll('article p')].find((e) => e.textContent?.includes('فيصل بن فرحان'))!;
      const r = p.getBoundingClientRect();
      return { y: r.top + 12, left: r.left + 2, right: r.right - 2 };
    });
    await page.mouse.move(line.right, line.y);
    await page.mouse.move(line.left, line.y, { steps: 6 }); // one sweep, a few frames per name at most
    await page.mouse.move(line.left - 1, line.y + 400);
    await page.waitForTimeout(400);
    expect(await openCard(page, session.extensionId)).toBeNull();
    await page.close();
  });

  it('moves to the next mark from the keyboard command, announces it, and Escape returns focus', async () => {
    const page = await session.open('demo-article.html');
    await painted(session, page);
    await toPage(session, page, { type: 'page:nextMark' });
    await expect.poll(async () => (await pageState(session, page))?.openCard?.label ?? '', { timeout: 5_000 }).not.toBe('');
    const card = (await openCard(page, session.extensionId))!;
    expect(card.name || card.speaker).not.toBe('');
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('siyaq-card');
    const first = (await pageState(session, page))!.openCard!.label;
    await toPage(session, page, { type: 'page:nextMark' });
    await expect.poll(async () => (await pageState(session, page))?.openCard?.label).not.toBe(first);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await pageState(session, page))?.openCard ?? null).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.localName)).not.toBe('siyaq-card');
    await page.close();
  });

  it('hides and shows every mark with the toggle command', async () => {
    const page = await session.open('demo-article.html');
    await painted(session, page);
    await toPage(session, page, { type: 'page:toggleMarks' });
    await expect.poll(async () => Object.values(await highlights(page)).flat().length).toBe(0);
    await toPage(session, page, { type: 'page:toggleMarks' });
    await expect.poll(async () => (await highlights(page))['siyaq-person']?.length ?? 0).toBeGreaterThan(0);
    await page.close();
  });

  it('names the speaker on a quotation’s card, even when the quotation comes before the speaker', async () => {
    const page = await session.open('demo-article.html');
    await painted(session, page);
    await hoverHighlight(page, 'siyaq-quote', 'لن نقبل بأن تتحول المساعدات إلى ورقة ضغط');
    await expect.poll(async () => (await openCard(page, session.extensionId))?.kind ?? null, { timeout: 5_000 }).toBe('quote-card');
    mkdirSync(ARTIFACTS, { recursive: true });
    const card = (await openCard(page, session.extensionId))!;
    await page.screenshot({
      path: join(ARTIFACTS, 'quote-card-ar.png'),
      clip: {
        x: Math.max(0, card.rect.x - 60),
        y: Math.max(0, card.rect.y - 60),
        width: Math.min(560, card.rect.width + 120),
        height: card.rect.height + 90,
      },
    });
    expect(card.speaker).toContain('البرهان');
    await page.close();
  });

  it('saves a quotation from its card; it is painted as saved after a reload and after a browser restart', async () => {
    const QUOTE = 'لن نقبل بأن تتحول المساعدات إلى ورقة ضغط';
    let page = await session.open('demo-article.html');
    await painted(session, page);
    await hoverHighlight(page, 'siyaq-quote', QUOTE);
    await expect.poll(async () => (await openCard(page, session.extensionId))?.kind ?? null, { timeout: 5_000 }).toBe('quote-card');
    const card = (await openCard(page, session.extensionId))!;
    const save = card.buttons['save-quote']!;
    await page.mouse.move(save.x, save.y, { steps: 3 });
    await page.mouse.click(save.x, save.y);
    await expect
      .poll(async () => (await highlights(page))['siyaq-saved'] ?? [], { timeout: 10_000 })
      .toContainEqual(expect.stringContaining(QUOTE));
    const stored = await askBackground<{ items: { exact: string; speakerName: string | null }[] }>(session, { type: 'listSavedQuotes' });
    expect(stored.items.some((q) => q.exact.includes(QUOTE))).toBe(true);

    await page.reload();
    await painted(session, page);
    await expect
      .poll(async () => (await highlights(page))['siyaq-saved'] ?? [], { timeout: 10_000 })
      .toContainEqual(expect.stringContaining(QUOTE));
    // The toolbar badge counts the quotations saved on this page.
    await expect.poll(() => badgeOf(session, page), { timeout: 5_000 }).toBe('1');
    await page.close();

    await session.restart();
    page = await session.open('demo-article.html');
    await painted(session, page);
    await expect
      .poll(async () => (await highlights(page))['siyaq-saved'] ?? [], { timeout: 10_000 })
      .toContainEqual(expect.stringContaining(QUOTE));
    await page.close();
  });

  it('saves selected text from the context menu with a speaker the reader picks', async () => {
    const page = await session.open('demo-article.html');
    await painted(session, page);
    const SELECTED = 'مستعدة لدعم أي مبادرة إقليمية';
    await selectText(page, SELECTED);
    await toPage(session, page, { type: 'page:saveSelection', text: SELECTED });
    await expect.poll(async () => (await openCard(page, session.extensionId))?.kind ?? null, { timeout: 5_000 }).toBe('save-form');
    const form = (await openCard(page, session.extensionId))!;
    const input = form.buttons['speaker-input']!;
    await page.mouse.click(input.x, input.y);
    await page.keyboard.type('الأمم المتحدة');
    const save = form.buttons['save-selection']!;
    await page.mouse.click(save.x, save.y);
    await expect
      .poll(async () => (await highlights(page))['siyaq-saved'] ?? [], { timeout: 10_000 })
      .toContainEqual(expect.stringContaining(SELECTED));
    await page.close();
  });

  it('follows the page: a paragraph that arrives later is painted, and in-page navigation starts over', async () => {
    const page = await session.open('demo-article.html');
    await painted(session, page);
    const people = async () => (await highlights(page))['siyaq-person'] ?? [];
    const before = (await people()).filter((m) => m.includes('فيصل بن فرحان')).length;
    // A live blog appends a paragraph.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'وفي وقت لاحق، قال وزير الخارجية السعودي الأمير فيصل بن فرحان إن «الحل السياسي هو الطريق الوحيد».';
      document.querySelector('article')!.append(p);
    });
    await expect
      .poll(async () => (await people()).filter((m) => m.includes('فيصل بن فرحان')).length, { timeout: 15_000 })
      .toBeGreaterThan(before);
    // A single-page site swaps the article and pushes a new URL: the old marks go, the new article is painted.
    await page.evaluate(() => {
      const article = document.querySelector('article')!;
      article.innerHTML = '';
      const h = document.createElement('h1');
      h.textContent = 'عبد الفتاح البرهان يستقبل وفداً أممياً في بورتسودان';
      const p = document.createElement('p');
      p.textContent =
        'استقبل رئيس مجلس السيادة السوداني عبد الفتاح البرهان في بورتسودان وفداً من الأمم المتحدة، وقال البرهان إن «السودان منفتح على كل المبادرات».';
      article.append(h, p);
      history.pushState({}, '', '/demo-article.html?story=2');
    });
    await expect
      .poll(
        async () =>
          Object.values(await highlights(page))
            .flat()
            .join(' | '),
        { timeout: 15_000 },
      )
      .toContain('البرهان');
    expect(
      Object.values(await highlights(page))
        .flat()
        .join(' | '),
    ).not.toContain('غوتيريش');
    await page.close();
  });

  it('a long article keeps only the marks near the viewport registered, and paints the rest as the reader scrolls', async () => {
    // Every change to the highlights makes Chromium re-check all registered ranges in the next frame: a long
    // article painted whole gives 50–120 ms frames. About 6,000 words give well over a thousand marks.
    session.server.route('/long-article.html', generatedArticlePage(6000).html);
    const page = await session.open('long-article.html');
    await painted(session, page);
    /** Registered ranges by where they sit, in viewport heights from the top of the viewport. */
    const registered = () =>
      page.evaluate(() => {
        const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
        const at: number[] = [];
        for (const [name, h] of registry) {
          if (!name.startsWith('siyaq-') || name === 'siyaq-flash') continue;
          for (const r of h) {
            const live = document.createRange();
            live.setStart(r.startContainer, r.startOffset);
            live.setEnd(r.endContainer, r.endOffset);
            at.push(live.getBoundingClientRect().top / innerHeight);
          }
        }
        return at;
      });
    const state = await pageState(session, page);
    const total = Object.values(state?.counts ?? {}).reduce((a, b) => a + b, 0);
    // painted marks → registered near the viewport → why
    expect(total, 'the article has more marks than are ever registered at once').toBeGreaterThan(1000);
    await expect.poll(async () => (await registered()).length, { timeout: 10_000 }).toBeGreaterThan(0);
    const atTop = await registered();
    expect(atTop.length, 'only a few screens of marks').toBeLessThan(total / 3);
    expect(Math.max(...atTop), 'nothing far below the viewport').toBeLessThan(3);
    // Scrolled to the end: the marks there are painted, those at the top are let go.
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await expect
      .poll(
        async () => {
          const at = await registered();
          return at.some((y) => y >= 0 && y < 1) && !at.some((y) => y < -3);
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    expect((await pageState(session, page))?.counts, 'what the page reports still counts every mark').toEqual(state?.counts);
    await page.close();
  });

  it('leaves a page that is not Arabic untouched: no elements, no highlights, no content script answer', async () => {
    const page = await session.open('english-page.html');
    await page.waitForTimeout(1000);
    expect(await highlights(page)).toEqual({});
    expect(await page.evaluate(() => document.querySelector('siyaq-card, siyaq-mark'))).toBeNull();
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    expect(await pageState(session, page)).toBeNull();
    await page.close();
  });

  it('does not paint the Persian news fixture', async () => {
    const page = await session.open('persian-news.html');
    await page.waitForTimeout(2000);
    expect(await highlights(page)).toEqual({});
    expect(await page.evaluate(() => document.querySelector('siyaq-card'))).toBeNull();
    await page.close();
  });

  describe.skipIf(!existsSync(join(PAGES_DEV, 'LABELS.jsonl')))('saved pages of ../shared/data/pages-dev', () => {
    const labels = existsSync(join(PAGES_DEV, 'LABELS.jsonl'))
      ? readFileSync(join(PAGES_DEV, 'LABELS.jsonl'), 'utf8')
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => JSON.parse(l) as { path: string; isArabicNews: boolean; language: string })
      : [];
    const offline = new WeakSet<object>();
    it.each(labels.map((l, i) => [l.path, l.isArabicNews, i] as const))('%s: painted = %s', async (path, isArabicNews, i) => {
      session.server.route(`/dev/${i}.html`, readFileSync(join(PAGES_DEV, path), 'utf8'));
      if (!offline.has(session.context)) {
        // Saved pages refer to their sites' scripts and images; keep the test offline.
        await session.context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
        offline.add(session.context);
      }
      const page = await session.context.newPage();
      await page.goto(`${session.server.origin}/dev/${i}.html`, { waitUntil: 'domcontentloaded' });
      if (isArabicNews) {
        await painted(session, page);
        const marks = await highlights(page);
        expect(ACTOR_MARKS.some((name) => (marks[name]?.length ?? 0) > 0)).toBe(true);
      } else {
        await page.waitForTimeout(2500);
        const marks = await highlights(page);
        expect(Object.values(marks).flat()).toEqual([]);
      }
      await page.close();
    });
  });

  describe('the card, looked at', () => {
    const variants = [
      ['ar', 'light'],
      ['ar', 'dark'],
      ['en', 'light'],
      ['en', 'dark'],
    ] as const;
    it.each(variants)('card in %s, %s theme: screenshot and no axe violations', async (lang, theme) => {
      await setSettings(session, { uiLang: lang, theme });
      const page = await session.open('demo-article.html');
      if (theme === 'dark') await page.emulateMedia({ colorScheme: 'dark' });
      await painted(session, page);
      await hoverHighlight(page, 'siyaq-person', 'غوتيريش');
      await expect.poll(() => openCard(page, session.extensionId), { timeout: 5_000 }).not.toBeNull();
      const card = (await openCard(page, session.extensionId))!;
      expect(card.lang).toBe(lang);
      expect(card.dir).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({
        path: join(ARTIFACTS, `card-${lang}-${theme}.png`),
        clip: {
          x: Math.max(0, card.rect.x - 120),
          y: Math.max(0, card.rect.y - 90),
          width: Math.min(600, card.rect.width + 240),
          height: card.rect.height + 120,
        },
      });
      // The card's own markup and styles, in a page of its own, through axe-core.
      const check = await session.context.newPage();
      await check.setContent(
        `<!doctype html><html lang="${lang}"><head><title>card</title></head><body><main><div id="host"></div></main></body></html>`,
      );
      await check.evaluate((html) => {
        const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
        root.innerHTML = html;
      }, card.html);
      await check.addScriptTag({ content: readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8') });
      const result = await check.evaluate(async () => {
        const axe = (
          globalThis as unknown as {
            axe: { run(ctx: unknown, opts: object): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
          }
        ).axe;
        const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] } });
        return r.violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`);
      });
      expect(result.filter((v) => !v.startsWith('region'))).toEqual([]);
      await check.close();
      await page.close();
      await setSettings(session, {});
    });
  });
});
