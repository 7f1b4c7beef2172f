/**
 * Builds OpenTelemetry spans (ReadableSpan) from mapped events, with deterministic ids and the episode's own times:
 * episode:{id} (AGENT) → llm:step{N} (LLM) per assistant message → tool:{name} (TOOL) per call; iteration:{N} (CHAIN)
 * as a root of its own trace, evolution:{N} (CHAIN) under it. Attributes come from the generated mapping tables;
 * only span kinds, names, parents and times are decided here. Shared by the otel, phoenix and mlflow sinks.
 */
import {
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  type Attributes,
  type HrTime,
  type Link,
  type SpanContext,
  type SpanStatus,
} from '@opentelemetry/api';
import type { InstrumentationScope } from '@opentelemetry/core';
import type { Resource } from '@opentelemetry/resources';
import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace';
import { SPAN_TREE_TARGETS, type SpanTreeFields } from '../../generated/span-tree/mapping.gen.js';
import type { EpisodeEvent, EvolutionEvent, IterationEvent } from '../../generated/types.gen.js';
import { stepOf } from '../core/derived.js';
import { episodeTraceId, iterationTraceId, spanId } from '../core/ids.js';
import { fieldEntries, truncate, type Fields, type FieldValue, type ScopedFields } from '../core/mapping-runtime.js';
import { addMs, hrTimeDiff, secondsToHrTime } from './time.js';

type Episode = EpisodeEvent['episode'];
type Message = NonNullable<Episode['messages']>[number];
type ToolCall = NonNullable<Message['tool_calls']>[number];

export interface EpisodeSpanFields {
  episode: Fields;
  evaluation?: Fields;
  llm: ReadonlyArray<ScopedFields<Message>>;
  tool: ReadonlyArray<ScopedFields<ToolCall>>;
  /** Names the transport fills in on every span of the episode (e.g. Langfuse's environment and release). */
  extra?: Fields;
}

export interface SpanBuildContext {
  resource: Resource;
  scope: InstrumentationScope;
  /** Longest string attribute value; longer ones are cut with a marker (OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT). */
  maxAttributeLength?: number;
  /** When the source has no time at all (seconds). */
  now: () => number;
}

function context(traceId: string, id: string): SpanContext {
  return { traceId, spanId: id, traceFlags: TraceFlags.SAMPLED, isRemote: false };
}

function limitValue(value: FieldValue, max: number | undefined): FieldValue {
  if (max === undefined) return value;
  if (typeof value === 'string') return truncate(value, max);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.map((v) => truncate(v, max));
  return value;
}

function fits(value: FieldValue, max: number | undefined): boolean {
  if (max === undefined) return true;
  if (typeof value === 'string') return value.length <= max;
  return !Array.isArray(value) || value.every((v) => typeof v !== 'string' || v.length <= max);
}

/**
 * Span or event attributes from mapped fields (and names the transport fills in), string values cut at `max`. Mapped
 * fields that need nothing added or cut are used as they are (a span per message: no copy of every attribute).
 */
export function attributes(fields: Fields, extra: Fields, max: number | undefined): Attributes {
  let copy = false;
  for (const key in extra) if (extra[key] !== undefined) copy = true;
  for (const key in fields) {
    const value = fields[key];
    if (value === undefined || !fits(value, max)) copy = true;
  }
  if (!copy) return fields;
  const out: Attributes = {};
  for (const [key, value] of [...fieldEntries(extra), ...fieldEntries(fields)]) out[key] = limitValue(value, max);
  return out;
}

export interface SpanSpec {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  start: number;
  /** End in seconds, or a duration from the start in ms (exact to the nanosecond). */
  end: number | { ms: number };
  attributes: Attributes;
  events?: TimedEvent[];
  error?: string;
}

/** Names a transport adds to none of the spans. */
const NO_FIELDS: Fields = Object.freeze({});

/** What every span without an error, link or event shares (read only by exporters; frozen so none can change it). */
const UNSET: SpanStatus = Object.freeze({ code: SpanStatusCode.UNSET });
const NO_LINKS: Link[] = Object.freeze([]) as unknown as Link[];
const NO_EVENTS: TimedEvent[] = Object.freeze([]) as unknown as TimedEvent[];

