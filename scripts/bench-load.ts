// Run by bench-node.ts in a fresh `node --expose-gc --import tsx`: how long loading the gazetteer and the
// tagger model takes and how much heap they hold. Prints one JSON line.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function heapMB(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

async function load(): Promise<{ what: string; hold: unknown } | null> {
  const recognizer = join(ROOT, 'knowledge', 'recognizer.ts');
  if (existsSync(recognizer)) {
    const mod = (await import(pathToFileURL(recognizer).href)) as { loadAnalyzer?: (o: { tagger: boolean }) => unknown };
    if (typeof mod.loadAnalyzer === 'function')
      return { what: 'knowledge/recognizer.ts loadAnalyzer({tagger: true})', hold: await mod.loadAnalyzer({ tagger: true }) };
  }
  const tagger = join(ROOT, 'nlp', 'tagger', 'index.ts');
  if (existsSync(tagger)) {
    const mod = (await import(pathToFileURL(tagger).href)) as { loadTagger?: () => unknown };
    if (typeof mod.loadTagger === 'function')
      return { what: 'nlp/tagger loadTagger() only (no gazetteer loader yet)', hold: await mod.loadTagger() };
  }
  return null;
}

const baselineHeapMB = heapMB();
try {
  const t0 = performance.now();
  const loaded = await load();
  const loadMs = performance.now() - t0;
  const heap = heapMB();
  console.log(
    JSON.stringify(
      loaded
        ? { what: loaded.what, loadMs, heapMB: heap, baselineHeapMB, held: typeof loaded.hold }
        : { what: null, loadMs: null, heapMB: null, baselineHeapMB },
    ),
  );
} catch (error) {
  console.log(
    JSON.stringify({
      what: null,
      loadMs: null,
      heapMB: null,
      baselineHeapMB,
      error: error instanceof Error ? error.message : String(error),
    }),
  );
}
