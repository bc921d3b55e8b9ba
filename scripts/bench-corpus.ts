// Texts the benchmarks run on: the ANERcorp training text when ../shared has it, else the project's own
// demo articles repeated; the demo article as the content script sees it; generated long articles.
// Nothing here is copied into the project: corpora are read at run time.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import type { ArticleInput } from '../types/analysis';
import { PAGES, ROOT } from './browser';

export const ANERCORP = join(ROOT, '..', 'shared', 'data', 'ner', 'anercorp-camellab', 'ANERCorp_CamelLab_train.txt');

export interface Corpus {
  name: string;
  /** Articles to analyse, one sentence or paragraph a block. */
  articles: ArticleInput[];
  /** Whitespace-separated tokens over all articles (what tokens/s divides by). */
  tokens: number;
  /** All the words in reading order, for building articles of a given length. */
  words: string[];
}

const SENTENCES_PER_ARTICLE = 30;

/** The title and main-text blocks of a fixture page, picked as the content script picks them. */
export function articleFromHtml(html: string): ArticleInput {
  const window = new Window();
  window.document.write(html);
  const document = window.document;
  const blocks = [...document.querySelectorAll('article p, main p')].map((p) => p.textContent ?? '').filter((t) => t.trim());
  const title = document.title || null;
  window.close();
  return { title, blocks };
}

/** The project's demo article as ArticleInput. */
export function demoArticle(name = 'demo-article.html'): ArticleInput {
  return articleFromHtml(readFileSync(join(PAGES, name), 'utf8'));
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** ANERcorp train sentences grouped into articles, or the project's own articles repeated when it is absent. */
export function loadCorpus(): Corpus {
  if (existsSync(ANERCORP)) {
    const sentences: string[][] = [[]];
    for (const line of readFileSync(ANERCORP, 'utf8').split('\n')) {
      const token = line.trim().split(/\s+/)[0];
      if (!token) {
        if (sentences.at(-1)?.length) sentences.push([]);
        continue;
      }
      sentences.at(-1)?.push(token);
    }
    const texts = sentences.filter((s) => s.length > 0).map((s) => s.join(' '));
    const articles: ArticleInput[] = [];
    for (let i = 0; i < texts.length; i += SENTENCES_PER_ARTICLE) {
      articles.push({ title: null, blocks: texts.slice(i, i + SENTENCES_PER_ARTICLE) });
    }
    const words = texts.flatMap((t) => t.split(' '));
    return { name: 'ANERcorp train (CAMeL Lab split), ../shared', articles, tokens: words.length, words };
  }
  const own = [demoArticle('demo-article.html'), demoArticle('demo-article-2.html')];
  const articles: ArticleInput[] = [];
  for (let i = 0; i < 200; i++) articles.push(own[i % own.length] as ArticleInput);
  const tokens = articles.reduce((n, a) => n + countWords([a.title ?? '', ...a.blocks].join(' ')), 0);
  const words = own.flatMap((a) => a.blocks.join(' ').split(/\s+/).filter(Boolean));
  return { name: "the project's demo articles ×100 (ANERcorp not found in ../shared)", articles, tokens, words };
}

/** An article of exactly `count` words cut from the corpus, in paragraphs of about 60 words. */
export function articleOfWords(words: readonly string[], count: number, title: string | null = null): ArticleInput {
  const blocks: string[] = [];
  let block: string[] = [];
  for (let i = 0; i < count; i++) {
    block.push(words[i % words.length] as string);
    if (block.length === 60) {
      blocks.push(block.join(' '));
      block = [];
    }
  }
  if (block.length) blocks.push(block.join(' '));
  return { title, blocks };
}

/** A news page of about `wordCount` words built from the project's own demo articles: proper markup, many paragraphs. */
export function generatedArticlePage(wordCount: number): { html: string; words: number } {
  const sources = [demoArticle('demo-article.html'), demoArticle('demo-article-2.html')];
  const paragraphs: string[] = [];
  let words = 0;
  for (let i = 0; words < wordCount; i++) {
    const source = sources[Math.floor(i / 8) % sources.length] as ArticleInput;
    const block = source.blocks[i % source.blocks.length] as string;
    paragraphs.push(block);
    words += countWords(block);
  }
  const title = 'تقرير مطول: هدنة السودان والمواقف الدولية';
  const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const html = `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>${title}</title>
<meta property="og:type" content="article">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${title}","inLanguage":"ar"}</script>
<style>body{font-family:"Noto Naskh Arabic","DejaVu Sans",sans-serif;max-width:46rem;margin:2rem auto;line-height:1.9}</style>
</head>
<body>
<article>
<h1>${title}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article>
</body>
</html>`;
  return { html, words };
}