/**
 * A finished span. A class rather than an object literal: `spanContext()` and `duration` live on the prototype
 * instead of a closure and an array per span, and what spans share (the unset status, no links, no events) is shared
 * — a replay builds about five spans per episode, and a third of what it allocated was spans and the mapped values
 * behind them (heap sampling profile of the 200 x 50 otel replay, 2026-12-07).
 */
class FinishedSpan implements ReadableSpan {
  readonly kind = SpanKind.INTERNAL;
  readonly links = NO_LINKS;
  readonly ended = true;
  readonly droppedAttributesCount = 0;
  readonly droppedEventsCount = 0;
  readonly droppedLinksCount = 0;

  constructor(
    readonly name: string,
    private readonly own: SpanContext,
    readonly parentSpanContext: SpanContext | undefined,
    readonly startTime: HrTime,
    readonly endTime: HrTime,
    readonly status: SpanStatus,
    readonly attributes: Attributes,
    readonly events: TimedEvent[],
    readonly resource: Resource,
    readonly instrumentationScope: InstrumentationScope,
  ) {}

  spanContext(): SpanContext {
    return this.own;
  }

  get duration(): HrTime {
    return hrTimeDiff(this.startTime, this.endTime);
  }
}

/** A finished span from a plain description (ids, times in seconds, attributes). */
export function readable(spec: SpanSpec, ctx: SpanBuildContext): ReadableSpan {
  const startTime = secondsToHrTime(spec.start);
  const endTime =
    typeof spec.end === 'number' ? secondsToHrTime(Math.max(spec.start, spec.end)) : addMs(startTime, Math.max(0, spec.end.ms));
  return new FinishedSpan(
    spec.name,
    context(spec.traceId, spec.spanId),
    spec.parentSpanId ? context(spec.traceId, spec.parentSpanId) : undefined,
    startTime,
    endTime,
    spec.error !== undefined ? { code: SpanStatusCode.ERROR, message: spec.error } : UNSET,
    spec.attributes,
    spec.events && spec.events.length > 0 ? spec.events : NO_EVENTS,
    ctx.resource,
    ctx.scope,
  );
}

/** Span ids of an episode's spans, so tests and other sinks (annotations, assessments) can address them. */
export function episodeSpanIds(runId: string, episodeId: string) {
  const traceId = episodeTraceId(runId, episodeId);
  return {
    traceId,
    root: spanId(traceId),
    llm: (messageIndex: number) => spanId(traceId, 'llm', messageIndex),
    tool: (messageIndex: number, toolCallId: string) => spanId(traceId, 'tool', messageIndex, toolCallId),
  };
}

/** Attributes of the `exception` event of a failed tool call. */
function exceptionAttributes(message: string): Attributes {
  const exception: SpanTreeFields<'event.exception'> = {
    ...SPAN_TREE_TARGETS['event.exception'].constants,
    'exception.message': message,
  };
  return attributes(exception, NO_FIELDS, undefined);
}

/** The timestamp of the last message that has one. */
function lastTimestamp(messages: readonly Message[]): number | undefined {
  for (let k = messages.length - 1; k >= 0; k -= 1) {
    const t = messages[k].timestamp;
    if (typeof t === 'number') return t;
  }
  return undefined;
}

/** When the answer to tool call `callId` arrived: the timestamp of the first tool message answering it. */
function answerTimestamp(messages: readonly Message[], callId: string): number | null | undefined {
  for (const m of messages) if (m.role === 'tool' && m.tool_call_id === callId) return m.timestamp;
  return undefined;
}

/** The first timestamp of a message after message `i` (where an LLM step ends), without copying the list. */
function nextTimestamp(messages: readonly Message[], i: number): number | undefined {
  for (let k = i + 1; k < messages.length; k += 1) {
    const t = messages[k].timestamp;
    if (typeof t === 'number') return t;
  }
  return undefined;
}

