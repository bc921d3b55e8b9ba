// `npm run bench`: how fast Siyaq is — analysis in Node, storage, the page in headless Chromium, and
// a side by side with mark.js. A table for people; `--json` for machines; `--check` exits 1 when a
// budget is missed; `--readme` writes the figures into README.md's Performance section.
// Other flags: `--only node|page`, `--no-build` (measure the existing .output build).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchAnalysis, benchStorage, loadAnalyzers } from './bench-node';
import { benchPage } from './bench-page';
import { machine, renderMarkdown, renderTable, type Section, verdict } from './bench-report';
import { ROOT } from './browser';

const args = new Set(process.argv.slice(2));
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? process.argv[onlyIndex + 1] : undefined;
const json = args.has('--json');
const log = (s: string) => process.stderr.write(`… ${s}\n`);

const README = join(ROOT, 'README.md');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** Replace the figures between the bench markers of the README's Performance section. */
function writeReadme(markdown: string): void {
  const text = readFileSync(README, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) {
    log(`README.md has no ${START} … ${END} block; not updated`);
    return;
  }
  writeFileSync(README, `${text.slice(0, a + START.length)}\n\n${markdown}\n\n${text.slice(b)}`);
  // Biome formats markdown too (aligned tables); keep the README lint-clean.
  spawnSync('npx', ['biome', 'format', '--write', 'README.md'], { cwd: ROOT, stdio: 'ignore' });
  log('README.md Performance section updated');
}

async function main(): Promise<number> {
  const sections: Section[] = [];
  if (only !== 'page') {
    sections.push({ title: 'Analysis in Node', metrics: await benchAnalysis(log) });
    sections.push({ title: 'Storage (fake-indexeddb in Node)', metrics: await benchStorage(log) });
  }
  if (only !== 'node') {
    const analyzers = await loadAnalyzers();
    const page = await benchPage(log, analyzers.tagged ?? analyzers.plain, { build: !args.has('--no-build') });
    sections.push({ title: 'On the page (headless Chromium, built extension)', metrics: page.page });
    sections.push({ title: 'Side by side with mark.js (same page, same mentions)', metrics: page.peer });
  }
  const m = machine();
  const date = new Date().toISOString().slice(0, 10);
  const report = { date, machine: m, sections };
  mkdirSync(join(ROOT, 'bench-output'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-output', 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  if (json) console.log(JSON.stringify(report, null, 2));
  else console.log(renderTable(sections, m));
  if (args.has('--readme')) writeReadme(renderMarkdown(sections, m, date));

  const missed = sections.flatMap((s) => s.metrics).filter((x) => verdict(x) === 'missed');
  if (args.has('--check')) {
    if (missed.length) {
      console.error(`\n${missed.length} budget(s) missed: ${missed.map((x) => x.label).join('; ')}`);
      return 1;
    }
    console.error('\nall measured budgets met (n/a figures are not checked)');
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(2);
  },
);
