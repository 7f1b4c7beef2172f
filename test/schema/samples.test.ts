/**
 * Every line of every file of the real ClawLoop run in ../shared/clawloop-sample validates against our source
 * schemas, and deliberately broken copies go through the field-level quarantine with a problem naming the field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { SOURCE_VALIDATORS } from '../../generated/validators.gen.js';
import { describeErrors } from '../../src/core/validation.js';
import { checkLine } from '../../src/sources/records.js';
import { requireSample } from '../helpers/paths.js';

const sample = requireSample();
const runDir = readdirSync(join(sample, 'archive'), { withFileTypes: true }).find((e) => e.isDirectory())!.name;

const FILES: Array<[string, ValidateFunction]> = [
  ['experiment.jsonl', SOURCE_VALIDATORS.ExperimentLine],
  ['evolution.jsonl', SOURCE_VALIDATORS.EvolutionLine],
  ['episodes.ndjson', SOURCE_VALIDATORS.CallbackLine],
  ['archive/runs.jsonl', SOURCE_VALIDATORS.ArchiveRunRecord],
  ['archive/iterations.jsonl', SOURCE_VALIDATORS.ArchiveIterationRecord],
  ['archive/variants.jsonl', SOURCE_VALIDATORS.ArchiveVariantRecord],
  [`archive/${runDir}/episodes.jsonl`, SOURCE_VALIDATORS.ArchiveEpisodeRecord],
];

function lines(file: string): unknown[] {
  return readFileSync(join(sample, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l));
}

function check(validate: ValidateFunction, value: unknown): string {
  return validate(value) ? 'valid' : Object.values(describeErrors(validate.errors)).join(': ');
}

describe('the real ClawLoop sample validates', () => {
  it.each(FILES)('%s: every line', (file, validate) => {
    const values = lines(file);
    expect(values.length).toBeGreaterThan(0);
    for (const [index, value] of values.entries()) expect(`line ${index + 1}: ${check(validate, value)}`).toBe(`line ${index + 1}: valid`);
  });
});

type Outcome = 'clean' | 'kept' | 'skipped';
type Mutation = [name: string, file: string, mutate: (v: any) => void, outcome: Outcome, expected: string, line?: number];

/**
 * Broken copies of real lines through the field-level quarantine (schema/README.md): a field the record can live
 * without is dropped or coerced (`kept`), only a record without identity or time is skipped, and what a newer
 * ClawLoop may add or loosen is accepted as it is (`clean`).
 */
const MUTATIONS: Mutation[] = [
  ['wrong type of avg_reward', 'experiment.jsonl', (v) => (v.avg_reward = '0.25'), 'kept', 'avg_reward: must be number, got "0.25"; coerced to the number 0.25'],
  ['NaN-like avg_reward text', 'experiment.jsonl', (v) => (v.avg_reward = 'n/a'), 'kept', 'avg_reward: must be number, got "n/a"; dropped'],
  ['missing fb_results', 'experiment.jsonl', (v) => delete v.fb_results, 'clean', ''],
  ['a layer status ClawLoop may add', 'experiment.jsonl', (v) => (v.fb_results.harness.status = 'done'), 'clean', ''],
  ['per-task reward as string', 'experiment.jsonl', (v) => (v.per_task[Object.keys(v.per_task)[0]].reward = 'x'), 'kept', '.reward: must be number, got "x"; dropped'],
  ['pre-2026-04-19 per_task entry', 'experiment.jsonl', (v) => Object.values(v.per_task).forEach((t: any) => Object.keys(t).forEach((k) => ['reward', 'signals', 'error'].includes(k) || Reflect.deleteProperty(t, k))), 'clean', ''],
  ['missing timestamp', 'experiment.jsonl', (v) => delete v.timestamp, 'skipped', 'timestamp: missing required field'],
  ['an evolution action ClawLoop may add', 'evolution.jsonl', (v) => (v.actions = ['rewrite']), 'clean', ''],
  ['empty evolution actions', 'evolution.jsonl', (v) => (v.actions = []), 'kept', 'actions: must NOT have fewer than 1 items, got []; dropped'],
  ['unknown message role', 'episodes.ndjson', (v) => (v.episodes[0].messages[1].role = 'robot'), 'kept', 'episodes[0].messages[1].role: must be one of system, developer, user, assistant, tool, function, got "robot"; set to "user"'],
  ['live-mode message: null content, developer role', 'episodes.ndjson', (v) => Object.assign(v.episodes[0].messages[1], { role: 'developer', content: null }), 'clean', ''],
  ['live-mode message: content parts, logprob dicts', 'episodes.ndjson', (v) => Object.assign(v.episodes[0].messages[1], { content: [{ type: 'text', text: 'hi' }, { type: 'image_url', image_url: { url: 'x' } }], logprobs: [{ token: 'a', token_id: 1, logprob: -0.1, top_logprobs: { a: -0.1, b: -2.3 } }] }), 'clean', ''],
  ['missing session_id', 'episodes.ndjson', (v) => delete v.episodes[2].session_id, 'clean', ''],
  ['signal value out of range (RewardSignal clamps)', 'episodes.ndjson', (v) => (v.episodes[0].summary.signals.execution.value = 3), 'kept', 'episodes[0].summary.signals.execution.value: must be <= 1, got 3; clamped to 1'],
  ['tool call arguments as object', 'episodes.ndjson', (v) => (v.episodes[0].messages[2].tool_calls[0].arguments = { q: 1 }), 'kept', 'episodes[0].messages[2].tool_calls[0].arguments: must be string, got {"q":1}; written as JSON text'],
  ['wrong type inside metadata', 'episodes.ndjson', (v) => (v.episodes[0].metadata.error = 42), 'kept', 'episodes[0].metadata.error: must be string or null, got 42; coerced to text'],
  ['a field a newer ClawLoop adds', 'episodes.ndjson', (v) => (v.episodes[0].sesion_id = 'x'), 'clean', ''],
  ['episode without id', 'episodes.ndjson', (v) => delete v.episodes[1].id, 'kept', 'episodes[1].id: missing required field; item episodes[1] dropped'],
  ['run_complete without completed_at', 'archive/runs.jsonl', (v) => delete v.completed_at, 'skipped', 'completed_at: missing required field', 2],
  ['episode record reward above 1', `archive/${runDir}/episodes.jsonl`, (v) => (v.reward = 1.5), 'kept', 'reward: must be <= 1, got 1.5; clamped to 1'],
  ['variant without playbook', 'archive/variants.jsonl', (v) => delete v.playbook_snapshot, 'clean', ''],
  ['variant of a run without Harness: playbook_snapshot {}', 'archive/variants.jsonl', (v) => (v.playbook_snapshot = {}), 'clean', ''],
];

describe('broken copies: a bad field costs the field, only a record without identity or time is skipped', () => {
  it.each(MUTATIONS)('%s', (_name, file, mutate, outcome, expected, line = 1) => {
    const validate = FILES.find(([f]) => f === file)![1];
    const value = structuredClone(lines(file)[line - 1]);
    expect(check(validate, value)).toBe('valid');
    mutate(value);
    const checked = checkLine({ line, text: JSON.stringify(value) }, validate, file)!;
    const problems = checked.problems.map((p) => `${p.field}: ${p.problem}`);
    if (outcome === 'clean') {
      expect(problems).toEqual([]);
      expect('value' in checked && checked.value).toEqual(value);
      return;
    }
    expect(problems).toEqual([expect.stringContaining(expected)]);
    expect('value' in checked).toBe(outcome === 'kept');
    if ('value' in checked) expect(check(validate, checked.value)).toBe('valid');
  });
});
