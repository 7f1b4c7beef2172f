// @generated from schema/events/defs.schema.json + schema/events/episode.schema.json + schema/events/evolution.schema.json + schema/events/iteration.schema.json + schema/events/run-finished.schema.json + schema/events/run-started.schema.json + schema/sources/archive-episode.schema.json + schema/sources/archive-iteration.schema.json + schema/sources/archive-run.schema.json + schema/sources/archive-variant.schema.json + schema/sources/callback-line.schema.json + schema/sources/evolution-line.schema.json + schema/sources/experiment-line.schema.json via json-schema-to-typescript — DO NOT EDIT. Run: pnpm gen

/**
 * What the evolver did: reflect, mutate or paradigm_shift (learning_loop's names; a newer one passes through).
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "EvolutionAction".
 */
export type EvolutionAction = string;
/**
 * A line of <archive>/runs.jsonl: run_start (RunRecord.to_dict) or run_complete (clawloop/archive/jsonl_store.py).
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "ArchiveRunRecord".
 */
export type ArchiveRunRecord = ArchiveRunStart | ArchiveRunComplete;

export interface ClawloopSinksBundleJson {
  [k: string]: unknown;
}
/**
 * One tool call made by the assistant (clawloop.core.episode.ToolCall).
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "ToolCall".
 */
export interface ToolCall {
  /**
   * Tool call id, unique within the episode ("" when the client gave none, as ClawLoop's parse_tool_calls).
   */
  id: string;
  /**
   * Tool name.
   */
  name: string;
  /**
   * Arguments as a JSON string (may be invalid JSON); an object is written back as JSON text.
   */
  arguments: string;
  /**
   * Tool result as written by the environment.
   */
  result?: string | null;
  /**
   * Whether the tool call succeeded.
   */
  success?: boolean | null;
  /**
   * Tool latency in milliseconds.
   */
  latency_ms?: number | null;
  /**
   * Error text of a failed call.
   */
  error?: string | null;
}
/**
 * Log probability of one generated token (clawloop.core.episode.TokenLogProb).
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "TokenLogProb".
 */
export interface TokenLogProb {
  token: string;
  token_id?: number | null;
  logprob: number;
  /**
   * Alternatives: ClawLoop declares dict[str, float] (token → logprob, as its LiteLLM client builds it); a client's raw list is accepted too.
   */
  top_logprobs?:
    | {
        [k: string]: number;
      }
    | unknown[]
    | null;
}
/**
 * One part of a multi-part message content (OpenAI chat format, as live mode passes it through): `text`, `image_url`, `input_audio`, `file`, ….
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "ContentPart".
 */
export interface ContentPart {
  /**
   * Part kind.
   */
  type: string;
  /**
   * Text of a `text` part.
   */
  text?: string;
}
/**
 * One chat message (clawloop.core.episode.Message). Live mode (clawloop.wrap(), EpisodeCollector.ingest) passes the client's messages through: content may be null (an assistant turn that only calls tools) or a list of content parts, and role may be `developer`.
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "Message".
 */
export interface Message {
  /**
   * Chat role; another value is replaced by "user" (ClawLoop's own default for a message without role) and reported.
   */
  role: 'system' | 'developer' | 'user' | 'assistant' | 'tool' | 'function';
  /**
   * Message text, null, or a list of content parts.
   */
  content: string | null | ContentPart[];
  /**
   * Tool name on tool messages.
   */
  name?: string | null;
  /**
   * Tool calls made in an assistant message.
   */
  tool_calls?: ToolCall[] | null;
  /**
   * On tool messages: the call this answers.
   */
  tool_call_id?: string | null;
  /**
   * Unix epoch seconds.
   */
  timestamp?: number | null;
  /**
   * Tokens in this message.
   */
  token_count?: number | null;
  /**
   * Model that wrote an assistant message.
   */
  model?: string | null;
  logprobs?: TokenLogProb[] | null;
  /**
   * Reasoning text, when the model exposes it.
   */
  reasoning_content?: string | null;
}
/**
 * Per-step environment feedback (clawloop.core.episode.StepMeta).
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "StepMeta".
 */
