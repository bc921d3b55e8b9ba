// `npm run eval:cards`: how many actors of the 31 gold articles get an offline card of the right type, and
// how many of those carry a description, per type and per half (tuning / checking), asking every actor's
// name and forms through `card --batch` as a reader's tool would; then the seed article through
// `card --article`: every gold actor with a card of the right type, every person with a role or description.
// Fails loudly (exit 1) when ../shared is missing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = join(ROOT, '..', 'shared');
const GOLD = join(SHARED, 'data', 'news-dev', 'gold');
const SEED = join(SHARED, 'seed');
const SPLIT_FILE = join(ROOT, 'scripts', 'eval-split.json');
type ActorType = 'person' | 'organization' | 'place';
interface GoldActor {
  name: string;
  type: ActorType;
  forms?: string[];
}
interface CardLine {
  query: string;
  found: boolean;
  type?: ActorType;
  description?: string | null;
  roles?: { text: string }[];
  name?: { ar: string };
  aliases?: string[];
}

/** The checking half's article files (paths under news-dev, as the gold's `file` field gives them). */
function checkingFiles(): Set<string> {
  return new Set((JSON.parse(readFileSync(SPLIT_FILE, 'utf8')) as { checking: string[] }).checking);
}

function cardCli(args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'card.ts'), ...args], {
    cwd: ROOT,
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
  });
}

interface Tally {
  actors: number;
  typed: number;
  described: number;
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(0)}%` : '–');

function main(): number | string[] {
  if (!existsSync(GOLD)) {
    process.stderr.write(`eval-cards: the gold articles are missing: ${GOLD}\n`);
    return 1;
  }
  const checking = checkingFiles();
  const files = readdirSync(GOLD)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const articles = files.map((f) => {
    const gold = JSON.parse(readFileSync(join(GOLD, f), 'utf8')) as { file: string; actors: GoldActor[] };
    return { id: basename(f, '.json'), half: checking.has(gold.file) ? 'checking' : 'tuning', actors: gold.actors };
  });
  const queries = [...new Set(articles.flatMap((a) => a.actors.flatMap((x) => [x.name, ...(x.forms ?? [])])))];
  const dir = mkdtempSync(join(tmpdir(), 'siyaq-eval-cards-'));
  writeFileSync(join(dir, 'names.txt'), `${queries.join('\n')}\n`);
  const lines = cardCli(['--batch', join(dir, 'names.txt')])
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as CardLine);
  if (lines.length !== queries.length) throw new Error(`card --batch answered ${lines.length} lines for ${queries.length} names`);
  const byQuery = new Map(lines.map((l) => [l.query, l]));

  const tallies = new Map<string, Tally>();
  const tally = (key: string) => tallies.get(key) ?? tallies.set(key, { actors: 0, typed: 0, described: 0 }).get(key)!;
  for (const article of articles) {
    for (const actor of article.actors) {
      // The card a reader gets: the first of the actor's names that finds one of its type.
      const card = [actor.name, ...(actor.forms ?? [])].map((n) => byQuery.get(n.trim())).find((c) => c?.found && c.type === actor.type);
      for (const key of [`${article.half} ${actor.type}`, `all ${actor.type}`]) {
        const t = tally(key);
        t.actors++;
        if (card) t.typed++;
        if (card?.description) t.described++;
      }
    }
  }
  process.stdout.write('half      type          actors  right type  described\n');
  for (const half of ['tuning', 'checking', 'all']) {
    for (const type of ['person', 'organization', 'place'] as const) {
      const t = tally(`${half} ${type}`);
      process.stdout.write(
        `${half.padEnd(9)} ${type.padEnd(13)} ${String(t.actors).padStart(6)}  ${pct(t.typed, t.actors).padStart(10)}  ${pct(t.described, t.actors).padStart(9)}\n`,
      );
    }
  }

  // The seed article, as the extension builds its cards.
  const seedGold = JSON.parse(readFileSync(join(SEED, 'seed-gold.json'), 'utf8')) as { actors: GoldActor[] };
  const seed = JSON.parse(cardCli(['--article', join(SEED, 'seed-article.txt')])) as { cards: CardLine[] };
  let typed = 0;
  let personsOk = 0;
  const persons = seedGold.actors.filter((a) => a.type === 'person').length;
  const misses: string[] = [];
  for (const actor of seedGold.actors) {
    const names = new Set([actor.name, ...(actor.forms ?? [])]);
    const card = seed.cards.find((c) => c.name && [c.name.ar, ...(c.aliases ?? [])].some((n) => names.has(n)));
    if (card?.type === actor.type) typed++;
    else misses.push(`${actor.name} (${actor.type}${card ? ` → ${card.type}` : ', no card'})`);
    if (actor.type === 'person' && card && (card.description || card.roles?.length)) personsOk++;
  }
  process.stdout.write(
    `\nseed article: ${typed}/${seedGold.actors.length} actors with a card of the right type; ${personsOk}/${persons} persons with a role or description\n`,
  );
  if (misses.length) process.stdout.write(`  missed: ${misses.join(', ')}\n`);
  return queries;
}

/** Time of loading the who's-who once and of one look-up (every gold name, clitics and all). */
async function timing(queries: string[]): Promise<void> {
  const { loadWhoswho } = await import('../knowledge/whoswho');
  const { pickEntry } = await import('../knowledge/whoswho-card');
  const t0 = performance.now();
  const who = await loadWhoswho(() => readFile(join(ROOT, 'public', 'whoswho.json.gz')));
  const t1 = performance.now();
  for (const q of queries) pickEntry(who, [q], null);
  const t2 = performance.now();
  process.stdout.write(
    `\nwho's-who: loaded in ${(t1 - t0).toFixed(0)} ms; ${queries.length} look-ups, ${((t2 - t1) / queries.length).toFixed(3)} ms each\n`,
  );
}

const queries = main();
if (typeof queries === 'number') process.exit(queries);
timing(queries).then(() => process.exit(0));
