// `npm run --silent analyze -- <file>`: analyse one article (.txt: title line, blank line, paragraphs;
// .html: a whole saved page, read with the content script's own extractor) and print one JSON object:
// { text, page, actors, quotes } with every offset indexing into `text`.
// Bad input (missing, empty, binary, unreadable, no text) → one line on stderr, exit code 2.
import type { Analysis, ArticleInput } from '../types/analysis';
import { InputError, readArticleFile } from './article-file';

type AnalyzeFn = (input: ArticleInput) => Analysis;

/** The warm analyser with the bundled knowledge (and the tagger when built); loaded only once the input is known to be good. */
async function getAnalyzer(): Promise<AnalyzeFn> {
  const { loadAnalyzer } = await import('../knowledge/recognizer');
  return loadAnalyzer();
}

/** The contract of issue 3, field by field (extra optional fields of the Analysis are kept). */
function toContract(analysis: Analysis): Analysis {
  const { text, page, actors, quotes } = analysis;
  return {
    text,
    page: { language: page.language, isArticle: page.isArticle, isArabicNews: page.isArabicNews, title: page.title ?? null },
    actors: actors.map((a) => ({
      ...a,
      id: a.id,
      name: a.name,
      type: a.type,
      role: a.role ?? null,
      aliases: a.aliases ?? [],
      mentions: a.mentions.map((m) => ({ ...m, start: m.start, end: m.end, text: m.text })),
    })),
    quotes: quotes.map((q) => ({
      ...q,
      start: q.start,
      end: q.end,
      text: q.text,
      speaker: { actorId: q.speaker.actorId ?? null, name: q.speaker.name ?? null, kind: q.speaker.kind },
    })),
  };
}

async function main(argv: string[]): Promise<number> {
  const file = argv.find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write('usage: npm run --silent analyze -- <article.txt|page.html>\n');
    return 2;
  }
  let article: Awaited<ReturnType<typeof readArticleFile>>;
  try {
    article = await readArticleFile(file);
  } catch (error) {
    const message =
      error instanceof InputError ? error.message : `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`analyze: ${message.split('\n')[0]}\n`);
    return 2;
  }
  const analyzeFn = await getAnalyzer();
  const analysis = analyzeFn({ title: article.title, blocks: article.blocks, signals: article.signals });
  process.stdout.write(`${JSON.stringify(toContract(analysis), null, argv.includes('--pretty') ? 2 : undefined)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A fault of ours, not of the input: still one line, but exit 1 so it is not mistaken for bad input.
    process.stderr.write(`analyze: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
