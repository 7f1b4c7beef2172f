/** Up-front check and failure hint of the phoenix sink (see src/core/preflight.ts). */
import { requireConfiguredOrAnswering, type SinkPreflight } from '../../core/preflight.js';
import { resolvePhoenixConfig } from './config.js';

export const phoenixPreflight: SinkPreflight = {
  async preflight(env) {
    await requireConfiguredOrAnswering(
      'phoenix',
      env,
      ['PHOENIX_COLLECTOR_ENDPOINT'],
      resolvePhoenixConfig({ env }).endpoint,
      'Phoenix endpoint',
    );
  },
  failureHint(env) {
    return `check that Phoenix answers at ${resolvePhoenixConfig({ env }).endpoint} (PHOENIX_COLLECTOR_ENDPOINT; PHOENIX_API_KEY when it runs with auth)`;
  },
};
