// Launching Debian's Chromium with the built extension, and serving pages from 127.0.0.1.
// Shared by `npm start`, the e2e harness and the benchmarks.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..');
/** The built Chrome extension; SIYAQ_CHROME_BUILD points at a private copy so a parallel rebuild cannot pull it away mid-test. */
export const CHROME_BUILD = process.env.SIYAQ_CHROME_BUILD ? resolve(process.env.SIYAQ_CHROME_BUILD) : join(ROOT, '.output', 'chrome-mv3');
export const PAGES = join(ROOT, 'tests', 'fixtures', 'pages');

export const INSTALL_HINT = 'apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH to a Chromium binary)';

/** The Chromium binary to drive: CHROMIUM_PATH, else the usual places; null when there is none. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  for (const dir of (process.env.PATH ?? '').split(':')) candidates.push(join(dir, 'chromium'), join(dir, 'google-chrome'));
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

export function hasDisplay(): boolean {
  return !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** Flags that let Chromium run as root on a machine with no network but loopback (see TOOLCHAIN.md). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Launched {
  context: BrowserContext;
  extensionId: string;
}

/** Start Chromium with the built extension in the given profile directory. */
export async function launchWithExtension(profileDir: string, opts: { headless?: boolean; extensionDir?: string } = {}): Promise<Launched> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`Chromium not found. Install it: ${INSTALL_HINT}`);
  // SIYAQ_EXTENSION_DIR points the e2e suite at another build (e.g. one made with a stand-in analyser).
  const extensionDir = opts.extensionDir ?? process.env.SIYAQ_EXTENSION_DIR ?? CHROME_BUILD;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`no built extension in ${extensionDir}: run npm run build`);
  const headless = opts.headless ?? !hasDisplay();
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: false,
    viewport: { width: 1200, height: 900 },
    locale: 'ar',
    args: [
      ...(headless ? ['--headless=new'] : []),
      ...CHROMIUM_FLAGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export interface PageServer {
  origin: string;
  /** Serve generated HTML at a path (e.g. a 20,000-word article). */
  route(path: string, html: string): void;
  close(): Promise<void>;
}

/** Serve a folder (and generated routes) on 127.0.0.1 at a free port. */
export async function servePages(dir = PAGES): Promise<PageServer> {
  const routes = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const generated = routes.get(path);
    if (generated !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      res.end(generated);
      return;
    }
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    route: (path, html) => routes.set(path, html),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** Evaluate an expression in the extension's isolated world of the page (where the closed card root is reachable). */
export async function inExtensionWorld<T>(page: Page, extensionId: string, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
    cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
    await cdp.send('Runtime.enable');
    const context = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(extensionId));
    if (!context) throw new Error('the extension has no content script in this page');
    const result = await cdp.send('Runtime.evaluate', { contextId: context.id, expression, returnByValue: true, awaitPromise: true });
    if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
    return result.result.value as T;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
