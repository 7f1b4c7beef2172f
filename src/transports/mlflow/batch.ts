/**
 * MLflow's log-batch limits and key rules (mlflow/utils/validation.py): ≤ 1000 metrics, ≤ 100 params, ≤ 100 tags,
 * ≤ 1000 entities and ≤ 1 MB per request; keys of letters, digits, `_ - . space /`, path-normal, ≤ 250 characters.
 */
import type { KeyValue, Metric } from './client.js';

export const LIMITS = { metrics: 1000, params: 100, tags: 100, entities: 1000, bytes: 1_000_000, keyLength: 250 } as const;

/** Makes a key acceptable to MLflow: other characters become `_`, no empty, `.`/`..` or doubled `/` segments. */
export function sanitizeKey(key: string): string {
  const cleaned = key
    .replace(/[^\w.\- /]/g, '_')
    .split('/')
    .filter((part) => part !== '' && part !== '.' && part !== '..')
    .join('/');
  return (cleaned || '_').slice(0, LIMITS.keyLength);
}

export interface Batch {
  metrics: Metric[];
  params: KeyValue[];
  tags: KeyValue[];
}

const size = (x: unknown) => Buffer.byteLength(JSON.stringify(x)) + 1;

/**
 * Splits metrics, params and tags into the fewest requests within every limit (greedy, order kept). n metrics alone
 * take ⌈n / 1000⌉ requests.
 */
export function planBatches(metrics: readonly Metric[], params: readonly KeyValue[], tags: readonly KeyValue[]): Batch[] {
  const batches: Batch[] = [];
  let current: Batch = { metrics: [], params: [], tags: [] };
  let bytes = 64;
  const entities = () => current.metrics.length + current.params.length + current.tags.length;
  const flush = () => {
    if (entities() > 0) batches.push(current);
    current = { metrics: [], params: [], tags: [] };
    bytes = 64;
  };
  const add = (list: 'metrics' | 'params' | 'tags', item: unknown, limit: number) => {
    const itemBytes = size(item);
    if (current[list].length >= limit || entities() >= LIMITS.entities || bytes + itemBytes > LIMITS.bytes) flush();
    (current[list] as unknown[]).push(item);
    bytes += itemBytes;
  };
  for (const p of params) add('params', p, LIMITS.params);
  for (const t of tags) add('tags', t, LIMITS.tags);
  for (const m of metrics) add('metrics', m, LIMITS.metrics);
  flush();
  return batches;
}
