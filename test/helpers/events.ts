/** Small canonical events for unit tests (real sample data is used wherever a test is about content). */
import type { CanonicalEvent, EpisodeEvent, IterationEvent } from '../../generated/types.gen.js';

export function episodeEvent(n: number, runId = 'run-1', iteration = 0): EpisodeEvent {
  return {
    type: 'episode',
    run_id: runId,
    iteration,
    episode: {
      id: `ep-${n}`,
      state_id: 'state-abc123',
      task_id: 'task-1',
      bench: 'test',
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: 'hello' },
      ],
      step_boundaries: [0],
      steps: [{ t: 0, reward: 1, done: true, timing_ms: 100, info: {} }],
      summary: { signals: { outcome: { name: 'outcome', value: 0.6, confidence: 1 } }, filtered: false },
      session_id: 'sess-1',
      metadata: {},
    },
  };
}

export function iterationEvent(iteration: number, runId = 'run-1'): IterationEvent {
  return {
    type: 'iteration',
    run_id: runId,
    iteration,
    timestamp: 1_700_000_000 + iteration,
    n_episodes: 1,
    avg_reward: 0.5,
    min_reward: 0,
    max_reward: 1,
    per_task: {},
    fb_results: {},
  };
}

export function manyEvents(n: number): CanonicalEvent[] {
  return Array.from({ length: n }, (_, i) => episodeEvent(i));
}
