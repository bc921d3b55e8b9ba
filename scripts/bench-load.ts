// Run by bench-node.ts in a fresh `node --expose-gc --import tsx`: how long loading the gazetteer and the
// tagger model takes and how much heap they hold. Prints one JSON line.
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function heapMB(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** The gazetteer and the tagger model as the background loads them; the import is part of the cost. */
async function load(): Promise<{ what: string; hold: unknown }> {
  const { loadAnalyzer } = await import('../knowledge/recognizer');
  return { what: 'knowledge/recognizer.ts loadAnalyzer({tagger: true})', hold: await loadAnalyzer({ tagger: true }) };
}

const baselineHeapMB = heapMB();
try {
  const t0 = performance.now();
  const loaded = await load();
  const loadMs = performance.now() - t0;
  const heap = heapMB();
  console.log(JSON.stringify({ what: loaded.what, loadMs, heapMB: heap, baselineHeapMB, held: typeof loaded.hold }));
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
