/**
 * What real ClawLoop runs wrote, in every sink, read back from the backends: an output directory without dump or
 * bridge events (its episodes are the archive's summaries: no messages) and live-mode episodes (null and list
 * content, the developer role, logprob dicts), each replayed once into otel → Jaeger, phoenix → Phoenix, mlflow →
 * MLflow, langfuse → the Langfuse contract receiver, wandb (offline, read by the official package) and the report.
 * A summary episode is at least a root span / trace with its rewards everywhere; a live-mode conversation reads as
 * text.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { venvBin, WANDB } from '../../scripts/backends/python.js';
import type { EpisodeEvent } from '../../generated/types.gen.js';
import { messageText } from '../../src/core/message-text.js';
import { effectiveReward } from '../../src/core/rewards.js';
import { episodeSpanIds } from '../../src/otlp/spans.js';
import { MlflowTraces } from '../../src/transports/mlflow/traces.js';
import { runCliAsync } from '../helpers/cli.js';
import { collect } from '../helpers/collect.js';
import { ROOT } from '../helpers/paths.js';
import { langfuseView } from '../langfuse/langfuse-view.js';
import { startLangfuseReceiver, type LangfuseReceiver } from '../langfuse/receiver.js';
import { startJaeger, tag, type Jaeger } from './servers/jaeger.js';
import { startMlflow, type Mlflow } from './servers/mlflow.js';
import { startPhoenix, type Phoenix } from './servers/phoenix.js';
import { BACKENDS_CACHE, requireInstalled } from './servers/process.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'clawloop');
const KEYS = { publicKey: 'pk-lf-real-1', secretKey: 'sk-lf-real-2' };
const SINKS = 'otel,phoenix,mlflow,langfuse,wandb,report';

let jaeger: Jaeger;
let phoenix: Phoenix;
let mlflow: Mlflow;
let langfuse: LangfuseReceiver;

interface Replayed {
  episodes: EpisodeEvent[];
  wandbDir: string;
  report: string;
}
const replayed: Record<'summary' | 'live', Replayed> = {} as never;

async function replay(name: 'summary' | 'live', input: string): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), `real-clawloop-${name}-`));
  const report = join(out, 'report.html');
  const { code, stderr } = await runCliAsync(['replay', input, '--sink', SINKS, '--out', report, '--quiet'], {
    OTEL_EXPORTER_OTLP_ENDPOINT: jaeger.otlpHttp,
    OTEL_SERVICE_NAME: 'clawloop-real',
    PHOENIX_COLLECTOR_ENDPOINT: phoenix.url,
    MLFLOW_TRACKING_URI: mlflow.url,
    MLFLOW_EXPERIMENT_NAME: `real-${name}`,
    LANGFUSE_PUBLIC_KEY: KEYS.publicKey,
    LANGFUSE_SECRET_KEY: KEYS.secretKey,
    LANGFUSE_HOST: langfuse.url,
    WANDB_DIR: out,
    WANDB_MODE: 'offline',
    WANDB_API_KEY: '',
  });
  if (code !== 0) throw new Error(`replay of ${input} exited ${code}:\n${stderr}`);
  for (const sink of SINKS.split(',')) expect(stderr).toMatch(new RegExp(`${sink}\\s+ok`));
  replayed[name] = {
    episodes: (await collect(input)).events.filter((e): e is EpisodeEvent => e.type === 'episode'),
    wandbDir: out,
    report,
  };
}

beforeAll(async () => {
  [jaeger, phoenix, mlflow, langfuse] = await Promise.all([startJaeger(), startPhoenix(), startMlflow(), startLangfuseReceiver(KEYS)]);
  await replay('summary', join(FIXTURES, 'no-dump'));
  await replay('live', join(FIXTURES, 'live', 'events.ndjson'));
}, 600_000);
afterAll(async () => {
  await Promise.all([jaeger?.stop(), phoenix?.stop(), mlflow?.stop(), langfuse?.close()]);
});

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, tries = 120): Promise<T> {
  let value = await read();
  for (let i = 0; i < tries && !done(value); i += 1) {
    await new Promise((r) => setTimeout(r, 250));
    value = await read();
  }
  return value;
}

function wandbHistory(dir: string): Array<Record<string, any>> {
  const runs = join(dir, 'wandb');
  const run = join(
    runs,
    readdirSync(runs).find((d) => d.startsWith('offline-run-'))!,
  );
  const file = join(
    run,
    readdirSync(run).find((f) => f.endsWith('.wandb'))!,
  );
  const python = requireInstalled(venvBin(BACKENDS_CACHE, WANDB, 'python'), 'the official wandb package');
  const read = spawnSync(python, [join(ROOT, 'test', 'wandb', 'read_wandb.py'), file], { encoding: 'utf8', timeout: 120_000 });
  if (read.status !== 0) throw new Error(read.stderr);
  return read.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .filter((r) => r.kind === 'history')
    .map((r) =>
      Object.fromEntries(
        r.body.item.map((i: { key?: string; nested_key?: string[]; value_json: string }) => [
          i.key ?? i.nested_key!.join('/'),
          JSON.parse(i.value_json),
        ]),
      ),
    )
    .map((row) => ({
      ...row,
      table: row['episodes/table'] ? JSON.parse(readFileSync(join(run, 'files', row['episodes/table'].path), 'utf8')) : undefined,
    }));
}

describe('summary episodes from the archive (no messages) in every sink', () => {
  it('OpenTelemetry → Jaeger: one root span per episode with its rewards', async () => {
    const { episodes } = replayed.summary;
    expect(episodes.length).toBe(12);
    for (const e of episodes) {
      const ids = episodeSpanIds(e.run_id, e.episode.id);
      const spans = await poll(
        () => jaeger.trace(ids.traceId),
        (s) => s.length >= 1,
      );
      expect(spans.map((s) => s.operationName)).toEqual([`episode:${e.episode.id}`]);
      expect(tag(spans[0], 'clawloop.reward.effective')).toBeCloseTo(effectiveReward(e.episode.summary.signals), 9);
      for (const [name, s] of Object.entries(e.episode.summary.signals))
        expect(tag(spans[0], `clawloop.reward.${name}.value`)).toBeCloseTo(s.value, 9);
      expect(tag(spans[0], 'clawloop.steps')).toBe(e.episode.n_steps);
    }
  });

  it('Phoenix: an AGENT root per episode, rewards as attributes', async () => {
    const { episodes } = replayed.summary;
    const spans = await poll(
      () => phoenix.spans('clawloop-toolbench'),
      (s) => s.filter((x) => x.span_kind === 'AGENT').length >= episodes.length,
    );
    for (const e of episodes) {
      const root = spans.find((s) => s.context.span_id === episodeSpanIds(e.run_id, e.episode.id).root)!;
      expect(root).toMatchObject({ span_kind: 'AGENT', parent_id: null });
      expect(root.attributes['clawloop.reward.effective']).toBeCloseTo(effectiveReward(e.episode.summary.signals), 9);
      expect(spans.filter((s) => s.context.trace_id === root.context.trace_id)).toHaveLength(1);
    }
  });

  it('MLflow: a trace per episode with its reward assessments', async () => {
    const { episodes } = replayed.summary;
    const exp = (
      await mlflow.get<{ experiment: { experiment_id: string } }>('/api/2.0/mlflow/experiments/get-by-name', {
        experiment_name: 'real-summary',
      })
    ).experiment.experiment_id;
    type Trace = { trace_id: string; state: string; assessments?: Array<{ assessment_name: string; feedback?: { value: number } }> };
    const traces = await poll(
      async () =>
        (
          await mlflow.post<{ traces?: Trace[] }>('/api/3.0/mlflow/traces/search', {
            locations: [{ type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: exp } }],
            max_results: 500,
          })
        ).traces ?? [],
      (t) => t.reduce((n, x) => n + (x.assessments?.length ?? 0), 0) >= episodes.length,
    );
    for (const e of episodes) {
      const trace = traces.find((t) => t.trace_id === MlflowTraces.traceId(e))!;
      expect(trace.state).toBe('OK');
      expect(trace.assessments?.find((a) => a.assessment_name === 'effective_reward')?.feedback?.value).toBeCloseTo(
        effectiveReward(e.episode.summary.signals),
        9,
      );
    }
  });

  it('Langfuse: a trace per episode (its AGENT observation) and its reward scores', () => {
    const { episodes } = replayed.summary;
    const view = langfuseView(langfuse.traces.map((t) => t.body));
    const scores = langfuse.ingestion.flatMap((r) => r.body.batch).map((s) => s.body);
    for (const e of episodes) {
      const ids = episodeSpanIds(e.run_id, e.episode.id);
      expect(view.observations.filter((o) => o.traceId === ids.traceId).map((o) => o.type)).toEqual(['AGENT']);
      const mine = scores.filter((s) => s.traceId === ids.traceId);
      expect(mine.find((s) => s.name === 'effective_reward')?.value).toBeCloseTo(effectiveReward(e.episode.summary.signals), 9);
      expect(mine.map((s) => s.name)).toEqual(expect.arrayContaining(Object.keys(e.episode.summary.signals)));
    }
  });

  it('W&B: reward curves at every step and an episodes table of the iteration', () => {
    const rows = wandbHistory(replayed.summary.wandbDir);
    expect(rows.map((r) => r._step)).toEqual([0, 1, 2]);
    for (const row of rows) {
      expect(row).toMatchObject({ 'reward/mean': expect.any(Number), 'episodes/count': 4 });
      expect(row.table.data).toHaveLength(4);
    }
  });

  it('report: the episodes with rewards, said to be summaries', () => {
    const html = readFileSync(replayed.summary.report, 'utf8');
    expect(html).toContain('no messages');
    for (const e of replayed.summary.episodes.slice(0, 1)) expect(html).toContain(e.episode.task_id);
  });
});

describe('live-mode episodes in every sink', () => {
  it('OpenTelemetry → Jaeger: content parts as text, a tool-call-only turn without output text, its tool span', async () => {
    for (const e of replayed.live.episodes) {
      const ids = episodeSpanIds(e.run_id, e.episode.id);
      const messages = e.episode.messages!;
      const assistants = messages.filter((m) => m.role === 'assistant');
      const expected = 1 + assistants.length + assistants.reduce((n, m) => n + (m.tool_calls?.length ?? 0), 0);
      const spans = await poll(
        () => jaeger.trace(ids.traceId),
        (s) => s.length >= expected,
      );
      expect(spans).toHaveLength(expected);
      const root = spans.find((s) => s.spanID === ids.root)!;
      expect(tag(root, 'input.value')).toBe(messageText(messages.find((m) => m.role === 'user')!.content));
      messages.forEach((m, i) => {
        if (m.role !== 'assistant') return;
        const llm = spans.find((s) => s.spanID === ids.llm(i))!;
        expect(tag(llm, 'output.value')).toBe(m.content === null ? undefined : messageText(m.content));
      });
    }
    const described = replayed.live.episodes.find((e) => e.episode.task_id === 'describe-image')!;
    const root = (await jaeger.trace(episodeSpanIds(described.run_id, described.episode.id).traceId)).find(
      (s) => s.references.length === 0,
    )!;
    expect(tag(root, 'input.value')).toBe('What is in this picture?\n[image_url]');
  });

  it('Phoenix: LLM spans carry the developer message and the parts as text in llm.input_messages', async () => {
    const spans = await poll(
      () => phoenix.spans('clawloop-live'),
      (s) => s.filter((x) => x.span_kind === 'LLM').length >= 4,
    );
    const described = replayed.live.episodes.find((e) => e.episode.task_id === 'describe-image')!;
    const llm = spans.find((s) => s.context.span_id === episodeSpanIds(described.run_id, described.episode.id).llm(2))!;
    expect(llm.attributes['llm.input_messages.0.message.role']).toBe('developer');
    expect(llm.attributes['llm.input_messages.1.message.content']).toBe('What is in this picture?\n[image_url]');
    expect(llm.attributes['output.value']).toBe('The picture shows a cat.');
  });

  it('W&B, Langfuse and the report take them too', () => {
    expect(wandbHistory(replayed.live.wandbDir).map((r) => r['episodes/count'])).toEqual([2, 2]);
    const view = langfuseView(langfuse.traces.map((t) => t.body));
    const dentist = replayed.live.episodes.find((e) => e.episode.task_id === 'book-dentist')!;
    const generations = view.observations.filter(
      (o) => o.traceId === episodeSpanIds(dentist.run_id, dentist.episode.id).traceId && o.type === 'GENERATION',
    );
    // The turn that only called a tool (content null) has no output text; the answer has its text.
    expect(generations.map((g) => g.output ?? null).sort()).toEqual([null, 'Booked for Tuesday 3pm.'].sort());
    const html = readFileSync(replayed.live.report, 'utf8');
    expect(html).toContain('What is in this picture?');
    expect(html).toContain('developer');
  });
});
