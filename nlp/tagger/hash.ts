// Hashing and byte helpers shared by training and inference, so both see the same feature ids.

/** FNV-1a over UTF-16 code units, seeded per feature template; never returns 0 (0 marks an empty slot). */
export function hashString(seed: number, s: string): number {
  let h = (0x811c9dc5 ^ Math.imul(seed, 0x01000193)) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0 || 1;
}

/** Combine two feature hashes into the hash of their conjunction (word bigrams, trigger × shape). */
export function mixHash(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Uint8Array(128);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/** Bytes to base64, for writing the model as a plain string module the bundler can split off. */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    chunk +=
      B64[(n >> 18) & 63]! +
      B64[(n >> 12) & 63]! +
      (i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=') +
      (i + 2 < bytes.length ? B64[n & 63]! : '=');
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/** Base64 to bytes: the engine's Uint8Array.fromBase64 where it exists (Chrome 140+, Firefox 133+), else a plain loop. */
export function fromBase64(s: string): Uint8Array {
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (typeof native === 'function') return native.call(Uint8Array, s);
  let len = s.length;
  while (len > 0 && s.charCodeAt(len - 1) === 61) len--;
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    const n =
      (B64_INDEX[s.charCodeAt(i)]! << 18) |
      (B64_INDEX[s.charCodeAt(i + 1)]! << 12) |
      (B64_INDEX[s.charCodeAt(i + 2)]! << 6) |
      B64_INDEX[s.charCodeAt(i + 3)]!;
    out[o++] = (n >> 16) & 255;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  const rest = len - i;
  if (rest >= 2) {
    const n =
      (B64_INDEX[s.charCodeAt(i)]! << 18) |
      (B64_INDEX[s.charCodeAt(i + 1)]! << 12) |
      (rest === 3 ? B64_INDEX[s.charCodeAt(i + 2)]! << 6 : 0);
    out[o++] = (n >> 16) & 255;
    if (rest === 3) out[o++] = (n >> 8) & 255;
  }
  return out.subarray(0, o);
}
