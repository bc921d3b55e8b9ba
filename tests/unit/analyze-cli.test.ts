// `npm run analyze -- <file>` as a user (or an evaluation) runs it: one JSON object per the contract,
// offsets that slice the text exactly, and a one-line error with exit code 2 for anything unusable.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NEWS_PARAGRAPHS, NEWS_TEXT, NEWS_TITLE } from './arabic-texts';

const ROOT = join(__dirname, '..', '..');
// SIYAQ_SHARED points elsewhere (or nowhere, to check the skip) than the usual ../shared.
const SHARED_PAGES = join(process.env.SIYAQ_SHARED ?? join(ROOT, '..', 'shared'), 'data', 'pages-dev');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts', 'analyze.ts'), file],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

interface ContractJson {
  text: string;
  page: { language: string; isArticle: boolean; isArabicNews: boolean; title: string | null };
  actors: {
    id: string;
    name: string;
    type: string;
    role: string | null;
    aliases: string[];
    mentions: { start: number; end: number; text: string }[];
  }[];
  quotes: { start: number; end: number; text: string; speaker: { actorId: string | null; name: string | null; kind: string } }[];
}

/** Every offset in the output slices the text to exactly the reported characters. */
function offsetsHold(out: ContractJson): string[] {
  const wrong: string[] = [];
  for (const a of out.actors) for (const m of a.mentions) if (out.text.slice(m.start, m.end) !== m.text) wrong.push(`mention ${m.text}`);
  for (const q of out.quotes) if (out.text.slice(q.start, q.end) !== q.text) wrong.push(`quote ${q.text}`);
  return wrong;
}

const dir = mkdtempSync(join(tmpdir(), 'siyaq-cli-'));
const files = {
  news: join(dir, 'news.txt'),
  page: join(dir, 'page.html'),
  empty: join(dir, 'empty.txt'),
  blank: join(dir, 'blank.txt'),
  binary: join(dir, 'image.png'),
  emptyPage: join(dir, 'empty.html'),
  missing: join(dir, 'does-not-exist.txt'),
  directory: dir,
};
writeFileSync(files.news, NEWS_TEXT);
writeFileSync(
  files.page,
  `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${NEWS_TITLE} - الموقع</title>
<meta property="og:type" content="article"><script type="application/ld+json">{"@type":"NewsArticle"}</script></head>
<body><nav><a href="/">الرئيسية</a></nav><article><h1>${NEWS_TITLE}</h1>${NEWS_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>
<footer>جميع الحقوق محفوظة</footer></body></html>`,
);
writeFileSync(files.empty, '');
writeFileSync(files.blank, '\n\n   \n');
writeFileSync(
  files.binary,
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]),
);
writeFileSync(files.emptyPage, '<html><body><nav><a href="/">Home</a></nav></body></html>');

const runs = new Map<string, Run>();
const labelled: { path: string; language: string; isArabicNews: boolean }[] = existsSync(join(SHARED_PAGES, 'LABELS.jsonl'))
  ? readFileSync(join(SHARED_PAGES, 'LABELS.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l))
  : [];

beforeAll(async () => {
  // One process per file, two at a time: the CLI is what is under test, start-up included, and the
  // machine running the whole suite in parallel should not be flooded.
  const queue = [...Object.entries(files), ...labelled.map((l) => [l.path, join(SHARED_PAGES, l.path)] as const)];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) runs.set(next[0], await run(next[1]));
  };
  await Promise.all([worker(), worker()]);
}, 300_000);

const ok = (key: string): ContractJson => {
  const r = runs.get(key);
  expect(r?.stderr).toBe('');
  expect(r?.code).toBe(0);
  expect(r?.stdout.trim().split('\n')).toHaveLength(1); // exactly one JSON object
  return JSON.parse(r?.stdout ?? '') as ContractJson;
};

describe('analyze CLI on good input', () => {
  it('prints the contract for a .txt article: title line, blank line, paragraphs', () => {
    const out = ok('news');
    expect(Object.keys(out).sort()).toEqual(['actors', 'page', 'quotes', 'text']);
    expect(out.text).toBe(NEWS_TEXT);
    expect(out.page).toEqual({ language: 'ar', isArticle: true, isArabicNews: true, title: NEWS_TITLE });
    for (const a of out.actors) {
      expect(a).toMatchObject({
        id: expect.any(String),
        name: expect.any(String),
        aliases: expect.any(Array),
        mentions: expect.any(Array),
      });
      expect(['person', 'organization', 'place']).toContain(a.type);
    }
    for (const q of out.quotes) expect(['actor', 'anonymous', 'unknown']).toContain(q.speaker.kind);
    expect(offsetsHold(out)).toEqual([]);
  });

  it('reads a saved .html page through the content script extractor: title and paragraphs, no navigation or footer', () => {
    const out = ok('page');
    expect(out.text).toBe(NEWS_TEXT);
    expect(out.page).toMatchObject({ language: 'ar', isArabicNews: true, title: NEWS_TITLE });
    expect(offsetsHold(out)).toEqual([]);
  });
});

describe('analyze CLI on bad input', () => {
  it.each([
    ['an empty file', 'empty', /empty/],
    ['a file of blank lines', 'blank', /no article text|empty/],
    ['binary data', 'binary', /binary/],
    ['a page with no text to read', 'emptyPage', /no article text/],
    ['a missing file', 'missing', /no such file/],
    ['a directory', 'directory', /directory/],
  ])('%s → exit 2 and one line on stderr, no stack trace', (_what, key, message) => {
    const r = runs.get(key);
    expect(r?.code).toBe(2);
    expect(r?.stdout).toBe('');
    expect(r?.stderr.trim().split('\n')).toHaveLength(1);
    expect(r?.stderr).toMatch(message);
    expect(r?.stderr).not.toMatch(/\n\s+at /);
  });
});

describe.skipIf(labelled.length === 0)('analyze CLI on the saved pages of ../shared/data/pages-dev', () => {
  it.each(labelled.map((l) => [l.path, l] as const))('%s: language and Arabic-news label, exact offsets', (key, label) => {
    const out = ok(key);
    expect(out.page.language).toBe(label.language);
    expect(out.page.isArabicNews).toBe(label.isArabicNews);
    expect(offsetsHold(out)).toEqual([]);
  });
});
