/** The embedded default sink: a self-contained HTML report, rewritten on flush and on close. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createReportAdapter, type ReportMapped, type ReportTransport } from '../../../generated/report/adapter.gen.js';
import { redactKnownSecrets } from '../../core/redact.js';
import type { Sink } from '../../core/sink.js';
import { renderReport } from './html.js';
import { considerEpisode, emptyModel, type ReportModel } from './model.js';

export interface ReportSinkOptions {
  /** Where the HTML goes. @default .clawloop-sinks/report.html */
  out?: string;
  /** Rows in the worst-episodes table. @default 12 */
  worstEpisodes?: number;
}

export class ReportTransportImpl implements ReportTransport {
  readonly model: ReportModel;
  constructor(readonly out: string, worst = 12) {
    this.model = emptyModel(worst);
  }

  async send(batch: readonly ReportMapped[]): Promise<void> {
    for (const m of batch) {
      switch (m.type) {
        case 'run.started':
        case 'run.finished':
          Object.assign(this.model.run, m.run);
          break;
        case 'iteration':
          this.model.points.set(m.event.iteration, m.point);
          break;
        case 'evolution':
          this.model.marks.set(m.event.iteration, m.mark);
          break;
        case 'episode':
          considerEpisode(this.model, m.episode);
          break;
      }
    }
  }

  /** Writes the page atomically (temp file + rename), so a reader never sees half a report. */
  async flush(): Promise<void> {
    mkdirSync(dirname(this.out), { recursive: true });
    const tmp = `${this.out}.tmp-${process.pid}`;
    // The page quotes the run's data (configs, conversations, errors): no configured credential may reach it.
    writeFileSync(tmp, redactKnownSecrets(renderReport(this.model, new Date())));
    renameSync(tmp, this.out);
  }

  async close(): Promise<void> {
    await this.flush();
  }
}

/** Where the report goes when no path is given. */
export const DEFAULT_REPORT_PATH = '.clawloop-sinks/report.html';

export function createReportSink(options: ReportSinkOptions = {}): Sink & { readonly out: string } {
  const out = options.out ?? DEFAULT_REPORT_PATH;
  const sink = createReportAdapter(new ReportTransportImpl(out, options.worstEpisodes));
  return Object.assign(sink, { out, closingNotes: () => [`report written to ${out}`] });
}
