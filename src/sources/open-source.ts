/**
 * What `replay <path>` accepts: a ClawLoop output directory, an archive directory, a canonical NDJSON event file,
 * an after_iteration dump, or a single experiment.jsonl / evolution.jsonl. The kind is detected; `format` overrides.
 */
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { detectRunLayout, readClawLoopRun, type RunSourceOptions } from './clawloop-run.js';
import { readLines } from './lines.js';
import { readEventFile } from './ndjson-events.js';
import { parseJsonLine } from './parse-json-line.js';

export type SourceFormat = 'run' | 'events' | 'callback' | 'experiment' | 'evolution';

export const SOURCE_FORMATS: readonly SourceFormat[] = ['run', 'events', 'callback', 'experiment', 'evolution'];

/** Guesses a file's format from its first JSON line. */
async function sniff(path: string): Promise<SourceFormat> {
  for await (const line of readLines(path)) {
    if ('error' in line || line.text.trim() === '') continue;
    const parsed = parseJsonLine(line.text);
    if (!parsed.ok || !parsed.value || typeof parsed.value !== 'object') return 'events';
    const keys = parsed.value as Record<string, unknown>;
    if (typeof keys.type === 'string') return 'events';
    if (Array.isArray(keys.episodes)) return 'callback';
    if ('state_hash_before' in keys) return 'evolution';
    if ('per_task' in keys || 'avg_reward' in keys) return 'experiment';
    return 'events';
  }
  return 'events';
}

export async function detectFormat(path: string): Promise<SourceFormat> {
  return statSync(path).isDirectory() ? 'run' : sniff(path);
}

/** Streams the canonical events of `path`. Bad lines go to options.onProblem; nothing throws for bad input. */
export async function* openSource(path: string, options: RunSourceOptions & { format?: SourceFormat }): AsyncGenerator<CanonicalEvent> {
  const format = options.format ?? (await detectFormat(path));
  if (format === 'events') {
    yield* readEventFile(path, options.onProblem);
    return;
  }
  if (format === 'run') {
    yield* readClawLoopRun(detectRunLayout(path), options);
    return;
  }
  // A single ClawLoop file: replay it as an output directory holding only that file.
  const dir = dirname(path);
  const layout = { dir, [format]: path } as const;
  yield* readClawLoopRun(layout, options);
}
