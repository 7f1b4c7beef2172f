/**
 * Parity with ClawLoop's own Python OTelExporter (its tests/test_otel_exporter.py, clawloop-shapes.md §5b): every
 * assertion there holds for our spans. Spans are captured with the SDK's InMemorySpanExporter through the real sink.
 */
import { SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { describe, expect, it } from 'vitest';
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { Hub } from '../../src/core/hub.js';
import { createOtelSink } from '../../src/transports/otel/index.js';
import { BASE, makeOtelEpisode } from './fixtures.js';

async function export_(events: CanonicalEvent[], options: { maxAttributeLength?: number } = {}): Promise<ReadableSpan[]> {
  const exporter = new InMemorySpanExporter();
  const hub = new Hub([await createOtelSink({ exporter, env: {}, ...options })], {
    onWarning: (w) => {
      throw new Error(w);
    },
  });
  events.forEach((e) => hub.emit(e));
  await hub.flush();
  const spans = exporter.getFinishedSpans();
  await hub.close();
  return spans;
}

const ns = (t: [number, number]) => BigInt(t[0]) * 1_000_000_000n + BigInt(t[1]);
const root = (spans: ReadableSpan[]) => spans.find((s) => !s.parentSpanContext)!;
const byPrefix = (spans: ReadableSpan[], prefix: string) => spans.filter((s) => s.name.startsWith(prefix));

describe('span tree (TestSpanTree)', () => {
  it('one root episode:{id}; llm spans under it; tool spans under llm spans', async () => {
    const spans = await export_([makeOtelEpisode({ withTools: true })]);
    expect(spans.filter((s) => !s.parentSpanContext)).toHaveLength(1);
    expect(root(spans).name).toBe('episode:ep-test-001');
    const llm = byPrefix(spans, 'llm:');
    expect(llm).toHaveLength(2);
    for (const s of llm) expect(s.parentSpanContext?.spanId).toBe(root(spans).spanContext().spanId);
    const tools = byPrefix(spans, 'tool:');
    expect(tools).toHaveLength(2);
    for (const s of tools) expect(llm.map((l) => l.spanContext().spanId)).toContain(s.parentSpanContext?.spanId);
    expect(spans).toHaveLength(1 + 2 * 2);
  });

  it('no tool spans without tools: 1 + n spans', async () => {
    const spans = await export_([makeOtelEpisode({ nSteps: 3 })]);
    expect(byPrefix(spans, 'tool:')).toHaveLength(0);
    expect(spans).toHaveLength(1 + 3);
  });
});

describe('root attributes (TestClawLoopAttributes)', () => {
  it('carries the clawloop.* set, the evaluation event and no output tokens', async () => {
    const r = root(await export_([makeOtelEpisode()]));
    expect(r.attributes).toMatchObject({
      'clawloop.episode.id': 'ep-test-001',
      'clawloop.state.id': 'state-abc',
      'clawloop.task.id': 'task-xyz',
      'clawloop.session.id': 'sess-123',
      'clawloop.bench': 'test-bench',
      'clawloop.harness.version': 'v2.1',
      'clawloop.filtered': false,
      'clawloop.reward.outcome.value': expect.closeTo(0.6, 9),
      'clawloop.reward.outcome.confidence': 1,
      'clawloop.reward.execution.value': 0.5,
      'clawloop.reward.execution.confidence': 0.9,
      'gen_ai.usage.input_tokens': 100,
      'gen_ai.conversation.id': 'sess-123',
      'openinference.span.kind': 'AGENT',
    });
    expect(r.attributes['clawloop.reward.effective']).toBeCloseTo(0.6, 9);
    expect(r.attributes['clawloop.reward.normalized']).toBeCloseTo(0.8, 9);
    expect(JSON.parse(String(r.attributes['clawloop.reward.signals']))).toEqual({
      outcome: { value: expect.closeTo(0.6, 9), confidence: 1 },
      execution: { value: 0.5, confidence: 0.9 },
    });
    expect(r.attributes).not.toHaveProperty('gen_ai.usage.output_tokens');
    expect(r.events.map((e) => e.name)).toEqual(['gen_ai.evaluation.result']);
    expect(r.events[0].attributes?.['gen_ai.evaluation.score']).toBeCloseTo(0.6, 9);
  });

  it.each([
    [0.0, -1.0, 0.0],
    [1.0, 1.0, 1.0],
  ])('reward %s → effective %s, normalized %s', async (reward, effective, normalized) => {
    const r = root(await export_([makeOtelEpisode({ reward })]));
    expect(r.attributes['clawloop.reward.effective']).toBe(effective);
    expect(r.attributes['clawloop.reward.normalized']).toBe(normalized);
  });

  it('has no clawloop.harness.version when metadata lacks it', async () => {
    const event = makeOtelEpisode();
    event.episode.metadata = {};
    expect(root(await export_([event])).attributes).not.toHaveProperty('clawloop.harness.version');
  });
});

describe('llm spans (TestGenAiAttributes, TestStepIndex)', () => {
  it('carry model, input/output messages, output tokens, kind and step', async () => {
    const [first, second] = byPrefix(await export_([makeOtelEpisode({ reward: 0.9 })]), 'llm:');
    expect(first.name).toBe('llm:step0');
    expect(first.attributes).toMatchObject({
      'gen_ai.request.model': 'gpt-4o',
      'llm.model_name': 'gpt-4o',
      'gen_ai.usage.output_tokens': 20,
      'openinference.span.kind': 'LLM',
    });
    const input = JSON.parse(String(first.attributes['gen_ai.input.messages']));
    expect(input.map((m: { role: string }) => m.role)).toEqual(['system', 'user']);
    expect(JSON.parse(String(first.attributes['gen_ai.output.messages']))[0].role).toBe('assistant');
    expect(first.attributes['llm.input_messages']).toBeTypeOf('string');
    expect(first.attributes['llm.output_messages']).toBeTypeOf('string');
    expect(first.attributes).toMatchObject({ 'clawloop.step.index': 0, 'clawloop.step.reward': 0, 'clawloop.step.done': false });
    expect(second.attributes).toMatchObject({
      'clawloop.step.index': 1,
      'clawloop.step.reward': 0.9,
      'clawloop.step.done': true,
      'gen_ai.usage.output_tokens': 21,
    });
  });

  it('gives two assistant messages of one step the same step index (TestStepIndexMultipleAssistants)', async () => {
    const event = makeOtelEpisode({ nSteps: 1 });
    event.episode.messages!.push({ role: 'assistant', content: 'follow-up', timestamp: BASE + 2, model: 'gpt-4o', token_count: 5 });
    const llm = byPrefix(await export_([event]), 'llm:');
    expect(llm.map((s) => s.attributes['clawloop.step.index'])).toEqual([0, 0]);
  });
});

describe('tool spans', () => {
  it('carry name, parameters as one JSON object, output from the tool message, kind TOOL', async () => {
    const [tool] = byPrefix(await export_([makeOtelEpisode({ withTools: true })]), 'tool:');
    expect(tool.name).toBe('tool:search');
    expect(tool.attributes).toMatchObject({
      'tool.name': 'search',
      'tool.output': 'search result 0',
      'openinference.span.kind': 'TOOL',
      'clawloop.step.index': 0,
    });
    expect(JSON.parse(String(tool.attributes['tool.parameters']))).toEqual({ q: 'query 0' });
    expect(tool.status.code).not.toBe(SpanStatusCode.ERROR);
  });

  it('falls back to ToolCall.result when there is no tool message', async () => {
    const event = makeOtelEpisode({ withTools: true });
    event.episode.messages = event.episode.messages!.filter((m) => m.role !== 'tool');
    const [tool] = byPrefix(await export_([event]), 'tool:');
    expect(tool.attributes['tool.output']).toBe('search result 0');
  });

  it('marks a failed call ERROR with an exception event', async () => {
    const [tool] = byPrefix(await export_([makeOtelEpisode({ withTools: true, failTool: true })]), 'tool:');
    expect(tool.status).toEqual({ code: SpanStatusCode.ERROR, message: 'timeout talking to search' });
    expect(tool.events[0]).toMatchObject({ name: 'exception', attributes: { 'exception.message': 'timeout talking to search' } });
    const event = makeOtelEpisode({ withTools: true, failTool: true });
    event.episode.messages![2].tool_calls![0].error = null;
    const [bare] = byPrefix(await export_([event]), 'tool:');
    expect(bare.events[0].attributes?.['exception.message']).toBe('tool call failed');
  });
});

describe('timestamps (TestTimestamps)', () => {
  it('come from the episode, not the clock', async () => {
    const spans = await export_([makeOtelEpisode({ withTools: true })]);
    const r = root(spans);
    expect(ns(r.startTime)).toBe(BigInt(BASE) * 1_000_000_000n);
    expect(ns(r.endTime) - ns(r.startTime)).toBeGreaterThanOrEqual(1_000_000_000n);
    const [llm] = byPrefix(spans, 'llm:');
    expect(ns(llm.startTime)).toBe(BigInt(BASE + 1) * 1_000_000_000n);
    const [tool] = byPrefix(spans, 'tool:');
    expect(ns(tool.endTime) - ns(tool.startTime)).toBe(50_000_000n);
  });

  it('work without message timestamps', async () => {
    const spans = await export_([makeOtelEpisode({ withTimestamps: false })]);
    expect(spans).toHaveLength(3);
    expect(ns(root(spans).startTime)).toBe(BigInt(BASE) * 1_000_000_000n);
  });
});

describe('ids and limits', () => {
  it('re-sending an episode gives the same trace and span ids', async () => {
    const a = await export_([makeOtelEpisode({ withTools: true })]);
    const b = await export_([makeOtelEpisode({ withTools: true })]);
    expect(b.map((s) => s.spanContext())).toEqual(a.map((s) => s.spanContext()));
    expect(new Set(a.map((s) => s.spanContext().traceId)).size).toBe(1);
  });

  it('truncates long values with a marker instead of dropping them', async () => {
    const event = makeOtelEpisode();
    event.episode.messages![2].content = 'x'.repeat(50_000);
    const [llm] = byPrefix(await export_([event], { maxAttributeLength: 1000 }), 'llm:');
    const output = String(llm.attributes['output.value']);
    expect(output.length).toBe(1000);
    expect(output).toMatch(/…\[truncated 49\d{3} chars\]$/);
  });
});
