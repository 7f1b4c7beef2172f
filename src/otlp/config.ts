/**
 * OpenTelemetry's standard configuration: OTEL_EXPORTER_OTLP_ENDPOINT / _TRACES_ENDPOINT / _HEADERS / _PROTOCOL /
 * _TIMEOUT, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES, OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT. Options override them.
 */
import type { Attributes } from '@opentelemetry/api';

export type OtlpProtocol = 'http/protobuf' | 'http/json';

export interface OtlpConfig {
  url: string;
  headers: Record<string, string>;
  protocol: OtlpProtocol;
  timeoutMs: number;
  serviceName: string;
  resourceAttributes: Attributes;
  maxAttributeLength?: number;
  /** Body compression (OTEL_EXPORTER_OTLP_COMPRESSION). */
  compression?: 'gzip' | 'none';
}

export interface OtlpOptions {
  /** Full traces URL (…/v1/traces). */
  url?: string;
  headers?: Record<string, string>;
  protocol?: OtlpProtocol;
  timeoutMs?: number;
  serviceName?: string;
  resourceAttributes?: Attributes;
  maxAttributeLength?: number;
  compression?: 'gzip' | 'none';
  env?: NodeJS.ProcessEnv;
}

/** `k1=v1,k2=v2` with percent-encoded values (the OTel spec's format for headers and resource attributes). */
export function parseKeyValues(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (text ?? '').split(',')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    const key = pair.slice(0, at).trim();
    try {
      out[key] = decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      out[key] = pair.slice(at + 1).trim();
    }
  }
  return out;
}

function positive(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n > 0 ? n : undefined;
}

export function resolveOtlpConfig(options: OtlpOptions = {}, defaultBase = 'http://localhost:4318'): OtlpConfig {
  const env = options.env ?? process.env;
  const protocol = options.protocol ?? (env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL || env.OTEL_EXPORTER_OTLP_PROTOCOL || 'http/protobuf');
  if (protocol !== 'http/protobuf' && protocol !== 'http/json') {
    throw new Error(`OTEL_EXPORTER_OTLP_PROTOCOL "${protocol}" is not supported here (use http/protobuf or http/json)`);
  }
  const base = (env.OTEL_EXPORTER_OTLP_ENDPOINT || defaultBase).replace(/\/+$/, '');
  return {
    url: options.url ?? (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || `${base}/v1/traces`),
    headers: {
      ...parseKeyValues(env.OTEL_EXPORTER_OTLP_HEADERS),
      ...parseKeyValues(env.OTEL_EXPORTER_OTLP_TRACES_HEADERS),
      ...options.headers,
    },
    protocol,
    timeoutMs: options.timeoutMs ?? positive(env.OTEL_EXPORTER_OTLP_TRACES_TIMEOUT) ?? positive(env.OTEL_EXPORTER_OTLP_TIMEOUT) ?? 10_000,
    serviceName: options.serviceName ?? (env.OTEL_SERVICE_NAME || 'clawloop'),
    resourceAttributes: { ...parseKeyValues(env.OTEL_RESOURCE_ATTRIBUTES), ...options.resourceAttributes },
    maxAttributeLength:
      options.maxAttributeLength ?? positive(env.OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT) ?? positive(env.OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT),
    compression:
      options.compression ??
      ((env.OTEL_EXPORTER_OTLP_TRACES_COMPRESSION || env.OTEL_EXPORTER_OTLP_COMPRESSION) === 'gzip' ? 'gzip' : 'none'),
  };
}
