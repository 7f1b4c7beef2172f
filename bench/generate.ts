/** A synthetic ClawLoop run as canonical NDJSON, made from the real sample's episodes (new ids per iteration). */
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import type { CanonicalEvent, EpisodeEvent, IterationEvent } from '../generated/types.gen.js';

export function generateRun(sample: readonly CanonicalEvent[], path: string, iterations: number, episodesPerIteration: number, runId = 'bench-run'): { episodes: number; bytes: number } {
  const episodes = sample.filter((e): e is EpisodeEvent => e.type === 'episode');
  const its = sample.filter((e): e is IterationEvent => e.type === 'iteration');
  const started = sample.find((e) => e.type === 'run.started')!;
  const fd = openSync(path, 'w');
  let count = 0;
  writeSync(fd, JSON.stringify({ ...started, run_id: runId, n_iterations: iterations }) + '\n');
  for (let i = 0; i < iterations; i += 1) {
    for (let k = 0; k < episodesPerIteration; k += 1) {
      const e = episodes[(i * episodesPerIteration + k) % episodes.length];
      writeSync(fd, JSON.stringify({ ...e, run_id: runId, iteration: i, episode: { ...e.episode, id: `${e.episode.id.slice(0, 12)}-${i}-${k}` } }) + '\n');
      count += 1;
    }
    writeSync(fd, JSON.stringify({ ...its[i % its.length], run_id: runId, iteration: i, n_episodes: episodesPerIteration }) + '\n');
  }
  writeSync(fd, JSON.stringify({ type: 'run.finished', run_id: runId, finished_at: 1_800_000_000, status: 'completed', n_iterations_completed: iterations }) + '\n');
  closeSync(fd);
  return { episodes: count, bytes: statSync(path).size };
}
