/**
 * The CLI's heap policy. A replay streams: what it holds at any moment (a bounded queue per sink, a few batches in
 * flight) is 20-35 MB of live heap, but every event it reads lives long enough (queued, then batched) to be promoted to
 * V8's old generation, and V8 grows the old generation's limit after each full collection by a factor sized for a
 * heap limit of gigabytes (a quarter of the machine's memory), so garbage piles up to 80-130 MB of heap before it
 * is collected, several times the live data (measured: heap snapshots and V8 flag experiments, `pnpm bench --rss`). Growing the limit by 20 % of what survived keeps the heap near its live size for a few percent
 * more CPU (measured on the 200×50 run into Jaeger: peak RSS 178-185 → 130-148 MB, CPU +5-8 %). Set at runtime (V8
 * reads this flag at every full collection); it applies to the CLI's process only, never to a program that imports
 * the library.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 20;

export function preferSmallHeap(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
