// The first k items of a list under an order, without sorting the whole list.

export function topK(items: ArrayLike<number>, k: number, cmp: (a: number, b: number) => number): number[] {
  const n = items.length;
  if (n <= k || n <= 256) return Array.from(items).sort(cmp).slice(0, k);
  const best: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = items[i]!;
    if (best.length === k && cmp(x, best[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(best[mid]!, x) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, x);
    if (best.length > k) best.pop();
  }
  return best;
}
