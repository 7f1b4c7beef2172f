/**
 * The otel sink into a real Arize Phoenix (OTLP/protobuf ingestion): spans of the real sample arrive in the project
 * named by OTEL_RESOURCE_ATTRIBUTES, with the right openinference.span.kind, parents and attributes (read back over
 * Phoenix's REST API).
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpisodeEvent } from '../../generated/types.gen.js';
import { episodeSpanIds } from '../../src/transports/otel/index.js';
import { runCli } from '../helpers/cli.js';
import { collect } from '../helpers/collect.js';
import { requireSample } from '../helpers/paths.js';
import { startPhoenix, type Phoenix, type PhoenixSpan } from './servers/phoenix.js';

let phoenix: Phoenix;
beforeAll(async () => {
  phoenix = await startPhoenix();
}, 200_000);
afterAll(async () => phoenix?.stop());

async function poll(project: string, count: number): Promise<PhoenixSpan[]> {
  for (let i = 0; i < 120; i += 1) {
    const spans = await phoenix.spans(project);
    if (spans.length >= count) return spans;
    await new Promise((r) => setTimeout(r, 250));
  }
  return phoenix.spans(project);
}

describe('otel sink → Phoenix', () => {
  it('the test Phoenix listens on loopback only (HTTP and OTLP gRPC)', () => {
    const listening = execFileSync('ss', ['-ltnpH'], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.includes(`pid=${phoenix.child.pid},`));
    expect(listening.length).toBeGreaterThanOrEqual(2);
    for (const line of listening) expect(line.split(/\s+/)[3]).toMatch(/^(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]|\[::1\]):\d+$/);
  });

  it('spans land in the project with OpenInference kinds, parents and attributes', async () => {
    const { events } = await collect(requireSample());
    const episodes = events.filter((e): e is EpisodeEvent => e.type === 'episode');
    const expected =
      episodes.reduce(
        (n, e) =>
          n + 1 + e.episode.messages!.filter((m) => m.role === 'assistant').reduce((k, m) => k + 1 + (m.tool_calls?.length ?? 0), 0),
        0,
      ) + 6;
    const { code, stderr } = runCli(['replay', requireSample(), '--sink', 'otel', '--quiet'], {
      OTEL_EXPORTER_OTLP_ENDPOINT: phoenix.url,
      OTEL_RESOURCE_ATTRIBUTES: 'openinference.project.name=clawloop-otel',
    });
    expect(code, stderr).toBe(0);
    const spans = await poll('clawloop-otel', expected);
    expect(spans).toHaveLength(expected);
    const kinds = new Set(spans.map((s) => s.span_kind));
    expect(kinds).toEqual(new Set(['AGENT', 'LLM', 'TOOL', 'CHAIN']));
    for (const e of episodes) {
      const ids = episodeSpanIds(e.run_id, e.episode.id);
      const root = spans.find((s) => s.context.span_id === ids.root)!;
      expect(root.context.trace_id).toBe(ids.traceId);
      expect(root.parent_id).toBeNull();
      expect(root.span_kind).toBe('AGENT');
      expect(root.attributes['session.id']).toBe(e.episode.session_id);
      expect(root.attributes['clawloop.task.id']).toBe(e.episode.task_id);
      expect(root.attributes['input.value']).toBe(e.episode.messages!.find((m) => m.role === 'user')!.content);
      for (const span of spans.filter((s) => s.context.trace_id === ids.traceId && s.span_kind === 'LLM'))
        expect(span.parent_id).toBe(ids.root);
      const failed = e.episode.messages!.flatMap((m) => m.tool_calls ?? []).filter((c) => c.success === false);
      const errorTools = spans.filter((s) => s.context.trace_id === ids.traceId && s.span_kind === 'TOOL' && s.status_code === 'ERROR');
      expect(errorTools).toHaveLength(failed.length);
    }
  });
});
