/** The closing summary: one line per sink with what was sent, retried, dropped and failed, and why it is incomplete. */
import type { CloseReport } from '../core/hub.js';

type SinkReport = CloseReport['sinks'][string];

/** Why a sink did not deliver everything, in words (empty when it did). */
function reasons(c: SinkReport, endedAt: number): string[] {
  const out: string[] = [];
  if (c.stalledSince !== undefined) {
    out.push(
      `stalled: no progress since ${new Date(c.stalledSince).toISOString()} (${Math.round((endedAt - c.stalledSince) / 1000)} s before the end)`,
    );
  }
  if (c.closeError) out.push(`close error: ${c.closeError}`);
  if (c.undelivered > 0 && c.lastRejected) out.push(`last refused: ${c.lastRejected}`);
  if (c.undelivered > 0 && c.lastError && c.lastError !== c.closeError) out.push(`last error: ${c.lastError}`);
  if (c.undelivered > 0 && out.length === 0) out.push('events still queued when the time limit (--timeout) passed');
  return out;
}

/** One line per sink; a sink that did not deliver everything ends with `hints[name]` (what to check). */
export function formatSummary(
  report: CloseReport,
  seconds: number,
  endedAt = Date.now(),
  hints: Readonly<Record<string, string>> = {},
): string[] {
  return Object.entries(report.sinks).map(([name, c]) => {
    const status = c.undelivered === 0 && !c.closeError && !c.spooled ? 'ok' : 'INCOMPLETE';
    const extra = reasons(c, endedAt).join('; ');
    const busy = c.busy ? `, busy answers ${c.busy}` : '';
    const refused = c.rejected ? ` (${c.rejected} refused by the backend)` : '';
    const hint = status !== 'ok' && hints[name] ? ` → ${hints[name]}` : '';
    const spool = `${c.recovered ? `, recovered from spool ${c.recovered}` : ''}${c.spooled ? `, kept in spool for the next start ${c.spooled}` : ''}`;
    return `${name.padEnd(10)} ${status.padEnd(10)} sent ${c.sent}/${c.received}, retried ${c.retried}, dropped ${c.dropped}, failed ${c.failed}${refused}, not delivered ${c.undelivered}${busy}${spool}, in ${seconds.toFixed(1)} s${extra ? ` (${extra})` : ''}${hint}`;
  });
}
