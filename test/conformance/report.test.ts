/** The report sink against the shared conformance suite; its backend is the HTML model it renders from. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReportAdapter } from '../../generated/report/adapter.gen.js';
import { ReportTransportImpl } from '../../src/transports/report/index.js';
import { describeSinkConformance } from './sink-conformance.js';

describeSinkConformance('report', {
  async create() {
    const transport = new ReportTransportImpl(join(mkdtempSync(join(tmpdir(), 'report-conf-')), 'report.html'));
    const sink = createReportAdapter(transport);
    return {
      sink,
      async readBack() {
        const { model } = transport;
        const runId = String(model.run.run_id);
        return [
          ...[...model.points.keys()].map((i) => ({ id: `iteration/${i}`, runId, order: i })),
          ...[...model.marks.keys()].map((i) => ({ id: `evolution/${i}`, runId })),
          // The report keeps the lowest- and highest-reward episodes (the sample's 12 all fit in the two lists).
          ...[...new Set([...model.worst, ...model.best].map((e) => String(e.fields.id)))].map((id) => ({ id: `episode/${id}`, runId })),
        ];
      },
    };
  },
});
