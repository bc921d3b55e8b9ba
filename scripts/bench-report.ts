// The shape of a benchmark figure, its budget, and the table, JSON and README section made from them.
import { spawnSync } from 'node:child_process';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { findChromium } from './browser';

export interface Budget {
  op: '<=' | '>=';
  limit: number;
}

export interface Metric {
  id: string;
  label: string;
  /** null: not measurable yet; `note` says why. */
  value: number | null;
  unit: string;
  budget?: Budget;
  note?: string;
  digits?: number;
}

export type Verdict = 'ok' | 'missed' | 'n/a' | '';

/** A measured figure. */
export function metric(
  id: string,
  label: string,
  value: number,
  unit: string,
  extra: Omit<Metric, 'id' | 'label' | 'value' | 'unit'> = {},
): Metric {
  return { id, label, value, unit, ...extra };
}

/** A figure that cannot be measured yet, with the reason in words. */
export function na(id: string, label: string, unit: string, why: string, budget?: Budget): Metric {
  return { id, label, value: null, unit, note: why, ...(budget ? { budget } : {}) };
}

/** The median of a non-empty list (NaN for an empty one). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Whether a figure meets its budget; '' when it has none. */
export function verdict(m: Metric): Verdict {
  if (!m.budget) return '';
  if (m.value === null || Number.isNaN(m.value)) return 'n/a';
  return (m.budget.op === '<=' ? m.value <= m.budget.limit : m.value >= m.budget.limit) ? 'ok' : 'missed';
}

function formatNumber(value: number, digits?: number): string {
  if (digits !== undefined) return value.toFixed(digits);
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1 || abs === 0) return value.toFixed(2);
  return value.toPrecision(2);
}

/** A figure with its unit, or n/a. */
export function formatValue(m: Metric): string {
  if (m.value === null || Number.isNaN(m.value)) return 'n/a';
  return `${formatNumber(m.value, m.digits)}${m.unit ? ` ${m.unit}` : ''}`;
}

export function formatBudget(m: Metric): string {
  if (!m.budget) return '';
  return `${m.budget.op === '<=' ? '≤' : '≥'} ${formatNumber(m.budget.limit)}${m.unit ? ` ${m.unit}` : ''}`;
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGB: number;
  freeMemoryGB: number;
  node: string;
  chromium: string | null;
  platform: string;
  /** 1-minute load average when the run ended: figures from a busy machine are slower. */
  load: number;
}

/** Where the figures came from. */
export function machine(): Machine {
  const chromiumPath = findChromium();
  let chromium: string | null = null;
  if (chromiumPath) {
    const r = spawnSync(chromiumPath, ['--version'], { encoding: 'utf8', timeout: 20_000 });
    chromium = (r.stdout ?? '').match(/(Chromium|Chrome)\s+[\d.]+/)?.[0] ?? null;
  }
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    freeMemoryGB: Math.round((freemem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    chromium,
    platform: `${process.platform} ${process.arch}`,
    load: Math.round((loadavg()[0] ?? 0) * 10) / 10,
  };
}

export interface Section {
  title: string;
  metrics: Metric[];
}

function pad(s: string, n: number): string {
  const width = [...s].length;
  return width >= n ? s : s + ' '.repeat(n - width);
}

/** The table for people, one block per section, notes under each block. */
export function renderTable(sections: readonly Section[], m: Machine): string {
  const lines: string[] = [];
  lines.push(
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGB} GB RAM, Node ${m.node}, ${m.chromium ?? 'no Chromium'}, load average ${m.load}`,
  );
  for (const section of sections) {
    lines.push('', section.title);
    const w = [Math.max(...section.metrics.map((x) => [...x.label].length), 6), 18, 20];
    for (const x of section.metrics) {
      const v = verdict(x);
      lines.push(
        `  ${pad(x.label, w[0] as number)}  ${pad(formatValue(x), w[1] as number)}  ${pad(formatBudget(x), w[2] as number)}  ${v === 'missed' ? 'MISSED' : v}`.trimEnd(),
      );
      if (x.note) lines.push(`  ${' '.repeat(w[0] as number)}  └ ${x.note}`);
    }
  }
  return lines.join('\n');
}

/** The README's Performance section body (markdown). */
export function renderMarkdown(sections: readonly Section[], m: Machine, date: string): string {
  const lines: string[] = [];
  lines.push(
    `Latest \`npm run bench\` (${date}) on ${m.cpus} × ${m.cpuModel}, ${m.memoryGB} GB RAM, Node ${m.node.replace(/^v/, '')}, ${m.chromium ?? 'no Chromium'} (headless), ${m.platform}, ` +
      `load average ${m.load} at the end of the run (the machine is shared; under load every time is longer). ` +
      '`npm run bench -- --check` exits non-zero when a budget is missed.',
  );
  for (const section of sections) {
    lines.push('', `**${section.title}**`, '', '| measure | value | budget | notes |', '| --- | --- | --- | --- |');
    for (const x of section.metrics) {
      const v = verdict(x);
      const budget = x.budget ? `${formatBudget(x)}${v === 'ok' ? ' ✓' : v === 'missed' ? ' ✗ missed' : ''}` : '';
      lines.push(`| ${x.label} | ${formatValue(x)} | ${budget} | ${(x.note ?? '').replace(/\|/g, '\\|')} |`);
    }
  }
  return lines.join('\n');
}
