/**
 * Recognizes a record of one of ClawLoop's own files by its fields, so a client that sends one where canonical
 * events are expected (POST /events, an events .ndjson) is told which command reads that file.
 */

type Shape = { file: string; test: (o: Record<string, unknown>) => boolean };

const has = (o: Record<string, unknown>, ...keys: string[]) => keys.every((k) => k in o);

const SHAPES: readonly Shape[] = [
  { file: 'an after_iteration dump line (episodes.ndjson)', test: (o) => has(o, 'iteration', 'episodes') && Array.isArray(o.episodes) },
  { file: "a line of ClawLoop's experiment.jsonl", test: (o) => has(o, 'iteration', 'avg_reward', 'per_task') },
  { file: "a line of ClawLoop's evolution.jsonl", test: (o) => has(o, 'iteration', 'state_hash_before', 'actions') },
  { file: "a record of ClawLoop's archive/", test: (o) => has(o, 'record_type', '_schema') },
  { file: 'a bare ClawLoop Episode (dataclasses.asdict)', test: (o) => has(o, 'id', 'task_id', 'messages', 'summary') },
];

/** Which ClawLoop file `value` looks like a record of, or undefined. */
export function recognizeClawloopRecord(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return SHAPES.find((s) => s.test(value as Record<string, unknown>))?.file;
}

/** The hint to append to a "missing event type" problem, or ''. */
export function clawloopRecordHint(value: unknown): string {
  const file = recognizeClawloopRecord(value);
  if (!file) return '';
  return `; this looks like ${file}: \`clawloop-sinks replay <output dir or file>\` reads ClawLoop's files, while this input takes canonical events (the after_iteration bridge, examples/observability/clawloop_bridge.py, sends them)`;
}
