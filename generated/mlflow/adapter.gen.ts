// @generated from schema/events/*.schema.json + schema/derived.json + schema/backends/span-tree.base.json + schema/backends/otel.mapping.json + schema/backends/mlflow.mapping.json via templates/adapter.ts.hbs — DO NOT EDIT. Run: pnpm gen
import { createAdapterSink, type AdapterOptions, type SendOptions } from '../../src/core/adapter-sink.js';
import type { DerivedContext } from '../../src/core/derived-context.js';
import { applyRules, type ScopedFields } from '../../src/core/mapping-runtime.js';
import type { Sink } from '../../src/core/sink.js';
import type { CanonicalEvent, EpisodeEvent, EvolutionEvent, IterationEvent, RunFinishedEvent, RunStartedEvent } from '../types.gen.js';
import { MLFLOW_RULES, MLFLOW_TARGETS, type MlflowFields, type MlflowKeys } from './mapping.gen.js';

/** A `episode` event mapped into mlflow's vocabulary. */
export interface MlflowEpisode {
  readonly type: 'episode';
  readonly event: EpisodeEvent;
  /** The root span `episode:{id}` (AGENT) of the episode's trace. */
  readonly 'span.episode': MlflowFields<'span.episode'>;
  /** An LLM span `llm:step{N}` per assistant message, child of the root. */
  readonly 'span.llm': ReadonlyArray<ScopedFields<NonNullable<EpisodeEvent['episode']['messages']>[number], MlflowKeys['span.llm']>>;
  /** A TOOL span `tool:{name}` per tool call, child of the LLM span that made it. */
  readonly 'span.tool': ReadonlyArray<
    ScopedFields<NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number], MlflowKeys['span.tool']>
  >;
  /** Attributes of the `gen_ai.evaluation.result` event on the root span. */
  readonly 'event.evaluation': MlflowFields<'event.evaluation'>;
  /** One row of the iteration's episodes.json artifact (ClawLoop MlflowSink's episode summary). */
  readonly 'episode.summary': MlflowFields<'episode.summary'>;
  /** Feedback assessments on the episode's trace (value in [-1, 1]); rationale names the signal and its confidence. */
  readonly assessments: MlflowFields<'assessments'>;
}

/** A `evolution` event mapped into mlflow's vocabulary. */
export interface MlflowEvolution {
  readonly type: 'evolution';
  readonly event: EvolutionEvent;
  /** Metrics at step = iteration, on the iteration's nested run and on the parent run (one chart shows the learning curve). */
  readonly metrics: MlflowFields<'metrics'>;
  /** Tags of the run the event belongs to (parent for run events, the iteration's nested run for iteration events). */
  readonly tags: MlflowFields<'tags'>;
}

/** A `iteration` event mapped into mlflow's vocabulary. */
export interface MlflowIteration {
  readonly type: 'iteration';
  readonly event: IterationEvent;
  /** Metrics at step = iteration, on the iteration's nested run and on the parent run (one chart shows the learning curve). */
  readonly metrics: MlflowFields<'metrics'>;
  /** Tags of the run the event belongs to (parent for run events, the iteration's nested run for iteration events). */
  readonly tags: MlflowFields<'tags'>;
  /** JSON artifacts; the key is the artifact path relative to the run's artifact root: an iteration's files on its nested run (unchanged ones only named by a tag), agent_config.json and the final playbook.json on the parent run. */
  readonly artifacts: MlflowFields<'artifacts'>;
}

/** A `run.finished` event mapped into mlflow's vocabulary. */
export interface MlflowRunFinished {
  readonly type: 'run.finished';
  readonly event: RunFinishedEvent;
  /** Final status and end time of the parent run. */
  readonly 'run.end': MlflowFields<'run.end'>;
  /** Tags of the run the event belongs to (parent for run events, the iteration's nested run for iteration events). */
  readonly tags: MlflowFields<'tags'>;
  /** Metrics at step = iteration, on the iteration's nested run and on the parent run (one chart shows the learning curve). */
  readonly metrics: MlflowFields<'metrics'>;
}

/** A `run.started` event mapped into mlflow's vocabulary. */
export interface MlflowRunStarted {
  readonly type: 'run.started';
  readonly event: RunStartedEvent;
  /** Tags of the run the event belongs to (parent for run events, the iteration's nested run for iteration events). */
  readonly tags: MlflowFields<'tags'>;
  /** Params of the parent run (immutable in MLflow). */
  readonly params: MlflowFields<'params'>;
  /** JSON artifacts; the key is the artifact path relative to the run's artifact root: an iteration's files on its nested run (unchanged ones only named by a tag), agent_config.json and the final playbook.json on the parent run. */
  readonly artifacts: MlflowFields<'artifacts'>;
}

/** Any event mapped into mlflow's vocabulary. */
export type MlflowMapped = MlflowEpisode | MlflowEvolution | MlflowIteration | MlflowRunFinished | MlflowRunStarted;

