/**
 * What a real Langfuse must show for a ClawLoop run, computed from the run's canonical events, and the check that
 * compares it with what the server's public API returns. Values are exact: names, ids, parents, types, levels,
 * status messages, models, usage, input/output, metadata, tags, session, environment, release, score values and
 * data types.
 */
import { expect } from 'vitest';
import type { CanonicalEvent, EpisodeEvent, IterationEvent } from '../../generated/types.gen.js';
import { effectiveReward, normalizedReward } from '../../src/core/rewards.js';
import { runTraceId } from '../../src/transports/langfuse/index.js';
import { episodeSpanIds } from '../../src/otlp/spans.js';
import { messageText } from '../../src/core/message-text.js';
import {
  eventually,
  observations,
  scores,
  type LangfuseApi,
  type LangfuseObservation,
  type LangfuseScore,
} from './servers/langfuse-api.js';

export interface ReplayExpectation {
  environment?: string;
  release?: string;
  /** Epoch ms: wait until every observation and score was (re)written after this (a replay of data already there). */
  since?: number;
}

type Row = { id: string; updatedAt?: unknown };

/** Rows by id: Langfuse's list endpoints can return one id several times (see `readSettled`). */
function groupById<T extends Row>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.id, [...(groups.get(item.id) ?? []), item]);
  return groups;
}

const newest = (rows: Row[]) => Math.max(...rows.map((r) => (typeof r.updatedAt === 'string' ? Date.parse(r.updatedAt) : 0)));

/** A row without the bookkeeping that differs between two writes of the same data. */
const content = (row: Record<string, unknown>) => JSON.stringify({ ...row, createdAt: undefined, updatedAt: undefined });

/**
 * Reads until at least `count` distinct ids are there, each (re)written after `since`. Langfuse stores observations and
 * scores in ClickHouse ReplacingMergeTree tables and its v2/v3 list endpoints read without FINAL, so data sent twice
 * (a retried batch, a second replay) shows as two rows of the same id until ClickHouse merges the parts, at a time of
 * its choosing. Such rows must be the same data (our ids and times are derived from the run, never from the clock);
 * then the parts are merged and read again, and exactly one row per id must remain.
 */
async function readSettled<T extends Row>(
  api: LangfuseApi,
  read: () => Promise<T[]>,
  count: number,
  since: number | undefined,
  what: string,
): Promise<T[]> {
  const done = (items: T[]) => {
    const groups = groupById(items);
    return groups.size >= count && (since === undefined || [...groups.values()].every((rows) => newest(rows) >= since));
  };
  let items = await eventually(read, done);
  const groups = groupById(items);
  if (groups.size === items.length || !api.mergeParts) return items;
  for (const [id, rows] of groups) {
    // Rows of one id written before `since` are the earlier replay's: only the newest write must match.
    const current = since === undefined ? rows : rows.filter((r) => newest([r]) >= since);
    expect(new Set(current.map((r) => content(r as Record<string, unknown>))).size, `${what}: rows of ${id} are the same data`).toBe(1);
  }
  await api.mergeParts();
  items = await read();
  return items;
}

const episodesOf = (events: CanonicalEvent[]) => events.filter((e): e is EpisodeEvent => e.type === 'episode');
const iterationsOf = (events: CanonicalEvent[]) => events.filter((e): e is IterationEvent => e.type === 'iteration');

/** Observations an episode becomes: the AGENT root, a GENERATION per assistant message, a TOOL per tool call. */
export function observationCount(e: EpisodeEvent): number {
  return (e.episode.messages ?? []).reduce((n, m) => n + (m.role === 'assistant' ? 1 + (m.tool_calls?.length ?? 0) : 0), 1);
}

/** Scores an episode becomes: each reward signal, effective and normalized reward, `filtered`. */
export function scoreNames(e: EpisodeEvent): string[] {
  return [...Object.keys(e.episode.summary.signals), 'effective_reward', 'normalized_reward', 'filtered'].sort();
}

