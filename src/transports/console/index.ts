/** A live one-line-per-event view on stderr (or any writer). */
import { createConsoleAdapter, type ConsoleMapped, type ConsoleTransport } from '../../../generated/console/adapter.gen.js';
import type { Fields } from '../../core/mapping-runtime.js';
import { safeLine } from '../../core/safe-text.js';
import type { Sink } from '../../core/sink.js';

export interface ConsoleSinkOptions {
  /** @default a line on stderr */
  write?: (line: string) => void;
}

function format(fields: Fields): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k}=${typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(3) : Array.isArray(v) ? v.join('+') : String(v)}`)
    .join(' ');
}

export function createConsoleSink(options: ConsoleSinkOptions = {}): Sink {
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const transport: ConsoleTransport = {
    async send(batch: readonly ConsoleMapped[]) {
      // Values come from the run's data: printed as one safe line each (no escape sequences, no secrets).
      for (const m of batch) if ('line' in m) write(safeLine(`[${m.type}] ${format(m.line)}`));
    },
  };
  return createConsoleAdapter(transport);
}
