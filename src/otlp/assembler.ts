/**
 * Turns mapped events into spans for any trace backend whose mapping has span targets (otel, phoenix, mlflow):
 * keeps one Resource per run (with the run id, and whatever the backend adds, e.g. Phoenix's project) and each
 * run's last iteration time, so an iteration span covers the iteration's wall time.
 */
import type { Attributes } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import type { SpanTreeFields } from '../../generated/span-tree/mapping.gen.js';
import type { CanonicalEvent } from '../../generated/types.gen.js';
import type { Fields } from '../core/mapping-runtime.js';
import type { OtlpConfig } from './config.js';
import { episodeSpans, evolutionSpan, iterationSpan, type EpisodeSpanFields, type SpanBuildContext } from './spans.js';

/** One mapped event as the assembler needs it: the event and the span fields its backend mapped. */
export interface SpanSource {
  event: CanonicalEvent;
  episode?: EpisodeSpanFields;
  iteration?: Fields;
  evolution?: Fields;
}

const SCOPE = { name: 'clawloop-sinks', version: '0.1.0' };

interface RunState {
  resource: Resource;
  startedAt?: number;
  lastIterationAt?: number;
}

export class SpanAssembler {
  private readonly runs = new Map<string, RunState>();

  constructor(
    private readonly makeResource: (attributes: Attributes) => Resource,
    private readonly config: Pick<OtlpConfig, 'serviceName' | 'resourceAttributes' | 'maxAttributeLength'>,
    /** Resource attributes of a run, beyond service.name and OTEL_RESOURCE_ATTRIBUTES (each backend's spec declares them). */
    private readonly runResource: (runId: string, bench: string | undefined) => Fields = (runId) =>
      ({ 'clawloop.run.id': runId }) satisfies SpanTreeFields<'resource'>,
  ) {}

  private run(runId: string, bench?: string): RunState {
    let state = this.runs.get(runId);
    if (!state) {
      const service: SpanTreeFields<'resource'> = { 'service.name': this.config.serviceName };
      state = {
        resource: this.makeResource({ ...service, ...this.config.resourceAttributes, ...this.runResource(runId, bench) }),
      };
      this.runs.set(runId, state);
    }
    return state;
  }

  /** What spans of a run are built with (its resource, the instrumentation scope, the value limit). */
  context(runId: string, bench?: string): SpanBuildContext {
    return {
      resource: this.run(runId, bench).resource,
      scope: SCOPE,
      maxAttributeLength: this.config.maxAttributeLength,
      now: () => Date.now() / 1000,
    };
  }

  spans(batch: readonly SpanSource[]): ReadableSpan[] {
    const spans: ReadableSpan[] = [];
    for (const { event, episode, iteration, evolution } of batch) {
      if (event.type === 'run.started') this.run(event.run_id, event.bench).startedAt = event.started_at;
      if (event.type === 'episode' && episode) spans.push(...episodeSpans(event, episode, this.context(event.run_id, event.episode.bench)));
      if (event.type === 'iteration' && iteration) {
        const state = this.run(event.run_id);
        spans.push(iterationSpan(event, iteration, state.lastIterationAt ?? state.startedAt, this.context(event.run_id)));
        state.lastIterationAt = event.timestamp;
      }
      if (event.type === 'evolution' && evolution) spans.push(evolutionSpan(event, evolution, this.context(event.run_id)));
    }
    return spans;
  }
}
