/**
 * At-least-once across a crash: `serve --spool` accepts the real sample while its OTLP backend never answers, is
 * killed with SIGKILL, and a new `serve` on the same spool delivers everything to a real Jaeger — each episode's
 * trace complete, nothing duplicated, without the client sending anything again.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpisodeEvent } from '../../generated/types.gen.js';
import { episodeSpanIds } from '../../src/transports/otel/index.js';
import { startCli } from '../helpers/cli.js';
import { collect } from '../helpers/collect.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { requireSample } from '../helpers/paths.js';
import { startJaeger, type Jaeger } from './servers/jaeger.js';

let jaeger: Jaeger;
beforeAll(async () => {
  jaeger = await startJaeger();
});
afterAll(async () => jaeger?.stop());

describe('spool survives SIGKILL', () => {
  it('delivers what a killed process accepted, once', async () => {
    const { events } = await collect(requireSample());
    const spool = mkdtempSync(join(tmpdir(), 'spool-kill-'));
    const blackhole = await startFaultProxy(jaeger.otlpHttp, () => 'hang');
    const token = 'spool-token-1';
    const first = await startCli(
      ['serve', '--port', '0', '--token', token, '--sink', 'otel', '--spool', spool],
      /listening on (http:\/\/[^ ]+)/,
      {
        OTEL_EXPORTER_OTLP_ENDPOINT: blackhole.url,
        OTEL_EXPORTER_OTLP_TIMEOUT: '60000',
      },
    );
    const res = await fetch(`${first.match[1]}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: events.map((e) => JSON.stringify(e)).join('\n'),
    });
    expect(res.status).toBe(202);
    await new Promise((r) => setTimeout(r, 500));
    expect(blackhole.requests).toBeGreaterThan(0);
    first.child.kill('SIGKILL');
    await first.exited;
    await blackhole.close();

    const second = await startCli(['serve', '--port', '0', '--token', token, '--sink', 'otel', '--spool', spool], /listening on/, {
      OTEL_EXPORTER_OTLP_ENDPOINT: jaeger.otlpHttp,
    });
    const episodes = events.filter((e): e is EpisodeEvent => e.type === 'episode');
    const expected = (e: EpisodeEvent) =>
      1 + e.episode.messages!.filter((m) => m.role === 'assistant').reduce((n, m) => n + 1 + (m.tool_calls?.length ?? 0), 0);
    for (let i = 0; i < 100; i += 1) {
      const counts = await Promise.all(
        episodes.map(async (e) => (await jaeger.trace(episodeSpanIds(e.run_id, e.episode.id).traceId)).length),
      );
      if (counts.every((c, j) => c >= expected(episodes[j]))) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await second.stop('SIGTERM')).toBe(0);
    expect(second.stderr()).toContain(`spool: redelivering ${events.length} event deliveries`);
    expect(second.stderr()).toMatch(
      new RegExp(`otel\\s+ok\\s+sent ${events.length}/${events.length}, .*recovered from spool ${events.length}`),
    );
    for (const e of episodes) {
      const spans = await jaeger.trace(episodeSpanIds(e.run_id, e.episode.id).traceId);
      expect(spans, `episode ${e.episode.id}`).toHaveLength(expected(e));
      expect(new Set(spans.map((s) => s.spanID)).size).toBe(spans.length);
    }
  }, 120_000);
});
