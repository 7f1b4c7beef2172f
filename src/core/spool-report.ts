/** What opening the spool repaired, as a few lines for people (each finding named by segment and byte offset). */
import type { SpoolDamage, SpoolRecovery } from './spool.js';

const LISTED = 5;

function list(items: readonly SpoolDamage[]): string {
  const shown = items.slice(0, LISTED).map((d) => `${d.segment} at byte ${d.offset} (${d.bytes} bytes: ${d.why})`);
  return shown.join(', ') + (items.length > LISTED ? `, and ${items.length - LISTED} more` : '');
}

export function describeRecovery(recovery: SpoolRecovery): string[] {
  const lines: string[] = [];
  if (recovery.torn.length > 0) {
    lines.push(
      `spool: cut ${recovery.torn.length} torn record(s) a crash left at the end of a segment (never acknowledged to the caller): ${list(recovery.torn)}`,
    );
  }
  if (recovery.damaged.length > 0) {
    const bytes = recovery.damaged.reduce((n, d) => n + d.bytes, 0);
    lines.push(`spool: skipped ${recovery.damaged.length} damaged stretch(es), ${bytes} bytes in all: ${list(recovery.damaged)}`);
  }
  for (const w of recovery.watermarks) {
    lines.push(
      `spool: the acknowledged position of sink ${w.sink} ("${w.found}") is ${w.why}; its records are redelivered from the oldest`,
    );
  }
  return lines;
}
