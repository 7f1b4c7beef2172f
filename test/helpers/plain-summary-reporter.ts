/**
 * Prints one plain closing line, `tests: N passed, N failed` (plus skipped), which any CI log reader understands,
 * after vitest's own summary.
 */
import type { Reporter } from 'vitest/reporters';

type Task = { type: string; mode?: string; result?: { state?: string }; tasks?: Task[] };

function count(tasks: readonly Task[], totals: { passed: number; failed: number; skipped: number }): void {
  for (const task of tasks) {
    if (task.type === 'test') {
      if (task.result?.state === 'pass') totals.passed += 1;
      else if (task.result?.state === 'fail') totals.failed += 1;
      else totals.skipped += 1;
    }
    if (task.tasks) count(task.tasks, totals);
  }
}

export default class PlainSummaryReporter implements Reporter {
  onFinished(files: readonly Task[] = [], errors: readonly unknown[] = []): void {
    const totals = { passed: 0, failed: 0, skipped: 0 };
    count(files, totals);
    // A file that failed to load has no test results: count it as a failure so the line cannot read green.
    const failedFiles = files.filter((f) => f.result?.state === 'fail' && !(f.tasks ?? []).length).length;
    totals.failed += failedFiles + errors.length;
    process.stdout.write(
      `\ntests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}\n`,
    );
  }
}
