// What the built extension asks for and what it can run: only the permissions it uses, a strict content
// security policy on its pages, no remote or generated code, and a content script that cannot reach the
// network. Reads the build `npm test` made first; builds it when missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CHROME = join(ROOT, '.output', 'chrome-mv3');
const FIREFOX = join(ROOT, '.output', 'firefox-mv2');

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f))
    .map((f) => join(dir, f));
}

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: string | { extension_pages?: string };
  content_scripts?: { matches: string[] }[];
};
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

beforeAll(() => {
  for (const [dir, args] of [
    [CHROME, ['wxt', 'build']],
    [FIREFOX, ['wxt', 'build', '-b', 'firefox']],
  ] as const) {
    if (existsSync(join(dir, 'manifest.json'))) continue;
    const r = spawnSync('npx', args, { cwd: ROOT, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`npx ${args.join(' ')} failed`);
  }
}, 180_000);

describe('the manifest asks only for what is used', () => {
  // permission → where the code uses it (checked in the built background) → why the reader needs it
  const used: [string, RegExp, string][] = [
    ['storage', /storage\.local|storage\.session/, 'settings and the purge sentinel'],
    ['contextMenus', /contextMenus\.create/, '«save as quotation» on a selection'],
    ['sidePanel', /sidePanel/, 'the side panel'],
    ['unlimitedStorage', /QuotaExceededError|estimate/, 'a long reading history is not evicted when the disk fills'],
  ];
  it('Chrome: exactly these permissions, each one used by the code', () => {
    const m = manifest(CHROME);
    expect([...(m.permissions ?? [])].sort()).toEqual(used.map(([p]) => p).sort());
    const background = readFileSync(join(CHROME, 'background.js'), 'utf8');
    for (const [permission, use, why] of used) expect(background, `${permission}: ${why}`).toMatch(use);
  });

  it.each([
    ['Chrome', CHROME],
    ['Firefox', FIREFOX],
  ])('%s: no host permission up front, no tabs/history/webRequest, nothing reachable from web pages', (_why, dir) => {
    const m = manifest(dir);
    expect(m.host_permissions ?? []).toEqual([]);
    for (const risky of ['tabs', 'history', 'webRequest', 'cookies', 'scripting', '<all_urls>', 'debugger', 'downloads'])
      expect(m.permissions ?? [], risky).not.toContain(risky);
    expect(m.externally_connectable, 'no web page may message the background').toBeUndefined();
    expect(m.web_accessible_resources, 'no extension file is exposed to pages').toBeUndefined();
    for (const cs of m.content_scripts ?? []) expect(cs.matches.sort()).toEqual(['http://*/*', 'https://*/*']);
  });

  it.each([
    ['Chrome', CHROME, 'optional_host_permissions'],
    ['Firefox', FIREFOX, 'optional_permissions'],
  ])('%s: the only optional hosts are Wikimedia’s, over HTTPS, asked for when the reader turns enrichment on', (_why, dir, key) => {
    const hosts = (manifest(dir)[key] as string[] | undefined) ?? [];
    // The settings page asks for these origins; a build without them could never turn enrichment on.
    expect(hosts).toHaveLength(4);
    for (const h of hosts)
      expect(h).toMatch(/^https:\/\/(www\.wikidata\.org|ar\.wikipedia\.org|commons\.wikimedia\.org|upload\.wikimedia\.org)\/\*$/);
  });
});

describe('no remote or generated code', () => {
  it.each([
    ['Chrome', CHROME, (m: Manifest) => (m.content_security_policy as { extension_pages?: string } | undefined)?.extension_pages ?? ''],
    ['Firefox', FIREFOX, (m: Manifest) => (m.content_security_policy as string | undefined) ?? ''],
  ])('%s: extension pages run only their own scripts, no eval, no plugins', (_why, dir, csp) => {
    const policy = csp(manifest(dir));
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).toMatch(/object-src 'none'/);
    expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);
  });

  it.each([
    ['Chrome', CHROME],
    ['Firefox', FIREFOX],
  ])('%s: every page loads scripts from the package only, and no script builds code from text', (_why, dir) => {
    for (const html of files(dir, /\.html$/)) {
      const text = readFileSync(html, 'utf8');
      const scripts = [...text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      for (const tag of scripts) expect(tag, html).toMatch(/\ssrc="\/[^/]/);
      expect(text, `${html}: inline script`).not.toMatch(/<script\b[^>]*>[^<\s]/);
    }
    for (const js of files(dir, /\.js$/)) {
      const text = readFileSync(js, 'utf8');
      expect(text, `${js}: eval`).not.toMatch(/\beval\(/);
      expect(text, `${js}: new Function`).not.toMatch(/new Function\(/);
      expect(text, `${js}: remote importScripts/import`).not.toMatch(/importScripts\(\s*["'`]https?:|import\(\s*["'`]https?:/);
    }
  });

  it('the content script cannot reach the network itself', () => {
    const text = readFileSync(join(CHROME, 'content-scripts', 'content.js'), 'utf8');
    for (const api of ['fetch(', 'XMLHttpRequest', 'WebSocket', 'sendBeacon', 'EventSource', 'indexedDB'])
      expect(text, api).not.toContain(api);
  });
});
