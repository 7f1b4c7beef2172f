/** Up-front check and failure hint of the mlflow sink (see src/core/preflight.ts). */
import { asConfigError, requireConfiguredOrAnswering, type SinkPreflight } from '../../core/preflight.js';
import { resolveMlflowConfig } from './config.js';

export const mlflowPreflight: SinkPreflight = {
  async preflight(env) {
    let baseUrl = '';
    asConfigError('mlflow', () => (baseUrl = resolveMlflowConfig({ env }).baseUrl));
    await requireConfiguredOrAnswering('mlflow', env, ['MLFLOW_TRACKING_URI'], baseUrl, 'tracking server');
  },
  failureHint(env) {
    return `check that the MLflow tracking server answers at ${resolveMlflowConfig({ env }).baseUrl} (MLFLOW_TRACKING_URI; MLFLOW_TRACKING_TOKEN or MLFLOW_TRACKING_USERNAME / _PASSWORD for its auth)`;
  },
};