export function episodeSpans(event: EpisodeEvent, fields: EpisodeSpanFields, ctx: SpanBuildContext): ReadableSpan[] {
  const { episode } = event;
  const ids = episodeSpanIds(event.run_id, episode.id);
  // A summary episode from the archive has no messages: its root span alone carries the rewards.
  const messages = episode.messages ?? [];
  const start = episode.created_at ?? nextTimestamp(messages, -1) ?? ctx.now();
  const totalMs = episode.summary.timing?.total_ms;
  let end = totalMs !== undefined ? start + totalMs / 1000 : (lastTimestamp(messages) ?? start);
  const extra = fields.extra ?? NO_FIELDS;
  const max = ctx.maxAttributeLength;
  const spans: ReadableSpan[] = [];

  const llmStart = new Map<number, number>();
  // A tool span's parent is its LLM span: each LLM span id is hashed once.
  const llmIds = new Map<number, string>();
  const llmId = (i: number) => {
    let id = llmIds.get(i);
    if (id === undefined) llmIds.set(i, (id = ids.llm(i)));
    return id;
  };
  for (const { item: message, index, fields: f } of fields.llm) {
    const i = index[0];
    const s = message.timestamp ?? start;
    const e = nextTimestamp(messages, i) ?? s;
    llmStart.set(i, s);
    end = Math.max(end, e);
    spans.push(
      readable(
        {
          name: `llm:step${stepOf(episode, i)}`,
          traceId: ids.traceId,
          spanId: llmId(i),
          parentSpanId: ids.root,
          start: s,
          end: e,
          attributes: attributes(f, extra, max),
        },
        ctx,
      ),
    );
  }
  for (const { item: call, index, fields: f } of fields.tool) {
    const [i] = index;
    const s = llmStart.get(i) ?? start;
    // Without a latency, the call ends when its answer arrives (looked up only then).
    const e = typeof call.latency_ms === 'number' ? { ms: call.latency_ms } : (answerTimestamp(messages, call.id) ?? s);
    end = Math.max(end, typeof e === 'number' ? e : s + e.ms / 1000);
    const failed = call.success === false;
    const message = call.error ?? 'tool call failed';
    spans.push(
      readable(
        {
          name: `tool:${call.name}`,
          traceId: ids.traceId,
          spanId: ids.tool(i, call.id),
          parentSpanId: llmId(i),
          start: s,
          end: e,
          attributes: attributes(f, extra, max),
          error: failed ? message : undefined,
          events: failed
            ? [
                {
                  name: 'exception',
                  time: typeof e === 'number' ? secondsToHrTime(e) : addMs(secondsToHrTime(s), e.ms),
                  attributes: exceptionAttributes(message),
                },
              ]
            : undefined,
        },
        ctx,
      ),
    );
  }
  const evaluation: TimedEvent[] =
    fields.evaluation && Object.keys(fields.evaluation).length > 0
      ? [{ name: 'gen_ai.evaluation.result', time: secondsToHrTime(end), attributes: attributes(fields.evaluation, {}, max) }]
      : [];
  // The episode's own total when its children fit inside it (exact), else the end of its last child.
  const rootEnd = totalMs !== undefined && end <= start + totalMs / 1000 ? { ms: totalMs } : end;
  spans.unshift(
    readable(
      {
        name: `episode:${episode.id}`,
        traceId: ids.traceId,
        spanId: ids.root,
        start,
        end: rootEnd,
        attributes: attributes(fields.episode, extra, max),
        events: evaluation,
      },
      ctx,
    ),
  );
  return spans;
}

/** Iteration span ids (own trace per iteration; evolution spans are its children). */
export function iterationSpanIds(runId: string, iteration: number) {
  const traceId = iterationTraceId(runId, iteration);
  return { traceId, root: spanId(traceId, 'iteration'), evolution: spanId(traceId, 'evolution') };
}

export function iterationSpan(
  event: IterationEvent,
  fields: Fields,
  startSeconds: number | undefined,
  ctx: SpanBuildContext,
): ReadableSpan {
  const ids = iterationSpanIds(event.run_id, event.iteration);
  return readable(
    {
      name: `iteration:${event.iteration}`,
      traceId: ids.traceId,
      spanId: ids.root,
      start: startSeconds ?? event.timestamp,
      end: event.timestamp,
      attributes: attributes(fields, {}, ctx.maxAttributeLength),
    },
    ctx,
  );
}

export function evolutionSpan(event: EvolutionEvent, fields: Fields, ctx: SpanBuildContext): ReadableSpan {
  const ids = iterationSpanIds(event.run_id, event.iteration);
  return readable(
    {
      name: `evolution:${event.iteration}`,
      traceId: ids.traceId,
      spanId: ids.evolution,
      parentSpanId: ids.root,
      start: event.timestamp,
      end: event.timestamp,
      attributes: attributes(fields, {}, ctx.maxAttributeLength),
    },
    ctx,
  );
}
