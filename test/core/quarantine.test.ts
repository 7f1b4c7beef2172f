/**
 * Field-level quarantine of canonical events (schema/README.md): every problem of a line reported once, a bad field
 * costs the field, only a line without identity or time is refused; live-mode shapes and fields a newer ClawLoop adds
 * pass as they are, and unknown fields reach each backend's free-form metadata.
 */
import { describe, expect, it } from 'vitest';
import { mapOtelEvent } from '../../generated/otel/adapter.gen.js';
import { mapWandbEvent } from '../../generated/wandb/adapter.gen.js';
import type { CanonicalEvent, EpisodeEvent } from '../../generated/types.gen.js';
import { parseEventsBody } from '../../src/cli/http-events.js';
import { DerivedContext } from '../../src/core/derived-context.js';
import { derived } from '../../src/core/derived.js';
import { unknownFields } from '../../src/core/unknown-fields.js';
import { episodeEvent, iterationEvent } from '../helpers/events.js';

/** One NDJSON line through serve's parser: the event as accepted (or undefined) and the problems. */
function check(line: string) {
  const { events, problems, refusedLines } = parseEventsBody(line);
  return { event: events[0], problems: problems.map((p) => `${p.field}: ${p.problem}`), refused: refusedLines.length > 0 };
}

function liveModeEpisode(): EpisodeEvent {
  const event = episodeEvent(1);
  event.episode.messages = [
    { role: 'developer', content: 'Answer tersely.' },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'What is in this picture?' },
        { type: 'image_url', image_url: { url: 'data:image/png;base64,AAA' } } as never,
      ],
    },
    { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', name: 'describe', arguments: '{}' }] },
    { role: 'tool', content: 'a cat', tool_call_id: 'call_1', name: 'describe' },
    {
      role: 'assistant',
      content: 'A cat.',
      logprobs: [{ token: 'A', token_id: 32, logprob: -0.01, top_logprobs: { A: -0.01, The: -4.2 } }],
    },
  ];
  return event;
}

describe('live-mode episodes (clawloop.wrap, EpisodeCollector.ingest / ingest_external)', () => {
  it('null content, content parts, the developer role and logprob dicts are accepted as they are', () => {
    const event = liveModeEpisode();
    const { event: accepted, problems } = check(JSON.stringify(event));
    expect(problems).toEqual([]);
    expect(accepted).toEqual(event);
  });

  it('render as text: parts joined, null as nothing, the last non-empty assistant text as the answer', () => {
    const event = liveModeEpisode();
    const ctx = new DerivedContext();
    ctx.observe(event);
    const messages = event.episode.messages!;
    expect(derived.message_text(messages[1], ctx)).toBe('What is in this picture?\n[image_url]');
    expect(derived.message_text(messages[2], ctx)).toBeUndefined();
    expect(derived.first_user_message(event, ctx)).toBe('What is in this picture?\n[image_url]');
    expect(derived.final_answer(event, ctx)).toBe('A cat.');
    const otel = mapOtelEvent(event, ctx);
    expect(otel.type === 'episode' && otel['span.llm'].map((s) => s.fields['output.value'])).toEqual([undefined, 'A cat.']);
    expect(otel.type === 'episode' && otel['span.episode']['input.value']).toBe('What is in this picture?\n[image_url]');
  });
});

