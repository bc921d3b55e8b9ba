// `npm test`: typecheck, lint, unused code (knip), Chrome and Firefox builds, web-ext lint, unit tests, e2e in Chromium.
// Ends with one line `N passed, M failed` summing unit and e2e tests; a failed step counts as one failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium, ROOT } from './browser';

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numTotalTests: number;
}

const results = join(ROOT, 'test-results');
mkdirSync(results, { recursive: true });
let passed = 0;
let failed = 0;
const failures: string[] = [];

function run(label: string, cmd: string, args: string[]): boolean {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  return r.status === 0;
}

function step(label: string, cmd: string, args: string[]): void {
  if (!run(label, cmd, args)) {
    failed++;
    failures.push(label);
  }
}

function vitest(label: string, args: string[]): void {
  const out = join(results, `${label}.json`);
  const ok = run(label, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (!existsSync(out)) {
    failed++;
    failures.push(`${label} (no report)`);
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8')) as VitestJson;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (!ok && report.numFailedTests === 0) {
    failed++;
    failures.push(`${label} (runner error)`);
  } else if (report.numFailedTests > 0) failures.push(`${label} (${report.numFailedTests} tests)`);
}

step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('lint', 'npx', ['biome', 'check', '.']);
// Unused files, exports and dependencies (knip.jsonc).
step('unused code', 'npx', ['knip']);
// Builds come before the unit tests: tests/unit/bundle.test.ts reads the built content scripts.
step('build chrome', 'npx', ['wxt', 'build']);
step('build firefox', 'npx', ['wxt', 'build', '-b', 'firefox']);
// web-ext lint exits non-zero on errors only; its warnings are printed for people to read.
step('web-ext lint', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--warnings-as-errors=false', '--self-hosted']);
vitest('unit', []);
if (findChromium()) vitest('e2e', ['--config', 'tests/e2e/vitest.config.ts']);
else {
  failed++;
  failures.push('e2e (no Chromium: apt-get install -y chromium)');
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
