// `npm run --silent card -- <name>`: the offline card of a name as JSON (bundled knowledge only, no network),
// or exit code 1 with a message when nothing is known about it.
import { buildCard } from '../knowledge/cards';
import { lookupName } from '../knowledge/recognizer';

async function main(): Promise<number> {
  const name = process.argv.slice(2).join(' ').trim();
  if (!name) {
    process.stderr.write('usage: npm run --silent card -- <name>\n');
    return 2;
  }
  const known = await lookupName(name);
  if (known.length === 0) {
    process.stderr.write(`nothing is known about «${name}» in the bundled knowledge\n`);
    return 1;
  }
  const card = await buildCard({ name }, { reader: null, lookup: lookupName, wikimedia: null, enrichmentOn: async () => false });
  const out = {
    name: card.name,
    type: card.type,
    aliases: card.aliases,
    description: card.description,
    sources: card.sources,
    // Several bundled entries share this name: the extension would ask the reader to choose.
    others: known.slice(1).map((k) => ({ id: k.id, type: k.type, names: k.names.slice(0, 3), latin: k.latin })),
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`card: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
