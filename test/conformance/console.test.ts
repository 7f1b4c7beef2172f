/**
 * The console sink against the shared conformance suite. Its backend is the lines it prints: one per run start,
 * iteration, evolution step and run end, read back by type and iteration; a console shows one run, named on its
 * run-start line, and iteration lines keep their order.
 */
import { createConsoleSink } from '../../src/transports/console/index.js';
import { describeSinkConformance, type BackendRecord } from './sink-conformance.js';

describeSinkConformance('console', {
  async create() {
    const lines: string[] = [];
    const sink = createConsoleSink({ write: (line) => lines.push(line) });
    return {
      sink,
      async readBack() {
        const parsed = lines.map((line) => {
          const [, type = '', rest = ''] = /^\[([\w.]+)\] (.*)$/.exec(line) ?? [];
          return { type, fields: new Map(rest.split(' ').map((kv) => kv.split('=') as [string, string])) };
        });
        const runId = parsed.find((p) => p.type === 'run.started')?.fields.get('run') ?? '(no run.started line)';
        return parsed.map((p): BackendRecord => {
          const iteration = p.fields.get('iteration');
          return {
            id: iteration === undefined ? p.type : `${p.type}/${iteration}`,
            runId,
            order: p.type === 'iteration' && iteration !== undefined ? Number(iteration) : undefined,
          };
        });
      },
    };
  },
});
