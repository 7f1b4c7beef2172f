/** Failure hint of the report sink (see src/core/preflight.ts); it needs no configuration. */
import type { SinkPreflight } from '../../core/preflight.js';
import { DEFAULT_REPORT_PATH } from './index.js';

export const reportPreflight: SinkPreflight = {
  async preflight() {},
  failureHint: (_env, options) => `check that ${options.out ?? DEFAULT_REPORT_PATH} can be written (--out)`,
};
