/**
 * The phoenix sink against a real Arize Phoenix: the real sample replayed through the CLI, spans read back per project
 * with kinds, parents and the OpenInference attribute set (readable conversations, not JSON blobs), reward signals
 * read back as span annotations; re-sending updates instead of duplicating; 503 "at capacity" and a Phoenix that is
 * not up yet are retried until delivered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpisodeEvent } from '../../generated/types.gen.js';
import { effectiveReward } from '../../src/core/rewards.js';
import { episodeSpanIds } from '../../src/otlp/spans.js';
import { chaos, expectCleanExit, logChaos, repeatedRuns } from '../helpers/chaos.js';
import { runCli, runCliAsync } from '../helpers/cli.js';
import { collect } from '../helpers/collect.js';
import { decodeOtlp, otlpNames, undeclaredNames } from '../helpers/declared-names.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { requireSample } from '../helpers/paths.js';
import { fetchForReadBack, freePort } from './servers/process.js';
import { startPhoenix, type Phoenix, type PhoenixSpan } from './servers/phoenix.js';

const sample = requireSample();
let phoenix: Phoenix;
let episodes: EpisodeEvent[];
let expectedSpans: number;

interface Annotation {
  span_id: string;
  name: string;
  annotator_kind: string;
  identifier: string;
  result: { score: number; label: string | null; explanation: string };
}

beforeAll(async () => {
  phoenix = await startPhoenix();
  episodes = (await collect(sample)).events.filter((e): e is EpisodeEvent => e.type === 'episode');
  expectedSpans =
    episodes.reduce(
      (n, e) => n + 1 + e.episode.messages!.filter((m) => m.role === 'assistant').reduce((k, m) => k + 1 + (m.tool_calls?.length ?? 0), 0),
      0,
    ) + 3;
}, 200_000);
afterAll(async () => phoenix?.stop());

async function spansOf(project: string, count: number, server = phoenix): Promise<PhoenixSpan[]> {
  for (let i = 0; i < 120; i += 1) {
    const spans = await server.spans(project);
    if (spans.length >= count) return spans;
    await new Promise((r) => setTimeout(r, 250));
  }
  return server.spans(project);
}

async function annotations(project: string, spanIds: string[], server = phoenix, expected = 0): Promise<Annotation[]> {
  const params = new URLSearchParams({ limit: '10000' });
  for (const id of spanIds) params.append('span_ids', id);
  // Annotations are queued by Phoenix and attached once their span is ingested (it retries every 10 s): poll.
  for (let i = 0; ; i += 1) {
    const res = await fetchForReadBack(`${server.url}/v1/projects/${project}/span_annotations?${params.toString()}`);
    const data = ((await res.json()) as { data: Annotation[] }).data;
    if (data.length >= expected || i >= 150) return data;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('phoenix sink → Phoenix', () => {
  it('traces: AGENT roots with input/output, session and tags; LLM spans with flattened messages; TOOL spans', async () => {
    const { code, stderr } = runCli(['replay', sample, '--sink', 'phoenix', '--quiet'], { PHOENIX_COLLECTOR_ENDPOINT: phoenix.url });
    expect(code, stderr).toBe(0);
    const spans = await spansOf('clawloop-toolbench', expectedSpans);
    expect(spans).toHaveLength(expectedSpans);
    expect(
      spans
        .filter((s) => s.span_kind === 'CHAIN')
        .map((s) => s.name)
        .sort(),
    ).toEqual(['iteration:0', 'iteration:1', 'iteration:2']);
    for (const e of episodes) {
      const ids = episodeSpanIds(e.run_id, e.episode.id);
      const trace = spans.filter((s) => s.context.trace_id === ids.traceId);
      const root = trace.find((s) => s.context.span_id === ids.root)!;
      expect(root).toMatchObject({ span_kind: 'AGENT', parent_id: null, name: `episode:${e.episode.id}` });
      expect(root.attributes['input.value']).toBe(e.episode.messages!.find((m) => m.role === 'user')!.content);
      const finalAnswer = [...e.episode.messages!]
        .reverse()
        .find((m) => m.role === 'assistant' && typeof m.content === 'string' && m.content.trim())?.content;
      expect(root.attributes['output.value']).toBe(finalAnswer);
      expect(root.attributes['session.id']).toBe(e.episode.session_id);
      expect(root.attributes['tag.tags']).toEqual(expect.arrayContaining(['toolbench', `task:${e.episode.task_id}`]));
      // Phoenix parses the metadata JSON and shows it as fields.
      for (const [key, value] of Object.entries(e.episode.metadata ?? {})) expect(root.attributes[`metadata.${key}`]).toEqual(value);

      e.episode.messages!.forEach((m, i) => {
        if (m.role !== 'assistant') return;
        const llm = trace.find((s) => s.context.span_id === ids.llm(i))!;
        expect(llm).toMatchObject({ span_kind: 'LLM', parent_id: ids.root });
        expect(llm.attributes['llm.model_name']).toBe(m.model);
        expect(llm.attributes['llm.token_count.completion']).toBe(m.token_count);
        expect(llm.attributes['llm.input_messages.0.message.role']).toBe('system');
        expect(llm.attributes['llm.input_messages.1.message.content']).toBe(e.episode.messages![1].content);
        expect(llm.attributes['llm.output_messages.0.message.role']).toBe('assistant');
        (m.tool_calls ?? []).forEach((call, j) => {
          expect(llm.attributes[`llm.output_messages.0.message.tool_calls.${j}.tool_call.function.name`]).toBe(call.name);
          const tool = trace.find((s) => s.context.span_id === ids.tool(i, call.id))!;
          expect(tool).toMatchObject({ span_kind: 'TOOL', parent_id: ids.llm(i), status_code: call.success === false ? 'ERROR' : 'UNSET' });
          expect(tool.attributes['tool.name']).toBe(call.name);
          expect(tool.attributes['input.value']).toBe(call.arguments);
          // Phoenix shows valid JSON parameters as fields; invalid JSON (ClawLoop records it as sent) stays text.
          let parsed: Record<string, unknown> | undefined;
          try {
            parsed = JSON.parse(call.arguments);
          } catch {
            parsed = undefined;
          }
          if (parsed) for (const [k, v] of Object.entries(parsed)) expect(tool.attributes[`tool.parameters.${k}`]).toEqual(v);
          else expect(tool.attributes['tool.parameters']).toBe(call.arguments);
        });
      });
    }
  });

  it('rewards as span annotations on the root span: score, label, annotator kind, explanation', async () => {
    const roots = episodes.map((e) => episodeSpanIds(e.run_id, e.episode.id).root);
    const expected = episodes.reduce((n, e) => n + Object.keys(e.episode.summary.signals).length + 1, 0);
    const all = await annotations('clawloop-toolbench', roots, phoenix, expected);
    expect(all).toHaveLength(expected);
    for (const e of episodes) {
      const root = episodeSpanIds(e.run_id, e.episode.id).root;
      const mine = all.filter((a) => a.span_id === root);
      const signals = e.episode.summary.signals;
      expect(mine.map((a) => a.name).sort()).toEqual([...Object.keys(signals), 'effective_reward'].sort());
      const effective = mine.find((a) => a.name === 'effective_reward')!;
      expect(effective.result.score).toBeCloseTo(effectiveReward(signals), 9);
      expect(effective).toMatchObject({ annotator_kind: 'CODE', identifier: 'clawloop' });
      for (const [name, s] of Object.entries(signals)) {
        const a = mine.find((x) => x.name === name)!;
        expect(a.result.score).toBe(s.value);
        expect(a.result.label).toBe(s.value > 0 ? 'pass' : s.value < 0 ? 'fail' : null);
        expect(a.annotator_kind).toBe(name === 'judge' ? 'LLM' : name === 'user' ? 'HUMAN' : 'CODE');
        expect(a.result.explanation).toContain(`confidence ${s.confidence}`);
      }
    }
  });

  it('sync annotations: a 404 while the span is being ingested is waited out, and each annotation is confirmed', async () => {
    const { createPhoenixSink } = await import('../../src/transports/phoenix/index.js');
    const { Hub } = await import('../../src/core/hub.js');
    const hub = new Hub(
      [await createPhoenixSink({ endpoint: phoenix.url, projectName: 'sync-annotations', annotations: 'sync', env: {} })],
      { onWarning: () => {} },
    );
    for (const e of (await collect(sample)).events) hub.emit({ ...e, run_id: 'sync-run' });
    const report = await hub.close({ timeoutMs: 60_000 });
    expect(report.complete).toBe(true);
    const roots = episodes.map((e) => episodeSpanIds('sync-run', e.episode.id).root);
    const expected = episodes.reduce((n, e) => n + Object.keys(e.episode.summary.signals).length + 1, 0);
    // Confirmed synchronously: present at once, no polling.
    const params = new URLSearchParams({ limit: '10000' });
    for (const id of roots) params.append('span_ids', id);
    const res = await fetchForReadBack(`${phoenix.url}/v1/projects/sync-annotations/span_annotations?${params.toString()}`);
    expect(((await res.json()) as { data: unknown[] }).data).toHaveLength(expected);
  });

  it('re-sending the run updates, never duplicates (same span ids, same annotation identifiers)', async () => {
    const roots = episodes.map((e) => episodeSpanIds(e.run_id, e.episode.id).root);
    const before = (await annotations('clawloop-toolbench', roots)).length;
    const { code } = runCli(['replay', sample, '--sink', 'phoenix', '--quiet'], { PHOENIX_COLLECTOR_ENDPOINT: phoenix.url });
    expect(code).toBe(0);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await phoenix.spans('clawloop-toolbench')).toHaveLength(expectedSpans);
    expect(await annotations('clawloop-toolbench', roots)).toHaveLength(before);
  });

  it('503 "at capacity" is retried until delivered', async () => {
    const proxy = await startFaultProxy(phoenix.url, (n, path) =>
      path.startsWith('/v1/traces') && n <= 6 ? { status: 503, body: 'Server is at capacity' } : 'forward',
    );
    try {
      const { code, stderr } = await runCliAsync(['replay', sample, '--sink', 'phoenix', '--quiet', '--run-id', 'capacity-run'], {
        PHOENIX_COLLECTOR_ENDPOINT: proxy.url,
        PHOENIX_PROJECT_NAME: 'capacity',
      });
      expect(code, stderr).toBe(0);
      expect(stderr).toMatch(/phoenix\s+ok\s+sent 20\/20, retried [1-9]/);
      expect(await spansOf('capacity', expectedSpans)).toHaveLength(expectedSpans);
    } finally {
      await proxy.close();
    }
  });

  it('every attribute and annotation name on the wire is declared in the phoenix spec and listed in MAPPINGS.md', async () => {
    const proxy = await startFaultProxy(phoenix.url, () => 'forward');
    try {
      const { code, stderr } = await runCliAsync(['replay', sample, '--sink', 'phoenix', '--quiet', '--run-id', 'names-run'], {
        PHOENIX_COLLECTOR_ENDPOINT: proxy.url,
        PHOENIX_PROJECT_NAME: 'names',
      });
      expect(code, stderr).toBe(0);
      const spans = proxy.log.filter((r) => r.path.startsWith('/v1/traces')).flatMap((r) => otlpNames(decodeOtlp(r.body)));
      const annotations = proxy.log
        .filter((r) => r.path.startsWith('/v1/span_annotations'))
        .flatMap((r) => (JSON.parse(r.body.toString('utf8')) as { data: Array<{ name: string }> }).data.map((a) => a.name));
      expect(spans).toContain('openinference.project.name');
      expect(annotations).toContain('effective_reward');
      expect(undeclaredNames('phoenix', new Set([...spans, ...annotations]))).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});

describe('phoenix sink before Phoenix is up', () => {
  it('delivers once Phoenix starts (within the retry budget)', async () => {
    const port = await freePort();
    const replay = runCliAsync(['replay', sample, '--sink', 'phoenix', '--quiet', '--timeout', '120000'], {
      PHOENIX_COLLECTOR_ENDPOINT: `http://127.0.0.1:${port}`,
      PHOENIX_PROJECT_NAME: 'late',
    });
    await new Promise((r) => setTimeout(r, 3000));
    const late = await startPhoenix(port);
    try {
      const { code, stderr } = await replay;
      expect(code, stderr).toBe(0);
      expect(stderr).toMatch(/phoenix\s+ok\s+sent 20\/20, retried [1-9]/);
      expect(await spansOf('late', expectedSpans, late)).toHaveLength(expectedSpans);
    } finally {
      await late.stop();
    }
  }, 200_000);
});

describe('phoenix sink → Phoenix through seeded chaos', () => {
  it('the CLI replays the sample (as 10 runs) through seeded faults (test/helpers/chaos.ts): exit 0, never a crash, every span and annotation once', async () => {
    // Spans and annotations of several exports in flight side by side; more of them slow, so siblings meet early errors.
    const faults = chaos(424242, { slow: 0.35 });
    const proxy = await startFaultProxy(phoenix.url, faults.decide);
    const { file, runIds } = repeatedRuns((await collect(sample)).events, 10, 'chaos-phoenix');
    try {
      const result = await runCliAsync(['replay', file, '--sink', 'phoenix', '--quiet'], {
        PHOENIX_COLLECTOR_ENDPOINT: proxy.url,
        PHOENIX_PROJECT_NAME: 'chaos',
      });
      logChaos('phoenix cli', faults, proxy.requests, result.stderr);
      expectCleanExit(result);
      expect(result.stderr).toMatch(/phoenix\s+ok\s+sent 200\/200/);
      expect(Object.keys(faults.injected).some((k) => k.startsWith('early'))).toBe(true);
      // Phoenix keys spans by id: a batch re-sent after a lost reply is stored once.
      const total = expectedSpans * runIds.length;
      const spans = await spansOf('chaos', total);
      expect(spans).toHaveLength(total);
      expect(new Set(spans.map((s) => s.context.span_id)).size).toBe(total);
      const roots = runIds.flatMap((runId) => episodes.map((e) => episodeSpanIds(runId, e.episode.id).root));
      const expected = runIds.length * episodes.reduce((n, e) => n + Object.keys(e.episode.summary.signals).length + 1, 0);
      const found = await annotations('chaos', roots, phoenix, expected);
      expect(found).toHaveLength(expected);
      expect(new Set(found.map((a) => `${a.span_id}/${a.name}`)).size).toBe(expected);
    } finally {
      await proxy.close();
    }
  }, 120_000);
});