/** Langfuse returns input/output as the raw string it stored: JSON text is parsed back for comparison. */
export function io(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Waits until every episode's observations and scores are in, then checks each against the events, exactly. */
export async function expectRunInLangfuse(
  api: LangfuseApi,
  events: CanonicalEvent[],
  want: ReplayExpectation = {},
): Promise<{ observations: number; scores: number }> {
  let totalObservations = 0;
  let totalScores = 0;
  for (const e of episodesOf(events)) {
    const ids = episodeSpanIds(e.run_id, e.episode.id);
    const obs = await readSettled(
      api,
      () => observations(api, { traceId: ids.traceId }),
      observationCount(e),
      want.since,
      `trace ${ids.traceId} observations`,
    );
    const sc = await readSettled(
      api,
      () => scores(api, { traceId: ids.traceId }),
      scoreNames(e).length,
      want.since,
      `trace ${ids.traceId} scores`,
    );
    expectEpisode(e, obs, sc, want);
    totalObservations += obs.length;
    totalScores += sc.length;
  }
  const iterations = iterationsOf(events);
  if (iterations.length > 0) {
    const runTrace = runTraceId(iterations[0].run_id);
    const expected = iterations.reduce(
      (n, it) => n + Object.values(runScoreValues(it, episodesOf(events))).filter((v) => v !== undefined).length,
      0,
    );
    const sc = await readSettled(api, () => scores(api, { traceId: runTrace }), expected, want.since, `run trace ${runTrace} scores`);
    expectRunScores(iterations, episodesOf(events), sc);
    totalScores += sc.length;
    const bench = events.find((x) => x.type === 'run.started')?.bench;
    const chains = await readSettled(
      api,
      () => observations(api, { traceId: runTrace }),
      iterations.length,
      want.since,
      `run trace ${runTrace} observations`,
    );
    expect(chains.map((o) => o.name).sort(), 'run trace: one observation per iteration').toEqual(
      iterations.map((it) => `iteration:${it.iteration}`).sort(),
    );
    for (const it of iterations) {
      const chain = chains.find((o) => o.name === `iteration:${it.iteration}`)!;
      expect(chain, `run trace: iteration ${it.iteration}`).toMatchObject({
        type: 'CHAIN',
        traceName: bench ? `clawloop-run/${bench}` : 'clawloop-run',
        ...(want.environment ? { environment: want.environment } : {}),
      });
      expect(chain.metadata, `run trace: iteration ${it.iteration}`).toMatchObject({ run_id: it.run_id, iteration: it.iteration });
      expectTime(chain.startTime, it.timestamp, `run trace: iteration ${it.iteration} time`);
    }
  }
  return { observations: totalObservations, scores: totalScores };
}

/** The step an assistant message belongs to (its last step boundary at or before it), as ClawLoop counts steps. */
export function stepOfMessage(episode: EpisodeEvent['episode'], index: number): number {
  let step = 0;
  (episode.step_boundaries ?? []).forEach((boundary, k) => {
    if (boundary <= index) step = k;
  });
  return step;
}

/** A message as the generation's input lists it: role and content, plus name, tool_call_id and tool calls when set. */
function promptMessage(m: NonNullable<EpisodeEvent['episode']['messages']>[number]): Record<string, unknown> {
  return {
    role: m.role,
    content: m.content,
    ...(m.name ? { name: m.name } : {}),
    ...(m.tool_call_id ? { tool_call_id: m.tool_call_id } : {}),
    ...(m.tool_calls?.length ? { tool_calls: m.tool_calls.map((c) => ({ id: c.id, name: c.name, arguments: c.arguments })) } : {}),
  };
}

/** Langfuse keeps times to the millisecond: compare with ClawLoop's float seconds at that precision. */
function expectTime(iso: string | null | undefined, seconds: number | null | undefined, what: string): void {
  if (typeof seconds !== 'number') return;
  expect(iso, what).toBeTypeOf('string');
  expect(Math.abs(Date.parse(iso!) - seconds * 1000), `${what}: ${iso} vs ${seconds}`).toBeLessThan(1);
}

export function expectEpisode(e: EpisodeEvent, obs: LangfuseObservation[], sc: LangfuseScore[], want: ReplayExpectation): void {
  const { episode } = e;
  const messages = episode.messages ?? [];
  const metadata = episode.metadata ?? {};
  const ids = episodeSpanIds(e.run_id, episode.id);
  const context = `episode ${episode.id} (trace ${ids.traceId})`;
  const byId = new Map(obs.map((o) => [o.id, o]));
  expect(obs.length, `${context}: one row per observation id`).toBe(byId.size);
  expect(obs.length, context).toBe(observationCount(e));
  for (const o of obs) {
    expect(o.traceId, context).toBe(ids.traceId);
    if (want.environment) expect(o.environment, `${context}: ${o.name}`).toBe(want.environment);
    if (want.release) expect(o.release, `${context}: ${o.name}`).toBe(want.release);
  }

  const user = messages.find((m) => m.role === 'user');
  const firstUser = user ? messageText(user.content) : undefined;
  const finalAnswer = [...messages]
    .reverse()
    .map((m) => (m.role === 'assistant' ? messageText(m.content) : ''))
    .find((text) => text.trim() !== '');
  const root = byId.get(ids.root);
  expect(root, `${context}: AGENT root`).toBeDefined();
  expect(root, context).toMatchObject({
    type: 'AGENT',
    name: `episode:${episode.id}`,
    parentObservationId: null,
    isRootObservation: true,
    traceName: `${episode.bench}/${episode.task_id}`,
    sessionId: episode.session_id,
    level: 'DEFAULT',
    statusMessage: typeof metadata.error === 'string' ? metadata.error : '',
  });
  expectTime(root!.startTime, episode.created_at, `${context}: start`);
  expect([...(root!.tags ?? [])].sort(), context).toEqual(
    [
      episode.bench,
      `task:${episode.task_id}`,
      ...(episode.model ? [`model:${episode.model}`] : []),
      ...(episode.summary.filtered ? ['filtered'] : []),
    ].sort(),
  );
  expect(root!.input, `${context}: trace input`).toBe(firstUser ?? null);
  expect(root!.output, `${context}: trace output`).toBe(finalAnswer ?? null);
  const usage = episode.summary.token_usage;
  const timing = episode.summary.timing;
  const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));
  expect(root!.metadata, `${context}: trace metadata`).toMatchObject(
    defined({
      ...JSON.parse(JSON.stringify(metadata)),
      run_id: e.run_id,
      iteration: e.iteration,
      episode_id: episode.id,
      task_id: episode.task_id,
      bench: episode.bench,
      state_id: episode.state_id,
      model: episode.model,
      harness_version: typeof metadata.harness_version === 'string' ? metadata.harness_version : undefined,
      score_breakdown: episode.summary.score_breakdown,
      prompt_tokens: usage?.prompt_tokens,
      completion_tokens: usage?.completion_tokens,
      total_tokens: usage?.total_tokens,
      total_ms: timing?.total_ms,
      per_step_ms: timing?.per_step_ms,
      scored_at_generation: episode.summary.scored_at_generation,
    }),
  );

  messages.forEach((m, i) => {
    if (m.role !== 'assistant') return;
    const gen = byId.get(ids.llm(i));
    const where = `${context}: message ${i}`;
    const step = stepOfMessage(episode, i);
    expect(gen, `${where}: GENERATION`).toBeDefined();
    expect(gen, where).toMatchObject({
      type: 'GENERATION',
      name: `llm:step${step}`,
      parentObservationId: ids.root,
      model: m.model ?? '',
      level: 'DEFAULT',
      statusMessage: '',
    });
    expectTime(gen!.startTime, m.timestamp, `${where}: start`);
    // Langfuse adds the total to the usage it is given.
    expect(gen!.usageDetails, `${where}: usage`).toEqual(
      typeof m.token_count === 'number' ? { output: m.token_count, total: m.token_count } : {},
    );
    expect(gen!.output, `${where}: output`).toBe(messageText(m.content) === '' ? null : messageText(m.content));
    expect(io(gen!.input), `${where}: input messages`).toEqual(messages.slice(0, i).map(promptMessage));
    expect(gen!.metadata, `${where}: metadata`).toMatchObject(
      defined({ step, step_reward: episode.steps?.[step]?.reward, reasoning_content: m.reasoning_content ?? undefined }),
    );
    for (const call of m.tool_calls ?? []) {
      const tool = byId.get(ids.tool(i, call.id));
      const at = `${context}: tool call ${call.id}`;
      const failed = call.success === false;
      const answer = messages.find((x) => x.role === 'tool' && x.tool_call_id === call.id);
      expect(tool, `${at}: TOOL`).toBeDefined();
      expect(tool, at).toMatchObject({
        type: 'TOOL',
        name: `tool:${call.name}`,
        parentObservationId: ids.llm(i),
        level: failed ? 'ERROR' : 'DEFAULT',
        statusMessage: failed ? (call.error ?? 'tool call failed') : '',
        input: call.arguments,
        output: answer ? messageText(answer.content) : (call.result ?? null),
      });
      expect(tool!.metadata, `${at}: metadata`).toMatchObject(
        defined({ tool_call_id: call.id, latency_ms: call.latency_ms, success: call.success }),
      );
    }
  });

  expect(sc.map((s) => s.name).sort(), `${context}: scores`).toEqual(scoreNames(e));
  const score = (name: string) => sc.find((s) => s.name === name)!;
  for (const s of sc) {
    expect(s.subject, `${context}: score ${s.name} is on the episode's trace`).toEqual({ kind: 'trace', id: ids.traceId });
    expect(s.source, `${context}: score ${s.name}`).toBe('API');
    expect(s.metadata, `${context}: score ${s.name}`).toMatchObject({ run_id: e.run_id, iteration: e.iteration, source: 'clawloop' });
    expectTime(s.timestamp, episode.created_at, `${context}: score ${s.name} timestamp`);
    if (want.environment) expect(s.environment, `${context}: score ${s.name}`).toBe(want.environment);
  }
  for (const [name, signal] of Object.entries(episode.summary.signals)) {
    expect(score(name), `${context}: signal ${name}`).toMatchObject({
      dataType: 'NUMERIC',
      value: signal.value,
      comment: `${name} signal, confidence ${signal.confidence}`,
    });
    expect(score(name).metadata, `${context}: signal ${name}`).toMatchObject({ confidence: signal.confidence });
  }
  expect(score('effective_reward'), context).toMatchObject({ dataType: 'NUMERIC', value: effectiveReward(episode.summary.signals) });
  expect(score('normalized_reward'), context).toMatchObject({ dataType: 'NUMERIC', value: normalizedReward(episode.summary.signals) });
  expect(score('filtered'), context).toMatchObject({ dataType: 'BOOLEAN', value: episode.summary.filtered === true });
}

