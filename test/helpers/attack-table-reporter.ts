/** Prints the adversarial tests' attack → outcome table after a run (only when some test named an attack). */
import type { Reporter } from 'vitest/reporters';

type Task = {
  type: string;
  name: string;
  meta?: object;
  result?: { state?: string; errors?: Array<{ message?: string }> };
  tasks?: Task[];
};

function collect(tasks: readonly Task[], rows: Array<{ attack: string; outcome: string; state: string }>): void {
  for (const task of tasks) {
    const meta = task.meta as { attack?: string; outcome?: string } | undefined;
    if (task.type === 'test' && meta?.attack) {
      const state = task.result?.state === 'pass' ? 'pass' : task.result?.state === 'fail' ? 'FAIL' : 'not run';
      const outcome = meta.outcome ?? (task.result?.errors?.[0]?.message ?? 'no outcome recorded').split('\n')[0].slice(0, 160);
      rows.push({ attack: meta.attack, outcome, state });
    }
    if (task.tasks) collect(task.tasks, rows);
  }
}

export default class AttackTableReporter implements Reporter {
  onFinished(files: readonly Task[] = []): void {
    const rows: Array<{ attack: string; outcome: string; state: string }> = [];
    collect(files, rows);
    if (rows.length === 0) return;
    rows.sort((a, b) => a.attack.localeCompare(b.attack));
    const width = Math.min(70, Math.max(...rows.map((r) => r.attack.length)));
    const lines = rows.map((r) => `${r.state.padEnd(7)} ${r.attack.padEnd(width)}  → ${r.outcome}`);
    process.stdout.write(
      `\nattack → outcome (${rows.length} attacks, ${rows.filter((r) => r.state === 'pass').length} held)\n${lines.join('\n')}\n`,
    );
  }
}
