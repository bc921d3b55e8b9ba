// Reading the bundled model file in each host: the extension fetches its own packaged file, Node (CLIs,
// tests, benchmarks) reads it from the source tree. The hosts' APIs are declared here, as far as they
// are used, so nlp/ stays free of DOM and Node typings.

declare const chrome: { runtime: { getURL: (path: string) => string } };
declare function fetch(url: string): Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;
declare const URL: new (path: string, base: string) => object;

/** The model file's name: nlp/model/ner-model.bin in the source tree, /ner-model.bin in the built extension. */
export const MODEL_FILE = 'ner-model.bin';

/** The bundled model's bytes: from the file system in Node, else from the extension's own files. */
export async function readModelBytes(): Promise<Uint8Array> {
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
  if (node) {
    // A computed specifier, so the extension's bundler leaves Node's file system out.
    const fsModule = 'node:fs/promises';
    const fs = (await import(/* @vite-ignore */ fsModule)) as { readFile(path: object): Promise<Uint8Array> };
    const here = (import.meta as { url?: string }).url!;
    return new Uint8Array(await fs.readFile(new URL(`../model/${MODEL_FILE}`, here)));
  }
  // Chromium and Firefox both offer `chrome.runtime`.
  const res = await fetch(chrome.runtime.getURL(`/${MODEL_FILE}`));
  if (!res.ok) throw new Error(`NER model: ${res.status} reading ${MODEL_FILE}`);
  return new Uint8Array(await res.arrayBuffer());
}
