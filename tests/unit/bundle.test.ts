// Chrome refuses to load a content script that contains Unicode noncharacters or is not valid UTF-8
// ("Could not load file for content script. It isn't UTF-8 encoded."): the reader would see no marks at all.
// Reads the build `npm test` made first; builds it when missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BUNDLES = [
  join(ROOT, '.output', 'chrome-mv3', 'content-scripts', 'content.js'),
  join(ROOT, '.output', 'firefox-mv2', 'content-scripts', 'content.js'),
];

/** Code points Unicode reserves as noncharacters: U+FDD0–U+FDEF and the last two of every plane. */
function isNoncharacter(cp: number): boolean {
  return (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
}

/** Every noncharacter or lone surrogate in a text, as U+XXXX at its index. */
function forbiddenCodePoints(text: string): string[] {
  const found: string[] = [];
  let i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const loneSurrogate = cp >= 0xd800 && cp <= 0xdfff;
    if (isNoncharacter(cp) || loneSurrogate) found.push(`U+${cp.toString(16).toUpperCase().padStart(4, '0')} at ${i}`);
    i += ch.length;
  }
  return found;
}

describe('the checker itself', () => {
  it.each([
    ['const s = "سياق";', [], 'Arabic letters are ordinary characters'],
    ['/[\\uFDD0-\\uFDEF]/', [], 'escapes in source text are ASCII, which is what we want the bundler to emit'],
    ['a\uFDD0b', ['U+FDD0 at 1'], 'first of the Arabic Presentation Forms noncharacter block'],
    ['\uFDEF', ['U+FDEF at 0'], 'last of that block'],
    ['x\uFFFE', ['U+FFFE at 1'], 'U+FFFE, the byte-order-mark mirror'],
    ['\uFFFF', ['U+FFFF at 0'], 'U+FFFF'],
    ['\u{1FFFF}', ['U+1FFFF at 0'], 'the last two code points of a supplementary plane too'],
    ['\u{10FFFE}', ['U+10FFFE at 0'], 'and of the last plane'],
    ['\uD800x', ['U+D800 at 0'], 'a lone surrogate cannot be encoded as UTF-8'],
    ['\uFDCF\uFDF0\uFFFD', [], 'neighbours of the blocks and U+FFFD are allowed'],
  ])('%j → %j (%s)', (text, expected) => {
    expect(forbiddenCodePoints(text)).toEqual(expected);
  });
});

describe('the built content script', () => {
  beforeAll(() => {
    if (BUNDLES.every(existsSync)) return;
    for (const args of [
      ['wxt', 'build'],
      ['wxt', 'build', '-b', 'firefox'],
    ]) {
      const r = spawnSync('npx', args, { cwd: ROOT, stdio: 'ignore' });
      if (r.status !== 0) throw new Error(`npx ${args.join(' ')} failed`);
    }
  }, 180_000);

  it.each(BUNDLES.map((path) => [path.slice(ROOT.length + 1)]))('%s is valid UTF-8 without noncharacters', (relative) => {
    const bytes = readFileSync(join(ROOT, relative));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    expect(text.length).toBeGreaterThan(0);
    expect(forbiddenCodePoints(text)).toEqual([]);
  });
});