export interface StepMeta {
  /**
   * Step index.
   */
  t: number;
  /**
   * Step reward (non-zero usually only on the terminal step).
   */
  reward: number;
  /**
   * Terminal step.
   */
  done: boolean;
  /**
   * Step duration in milliseconds.
   */
  timing_ms: number;
  /**
   * Free-form environment info.
   */
  info: {
    [k: string]: unknown;
  };
}
/**
 * One reward signal (clawloop.core.reward.RewardSignal, which clamps value to [-1, 1] and confidence to [0, 1]: so is a value out of range here).
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "RewardSignal".
 */
export interface RewardSignal {
  /**
   * Signal name (user, outcome, execution, judge, ...); the map key repeats it.
   */
  name?: string;
  /**
   * Signal value in [-1, 1].
   */
  value: number;
  /**
   * Confidence in [0, 1].
   */
  confidence: number;
}
/**
 * Token usage of an episode (clawloop.core.episode.TokenUsage; each count defaults to 0).
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "TokenUsage".
 */
export interface TokenUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}
/**
 * Wall time of an episode (clawloop.core.episode.Timing). An archive summary has total_ms only.
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "Timing".
 */
export interface Timing {
  total_ms: number;
  per_step_ms?: number[];
}
/**
 * Reward signals and accounting of an episode (clawloop.core.episode.EpisodeSummary, written attribute by attribute: it is not a dataclass).
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "EpisodeSummary".
 */
export interface EpisodeSummary {
  /**
   * Reward signals by name.
   */
  signals: {
    [k: string]: RewardSignal;
  };
  /**
   * Environment-specific score components.
   */
  score_breakdown?: {
    [k: string]: unknown;
  } | null;
  token_usage?: TokenUsage | null;
  timing?: Timing | null;
  /**
   * Excluded from learning by a filter (absent when the source does not say, as the archive).
   */
  filtered?: boolean;
  /**
   * Playbook generation the episode was scored at.
   */
  scored_at_generation?: number | null;
}
/**
 * Episode.metadata: a free-form bag; the keys ClawLoop itself reads are typed.
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "EpisodeMetadata".
 */
export interface EpisodeMetadata {
  /**
   * Harness version the episode ran with.
   */
  harness_version?: string;
  /**
   * Why the episode failed (experiment.jsonl collects it per task).
   */
  error?: string | null;
  [k: string]: unknown;
}
/**
 * One ClawLoop episode (clawloop.core.episode.Episode via dataclasses.asdict). An episode known only from the archive (EpisodeRecord) is a summary: no messages, steps or state id, with the archive's step and tool-call counts instead.
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "Episode".
 */
export interface Episode {
  /**
   * Episode id.
   */
  id: string;
  /**
   * Combined state hash the episode ran under.
   */
  state_id?: string;
  /**
   * Task id.
   */
  task_id: string;
  /**
   * Benchmark / environment name ("unknown" is learning_loop's default).
   */
  bench: string;
  /**
   * The conversation; absent on an archive summary.
   */
  messages?: Message[];
  /**
   * Index of the first message of each step.
   */
  step_boundaries?: number[];
  steps?: StepMeta[];
  summary: EpisodeSummary;
  /**
   * Conversation / session id.
   */
  session_id?: string;
  /**
   * Model name.
   */
  model?: string | null;
  /**
   * Unix epoch seconds.
   */
  created_at?: number | null;
  metadata?: EpisodeMetadata1;
  /**
   * Steps, from the archive's EpisodeRecord when `steps` is absent.
   */
  n_steps?: number;
  /**
   * Tool calls, from the archive's EpisodeRecord when `messages` is absent.
   */
  n_tool_calls?: number;
  /**
   * Where the archive says the messages are (`traces/<id>.json`; ClawLoop does not write that file).
   */
  messages_ref?: string | null;
}
/**
 * Free-form metadata (harness_version, error, ...).
 */
export interface EpisodeMetadata1 {
  /**
   * Harness version the episode ran with.
   */
  harness_version?: string;
  /**
   * Why the episode failed (experiment.jsonl collects it per task).
   */
  error?: string | null;
  [k: string]: unknown;
}
/**
 * Layer state hashes (clawloop.core.state.StateID).
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "StateID".
 */
