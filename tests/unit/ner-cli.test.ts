// `npm run --silent ner -- <file>` as an evaluator runs it: every input line comes back as
// token<TAB>TAG in order with sentence breaks kept, and unusable input gets one line and exit code 2.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const DIR = mkdtempSync(join(tmpdir(), 'siyaq-ner-'));

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts', 'ner.ts'), ...args],
      { cwd: ROOT, timeout: 120_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

function file(name: string, content: string | Buffer): string {
  const path = join(DIR, name);
  writeFileSync(path, content);
  return path;
}

const TAG = /^(O|[BI]-(PERS|LOC|ORG|MISC))$/;

describe('ner CLI', () => {
  it('tags every token, keeps order and sentence breaks, and ignores extra columns', async () => {
    const input = [
      'وقال O',
      'الرئيس O',
      'الأمريكي O',
      'جورج B-PERS',
      'بوش I-PERS',
      'في O',
      'واشنطن B-LOC',
      '.',
      '',
      '',
      'وصل',
      'الوفد',
      'إلى',
      'القاهرة',
      '',
    ].join('\n');
    const { code, stdout, stderr } = await run(file('news.conll', input));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split('\t')[0])).toEqual([
      'وقال',
      'الرئيس',
      'الأمريكي',
      'جورج',
      'بوش',
      'في',
      'واشنطن',
      '.',
      '',
      'وصل',
      'الوفد',
      'إلى',
      'القاهرة',
    ]);
    for (const l of lines.filter(Boolean)) expect(l.split('\t')[1]).toMatch(TAG);
    const tag = (w: string) => lines.find((l) => l.startsWith(`${w}\t`))?.split('\t')[1];
    expect([tag('جورج'), tag('بوش'), tag('واشنطن'), tag('القاهرة')]).toEqual(['B-PERS', 'I-PERS', 'B-LOC', 'B-LOC']);
  });

  it.each([
    ['no file argument', [] as string[], /expected one input file/],
    ['a file that does not exist', [join(DIR, 'missing.conll')], /cannot read .*ENOENT/],
    ['an empty file', [file('empty.conll', '\n\n')], /has no tokens/],
    ['binary data', [file('image.conll', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))], /binary/],
    ['text that is not UTF-8', [file('latin1.conll', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]))], /not valid UTF-8/],
    ['a directory', [DIR], /not a file/],
  ])('refuses %s with exit code 2 and one clear line', async (_why, args, message) => {
    const { code, stdout, stderr } = await run(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
  });
});
