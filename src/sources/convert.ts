/**
 * ClawLoop's own record shapes → canonical events. Pure functions; anything a source lacks stays absent.
 */
import type {
  ArchiveIterationRecord,
  ArchiveRunRecord,
  CallbackLine,
  EpisodeEvent,
  EvolutionEvent,
  EvolutionLine,
  ExperimentLine,
  IterationEvent,
  Playbook,
  RunFinishedEvent,
  RunStartedEvent,
} from '../../generated/types.gen.js';

type RunStart = Extract<ArchiveRunRecord, { record_type: 'run_start' }>;
type RunComplete = Extract<ArchiveRunRecord, { record_type: 'run_complete' }>;

export function runStartedFromArchive(record: RunStart, source: string): RunStartedEvent {
  return dropUndefined({
    type: 'run.started',
    run_id: record.run_id,
    started_at: record.created_at,
    source,
    bench: record.bench,
    domain_tags: record.domain_tags,
    n_iterations: record.n_iterations,
    config_hash: record.config_hash,
    parent_run_id: record.parent_run_id,
    agent_config: record.agent_config,
  });
}

export function runFinishedFromArchive(record: RunComplete, iterationsCompleted: number): RunFinishedEvent {
  return dropUndefined({
    type: 'run.finished',
    run_id: record.run_id,
    finished_at: record.completed_at,
    status: 'completed',
    best_reward: record.best_reward,
    improvement_delta: record.improvement_delta,
    total_cost_tokens: record.total_cost_tokens,
    n_iterations_completed: iterationsCompleted,
  });
}

export function episodesFromCallback(runId: string, line: CallbackLine): EpisodeEvent[] {
  return line.episodes.map((episode) => ({ type: 'episode', run_id: runId, iteration: line.iteration, episode }));
}

export interface IterationParts {
  experiment: ExperimentLine;
  callback?: CallbackLine;
  archive?: ArchiveIterationRecord;
  /** Full playbook from the archive variant the iteration produced, when the callback dump is absent. */
  variantPlaybook?: Playbook;
}

/** experiment.jsonl line + whatever the callback dump and the archive add for the same iteration. */
export function iterationFrom(runId: string, parts: IterationParts): IterationEvent {
  const { experiment, callback, archive } = parts;
  return dropUndefined({
    type: 'iteration',
    run_id: runId,
    ...experiment,
    playbook: callback?.playbook ?? parts.variantPlaybook,
    playbook_version: callback?.playbook_version,
    playbook_generation: callback?.playbook_generation,
    state_id: callback?.state_id,
    harness_snapshot_hash: archive?.harness_snapshot_hash,
  });
}

export function evolutionFrom(runId: string, line: EvolutionLine): EvolutionEvent {
  return { type: 'evolution', run_id: runId, ...line };
}

/** Removes keys whose value is undefined, so "absent" stays absent in the event. */
export function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
  return value;
}
