/** Langfuse's own configuration: LANGFUSE_PUBLIC_KEY, LANGFUSE_SECRET_KEY, LANGFUSE_BASE_URL (or LANGFUSE_HOST). */

export interface LangfuseOptions {
  publicKey?: string;
  secretKey?: string;
  /** @default $LANGFUSE_BASE_URL, else $LANGFUSE_HOST, else https://cloud.langfuse.com */
  baseUrl?: string;
  /** @default $LANGFUSE_TRACING_ENVIRONMENT */
  environment?: string;
  /** @default $LANGFUSE_RELEASE */
  release?: string;
  /** OTLP body format; Langfuse reads both. @default 'http/protobuf' */
  protocol?: 'http/protobuf' | 'http/json';
  /** @default 15000 */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

export interface LangfuseConfig {
  baseUrl: string;
  publicKey: string;
  headers: Record<string, string>;
  environment?: string;
  release?: string;
  protocol: 'http/protobuf' | 'http/json';
  timeoutMs: number;
}

export function resolveLangfuseConfig(options: LangfuseOptions = {}): LangfuseConfig {
  const env = options.env ?? process.env;
  const publicKey = options.publicKey ?? env.LANGFUSE_PUBLIC_KEY;
  const secretKey = options.secretKey ?? env.LANGFUSE_SECRET_KEY;
  if (!publicKey || !secretKey) throw new Error('the langfuse sink needs LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY');
  return {
    baseUrl: (options.baseUrl ?? (env.LANGFUSE_BASE_URL || env.LANGFUSE_HOST || 'https://cloud.langfuse.com')).replace(/\/+$/, ''),
    publicKey,
    headers: {
      authorization: `Basic ${Buffer.from(`${publicKey}:${secretKey}`).toString('base64')}`,
      // Langfuse's published API: direct OpenTelemetry exporters must send this for real-time ingestion.
      'x-langfuse-ingestion-version': '4',
      'x-langfuse-sdk-name': 'clawloop-sinks',
      'x-langfuse-public-key': publicKey,
    },
    environment: options.environment ?? (env.LANGFUSE_TRACING_ENVIRONMENT || undefined),
    release: options.release ?? (env.LANGFUSE_RELEASE || undefined),
    protocol: options.protocol ?? 'http/protobuf',
    timeoutMs: options.timeoutMs ?? 15_000,
  };
}
