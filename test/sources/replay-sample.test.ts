/** Replaying the real ClawLoop sample: every event is delivered, in order, valid, and counted against the files. */
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, appendFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_VALIDATORS } from '../../generated/validators.gen.js';
import { collect } from '../helpers/collect.js';
import { requireSample } from '../helpers/paths.js';

const sample = requireSample();
const jsonLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

function copySample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clawloop-sample-'));
  cpSync(sample, dir, { recursive: true });
  chmodSync(dir, 0o755);
  for (const f of readdirSync(dir, { recursive: true }) as string[]) chmodSync(join(dir, f), 0o755);
  return dir;
}

describe('replay of the real sample output directory', () => {
  it('delivers one event per record, in ClawLoop order, all valid', async () => {
    const { events, problems } = await collect(sample);
    expect(problems).toEqual([]);
    const experiment = jsonLines(join(sample, 'experiment.jsonl'));
    const evolution = jsonLines(join(sample, 'evolution.jsonl'));
    const dump = jsonLines(join(sample, 'episodes.ndjson'));
    const [runStart, runComplete] = jsonLines(join(sample, 'archive', 'runs.jsonl'));
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect(count('run.started')).toBe(1);
    expect(count('episode')).toBe(dump.reduce((n: number, line: { episodes: unknown[] }) => n + line.episodes.length, 0));
    expect(count('iteration')).toBe(experiment.length);
    expect(count('evolution')).toBe(evolution.length);
    expect(count('run.finished')).toBe(1);
    expect(events.every((e) => e.run_id === runStart.run_id)).toBe(true);
    for (const event of events) expect(EVENT_VALIDATORS[event.type](event), JSON.stringify(EVENT_VALIDATORS[event.type].errors)).toBe(true);

    // Per iteration: its episodes, then the iteration, then its evolution entry.
    const order = events.map((e) =>
      e.type === 'episode' || e.type === 'iteration' || e.type === 'evolution' ? `${e.type}:${e.iteration}` : e.type,
    );
    expect(order[0]).toBe('run.started');
    expect(order.at(-1)).toBe('run.finished');
    for (const line of experiment) {
      const i = line.iteration;
      const iterationAt = order.indexOf(`iteration:${i}`);
      expect(order.lastIndexOf(`episode:${i}`)).toBeLessThan(iterationAt);
      if (evolution.some((e) => e.iteration === i)) expect(order.indexOf(`evolution:${i}`)).toBeGreaterThan(iterationAt);
    }
    const finished = events.at(-1)!;
    expect(finished).toMatchObject({
      type: 'run.finished',
      finished_at: runComplete.completed_at,
      best_reward: runComplete.best_reward,
      n_iterations_completed: experiment.length,
    });
  });

  it('merges state hashes and the full playbook from the after_iteration dump into iteration events', async () => {
    const { events } = await collect(sample);
    const dump = jsonLines(join(sample, 'episodes.ndjson'));
    const iterations = events.filter((e) => e.type === 'iteration');
    iterations.forEach((it, i) => {
      expect(it.type === 'iteration' && it.state_id?.combined_hash).toBe(dump[i].state_id.combined_hash);
      expect(it.type === 'iteration' && it.playbook?.entries.length).toBe(dump[i].playbook.entries.length);
    });
  });

  it('replays the archive directory alone, taking the run id from it', async () => {
    const { events, problems, notices } = await collect(join(sample, 'archive'));
    expect(problems).toEqual([]);
    expect(events[0]).toMatchObject({ type: 'run.started', bench: 'toolbench' });
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'completed' });
    expect(notices.join('\n')).toContain('full episodes');
  });

  it('derives a stable run id for an output directory without an archive', async () => {
    const dir = copySample();
    const a = await collect(join(dir, 'experiment.jsonl'));
    const b = await collect(join(dir, 'experiment.jsonl'));
    expect(a.events[0].run_id).toMatch(/^[0-9a-f]{32}$/);
    expect(a.events[0].run_id).toBe(b.events[0].run_id);
    expect(a.events.filter((e) => e.type === 'iteration')).toHaveLength(3);
  });
});