describe('a bad field costs the field, not the event', () => {
  it('NaN in an fb_results metric (ClawLoop json.dumps writes it): that metric dropped, rewards and the rest delivered', () => {
    const line = JSON.stringify({
      ...iterationEvent(3),
      fb_results: { harness: { status: 'ok', metrics: { insights_generated: 2, loss: 0 } } },
    }).replace('"loss":0', '"loss":NaN');
    const { event, problems, refused } = check(line);
    expect(refused).toBe(false);
    expect(problems).toEqual([
      `fb_results.harness.metrics.loss: NaN is not a number JSON can carry (Python's json.dumps writes it for a non-finite float); dropped`,
    ]);
    expect(event).toMatchObject({
      type: 'iteration',
      iteration: 3,
      avg_reward: 0.5,
      fb_results: { harness: { status: 'ok', metrics: { insights_generated: 2 } } },
    });
    expect(event.type === 'iteration' && event.fb_results?.harness?.metrics).not.toHaveProperty('loss');
  });

  it('reports every problem of a line, each once, and repairs each', () => {
    const event = episodeEvent(2) as unknown as { episode: Record<string, any> };
    event.episode.messages[0].role = 'narrator';
    event.episode.messages[1].token_count = -3;
    event.episode.metadata = { error: 42, harness_version: 'v7' };
    event.episode.summary.signals.outcome.value = Number.POSITIVE_INFINITY;
    event.episode.steps[0].timing_ms = 'slow';
    const line = JSON.stringify(event).replace('"value":null', '"value":Infinity');
    const { event: accepted, problems } = check(line);
    expect(problems.sort()).toEqual(
      [
        'episode.messages[0].role: must be one of system, developer, user, assistant, tool, function, got "narrator"; set to "user"',
        'episode.messages[1].token_count: must be >= 0, got -3; dropped',
        'episode.metadata.error: must be string or null, got 42; coerced to text',
        "episode.summary.signals.outcome.value: Infinity is not a number JSON can carry (Python's json.dumps writes it for a non-finite float); entry episode.summary.signals.outcome dropped",
        'episode.steps[0].timing_ms: must be number, got "slow"; item episode.steps[0] dropped',
      ].sort(),
    );
    expect(accepted.type === 'episode' && accepted.episode).toMatchObject({
      metadata: { error: '42', harness_version: 'v7' },
      summary: { signals: {} },
      steps: [],
    });
  });

  it('refuses only a line that cannot be an event: no type, no run id, no iteration, no episode id, no time', () => {
    for (const [line, expected] of [
      ['{"run_id": "r"}', 'type: missing event type'],
      ['{"type": "iteration", "iteration": 1, "timestamp": 1}', 'run_id: missing required field'],
      ['{"type": "iteration", "run_id": "r", "timestamp": 1}', 'iteration: missing required field'],
      [
        '{"type": "episode", "run_id": "r", "iteration": 0, "episode": {"task_id": "t", "bench": "b", "summary": {"signals": {}}}}',
        'episode.id: missing required field',
      ],
      ['{"type": "iteration", "run_id": "r", "iteration": 1, "timestamp": NaN}', 'timestamp: NaN is not a number JSON can carry'],
    ] as const) {
      const { event, problems, refused } = check(line);
      expect(refused, line).toBe(true);
      expect(event).toBeUndefined();
      expect(problems[0]).toContain(expected);
    }
  });
});

describe('fields a newer ClawLoop adds pass through', () => {
  const newer = (): CanonicalEvent => {
    const event = episodeEvent(3) as unknown as Record<string, any>;
    event.episode.summary.cost_usd = 0.0123;
    event.episode.messages[1].refusal = null;
    event.episode.metadata = { category: 'weather' };
    event.ingest_version = 2;
    return event as CanonicalEvent;
  };

  it('are accepted without a problem and kept in the event', () => {
    const { event, problems } = check(JSON.stringify(newer()));
    expect(problems).toEqual([]);
    expect(event).toEqual(newer());
  });

  it('are listed by path (free-form metadata keys are data, not unknown fields)', () => {
    expect(unknownFields('EpisodeEvent', newer()).sort()).toEqual([
      ['episode.messages[1].refusal', null],
      ['episode.summary.cost_usd', 0.0123],
      ['ingest_version', 2],
    ]);
  });

  it('are found once per event and handed to each sink as its own list', () => {
    const event = newer();
    const first = unknownFields('EpisodeEvent', event);
    first.length = 0;
    expect(unknownFields('EpisodeEvent', event).sort()).toEqual(unknownFields('EpisodeEvent', newer()).sort());
    expect(unknownFields('EpisodeEvent', event)).toHaveLength(3);
  });

  it('reach free-form metadata: OTel span attributes, W&B config', () => {
    const ctx = new DerivedContext();
    const event = newer();
    ctx.observe(event);
    const otel = mapOtelEvent(event, ctx);
    expect(otel.type === 'episode' && otel['span.episode']).toMatchObject({
      'clawloop.extra.ingest_version': '2',
      'clawloop.extra.episode.summary.cost_usd': '0.0123',
    });
    const started = mapWandbEvent(
      { type: 'run.started', run_id: 'r', started_at: 1, source: 'bridge', trainer: { name: 'grpo' } } as CanonicalEvent,
      ctx,
    );
    expect(started.type === 'run.started' && started.config).toMatchObject({ 'extra/trainer': '{"name":"grpo"}' });
  });
});