export interface StateID {
  harness_hash: string;
  router_hash: string;
  weights_hash: string;
  combined_hash: string;
  /**
   * Unix epoch seconds.
   */
  created_at?: number;
}
/**
 * One playbook entry as PlaybookEntry.to_dict() writes it (learning_layers/harness.py): the embedding fields only when an embedding is set.
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "PlaybookEntry".
 */
export interface PlaybookEntry {
  id: string;
  content: string;
  helpful: number;
  harmful: number;
  tags: string[];
  source_episode_ids?: string[];
  name?: string;
  description?: string;
  anti_patterns?: string;
  category?: string;
  created_at?: number;
  last_activated?: number;
  generation?: number;
  decay_rate?: number;
  superseded_by?: string | null;
  /**
   * list[float] | None (to_dict leaves it out when None; a plain dataclass dump writes null).
   */
  embedding?: number[] | null;
  embedding_model_id?: string | null;
  embedding_updated_at?: number | null;
}
/**
 * Playbook.to_dict().
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "Playbook".
 */
export interface Playbook {
  entries: PlaybookEntry[];
}
/**
 * A reward signal as experiment.jsonl and archive records write it (no name).
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "SignalValue".
 */
export interface SignalValue {
  value: number;
  confidence: number;
}
/**
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "TaskRollout".
 */
export interface TaskRollout {
  reward: number;
  error: string | null;
  signals: {
    [k: string]: SignalValue;
  };
}
/**
 * Per-task statistics of one iteration (experiment.jsonl per_task). ClawLoop before 2026-04-19 wrote only reward, signals and error.
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "TaskStats".
 */
export interface TaskStats {
  /**
   * Mean raw reward.
   */
  reward?: number;
  /**
   * Signals of the latest rollout.
   */
  signals: {
    [k: string]: SignalValue;
  };
  /**
   * First error.
   */
  error: string | null;
  n_rollouts?: number;
  reward_mean?: number;
  reward_min?: number;
  reward_max?: number;
  rewards?: number[];
  errors?: string[];
  rollouts?: TaskRollout[];
}
/**
 * A layer's forward_backward result as experiment.jsonl writes it (clawloop.core.types.FBResult).
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "FbResult".
 */
export interface FbResult {
  /**
   * ok, error or skipped (FBResult.status is a str).
   */
  status: string;
  /**
   * Layer metrics; keys differ by layer and backend.
   */
  metrics: {
    [k: string]: unknown;
  };
}
/**
 * forward_backward results of the active layers.
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "FbResults".
 */
export interface FbResults {
  harness?: FbResult;
  router?: FbResult;
  weights?: FbResult;
}
/**
 * A playbook entry as experiment.jsonl writes it (content truncated to 200 characters).
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "PlaybookEntrySummary".
 */
export interface PlaybookEntrySummary {
  id: string;
  content: string;
  helpful: number;
  harmful: number;
  tags: string[];
}
/**
 * One ClawLoop Episode collected in an iteration: full (from the bridge or the after_iteration dump) or a summary from the archive (no messages).
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "EpisodeEvent".
 */
export interface EpisodeEvent {
  type: 'episode';
  run_id: string;
  /**
   * 0-based iteration the episode was collected in.
   */
  iteration: number;
  episode: Episode;
}
/**
 * What the evolver changed in an iteration (an evolution.jsonl entry, clawloop/core/evolution_log.py EvolutionEntry.to_dict; written only when something changed).
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "EvolutionEvent".
 */
export interface EvolutionEvent {
  type: 'evolution';
  run_id: string;
  iteration: number;
  timestamp: number;
  state_hash_before?: string;
  state_hash_after?: string;
  /**
   * @minItems 1
   */
  actions?: [EvolutionAction, ...EvolutionAction[]];
  reward_before?: number;
  reward_after?: number;
  reward_delta?: number;
  /**
   * Evolver backend: local, none, or a cloud name.
   */
  backend?: string;
}
/**
 * One learning iteration: everything an experiment.jsonl line carries, plus the full playbook and state hashes when the source has them. Only identity and time are required: a value ClawLoop could not write (NaN) is dropped, never the iteration.
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "IterationEvent".
 */
