// `npm run --silent card` as a user (or an evaluation) runs it: one name, a batch of names (one line out
// per line in, always), an article's cards; a clear message and exit code 2 for unusable input.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEWS_TEXT } from './arabic-texts';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'siyaq-card-cli-'));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function card(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts', 'card.ts'), ...args],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('card -- <name>', () => {
  it('prints the card of a known name as JSON, the preferred name first', async () => {
    const r = await card('بوتين');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ name: { ar: 'فلاديمير بوتين' }, type: 'person' });
  });

  it('says so and exits 1 when nothing is known', async () => {
    const r = await card('زرقلوطيس');
    expect([r.code, r.stdout, r.stderr.includes('زرقلوطيس')]).toEqual([1, '', true]);
  });
});

describe('card --batch FILE', () => {
  it('answers one compact JSON line per name, in order, with the query and found:false for the unknown', async () => {
    const names = ['بوتين', 'زرقلوطيس', '', 'وللافروف', 'مينسك'];
    const r = await card('--batch', file('names.txt', `${names.join('\n')}\n`));
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.every((l) => !l.includes('\n') && l.startsWith('{'))).toBe(true);
    const parsed = lines.map((l) => JSON.parse(l) as { query: string; found: boolean; type?: string; description?: string });
    expect(parsed.map((p) => [p.query, p.found])).toEqual([
      ['بوتين', true],
      ['زرقلوطيس', false],
      ['', false],
      ['وللافروف', true],
      ['مينسك', true],
    ]);
    expect(parsed[4]).toMatchObject({ type: 'place', description: expect.stringContaining('مدينة في') });
  });

  it.each([
    [['--batch', join(dir, 'missing.txt')], 'a missing file'],
    [['--batch', file('empty.txt', '')], 'an empty file'],
    [['--batch', file('binary.bin', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))], 'a binary file'],
    [['--batch'], 'no file at all'],
    [['--article', join(dir, 'missing.txt')], 'a missing article'],
    [[], 'no name'],
  ])('%j: exit 2 with one line on stderr (%s)', async (args) => {
    const r = await card(...args);
    expect([r.code, r.stdout, r.stderr.trim().split('\n').length >= 1 && r.stderr.length > 0]).toEqual([2, '', true]);
  });
});

describe('card --article FILE', () => {
  it('gives every actor of the article a card, the in-article role first and «نظيره» resolved', async () => {
    const r = await card('--article', file('news.txt', NEWS_TEXT));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { cards: { name: { ar: string }; type: string; roles: { text: string; from: string }[] }[] };
    const byName = (part: string) => out.cards.find((c) => c.name.ar.includes(part));
    expect(byName('الصفدي')?.roles[0]).toEqual({ text: 'وزير الخارجية الأردني', from: 'في هذا المقال' });
    const counterpart = byName('بارو')?.roles[0];
    expect(counterpart?.from).toBe('في هذا المقال');
    expect(counterpart?.text).toBe(`وزير خارجية ${new Intl.DisplayNames(['ar'], { type: 'region' }).of('FR')}`);
  });
});
