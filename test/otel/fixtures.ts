/**
 * ClawLoop's own OTel exporter test fixture (tests/test_otel_exporter.py `_make_otel_episode`), rebuilt as a
 * canonical event, so our spans can be held to the same assertions ClawLoop's exporter passes.
 */
import type { EpisodeEvent } from '../../generated/types.gen.js';

export const BASE = 1_700_000_000;

export function makeOtelEpisode({
  nSteps = 2,
  reward = 0.8,
  withTools = false,
  withTimestamps = true,
  failTool = false,
} = {}): EpisodeEvent {
  type Message = NonNullable<EpisodeEvent['episode']['messages']>[number];
  const ts = (t: number) => (withTimestamps ? t : null);
  const messages: Message[] = [{ role: 'system', content: 'You are a helpful assistant.', timestamp: ts(BASE) }];
  const stepBoundaries: number[] = [];
  const steps: EpisodeEvent['episode']['steps'] = [];
  for (let t = 0; t < nSteps; t += 1) {
    const terminal = t === nSteps - 1;
    stepBoundaries.push(messages.length);
    messages.push({ role: 'user', content: `question ${t}`, timestamp: ts(BASE + 10 * t) });
    messages.push({
      role: 'assistant',
      content: `answer ${t}`,
      timestamp: ts(BASE + 10 * t + 1),
      model: 'gpt-4o',
      token_count: 20 + t,
      tool_calls: withTools
        ? [
            {
              id: `tc-${t}-0`,
              name: 'search',
              arguments: JSON.stringify({ q: `query ${t}` }),
              result: `search result ${t}`,
              success: !failTool,
              latency_ms: 50,
              error: failTool ? 'timeout talking to search' : null,
            },
          ]
        : null,
    });
    if (withTools)
      messages.push({
        role: 'tool',
        name: 'search',
        tool_call_id: `tc-${t}-0`,
        content: `search result ${t}`,
        timestamp: ts(BASE + 10 * t + 1.05),
      });
    steps.push({ t, reward: terminal ? reward : 0, done: terminal, timing_ms: 500, info: {} });
  }
  return {
    type: 'episode',
    run_id: 'run-otel-parity',
    iteration: 0,
    episode: {
      id: 'ep-test-001',
      state_id: 'state-abc',
      task_id: 'task-xyz',
      bench: 'test-bench',
      messages,
      step_boundaries: stepBoundaries,
      steps,
      summary: {
        signals: {
          outcome: { name: 'outcome', value: reward * 2 - 1, confidence: 1 },
          execution: { name: 'execution', value: 0.5, confidence: 0.9 },
        },
        token_usage: { prompt_tokens: 100, completion_tokens: 40, total_tokens: 140 },
        timing: { total_ms: nSteps * 500, per_step_ms: Array(nSteps).fill(500) },
        filtered: false,
      },
      session_id: 'sess-123',
      model: 'gpt-4o',
      created_at: BASE,
      metadata: { harness_version: 'v2.1' },
    },
  };
}