export interface IterationEvent {
  type: 'iteration';
  run_id: string;
  iteration: number;
  /**
   * Unix epoch seconds.
   */
  timestamp: number;
  n_episodes?: number;
  /**
   * Mean raw reward (EpisodeSummary.total_reward = normalized_reward()); 0.0 when there were no episodes.
   */
  avg_reward?: number;
  min_reward?: number;
  max_reward?: number;
  /**
   * Statistics by task id.
   */
  per_task?: {
    [k: string]: TaskStats;
  };
  fb_results?: FbResults;
  playbook_size?: number;
  /**
   * experiment.jsonl's short form of the playbook.
   */
  playbook_entries?: PlaybookEntrySummary[];
  playbook?: Playbook1;
  playbook_version?: number;
  playbook_generation?: number;
  state_id?: StateID1;
  /**
   * Archive iteration record's harness hash.
   */
  harness_snapshot_hash?: string;
  /**
   * Tinker weight-backend checkpoints.
   */
  tinker_checkpoints?: unknown[];
  tinker_model_id?: string | null;
  tinker_durable_paths?: string[];
}
/**
 * Full playbook after the iteration (bridge or archive variant).
 */
export interface Playbook1 {
  entries: PlaybookEntry[];
}
/**
 * State after the iteration.
 */
export interface StateID1 {
  harness_hash: string;
  router_hash: string;
  weights_hash: string;
  combined_hash: string;
  /**
   * Unix epoch seconds.
   */
  created_at?: number;
}
/**
 * A ClawLoop run ended (archive run_complete, the bridge's finish(), or the end of a replayed file).
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "RunFinishedEvent".
 */
export interface RunFinishedEvent {
  type: 'run.finished';
  run_id: string;
  /**
   * Unix epoch seconds.
   */
  finished_at: number;
  /**
   * completed or failed (the bridge's finish(status=...)); another value passes through.
   */
  status: string;
  best_reward?: number;
  improvement_delta?: number;
  total_cost_tokens?: number;
  n_iterations_completed?: number;
  error?: string;
}
/**
 * A ClawLoop run began. From the archive's run_start record, the bridge's first callback, or synthesized by a reader from the output directory.
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "RunStartedEvent".
 */
export interface RunStartedEvent {
  type: 'run.started';
  /**
   * ClawLoop run id (archive run_id, or given / derived from the output directory).
   */
  run_id: string;
  /**
   * Unix epoch seconds.
   */
  started_at: number;
  /**
   * What produced the events: a file path, 'bridge' or 'serve'.
   */
  source: string;
  /**
   * Benchmark / environment name.
   */
  bench?: string;
  domain_tags?: string[];
  /**
   * Planned iterations.
   */
  n_iterations?: number;
  /**
   * Hash of the agent config (archive run_start).
   */
  config_hash?: string;
  /**
   * Run this one was forked from.
   */
  parent_run_id?: string | null;
  /**
   * Initial agent config: system_prompts, playbook, router (archive run_start).
   */
  agent_config?: {
    [k: string]: unknown;
  };
  /**
   * User-supplied run configuration (bridge or CLI).
   */
  config?: {
    [k: string]: unknown;
  };
  /**
   * User-supplied tags.
   */
  tags?: string[];
}
/**
 * A line of <archive>/<run_id>/episodes.jsonl (clawloop/archive/schema.py EpisodeRecord.to_dict, written by core/archive_recorder.py): a summary of an episode, without messages.
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "ArchiveEpisodeRecord".
 */
export interface ArchiveEpisodeRecord {
  /**
   * Archive record format version (1).
   */
  _schema?: number;
  record_type: 'episode';
  run_id: string;
  iteration_num: number;
  episode_id: string;
  task_id: string;
  bench: string;
  /**
   * Episode model ("" when none).
   */
  model?: string;
  /**
   * normalized_reward() in [0, 1] (0.5 when there are no signals).
   */
  reward?: number;
  signals?: {
    [k: string]: SignalValue;
  };
  n_steps?: number;
  n_tool_calls?: number;
  token_usage?: TokenUsage | {};
  /**
   * Episode wall time (Timing.total_ms, as an integer).
   */
  latency_ms?: number;
  messages_ref?: string | null;
  created_at?: number;
}
/**
 * A line of <archive>/iterations.jsonl (clawloop/archive/schema.py IterationRecord.to_dict).
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "ArchiveIterationRecord".
 */
