/** Up-front check and failure hint of the otel sink (see src/core/preflight.ts). */
import { asConfigError, requireConfiguredOrAnswering, type SinkPreflight } from '../../core/preflight.js';
import { resolveOtlpConfig } from '../../otlp/config.js';

const ENDPOINT_VARIABLES = ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] as const;

export const otelPreflight: SinkPreflight = {
  async preflight(env) {
    let url = '';
    asConfigError('otel', () => (url = resolveOtlpConfig({ env }).url));
    await requireConfiguredOrAnswering('otel', env, ENDPOINT_VARIABLES, url, 'OTLP endpoint');
  },
  failureHint(env) {
    const { url } = resolveOtlpConfig({ env });
    return `check that an OTLP receiver answers at ${url} (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT; OTEL_EXPORTER_OTLP_HEADERS for its auth)`;
  },
};
