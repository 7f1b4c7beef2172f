/**
 * What Langfuse would show for OTLP spans: its server's documented mapping rules (packages/shared/src/server/otel:
 * attribute names, ObservationTypeMapper priority, model / usage / input-output / level / metadata / session / tags
 * lookups, as summarised in shared/backends.md), applied to decoded requests. Tests assert on this view, not on bytes.
 */
import type { OtlpAttribute, OtlpJson, OtlpSpan } from './receiver.js';

type Value = string | number | boolean | Value[] | undefined;

function decode(v: OtlpAttribute['value']): Value {
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.arrayValue) return (v.arrayValue.values ?? []).map(decode);
  return undefined;
}

function attrs(list: OtlpAttribute[] = []): Record<string, Value> {
  return Object.fromEntries(list.map((a) => [a.key, decode(a.value)]));
}

const first = (a: Record<string, Value>, keys: string[]) => keys.map((k) => a[k]).find((v) => v !== undefined && v !== '');

function json(v: Value): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function prefixed(a: Record<string, Value>, prefix: string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(a)
      .filter(([k]) => k.startsWith(`${prefix}.`))
      .map(([k, v]) => [k.slice(prefix.length + 1), v]),
  );
}

const TYPES = ['span', 'generation', 'event', 'embedding', 'agent', 'tool', 'chain', 'retriever', 'guardrail', 'evaluator'];
const OPENINFERENCE: Record<string, string> = {
  CHAIN: 'CHAIN',
  RETRIEVER: 'RETRIEVER',
  LLM: 'GENERATION',
  EMBEDDING: 'EMBEDDING',
  AGENT: 'AGENT',
  TOOL: 'TOOL',
  GUARDRAIL: 'GUARDRAIL',
  EVALUATOR: 'EVALUATOR',
};
const MODEL_KEYS = [
  'langfuse.observation.model.name',
  'gen_ai.response.model',
  'gen_ai.request.model',
  'llm.response.model',
  'llm.model_name',
  'model',
];

function observationType(a: Record<string, Value>): string {
  const direct = a['langfuse.observation.type'];
  if (typeof direct === 'string' && TYPES.includes(direct)) return direct.toUpperCase();
  const oi = a['openinference.span.kind'];
  if (typeof oi === 'string' && OPENINFERENCE[oi]) return OPENINFERENCE[oi];
  const op = a['gen_ai.operation.name'];
  if (typeof op === 'string') {
    if (['chat', 'completion', 'text_completion', 'generate_content', 'generate'].includes(op)) return 'GENERATION';
    if (op === 'embeddings') return 'EMBEDDING';
    if (op === 'invoke_agent' || op === 'create_agent') return 'AGENT';
    if (op === 'execute_tool') return 'TOOL';
  }
  if (a['gen_ai.tool.name'] !== undefined || a['gen_ai.tool.call.id'] !== undefined) return 'TOOL';
  if (first(a, MODEL_KEYS) !== undefined) return 'GENERATION';
  return 'SPAN';
}

function usage(a: Record<string, Value>): Record<string, number> | undefined {
  const details = json(a['langfuse.observation.usage_details']);
  if (details && typeof details === 'object') return details as Record<string, number>;
  const out: Record<string, number> = {};
  const map: Record<string, string> = {
    input_tokens: 'input',
    prompt_tokens: 'input',
    output_tokens: 'output',
    completion_tokens: 'output',
    total_tokens: 'total',
  };
  for (const [k, v] of Object.entries(a)) {
    const m = /^(?:gen_ai\.usage|llm\.token_count)\.(\w+)$/.exec(k);
    if (m && typeof v === 'number') out[map[m[1]] ?? (m[1] === 'prompt' ? 'input' : m[1] === 'completion' ? 'output' : m[1])] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

function tags(v: Value): string[] | undefined {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v !== 'string') return undefined;
  const parsed = json(v);
  return Array.isArray(parsed) ? parsed.map(String) : v.split(',').map((t) => t.trim());
}

export interface Observation {
  id: string;
  traceId: string;
  parentObservationId?: string;
  type: string;
  name: string;
  model?: unknown;
  usageDetails?: Record<string, number>;
  input?: unknown;
  output?: unknown;
  level: string;
  statusMessage?: unknown;
  metadata: Record<string, unknown>;
  environment: string;
  release?: unknown;
}

export interface Trace {
  id: string;
  name?: unknown;
  userId?: unknown;
  sessionId?: unknown;
  tags?: string[];
  metadata: Record<string, unknown>;
  input?: unknown;
  output?: unknown;
}

export function langfuseView(requests: readonly OtlpJson[]): { traces: Map<string, Trace>; observations: Observation[] } {
  const traces = new Map<string, Trace>();
  const observations = new Map<string, Observation>();
  for (const request of requests) {
    for (const rs of request.resourceSpans ?? []) {
      const resource = attrs(rs.resource?.attributes);
      for (const ss of rs.scopeSpans ?? []) {
        for (const span of ss.spans ?? ([] as OtlpSpan[])) {
          const a = attrs(span.attributes);
          const statusCode = span.status?.code;
          const error = statusCode === 2 || statusCode === 'STATUS_CODE_ERROR';
          observations.set(span.spanId, {
            id: span.spanId,
            traceId: span.traceId,
            parentObservationId: span.parentSpanId || undefined,
            type: observationType(a),
            name: typeof a['gen_ai.tool.name'] === 'string' ? a['gen_ai.tool.name'] : span.name,
            model: first(a, MODEL_KEYS),
            usageDetails: usage(a),
            input: json(first(a, ['langfuse.observation.input', 'input.value', 'gen_ai.input.messages'])),
            output: json(first(a, ['langfuse.observation.output', 'output.value', 'gen_ai.output.messages'])),
            level: (a['langfuse.observation.level'] as string | undefined) ?? (error ? 'ERROR' : 'DEFAULT'),
            statusMessage: a['langfuse.observation.status_message'] ?? span.status?.message,
            metadata: { ...((json(a['langfuse.observation.metadata']) as object) ?? {}), ...prefixed(a, 'langfuse.observation.metadata') },
            environment: String(
              first(a, ['langfuse.environment', 'deployment.environment.name', 'deployment.environment']) ??
                first(resource, ['langfuse.environment', 'deployment.environment.name', 'deployment.environment']) ??
                'default',
            ),
            release: a['langfuse.release'] ?? resource['langfuse.release'],
          });
          const hasTraceAttributes = Object.keys(a).some((k) => k.startsWith('langfuse.trace.') || k === 'session.id' || k === 'user.id');
          if (!hasTraceAttributes && span.parentSpanId) continue;
          const trace = traces.get(span.traceId) ?? { id: span.traceId, metadata: {} };
          trace.name ??= a['langfuse.trace.name'];
          trace.userId ??= first(a, ['langfuse.user.id', 'user.id']);
          trace.sessionId ??= first(a, ['langfuse.session.id', 'session.id', 'gen_ai.conversation.id']);
          trace.tags ??= tags(first(a, ['langfuse.trace.tags', 'langfuse.tags']));
          Object.assign(trace.metadata, (json(a['langfuse.trace.metadata']) as object) ?? {}, prefixed(a, 'langfuse.trace.metadata'));
          trace.input ??= json(a['langfuse.trace.input']);
          trace.output ??= json(a['langfuse.trace.output']);
          traces.set(span.traceId, trace);
        }
      }
    }
  }
  return { traces, observations: [...observations.values()] };
}
