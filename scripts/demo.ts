// `npm start`: build, serve the demo article on 127.0.0.1 and open Chromium with the extension.
// With a display: a normal window that stays until you close it. Without one (no DISPLAY or
// WAYLAND_DISPLAY): headless — wait for the analysis, print a summary, write two screenshots to
// demo-output/ and exit.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import type { TabStatus } from '../messaging/protocol';
import { askFromExtensionPage, installProbe, readProbe, tabIdOf } from './bench-probe';
import { findChromium, hasDisplay, INSTALL_HINT, launchWithExtension, ROOT, servePages } from './browser';

const DEMO_PAGE = 'demo-article.html';
const OUTPUT = join(ROOT, 'demo-output');
const ANALYSIS_TIMEOUT_MS = 30_000;
/** After the analysis reports actors or quotes, how long the page may take to paint them. */
const PAINT_GRACE_MS = 5_000;

function fail(message: string): never {
  console.error(`\n✖ ${message}`);
  process.exit(1);
}

function build(): void {
  console.log('▶ building the extension (npx wxt build)…');
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) fail('the build failed; run `npx wxt build` to see why');
}

async function waitForAnalysis(panel: Page, tabId: number): Promise<TabStatus> {
  const deadline = Date.now() + ANALYSIS_TIMEOUT_MS;
  let status = await askFromExtensionPage<TabStatus>(panel, { type: 'getTabStatus', tabId });
  while ((status.state === 'idle' || status.state === 'analysing') && Date.now() < deadline) {
    await panel.waitForTimeout(100);
    status = await askFromExtensionPage<TabStatus>(panel, { type: 'getTabStatus', tabId });
  }
  return status;
}

async function headless(): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'siyaq-demo-'));
  const server = await servePages();
  const { context, extensionId } = await launchWithExtension(profile, { headless: true });
  try {
    await installProbe(context);
    // The panel is opened first, for a tab that is still blank: the article then loads in the front tab,
    // where the page paints at full speed (background tabs have their timers and frames throttled).
    const page = await context.newPage();
    const tabId = await tabIdOf(page);
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
    await page.bringToFront();
    await page.goto(`${server.origin}/${DEMO_PAGE}`);
    const status = await waitForAnalysis(panel, tabId);
    if (status.actors + status.quotes > 0) {
      await page
        .waitForFunction(
          () => (globalThis as { __siyaqProbe?: { firstHighlightAt: number | null } }).__siyaqProbe?.firstHighlightAt != null,
          null,
          { timeout: PAINT_GRACE_MS },
        )
        .catch(() => {});
    }
    const probe = await readProbe(page);

    mkdirSync(OUTPUT, { recursive: true });
    const pageShot = join(OUTPUT, 'demo-page.png');
    const panelShot = join(OUTPUT, 'demo-sidepanel.png');
    await page.screenshot({ path: pageShot, fullPage: true });
    await panel.bringToFront();
    await panel.waitForTimeout(300); // one more live update of the panel before the picture
    await panel.screenshot({ path: panelShot }); // what the reader sees in the panel, without scrolling

    const painted = Object.entries(probe.highlights).filter(([, texts]) => texts.length > 0);
    console.log(`\nSiyaq on ${DEMO_PAGE} (headless Chromium, extension ${extensionId})`);
    console.log(`  analysis:   ${status.state}${status.error ? ` (${status.error})` : ''}`);
    console.log(`  actors:     ${status.actors}`);
    console.log(`  quotes:     ${status.quotes}`);
    console.log(
      `  first highlight: ${probe.firstHighlightAt === null ? 'none painted' : `${probe.firstHighlightAt.toFixed(0)} ms after navigation start (cold: the first article since the browser started)`}` +
        (probe.domContentLoadedAt !== null ? ` (DOMContentLoaded at ${probe.domContentLoadedAt.toFixed(0)} ms)` : ''),
    );
    for (const [name, texts] of painted) {
      const distinct = [...new Set(texts.map((t) => (t.length > 40 ? `${t.slice(0, 40)}…` : t)))];
      console.log(`  ${name}: ${texts.length} marks — ${distinct.slice(0, 8).join('، ')}${distinct.length > 8 ? '، …' : ''}`);
    }
    console.log(`  screenshots: ${relative(ROOT, pageShot)}, ${relative(ROOT, panelShot)}`);
    if (status.state === 'idle' || status.state === 'analysing')
      fail(`no analysis within ${ANALYSIS_TIMEOUT_MS / 1000} s (state: ${status.state})`);
    if (status.state === 'error') fail(`the analysis failed: ${status.error ?? 'unknown error'}`);
  } finally {
    await context.close().catch(() => {});
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function windowed(): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'siyaq-demo-'));
  const server = await servePages();
  const { context } = await launchWithExtension(profile, { headless: false }).catch((error: unknown) => {
    rmSync(profile, { recursive: true, force: true });
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    fail(
      `Chromium could not open a window on display ${process.env.DISPLAY ?? process.env.WAYLAND_DISPLAY}: ${first}\n  Without a usable display, run headless: env -u DISPLAY -u WAYLAND_DISPLAY npm start`,
    );
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.origin}/${DEMO_PAGE}`);
  console.log(`\nSiyaq is running on ${server.origin}/${DEMO_PAGE}`);
  console.log('  Click the Siyaq toolbar button to open the side panel. Close the browser window to stop.');
  await new Promise<void>((done) => context.on('close', () => done()));
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}

async function main(): Promise<void> {
  if (!findChromium()) fail(`Chromium was not found. Install it with:\n    ${INSTALL_HINT}`);
  build();
  if (hasDisplay()) await windowed();
  else await headless();
}

main().then(
  () => process.exit(0),
  (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
);
