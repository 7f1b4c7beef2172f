/**
 * Generates bad input lines from good ones, each with the problem a reader must report (field '' = the line as a
 * whole). Seeded, so a failure can be reproduced.
 */

export interface BadLine {
  bytes: Buffer;
  /** The field named in the problem; undefined when the line is valid as it is (an unknown field passes through). */
  field?: string;
  /** Part of the expected problem text. */
  problem?: string;
  kind: string;
  /** The event as delivered when the line is still an event (a bad field dropped, or an unknown field kept). */
  delivered?: Record<string, unknown>;
}

const EVENT_TYPES = 'episode, evolution, iteration, run.finished, run.started';

/** Bad variants of a canonical event line. */
export function badEventLine(good: Record<string, any>, random: () => number): BadLine {
  const text = JSON.stringify(good);
  let pick = Math.floor(random() * 9);
  // Huge lines are few (each is ~1 MB), so the file stays a reasonable size.
  if (pick === 3 && random() > 0.05) pick = 1;
  const clone = () => structuredClone(good);
  switch (pick) {
    case 0: {
      const cut = 1 + Math.floor(random() * (text.length - 2));
      return { bytes: Buffer.from(text.slice(0, cut)), field: '', problem: 'not valid JSON', kind: 'truncated JSON' };
    }
    case 1: {
      // A number would be coerced to its text; a list cannot be a run id.
      const v = clone();
      v.run_id = [12345];
      return { bytes: Buffer.from(JSON.stringify(v)), field: 'run_id', problem: 'must be string', kind: 'wrong type' };
    }
    case 2: {
      const v = clone();
      delete v.run_id;
      return { bytes: Buffer.from(JSON.stringify(v)), field: 'run_id', problem: 'missing required field', kind: 'missing field' };
    }
    case 3: {
      const v = { type: 'run.finished', run_id: 'x'.repeat(1 << 20), finished_at: 'y'.repeat(200_000), status: 'completed' };
      return { bytes: Buffer.from(JSON.stringify(v)), field: 'finished_at', problem: 'must be number', kind: 'huge string' };
    }
    case 4: {
      const depth = 200 + Math.floor(random() * 5000);
      return {
        bytes: Buffer.from(`{"type":"episode","x":${'['.repeat(depth)}${']'.repeat(depth)}}`),
        field: '',
        problem: 'nested deeper than',
        kind: 'deep nesting',
      };
    }
    case 5: {
      // The iteration is still delivered, without the value JSON cannot carry.
      const token = ['NaN', 'Infinity', '-Infinity'][Math.floor(random() * 3)];
      const delivered = {
        type: 'iteration',
        run_id: 'r',
        iteration: 0,
        timestamp: 1,
        n_episodes: 0,
        min_reward: 0,
        max_reward: 0,
        per_task: {},
        fb_results: {},
      };
      return {
        bytes: Buffer.from(
          `{"type": "iteration", "run_id": "r", "iteration": 0, "timestamp": 1, "n_episodes": 0, "avg_reward": ${token}, "min_reward": 0, "max_reward": 0, "per_task": {}, "fb_results": {}}`,
        ),
        field: 'avg_reward',
        problem: `${token} is not a number JSON can carry`,
        kind: 'NaN/Infinity',
        delivered,
      };
    }
    case 6: {
      const at = Math.floor(random() * text.length);
      return {
        bytes: Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xc3, 0x28]), Buffer.from(text.slice(at))]),
        field: '',
        problem: 'not valid UTF-8',
        kind: 'invalid UTF-8',
      };
    }
    case 7: {
      const v = clone();
      v.type = ['episode.started', 'metrics', 'Episode', ''][Math.floor(random() * 4)];
      return {
        bytes: Buffer.from(JSON.stringify(v)),
        field: 'type',
        problem: `unknown event type "${v.type}" (expected one of ${EVENT_TYPES})`,
        kind: 'unknown type',
      };
    }
    default: {
      // What a newer ClawLoop adds passes through: no problem, the event as written.
      const v = clone();
      v.surprise = true;
      return { bytes: Buffer.from(JSON.stringify(v)), kind: 'unknown field', delivered: v };
    }
  }
}
