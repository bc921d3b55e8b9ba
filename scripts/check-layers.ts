// `npm run check:layers`: the imports that go against the direction of docs/ARCHITECTURE.md, read from
// every source file (tests aside). Exit 1 when there is one, so the direction cannot drift back.
// `--report` lists them and exits 0: for measuring while the code is being moved into place.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Which top folders each top folder may import from (itself always allowed). */
export const ALLOWED: Record<string, readonly string[]> = {
  types: [],
  nlp: ['types'],
  knowledge: ['nlp', 'types'],
  storage: ['nlp', 'types'],
  messaging: ['nlp', 'types'],
  locales: ['types'],
  components: ['messaging', 'types', 'locales'],
  page: ['nlp', 'types'],
  entrypoints: ['*'],
  scripts: ['*'],
};

const SOURCE = /\.(ts|tsx)$/;
const TEST = /\.test\.tsx?$/;
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (SOURCE.test(name) && !TEST.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

/** Every import of a project source file that leaves its folder for one it may not import. */
export function violations(root = ROOT): string[] {
  const found: string[] = [];
  for (const top of Object.keys(ALLOWED)) {
    let files: string[];
    try {
      files = [...sourceFiles(join(root, top))];
    } catch {
      continue; // a folder that does not exist yet
    }
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(IMPORT)) {
        const spec = m[1] ?? m[2] ?? '';
        if (!spec.startsWith('.')) continue;
        const target = relative(root, join(dirname(file), spec)).split(sep)[0] ?? '';
        const allowed = ALLOWED[top] ?? [];
        if (target === top || allowed.includes('*') || allowed.includes(target) || !(target in ALLOWED)) continue;
        found.push(`${relative(root, file)} → ${target}/ (${spec})`);
      }
    }
  }
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const found = violations();
  for (const v of found) console.log(v);
  console.log(`${found.length} import${found.length === 1 ? '' : 's'} against the direction`);
  if (found.length > 0 && !process.argv.includes('--report')) process.exit(1);
}
