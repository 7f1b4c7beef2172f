/** NaN / Infinity found in one pass with their field paths, nesting checked before anything is built. */
import { describe, expect, it } from 'vitest';
import { DepthScanner, scanNonFinite, shapeProblem } from '../../src/sources/json-scan.js';
import { parseJsonLine } from '../../src/sources/parse-json-line.js';

describe('scanNonFinite', () => {
  it.each([
    ['{"a":1,"b":[1,2,NaN]}', [['b', 2, 'NaN']]],
    [
      '{"x":{"y":Infinity},"z":-Infinity}',
      [
        ['x', 'y', 'Infinity'],
        ['z', '-Infinity'],
      ],
    ],
    ['{"s":"NaN [[ Infinity","t":NaN}', [['t', 'NaN']]],
    ['{"k\\"q":[{"z":NaN}]}', [['k"q', 0, 'z', 'NaN']]],
  ])('%s', (text, expected) => {
    expect(scanNonFinite(text).map((f) => [...f.path, f.token])).toEqual(expected);
  });

  it('parseJsonLine marks each token at its place and lists the paths (for the quarantine)', () => {
    const parsed = parseJsonLine('{"a":[1,NaN],"b":{"c":-Infinity}}');
    expect(parsed).toMatchObject({
      ok: true,
      nonFinite: [
        { path: ['a', 1], token: 'NaN' },
        { path: ['b', 'c'], token: '-Infinity' },
      ],
    });
  });

  it('is linear on a 16 MB line (no walk over the parsed value, no per-character string building)', () => {
    const text = `{"note":"${'x'.repeat(16 * 1024 * 1024)}","avg_reward":NaN}`;
    const cpu = process.cpuUsage();
    const parsed = parseJsonLine(text, { depthChecked: true });
    const used = process.cpuUsage(cpu);
    expect(parsed).toMatchObject({ ok: true, nonFinite: [{ path: ['avg_reward'], token: 'NaN' }] });
    // Generous (a loaded machine): the old marker-by-concatenation took 5–7 s of CPU on this line.
    expect((used.user + used.system) / 1000).toBeLessThan(4000);
  });

  it('shapeProblem refuses depth over 64 and over a million values, counting outside strings only', () => {
    expect(shapeProblem('['.repeat(65) + ']'.repeat(65))).toBe('nested deeper than 64 levels');
    expect(shapeProblem(`["${'['.repeat(100)}"]`)).toBeUndefined();
    expect(shapeProblem(`[${'1,'.repeat(1_000_001)}1]`)).toBe('more than 1,000,000 values in one event');
    expect(shapeProblem(`["${','.repeat(2_000_000)}"]`)).toBeUndefined();
  });

  it('DepthScanner skips strings whole, however the bytes are split: escaped quotes, backslash runs, brackets inside', () => {
    // Depth limit 2: a bracket inside a string, counted by mistake, refuses the text.
    const texts = [
      String.raw`[["a\"[[[","b\\",["c\\\"[[["]]]`,
      String.raw`[{"k\\\\":"[[\\\"[","v":["\\"]}]`,
      String.raw`[[["\\\\\\\\\"[[[["]]]`,
    ];
    for (const text of texts) {
      const bytes = Buffer.from(text);
      const whole = new DepthScanner('line', 3);
      whole.push(bytes);
      expect(whole.refusal, text).toBeUndefined();
      const deep = new DepthScanner('line', 2);
      deep.push(bytes);
      expect(deep.refusal, text).toBe('nested deeper than 2 levels');
      for (let cut = 1; cut < bytes.length; cut += 1) {
        const split = new DepthScanner('line', 3);
        split.push(bytes.subarray(0, cut));
        split.push(bytes.subarray(cut));
        expect(split.refusal, `${text} cut at ${cut}`).toBeUndefined();
      }
      const byByte = new DepthScanner('line', 3);
      for (let i = 0; i < bytes.length; i += 1) byByte.push(bytes, i, i + 1);
      expect(byByte.refusal, text).toBeUndefined();
    }
  });
});