export interface ArchiveIterationRecord {
  /**
   * Archive record format version (1).
   */
  _schema?: number;
  record_type: 'iteration';
  run_id: string;
  iteration_num: number;
  harness_snapshot_hash?: string;
  mean_reward?: number;
  reward_trajectory?: number[];
  /**
   * Metrics of each layer whose forward_backward was ok.
   */
  evolver_action?: {
    [k: string]: {
      [k: string]: unknown;
    };
  };
  cost_tokens?: number;
  parent_variant_hash?: string | null;
  child_variant_hash?: string | null;
  reward_delta?: number;
  created_at?: number;
}
export interface ArchiveRunStart {
  /**
   * Archive record format version (1).
   */
  _schema?: number;
  record_type: 'run_start';
  run_id: string;
  bench: string;
  domain_tags?: string[];
  agent_config?: {
    [k: string]: unknown;
  };
  config_hash?: string;
  n_iterations?: number;
  best_reward?: number;
  improvement_delta?: number;
  total_cost_tokens?: number;
  parent_run_id?: string | null;
  created_at: number;
  completed_at?: number | null;
}
export interface ArchiveRunComplete {
  /**
   * Archive record format version (1).
   */
  _schema?: number;
  record_type: 'run_complete';
  run_id: string;
  best_reward?: number;
  improvement_delta?: number;
  total_cost_tokens?: number;
  completed_at: number;
}
/**
 * A line of <archive>/variants.jsonl (clawloop/archive/schema.py AgentVariant.to_dict): the agent config a variant hash stands for. playbook_snapshot is {} when the harness is not ClawLoop's Harness (core/archive_recorder.py).
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "ArchiveVariantRecord".
 */
export interface ArchiveVariantRecord {
  /**
   * Archive record format version (1).
   */
  _schema?: number;
  record_type: 'variant';
  variant_hash: string;
  system_prompt?: string;
  /**
   * Playbook.to_dict(), or {} without a Harness.
   */
  playbook_snapshot?: Playbook | {};
  model?: string;
  tools?: string[];
  first_seen_run_id?: string;
  created_at?: number;
}
/**
 * One line per iteration as an after_iteration(iteration, agent_state, episodes) callback sees it: state hashes, full playbook and full episodes (the sample's episodes.ndjson).
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "CallbackLine".
 */
export interface CallbackLine {
  iteration: number;
  state_id?: StateID;
  playbook?: Playbook;
  playbook_version?: number;
  playbook_generation?: number;
  effective_scores?: {
    [k: string]: number;
  };
  episodes: Episode[];
}
/**
 * One line of <output_dir>/evolution.jsonl (clawloop/core/evolution_log.py EvolutionEntry.to_dict).
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "EvolutionLine".
 */
export interface EvolutionLine {
  iteration: number;
  timestamp: number;
  state_hash_before?: string;
  state_hash_after?: string;
  /**
   * @minItems 1
   */
  actions?: [EvolutionAction, ...EvolutionAction[]];
  reward_before?: number;
  reward_after?: number;
  reward_delta?: number;
  backend?: string;
}
/**
 * One line of <output_dir>/experiment.jsonl (clawloop/core/loop.py ExperimentLog.log_iteration; before 2026-04-19 per_task entries held only reward, signals and error).
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "ExperimentLine".
 */
export interface ExperimentLine {
  iteration: number;
  timestamp: number;
  n_episodes?: number;
  avg_reward?: number;
  min_reward?: number;
  max_reward?: number;
  per_task?: {
    [k: string]: TaskStats;
  };
  fb_results?: FbResults;
  playbook_size?: number;
  playbook_entries?: PlaybookEntrySummary[];
  tinker_checkpoints?: unknown[];
  tinker_model_id?: string | null;
  tinker_durable_paths?: string[];
}

/** Every canonical event, discriminated by `type`. */
export type CanonicalEvent = EpisodeEvent | EvolutionEvent | IterationEvent | RunFinishedEvent | RunStartedEvent;

/** The canonical event types. */
export const EVENT_TYPES = ['episode', 'evolution', 'iteration', 'run.finished', 'run.started'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Event type → its TypeScript type. */
export interface EventByType {
  episode: EpisodeEvent;
  evolution: EvolutionEvent;
  iteration: IterationEvent;
  'run.finished': RunFinishedEvent;
  'run.started': RunStartedEvent;
}
