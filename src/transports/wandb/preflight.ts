/** Up-front check and failure hint of the wandb sink (see src/core/preflight.ts). */
import { asConfigError, SinkConfigError, type SinkPreflight } from '../../core/preflight.js';
import { resolveOnline } from './online-run.js';

export const wandbPreflight: SinkPreflight = {
  async preflight(env) {
    if (env.WANDB_MODE === 'online' && !env.WANDB_API_KEY) {
      throw new SinkConfigError(
        'wandb',
        'WANDB_MODE=online but WANDB_API_KEY is not set; set WANDB_API_KEY (and WANDB_BASE_URL for a self-hosted server), or WANDB_MODE=offline to write a run for `wandb sync`',
      );
    }
    asConfigError('wandb', () => resolveOnline({ env }));
  },
  failureHint(env) {
    const online = resolveOnline({ env });
    return online
      ? `check that W&B answers at ${online.baseUrl} (WANDB_BASE_URL) and that WANDB_API_KEY is valid there; WANDB_MODE=offline writes a run for \`wandb sync\` instead`
      : `check that WANDB_DIR (${env.WANDB_DIR || 'the working directory'}) is writable`;
  },
};
