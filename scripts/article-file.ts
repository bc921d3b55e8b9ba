// Reading an article from disk for the CLI and the evaluation: a .txt (title line, blank line,
// paragraphs) or a whole saved .html page, parsed with happy-dom and read with the SAME
// collectSignals/extractArticle the content script runs on live pages.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { collectSignals, extractArticle } from '../page/extract';
import type { ArticleInput, PageSignals } from '../types/analysis';

/** Bad input the user can fix: reported as one line, never as a stack trace. */
export class InputError extends Error {
  override name = 'InputError';
}

export interface ArticleFile extends ArticleInput {
  kind: 'txt' | 'html';
  signals: PageSignals | null;
}

const MAX_BYTES = 20_000_000;

/** Split plain text: a first line followed by a blank line is the title; every other non-empty line a paragraph. */
export function parseTextArticle(text: string): ArticleInput {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/); // \uFEFF: byte order mark
  const hasTitle = lines.length > 2 && (lines[0] ?? '').trim() !== '' && (lines[1] ?? '').trim() === '';
  const title = hasTitle ? (lines[0] ?? '').trim() : null;
  const blocks = (hasTitle ? lines.slice(2) : lines).map((l) => l.trim()).filter((l) => l.length > 0);
  return { title, blocks, signals: null };
}

/** Parse a saved page without running its scripts or fetching anything, then extract as the content script does. */
export async function parseHtmlArticle(html: string, url = 'https://localhost/'): Promise<ArticleInput & { signals: PageSignals }> {
  const { Window } = await import('happy-dom'); // heavy: loaded only for HTML input
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableFallbackToSetURL: true,
      },
    },
  });
  try {
    // Written into the window's own document (not DOMParser) so it behaves as a tab's document does.
    window.document.write(html);
    const doc = window.document as unknown as Document;
    const signals = collectSignals(doc);
    const { title, blocks } = extractArticle(doc);
    return { title, blocks, signals };
  } finally {
    await window.happyDOM.close();
  }
}

function decode(bytes: Buffer, html: boolean): string {
  let charset = 'utf-8';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) charset = 'utf-8';
  else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    charset = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
  else if (html) {
    const head = bytes.subarray(0, 4096).toString('latin1');
    const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
    if (declared) charset = declared;
  }
  if (!charset.startsWith('utf-16') && bytes.subarray(0, 8192).includes(0)) throw new InputError('binary data, not a text or HTML file');
  let text: string;
  try {
    text = new TextDecoder(charset).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8').decode(bytes); // unknown charset label: assume UTF-8
  }
  const broken = text.match(/\uFFFD/g)?.length ?? 0; // U+FFFD: replacement character from undecodable bytes
  if (broken > 16 && broken > text.length * 0.01) throw new InputError(`not readable as ${charset} text`);
  return text;
}

/** Read one article file (.txt or .html, by extension or by content); throws InputError for anything unusable. */
export async function readArticleFile(path: string): Promise<ArticleFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT'
        ? `no such file: ${path}`
        : code === 'EISDIR'
          ? `is a directory: ${path}`
          : `cannot read ${path} (${code ?? 'error'})`,
    );
  }
  if (bytes.length === 0) throw new InputError(`empty file: ${path}`);
  if (bytes.length > MAX_BYTES) throw new InputError(`file too large: ${bytes.length} bytes (limit ${MAX_BYTES})`);
  const ext = extname(path).toLowerCase();
  const sniffHtml = /^\s*(?:<!doctype html|<html|<head|<body|<meta|<!--)/i.test(bytes.subarray(0, 512).toString('latin1'));
  const html = ext === '.html' || ext === '.htm' || ext === '.xhtml' || (ext !== '.txt' && sniffHtml);
  const text = decode(bytes, html);
  const article = html
    ? { ...(await parseHtmlArticle(text)), kind: 'html' as const }
    : { ...parseTextArticle(text), signals: null, kind: 'txt' as const };
  if (article.blocks.length === 0 && !article.title) throw new InputError(`no article text found in ${path}`);
  if (article.blocks.join('').trim().length === 0 && (article.title ?? '').trim().length === 0)
    throw new InputError(`empty text in ${path}`);
  return article;
}
