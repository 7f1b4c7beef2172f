/**
 * The embedded default sink: a self-contained HTML report, written atomically (temp file + rename) on flush and close,
 * and — live, for `watch` and `serve` — every few seconds while events arrive, so a browser tab can follow a run.
 */
import { createReportAdapter, type ReportMapped, type ReportTransport } from '../../../generated/report/adapter.gen.js';
import { redactKnownSecrets } from '../../core/redact.js';
import { checkWritableFile, writeFileAtomic } from '../../core/safe-write.js';
import type { Sink } from '../../core/sink.js';
import { packageVersion } from '../../core/version.js';
import { optionsMatter, renderReport } from './html.js';
import { addEpisode, addPoint, emptyModel, type ReportModel } from './model.js';

export interface ReportSinkOptions {
  /** Where the HTML goes. @default .clawloop-sinks/report.html */
  out?: string;
  /** Episodes in each of the lowest- and highest-reward lists. @default 5 */
  episodes?: number;
  /**
   * Live mode: rewrite the page at most this often (ms) while events arrive, and let it reload itself, so a browser
   * tab follows the run. @default undefined (written on flush and close only)
   */
  liveIntervalMs?: number;
}

/** Where the report goes when no path is given. */
export const DEFAULT_REPORT_PATH = '.clawloop-sinks/report.html';

/** Rewrite interval of `watch` and `serve` (the page reloads at the same pace). */
export const LIVE_INTERVAL_MS = 3000;

export class ReportTransportImpl implements ReportTransport {
  /** A local file: no request reads the hub's call signal (src/core/adapter-sink.ts). */
  readonly usesCallSignal = false;
  readonly model: ReportModel;
  /** Times the page was written (for tests and the live cadence). */
  writes = 0;
  private dirty = false;
  private lastWrite = 0;
  private timer?: NodeJS.Timeout;
  /** The write in progress: writes never overlap (a live rewrite and the final one). */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly out: string,
    shown = 5,
    private readonly liveIntervalMs?: number,
  ) {
    this.model = emptyModel(shown);
    if (liveIntervalMs !== undefined) {
      // Also catches the last events of a burst once things go quiet; never keeps the process alive.
      this.timer = setInterval(() => {
        // A failed live rewrite is tried again at the next tick; flush and close report their own failures.
        if (this.dirty) this.write().catch(() => {});
      }, liveIntervalMs);
      this.timer.unref();
    }
  }

  async send(batch: readonly ReportMapped[]): Promise<void> {
    for (const m of batch) {
      switch (m.type) {
        case 'run.started':
        case 'run.finished':
          Object.assign(this.model.run, m.run);
          break;
        case 'iteration':
          addPoint(this.model, m.point);
          break;
        case 'evolution':
          this.model.marks.set(m.event.iteration, m.mark);
          break;
        case 'episode':
          addEpisode(this.model, m.episode, m.event.episode.messages);
          break;
      }
    }
    this.dirty = true;
    if (this.liveIntervalMs !== undefined && Date.now() - this.lastWrite >= this.liveIntervalMs) await this.write();
  }

  /**
   * Writes the page atomically (temp file + rename), so a reader never sees half a report, within a time bound
   * (src/core/safe-write.ts: a hung filesystem is an error, not a hang).
   */
  private write(final = false): Promise<void> {
    this.writing = this.writing.catch(() => {}).then(() => this.writeNow(final));
    return this.writing;
  }

  private async writeNow(final: boolean): Promise<void> {
    this.dirty = false;
    const page = renderReport(this.model, new Date(), {
      version: packageVersion(),
      // Once the sink closes nothing rewrites the page, so it stops reloading.
      refreshSeconds: this.liveIntervalMs !== undefined && !final ? Math.max(1, Math.round(this.liveIntervalMs / 1000)) : undefined,
      final,
    });
    // The page quotes the run's data (configs, conversations, errors): no configured credential may reach it.
    try {
      await writeFileAtomic(this.out, redactKnownSecrets(page));
    } catch (error) {
      this.dirty = true;
      throw error;
    }
    this.writes += 1;
    this.lastWrite = Date.now();
  }

  async flush(): Promise<void> {
    await this.write();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    // The hub flushes right before it closes: a page written since the last event, of a run whose end it shows, is the
    // final page already (rendering it again was ~25 ms of a 10 000-episode replay). A failed write left it dirty.
    await this.writing.catch(() => {});
    if (this.writes > 0 && !this.dirty && !optionsMatter(this.model)) return;
    await this.write(true);
  }
}

export function createReportSink(
  options: ReportSinkOptions = {},
): Sink & { readonly out: string; readonly transport: ReportTransportImpl } {
  const out = options.out ?? DEFAULT_REPORT_PATH;
  // Checked before any work: an unwritable --out fails at once (a usage error) instead of after a whole replay.
  checkWritableFile(out);
  const transport = new ReportTransportImpl(out, options.episodes, options.liveIntervalMs);
  return Object.assign(createReportAdapter(transport), { out, transport, closingNotes: () => [`report written to ${out}`] });
}
