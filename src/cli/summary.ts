/** The closing summary: one line per sink with what was sent, retried, dropped and failed. */
import type { CloseReport } from '../core/hub.js';

export function formatSummary(report: CloseReport, seconds: number): string[] {
  return Object.entries(report.sinks).map(([name, c]) => {
    const status = c.undelivered === 0 && !c.closeError && !c.spooled ? 'ok' : 'INCOMPLETE';
    const extra = [c.closeError ? `close error: ${c.closeError}` : '', c.undelivered && c.lastError ? `last error: ${c.lastError}` : ''].filter(Boolean).join('; ');
    return `${name.padEnd(10)} ${status.padEnd(10)} sent ${c.sent}/${c.received}, retried ${c.retried}, dropped ${c.dropped}, failed ${c.failed}, not delivered ${c.undelivered}${c.recovered ? `, recovered from spool ${c.recovered}` : ''}${c.spooled ? `, kept in spool for the next start ${c.spooled}` : ''}, in ${seconds.toFixed(1)} s${extra ? ` (${extra})` : ''}`;
  });
}
