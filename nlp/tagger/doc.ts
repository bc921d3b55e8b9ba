// Document-level label consistency: a name tagged somewhere in an article is likely the same kind of
// name elsewhere in it. The first pass votes per clitic-stripped stem; the second pass sees the votes.

/** Entity type index of a tag index: 0 for O, then 1 PERS, 2 LOC, 3 ORG, 4 MISC (see TAGS). */
function typeOf(tag: number): number {
  return (tag + 1) >> 1;
}

/**
 * One code per token from first-pass tags over a whole document (`stems` are stem hashes):
 * 0 when the stem was never tagged, else type × 4 + how sure the vote is
 * (0: only this token, 1: most occurrences agree, 2: a minority of occurrences).
 */
export function docCodes(stems: ArrayLike<number>, tags: ArrayLike<number>): Int32Array {
  const n = stems.length;
  const votes = new Map<number, Int32Array>();
  for (let i = 0; i < n; i++) {
    const key = stems[i]!;
    let v = votes.get(key);
    if (!v) {
      v = new Int32Array(6);
      votes.set(key, v);
    }
    v[typeOf(tags[i]!)]!++;
    v[5]!++;
  }
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = votes.get(stems[i]!)!;
    let best = 0;
    for (let t = 1; t <= 4; t++) if (v[t]! > (best === 0 ? 0 : v[best]!)) best = t;
    if (best === 0) continue;
    const total = v[5]!;
    codes[i] = best * 4 + (total === 1 ? 0 : 2 * v[best]! >= total ? 1 : 2);
  }
  return codes;
}
