// @generated from schema/events/*.schema.json + schema/derived.json + schema/backends/report.mapping.json via templates/adapter.ts.hbs — DO NOT EDIT. Run: pnpm gen
import { createAdapterSink, type AdapterOptions, type SendOptions } from '../../src/core/adapter-sink.js';
import type { DerivedContext } from '../../src/core/derived-context.js';
import { applyRules, type ScopedFields } from '../../src/core/mapping-runtime.js';
import type { Sink } from '../../src/core/sink.js';
import type { CanonicalEvent, EpisodeEvent, EvolutionEvent, IterationEvent, RunFinishedEvent, RunStartedEvent } from '../types.gen.js';
import { REPORT_RULES, REPORT_TARGETS, type ReportFields, type ReportKeys } from './mapping.gen.js';

/** A `episode` event mapped into report's vocabulary. */
export interface ReportEpisode {
  readonly type: 'episode';
  readonly event: EpisodeEvent;
  /** An episode's numbers, for the per-iteration success rate, tokens and latency and for the lowest- and highest-reward lists. */
  readonly episode: ReportFields<'episode'>;
}

/** A `evolution` event mapped into report's vocabulary. */
export interface ReportEvolution {
  readonly type: 'evolution';
  readonly event: EvolutionEvent;
  /** An evolution step, drawn in the evolution lane. */
  readonly mark: ReportFields<'mark'>;
}

/** A `iteration` event mapped into report's vocabulary. */
export interface ReportIteration {
  readonly type: 'iteration';
  readonly event: IterationEvent;
  /** One point per iteration on the report's curves, with the iteration's per-task rewards. */
  readonly point: ReportFields<'point'>;
}

/** A `run.finished` event mapped into report's vocabulary. */
export interface ReportRunFinished {
  readonly type: 'run.finished';
  readonly event: RunFinishedEvent;
  /** Run header: identity, configuration and final status. */
  readonly run: ReportFields<'run'>;
}

/** A `run.started` event mapped into report's vocabulary. */
export interface ReportRunStarted {
  readonly type: 'run.started';
  readonly event: RunStartedEvent;
  /** Run header: identity, configuration and final status. */
  readonly run: ReportFields<'run'>;
}

/** Any event mapped into report's vocabulary. */
export type ReportMapped = ReportEpisode | ReportEvolution | ReportIteration | ReportRunFinished | ReportRunStarted;

/** The I/O that the hand-written transport (src/transports/report) implements. */
export interface ReportTransport {
  /**
   * Delivers mapped events in order. Pass `options.signal` to every request: the hub aborts a call it timed out.
   * Throw a SinkError (src/core/errors.ts) to say what a failure means (busy, outage, refused).
   */
  send(batch: readonly ReportMapped[], options?: SendOptions): Promise<void>;
  /** Pushes out anything the transport buffers. */
  flush?(): Promise<void>;
  /** Flushes and releases connections; called once. */
  close?(): Promise<void>;
}

/** Maps one canonical event with the report tables (pure: no I/O). */
export function mapReportEvent(event: CanonicalEvent, ctx: DerivedContext): ReportMapped {
  switch (event.type) {
    case 'episode':
      return {
        type: 'episode',
        event,
        episode: applyRules(REPORT_RULES['episode']['episode'], event, ctx, REPORT_TARGETS['episode']),
      };
    case 'evolution':
      return {
        type: 'evolution',
        event,
        mark: applyRules(REPORT_RULES['evolution']['mark'], event, ctx, REPORT_TARGETS['mark']),
      };
    case 'iteration':
      return {
        type: 'iteration',
        event,
        point: applyRules(REPORT_RULES['iteration']['point'], event, ctx, REPORT_TARGETS['point']),
      };
    case 'run.finished':
      return {
        type: 'run.finished',
        event,
        run: applyRules(REPORT_RULES['run.finished']['run'], event, ctx, REPORT_TARGETS['run']),
      };
    case 'run.started':
      return {
        type: 'run.started',
        event,
        run: applyRules(REPORT_RULES['run.started']['run'], event, ctx, REPORT_TARGETS['run']),
      };
  }
}

/** A report sink: applies the generated tables to each event and hands the result to `transport`. */
export function createReportAdapter(transport: ReportTransport, options: AdapterOptions = {}): Sink {
  return createAdapterSink('report', transport, mapReportEvent, options);
}
