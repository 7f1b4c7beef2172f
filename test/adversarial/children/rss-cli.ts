/**
 * Runs the CLI in this process (as `clawloop-sinks <args>`) and prints, on stderr at the end, its exit code, peak RSS
 * and the longest the event loop was blocked.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { main } from '../../../src/cli/main.js';

const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
const code = await main(['node', 'clawloop-sinks', ...process.argv.slice(2)]);
delay.disable();
const blockedMs = Math.round(delay.max / 1e6);
process.stderr.write(
  `\nexit-code ${code} peak-rss-mb ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} max-loop-delay-ms ${blockedMs}\n`,
);
process.exit(code);
