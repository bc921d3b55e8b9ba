// `npm run --silent card -- <name>`: the offline card of a name as JSON (bundled knowledge only, no network),
// or exit code 1 with a message when nothing is known about it.
// `--batch FILE`: one name a line → one compact JSON object a line, in the same order, each with "query"
// (the name asked) and "found" (false when nothing is known; never a missing line).
// `--article FILE`: the cards of an article's actors as the extension builds them (in-article roles first).
// Bad input (missing, empty, binary or unreadable file, no name): one line on stderr, exit code 2.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ArticleActor, buildCard, type CardDeps } from '../knowledge/cards';
import { lookupName } from '../knowledge/recognizer';
import { loadWhoswho, resolveCounterparts, type WhoLookup } from '../knowledge/whoswho';
import { pickEntry } from '../knowledge/whoswho-card';
import type { Card } from '../types/card';
import { InputError, readArticleFile } from './article-file';

const WHOSWHO = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'whoswho.json.gz');

const whoswho = () => loadWhoswho(() => readFile(WHOSWHO));
const deps: CardDeps = { history: null, lookup: lookupName, wikimedia: null, enrichmentOn: async () => false, whoswho };

/** The card's fields a reader of the CLI needs. */
function view(card: Card) {
  return {
    name: card.name,
    type: card.type,
    aliases: card.aliases,
    description: card.description,
    descriptionFrom: card.descriptionFrom ?? null,
    roles: (card.roles ?? []).map((r) => ({ text: r.text, from: r.from })),
    country: card.country ?? null,
    companions: card.companions ?? [],
    sources: card.sources,
  };
}

/** Whether the bundled knowledge knows anything of a name. */
async function isKnown(name: string, who: WhoLookup | null): Promise<boolean> {
  // A list's town named like an everyday word («فيروس») is not knowledge of that word.
  const listed = (await lookupName(name)).filter((k) => !(k.type === 'place' && who?.isNotPlace(name)));
  return listed.length > 0 || (who !== null && pickEntry(who, [name], null) !== null);
}

async function whoOrNull(): Promise<WhoLookup | null> {
  return whoswho().catch(() => null);
}

/** Read a text file of the reader's; InputError when it cannot be used. */
async function readTextFile(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (bytes.includes(0)) throw new InputError(`${file} is not a text file`);
  const text = bytes.toString('utf8');
  if (!text.trim()) throw new InputError(`${file} is empty`);
  return text;
}

async function single(name: string): Promise<number> {
  const who = await whoOrNull();
  if (!(await isKnown(name, who))) {
    process.stderr.write(`nothing is known about «${name}» in the bundled knowledge\n`);
    return 1;
  }
  const known = await lookupName(name);
  const card = await buildCard({ name }, deps);
  const out = {
    ...view(card),
    // Several bundled entries share this name: the extension would ask the reader to choose.
    others: known.slice(1).map((k) => ({ id: k.id, type: k.type, names: k.names.slice(0, 3), latin: k.latin })),
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return 0;
}

async function batch(file: string): Promise<number> {
  const names = (await readTextFile(file)).split(/\r?\n/);
  if (names.at(-1) === '') names.pop();
  const who = await whoOrNull();
  for (const raw of names) {
    const query = raw.trim();
    const found = query !== '' && (await isKnown(query, who));
    const line = found ? { query, found, ...view(await buildCard({ name: query }, deps)) } : { query, found: false };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  return 0;
}

async function article(file: string): Promise<number> {
  const input = await readArticleFile(file);
  const { loadAnalyzer } = await import('../knowledge/recognizer');
  const analysis = (await loadAnalyzer())({ title: input.title, blocks: input.blocks, signals: input.signals });
  const who = await whoOrNull();
  // In the order their names first appear: a role standing for an actor («نظيره الفرنسي» in the title) is no name.
  const firstName = (a: (typeof analysis.actors)[number]) => a.mentions.find((m) => m.kind !== 'role')?.start ?? a.mentions[0]?.start ?? 0;
  const actors = [...analysis.actors].sort((a, b) => firstName(a) - firstName(b));
  const countryOf = (a: (typeof actors)[number]) => (who ? (pickEntry(who, [a.name, ...a.aliases], a.type)?.entry.c ?? null) : null);
  const roles = who ? resolveCounterparts(actors, who.data.adjectives, countryOf) : actors.map((a) => a.role);
  const cards = [];
  for (const [i, a] of actors.entries()) {
    const actor: ArticleActor = {
      name: a.name,
      type: a.type,
      role: roles[i] ?? null,
      aliases: a.aliases,
      latin: a.latin ?? null,
      mentions: a.mentions.length,
      quotes: analysis.quotes.filter((q) => q.speaker.actorId === a.id).map((q) => ({ text: q.text, start: q.start, end: q.end })),
    };
    const card = await buildCard({ actor, article: { url: file, title: analysis.page.title } }, deps);
    cards.push({ actorId: a.id, roleInArticle: a.role, ...view(card), mentions: card.mentionCount, quotes: card.quotesInArticle.length });
  }
  process.stdout.write(`${JSON.stringify({ title: analysis.page.title, cards }, null, 2)}\n`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const usage = 'usage: npm run --silent card -- <name> | --batch FILE | --article FILE\n';
  for (const flag of ['--batch', '--article']) {
    const at = argv.indexOf(flag);
    if (at < 0) continue;
    const file = argv[at + 1];
    if (!file) {
      process.stderr.write(`card: ${flag} needs a file\n${usage}`);
      return 2;
    }
    try {
      return await (flag === '--batch' ? batch(file) : article(file));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      process.stderr.write(`card: ${error.message.split('\n')[0]}\n`);
      return 2;
    }
  }
  const name = argv.join(' ').trim();
  if (!name || name.startsWith('--')) {
    process.stderr.write(usage);
    return 2;
  }
  return single(name);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`card: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
