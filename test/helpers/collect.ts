/** Runs a source to the end, collecting its events and the problems it reported. */
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { openSource, type SourceFormat } from '../../src/sources/open-source.js';
import { formatProblem, type InputProblem } from '../../src/sources/problems.js';

export async function collect(path: string, options: { runId?: string; format?: SourceFormat } = {}) {
  const events: CanonicalEvent[] = [];
  const problems: InputProblem[] = [];
  const notices: string[] = [];
  for await (const event of openSource(path, { ...options, onProblem: (p) => problems.push(p), onNotice: (n) => notices.push(n) }))
    events.push(event);
  return { events, problems, notices, problemLines: problems.map(formatProblem) };
}
