import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Integration tests start real servers on fixed loopback ports; keep files from racing for them.
    fileParallelism: true,
    pool: 'forks',
    // Fails the run when the suite leaves files behind in the working tree (see the file).
    globalSetup: ['./test/helpers/clean-tree.ts'],
    reporters: ['default', './test/helpers/attack-table-reporter.ts', './test/helpers/plain-summary-reporter.ts'],
  },
});
