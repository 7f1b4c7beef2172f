/**
 * ClawLoop's own record shapes → canonical events. Pure functions; anything a source lacks stays absent.
 */
import type {
  ArchiveEpisodeRecord,
  ArchiveIterationRecord,
  ArchiveRunRecord,
  ArchiveVariantRecord,
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

/**
 * An archive EpisodeRecord as a summary `episode` event: reward signals, tokens, latency and counts, no messages
 * (core/archive_recorder.py writes no trace file). `reward` is left out: it is normalized_reward() of the signals.
 */
export function episodeFromArchive(runId: string, record: ArchiveEpisodeRecord): EpisodeEvent {
  const usage = record.token_usage && 'total_tokens' in record.token_usage ? record.token_usage : undefined;
  return {
    type: 'episode',
    run_id: runId,
    iteration: record.iteration_num,
    episode: dropUndefined({
      id: record.episode_id,
      task_id: record.task_id,
      bench: record.bench,
      model: record.model || undefined,
      created_at: record.created_at,
      summary: dropUndefined({
        signals: Object.fromEntries(
          Object.entries(record.signals ?? {}).map(([name, s]) => [name, { name, value: s.value, confidence: s.confidence }]),
        ),
        token_usage: usage,
        timing: record.latency_ms !== undefined ? { total_ms: record.latency_ms } : undefined,
      }),
      n_steps: record.n_steps,
      n_tool_calls: record.n_tool_calls,
      messages_ref: record.messages_ref,
    }),
  };
}

/** A variant's playbook, or undefined for `playbook_snapshot: {}` (the run had no ClawLoop Harness). */
export function variantPlaybook(record: ArchiveVariantRecord): Playbook | undefined {
  const snapshot: { entries?: unknown } | undefined = record.playbook_snapshot;
  return snapshot && Array.isArray(snapshot.entries) ? (snapshot as Playbook) : undefined;
}

/**
 * The iteration as the archive's IterationRecord tells it, for sources without experiment.jsonl: mean_reward is
 * avg_reward, reward_trajectory the episodes' total rewards, evolver_action the metrics of the layers whose
 * forward_backward was ok.
 */
export function iterationFromArchive(
  runId: string,
  record: ArchiveIterationRecord,
): Omit<IterationEvent, 'timestamp'> & { timestamp?: number } {
  const rewards = record.reward_trajectory;
  return dropUndefined({
    type: 'iteration',
    run_id: runId,
    iteration: record.iteration_num,
    timestamp: record.created_at,
    n_episodes: rewards?.length,
    avg_reward: record.mean_reward,
    min_reward: rewards?.length ? Math.min(...rewards) : undefined,
    max_reward: rewards?.length ? Math.max(...rewards) : undefined,
    fb_results: record.evolver_action
      ? Object.fromEntries(Object.entries(record.evolver_action).map(([layer, metrics]) => [layer, { status: 'ok', metrics }]))
      : undefined,
    harness_snapshot_hash: record.harness_snapshot_hash,
  });
}

export interface IterationParts {
  runId: string;
  iteration: number;
  experiment?: ExperimentLine;
  callback?: CallbackLine;
  archive?: ArchiveIterationRecord;
  /** The bridge's iteration event (events.ndjson beside ClawLoop's files). */
  bridge?: IterationEvent;
  /** Full playbook from the archive variant the iteration produced. */
  variantPlaybook?: Playbook;
}

/**
 * One iteration event from everything the sources hold for it, each field from the most faithful source:
 * experiment.jsonl (ClawLoop's own line) over the bridge's event over the archive; the playbook and state hashes
 * from the after_iteration dump, else the bridge, else the archive variant. Undefined when no source gives the
 * iteration a time (only a dump line: its episodes are still sent).
 */
export function iterationFrom(parts: IterationParts): IterationEvent | undefined {
  const { experiment, callback, archive, bridge } = parts;
  const fromArchive = archive ? iterationFromArchive(parts.runId, archive) : undefined;
  // The bridge cannot see forward_backward results (it writes {}); the archive's are better then.
  const bridgeFields = bridge && Object.keys(bridge.fb_results ?? {}).length === 0 ? { ...bridge, fb_results: undefined } : bridge;
  const merged = dropUndefined({
    ...fromArchive,
    ...dropUndefined({ ...bridgeFields }),
    ...experiment,
    type: 'iteration' as const,
    run_id: parts.runId,
    iteration: parts.iteration,
    playbook: callback?.playbook ?? bridge?.playbook ?? parts.variantPlaybook,
    playbook_version: callback?.playbook_version ?? bridge?.playbook_version,
    playbook_generation: callback?.playbook_generation ?? bridge?.playbook_generation,
    state_id: callback?.state_id ?? bridge?.state_id,
    harness_snapshot_hash: archive?.harness_snapshot_hash ?? bridge?.harness_snapshot_hash,
  });
  return typeof merged.timestamp === 'number' ? (merged as IterationEvent) : undefined;
}

export function evolutionFrom(runId: string, line: EvolutionLine): EvolutionEvent {
  return { type: 'evolution', run_id: runId, ...line };
}

/** Removes keys whose value is undefined, so "absent" stays absent in the event. */
export function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) Reflect.deleteProperty(value, key);
  return value;
}
