/**
 * Every line of every file of the real ClawLoop run in ../shared/clawloop-sample validates against our source
 * schemas, and deliberately broken copies fail with an error naming the field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { SOURCE_VALIDATORS } from '../../generated/validators.gen.js';
import { describeErrors } from '../../src/core/validation.js';
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

type Mutation = [name: string, file: string, mutate: (v: any) => void, expected: string, line?: number];

const MUTATIONS: Mutation[] = [
  ['wrong type of avg_reward', 'experiment.jsonl', (v) => (v.avg_reward = '0.25'), 'avg_reward: must be number'],
  ['missing fb_results', 'experiment.jsonl', (v) => delete v.fb_results, 'fb_results: missing required field'],
  ['unknown layer status', 'experiment.jsonl', (v) => (v.fb_results.harness.status = 'done'), 'fb_results.harness.status: must be one of ok, error, skipped'],
  ['per-task reward as string', 'experiment.jsonl', (v) => (v.per_task[Object.keys(v.per_task)[0]].reward = 'x'), '.reward: must be number'],
  ['unknown evolution action', 'evolution.jsonl', (v) => (v.actions = ['rewrite']), 'actions[0]: must be one of reflect, mutate, paradigm_shift'],
  ['empty evolution actions', 'evolution.jsonl', (v) => (v.actions = []), 'actions: must NOT have fewer than 1 items'],
  ['message role', 'episodes.ndjson', (v) => (v.episodes[0].messages[1].role = 'robot'), 'episodes[0].messages[1].role: must be one of system, user, assistant, tool'],
  ['missing session_id', 'episodes.ndjson', (v) => delete v.episodes[2].session_id, 'episodes[2].session_id: missing required field'],
  ['signal value out of range', 'episodes.ndjson', (v) => (v.episodes[0].summary.signals.execution.value = 3), 'episodes[0].summary.signals.execution.value: must be <= 1'],
  ['tool call arguments as object', 'episodes.ndjson', (v) => (v.episodes[0].messages[2].tool_calls[0].arguments = { q: 1 }), 'episodes[0].messages[2].tool_calls[0].arguments: must be string'],
  ['misspelled field', 'episodes.ndjson', (v) => (v.episodes[0].sesion_id = 'x'), 'episodes[0].sesion_id: unknown field'],
  ['run_complete without completed_at', 'archive/runs.jsonl', (v) => delete v.completed_at, 'completed_at: missing required field', 2],
  ['episode record reward above 1', `archive/${runDir}/episodes.jsonl`, (v) => (v.reward = 1.5), 'reward: must be <= 1'],
  ['variant without playbook', 'archive/variants.jsonl', (v) => delete v.playbook_snapshot, 'playbook_snapshot: missing required field'],
];

describe('broken copies fail naming the field', () => {
  it.each(MUTATIONS)('%s', (_name, file, mutate, expected, line = 1) => {
    const validate = FILES.find(([f]) => f === file)![1];
    const value = structuredClone(lines(file)[line - 1]);
    expect(check(validate, value)).toBe('valid');
    mutate(value);
    expect(check(validate, value)).toContain(expected);
  });
});
