// Placeholder analysis until the recogniser lands: detects Arabic text, finds no actors yet.
import type { Analysis, ArticleInput } from './types';

export const BLOCK_SEPARATOR = '\n\n';

/** Join title and blocks into the one text every offset indexes into. */
export function joinArticle(input: ArticleInput): { text: string; blockStarts: number[] } {
  const parts = input.title ? [input.title, ...input.blocks] : input.blocks;
  const blockStarts: number[] = [];
  let offset = 0;
  for (const part of parts) {
    blockStarts.push(offset);
    offset += part.length + BLOCK_SEPARATOR.length;
  }
  return { text: parts.join(BLOCK_SEPARATOR), blockStarts };
}

/** Turn an article into actors and quotations; pure and deterministic. */
export function analyze(input: ArticleInput): Analysis {
  const { text } = joinArticle(input);
  const arabic = (text.match(/[\u0600-\u06ff]/g) ?? []).length;
  const isArabic = arabic > text.length * 0.3;
  return {
    text,
    page: { language: isArabic ? 'ar' : 'other', isArticle: isArabic, isArabicNews: isArabic, title: input.title },
    actors: [],
    quotes: [],
  };
}
