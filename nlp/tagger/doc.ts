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
  // Each distinct stem gets six counters in one flat array: per type (0 = O .. 4), then the total.
  const slotOf = new Map<number, number>();
  const slot = new Int32Array(n);
  const votes = new Int32Array(6 * n);
  for (let i = 0; i < n; i++) {
    const key = stems[i]!;
    let v = slotOf.get(key);
    if (v === undefined) {
      v = 6 * slotOf.size;
      slotOf.set(key, v);
    }
    slot[i] = v;
    votes[v + typeOf(tags[i]!)]!++;
    votes[v + 5]!++;
  }
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = slot[i]!;
    let best = 0;
    for (let t = 1; t <= 4; t++) if (votes[v + t]! > (best === 0 ? 0 : votes[v + best]!)) best = t;
    if (best === 0) continue;
    const total = votes[v + 5]!;
    codes[i] = best * 4 + (total === 1 ? 0 : 2 * votes[v + best]! >= total ? 1 : 2);
  }
  return codes;
}
