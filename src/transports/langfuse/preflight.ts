/** Up-front check and failure hint of the langfuse sink (see src/core/preflight.ts). */
import { SinkConfigError, type SinkPreflight } from '../../core/preflight.js';
import { resolveLangfuseConfig } from './config.js';

export const langfusePreflight: SinkPreflight = {
  async preflight(env) {
    const missing = ['LANGFUSE_PUBLIC_KEY', 'LANGFUSE_SECRET_KEY'].filter((v) => !env[v]);
    if (missing.length > 0) {
      throw new SinkConfigError(
        'langfuse',
        `${missing.join(' and ')} not set; set LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY (a project's API keys) and, for a self-hosted server, LANGFUSE_BASE_URL`,
      );
    }
  },
  failureHint(env) {
    const { baseUrl } = resolveLangfuseConfig({ env: { LANGFUSE_PUBLIC_KEY: '-', LANGFUSE_SECRET_KEY: '-', ...env } });
    return `check that Langfuse answers at ${baseUrl} (LANGFUSE_BASE_URL) and that LANGFUSE_PUBLIC_KEY / LANGFUSE_SECRET_KEY belong to a project there`;
  },
};
