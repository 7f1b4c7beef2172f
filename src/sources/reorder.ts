/**
 * Puts a stream that is almost in order back in order by a key, holding at most `window` items. ClawLoop appends
 * iteration by iteration, but a resumed or concurrent writer can leave lines out of place; the merge of its files
 * (src/sources/clawloop-run.ts) needs each file in iteration order. The smallest held item is released when the window
 * is full or the stream ends; items with equal keys keep their file order. An item further out of place than the
 * window (its key below one already released) is still delivered, after `onLate`.
 */
export async function* inKeyOrder<T>(
  source: AsyncIterable<T>,
  key: (item: T) => number,
  window: number,
  onLate?: (item: T, released: number) => void,
): AsyncGenerator<T> {
  const held: Array<{ key: number; item: T }> = [];
  let released = Number.NEGATIVE_INFINITY;
  const release = () => {
    const next = held.shift()!;
    if (next.key < released) onLate?.(next.item, released);
    else released = next.key;
    return next.item;
  };
  for await (const item of source) {
    const k = key(item);
    // Insert after every held item whose key is not greater: stable for equal keys.
    let lo = 0;
    let hi = held.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (held[mid].key <= k) lo = mid + 1;
      else hi = mid;
    }
    held.splice(lo, 0, { key: k, item });
    if (held.length > window) yield release();
  }
  while (held.length > 0) yield release();
}