/** The I/O that the hand-written transport (src/transports/mlflow) implements. */
export interface MlflowTransport {
  /**
   * Delivers mapped events in order. Pass `options.signal` to every request: the hub aborts a call it timed out.
   * Throw a SinkError (src/core/errors.ts) to say what a failure means (busy, outage, refused).
   */
  send(batch: readonly MlflowMapped[], options?: SendOptions): Promise<void>;
  /** Pushes out anything the transport buffers. */
  flush?(): Promise<void>;
  /** Flushes and releases connections; called once. */
  close?(): Promise<void>;
}

/** Items of scope `episode.messages[]` where role = "assistant". */
function* episodeEpisodeMessagesWhereAssistantItems(
  e: EpisodeEvent,
): Generator<{ item: NonNullable<EpisodeEvent['episode']['messages']>[number]; index: number[] }> {
  for (const [i0, x0] of (e.episode.messages ?? []).entries()) {
    if (x0.role !== 'assistant') continue;
    yield { item: x0, index: [i0] };
  }
}

/** Items of scope `episode.messages[].tool_calls[]`. */
function* episodeEpisodeMessagesToolCallsItems(
  e: EpisodeEvent,
): Generator<{ item: NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number]; index: number[] }> {
  for (const [i0, x0] of (e.episode.messages ?? []).entries()) {
    for (const [i1, x1] of (x0.tool_calls ?? []).entries()) {
      yield { item: x1, index: [i0, i1] };
    }
  }
}

/** Maps one canonical event with the mlflow tables (pure: no I/O). */
export function mapMlflowEvent(event: CanonicalEvent, ctx: DerivedContext): MlflowMapped {
  switch (event.type) {
    case 'episode':
      return {
        type: 'episode',
        event,
        'span.episode': applyRules(MLFLOW_RULES['episode']['span.episode'], event, ctx, MLFLOW_TARGETS['span.episode']),
        'span.llm': [...episodeEpisodeMessagesWhereAssistantItems(event)].map(({ item, index }) => ({
          item,
          index,
          fields: applyRules(MLFLOW_RULES['episode']['span.llm'], item, ctx, MLFLOW_TARGETS['span.llm']),
        })),
        'span.tool': [...episodeEpisodeMessagesToolCallsItems(event)].map(({ item, index }) => ({
          item,
          index,
          fields: applyRules(MLFLOW_RULES['episode']['span.tool'], item, ctx, MLFLOW_TARGETS['span.tool']),
        })),
        'event.evaluation': applyRules(MLFLOW_RULES['episode']['event.evaluation'], event, ctx, MLFLOW_TARGETS['event.evaluation']),
        'episode.summary': applyRules(MLFLOW_RULES['episode']['episode.summary'], event, ctx, MLFLOW_TARGETS['episode.summary']),
        assessments: applyRules(MLFLOW_RULES['episode']['assessments'], event, ctx, MLFLOW_TARGETS['assessments']),
      };
    case 'evolution':
      return {
        type: 'evolution',
        event,
        metrics: applyRules(MLFLOW_RULES['evolution']['metrics'], event, ctx, MLFLOW_TARGETS['metrics']),
        tags: applyRules(MLFLOW_RULES['evolution']['tags'], event, ctx, MLFLOW_TARGETS['tags']),
      };
    case 'iteration':
      return {
        type: 'iteration',
        event,
        metrics: applyRules(MLFLOW_RULES['iteration']['metrics'], event, ctx, MLFLOW_TARGETS['metrics']),
        tags: applyRules(MLFLOW_RULES['iteration']['tags'], event, ctx, MLFLOW_TARGETS['tags']),
        artifacts: applyRules(MLFLOW_RULES['iteration']['artifacts'], event, ctx, MLFLOW_TARGETS['artifacts']),
      };
    case 'run.finished':
      return {
        type: 'run.finished',
        event,
        'run.end': applyRules(MLFLOW_RULES['run.finished']['run.end'], event, ctx, MLFLOW_TARGETS['run.end']),
        tags: applyRules(MLFLOW_RULES['run.finished']['tags'], event, ctx, MLFLOW_TARGETS['tags']),
        metrics: applyRules(MLFLOW_RULES['run.finished']['metrics'], event, ctx, MLFLOW_TARGETS['metrics']),
      };
    case 'run.started':
      return {
        type: 'run.started',
        event,
        tags: applyRules(MLFLOW_RULES['run.started']['tags'], event, ctx, MLFLOW_TARGETS['tags']),
        params: applyRules(MLFLOW_RULES['run.started']['params'], event, ctx, MLFLOW_TARGETS['params']),
        artifacts: applyRules(MLFLOW_RULES['run.started']['artifacts'], event, ctx, MLFLOW_TARGETS['artifacts']),
      };
  }
}

/** A mlflow sink: applies the generated tables to each event and hands the result to `transport`. */
export function createMlflowAdapter(transport: MlflowTransport, options: AdapterOptions = {}): Sink {
  return createAdapterSink('mlflow', transport, mapMlflowEvent, options);
}