export function expectRunScores(iterations: IterationEvent[], episodes: EpisodeEvent[], sc: LangfuseScore[]): void {
  let total = 0;
  for (const it of iterations) {
    const values = runScoreValues(it, episodes);
    for (const name of Object.keys(values)) {
      const found = sc.filter((s) => s.name === name && s.metadata?.iteration === it.iteration);
      if (values[name] === undefined) {
        expect(found, `run trace: no ${name} for iteration ${it.iteration}`).toHaveLength(0);
        continue;
      }
      expect(found, `run trace: ${name} of iteration ${it.iteration}`).toHaveLength(1);
      total += 1;
      expect(found[0], `run trace: ${name} of iteration ${it.iteration}`).toMatchObject({
        dataType: 'NUMERIC',
        value: values[name],
        comment: `iteration ${it.iteration}`,
        subject: { kind: 'trace', id: runTraceId(it.run_id) },
      });
    }
  }
  expect(sc, 'run trace: no other scores').toHaveLength(total);
}

/** The per-iteration scores on the run trace, as ClawLoop's numbers give them (undefined: not sent). */
export function runScoreValues(it: IterationEvent, episodes: EpisodeEvent[]): Record<string, number | undefined> {
  const mine = episodes.filter((e) => e.run_id === it.run_id && e.iteration === it.iteration);
  const mean = (f: (e: EpisodeEvent) => number) => (mine.length ? mine.reduce((sum, e) => sum + f(e), 0) / mine.length : undefined);
  return {
    'reward.mean': mean((e) => effectiveReward(e.episode.summary.signals)),
    'reward.mean_normalized': mean((e) => normalizedReward(e.episode.summary.signals)),
    'reward.raw_mean': it.avg_reward,
    'playbook.size': it.playbook?.entries.length ?? it.playbook_size ?? it.playbook_entries?.length,
  };
}