describe('bad lines are reported with file, line and field; every good line is still delivered', () => {
  it('handles truncated JSON, NaN, wrong types, invalid UTF-8 and unknown values: a field it can live without costs the field, not the line', async () => {
    const dir = copySample();
    const exp = join(dir, 'experiment.jsonl');
    const good = readFileSync(exp, 'utf8').split('\n').filter(Boolean);
    const nan = JSON.parse(good[0].replace('"avg_reward": 0.25', '"avg_reward": 0.5'));
    nan.iteration = 3;
    const nanLine = JSON.stringify(nan).replace('"avg_reward":0.5', '"avg_reward":NaN');
    const wrongType = good[1].replace('"n_episodes": 4', '"n_episodes": "four"').replace('"iteration": 1', '"iteration": 4');
    writeFileSync(exp, [good[0], good[0].slice(0, 80), good[1], good[2], nanLine, wrongType, ''].join('\n'));
    appendFileSync(
      join(dir, 'evolution.jsonl'),
      '{"iteration": "nine", "timestamp": 1, "state_hash_before": "a", "state_hash_after": "b", "actions": ["rewrite"], "reward_before": 0, "reward_after": 0, "reward_delta": 0, "backend": "local"}\n',
    );
    appendFileSync(
      join(dir, 'episodes.ndjson'),
      Buffer.concat([Buffer.from('{"iteration": 7, "episodes": ["'), Buffer.from([0xff, 0xfe]), Buffer.from('"]}\n')]),
    );

    const { events, problems, problemLines } = await collect(dir);
    expect(problemLines).toHaveLength(5);
    expect(problemLines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${dir}/experiment.jsonl:2: not valid JSON: `)),
        `${dir}/experiment.jsonl:5: avg_reward: NaN is not a number JSON can carry (Python's json.dumps writes it for a non-finite float); dropped`,
        `${dir}/experiment.jsonl:6: n_episodes: must be integer, got "four"; dropped`,
        `${dir}/episodes.ndjson:4: not valid UTF-8`,
        `${dir}/evolution.jsonl:4: iteration: must be integer, got "nine"; the line cannot be an event without it, so it was skipped`,
      ]),
    );
    expect(problems.filter((p) => p.kept).map((p) => p.line)).toEqual([5, 6]);
    const iterations = events.filter((e) => e.type === 'iteration');
    expect(iterations.map((e) => e.iteration)).toEqual([0, 1, 2, 3, 4]);
    expect(iterations[3]).not.toHaveProperty('avg_reward');
    expect(iterations[3]).toMatchObject({ min_reward: nan.min_reward, per_task: nan.per_task });
    expect(iterations[4]).not.toHaveProperty('n_episodes');
    expect(events.filter((e) => e.type === 'episode')).toHaveLength(12);
    expect(events.filter((e) => e.type === 'evolution')).toHaveLength(3);
  });

  it('reports unknown event types in canonical NDJSON and keeps the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clawloop-events-'));
    const file = join(dir, 'events.ndjson');
    const { events: real } = await collect(sample);
    const lines = real.map((e) => JSON.stringify(e));
    lines.splice(3, 0, '{"type": "episode.started", "run_id": "x"}', '{"run_id": "no type"}', '{"type": "iteration", "run_id": "r"}');
    writeFileSync(file, lines.join('\n') + '\n');
    const { events, problemLines } = await collect(file);
    expect(events).toEqual(real);
    expect(problemLines).toEqual([
      `${file}:4: type: unknown event type "episode.started" (expected one of episode, evolution, iteration, run.finished, run.started)`,
      `${file}:5: type: missing event type (expected one of episode, evolution, iteration, run.finished, run.started)`,
      `${file}:6: iteration: missing required field; the line cannot be an event without it, so it was skipped`,
    ]);
  });
});
