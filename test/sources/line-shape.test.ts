/**
 * The per-line limit check that counts brackets first refuses exactly what the exact scan refuses, in the same piece,
 * however the line's bytes are split: the cheap count only decides when the exact scan is needed.
 */
import { describe, expect, it } from 'vitest';
import { DepthScanner } from '../../src/sources/json-scan.js';
import { LineShape } from '../../src/sources/line-shape.js';
import { LineSplitter } from '../../src/sources/line-splitter.js';

/** Feeds `text` in pieces of `size` bytes; the index of the piece that was refused (or -1) and the refusal. */
function feed(
  check: { push(piece: Uint8Array, before: readonly Uint8Array[]): boolean; refusal: string | undefined },
  text: string,
  size: number,
) {
  const bytes = Buffer.from(text);
  const held: Uint8Array[] = [];
  for (let at = 0, i = 0; at < bytes.length; at += size, i += 1) {
    const piece = bytes.subarray(at, at + size);
    if (!check.push(piece, held)) return { refusedAt: i, refusal: check.refusal };
    held.push(piece);
  }
  return { refusedAt: -1, refusal: check.refusal };
}

const exactly = (maxDepth: number, maxValues: number) => {
  const scanner = new DepthScanner('line', maxDepth, maxValues);
  return {
    push: (piece: Uint8Array) => scanner.push(piece),
    get refusal() {
      return scanner.refusal;
    },
  };
};

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

describe('LineShape', () => {
  const cases: Array<[string, string]> = [
    ['a small event', '{"type":"episode","episode":{"messages":[{"role":"user","content":"hi"}]}}'],
    ['64 levels', deep(64)],
    ['65 levels', deep(65)],
    ['65 levels after 200 flat objects', `[${'{},'.repeat(200)}${deep(65)}]`],
    ['many brackets, all inside strings', `{"s":"${'[{'.repeat(100)}"}`],
    ['deep inside strings, escaped quotes', `{"s":"\\"${'['.repeat(100)}\\\\","t":${deep(65)}}`],
    ['more values than allowed, shallow', `[${'1,'.repeat(120)}1]`],
    ['values just within the limit', `[${'1,'.repeat(98)}1]`],
    ['more opens than the depth limit, never deep', `[${'[],'.repeat(100)}[]]`],
  ];

  it.each(cases)('%s: the same verdict, in the same piece, as the exact scan (pieces of 1, 7, 64 and all bytes)', (_, text) => {
    for (const size of [1, 7, 64, text.length]) {
      const expected = feed(exactly(64, 100), text, size);
      const shape = new LineShape(64, 100);
      expect(feed(shape, text, size)).toEqual(expected);
    }
  });

  it('starts each line afresh after reset (a refused line does not carry over)', () => {
    const shape = new LineShape(64, 1000);
    expect(feed(shape, deep(65), 10).refusal).toMatch(/nested deeper than 64/);
    shape.reset();
    expect(feed(shape, deep(64), 10)).toEqual({ refusedAt: -1, refusal: undefined });
  });

  it('LineSplitter: a deep line among good ones is refused, the others decoded (ASCII and UTF-8 alike)', () => {
    const splitter = new LineSplitter();
    const lines: unknown[] = [];
    const text = `{"a":"ascii"}\n${deep(70)}\n{"b":"é ✓"}\n${'['.repeat(64)}${']'.repeat(64)}\n`;
    const bytes = Buffer.from(text);
    for (let at = 0; at < bytes.length; at += 5) splitter.push(bytes.subarray(at, at + 5), (line) => lines.push(line));
    expect(lines).toEqual([
      { text: '{"a":"ascii"}' },
      { error: 'nested deeper than 64 levels' },
      { text: '{"b":"é ✓"}' },
      { text: deep(64) },
    ]);
  });

  it('LineSplitter: invalid UTF-8 is still reported for its line', () => {
    const splitter = new LineSplitter();
    const lines: unknown[] = [];
    splitter.push(Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n{"b":1}\r\n')]), (line) =>
      lines.push(line),
    );
    expect(lines).toEqual([{ error: 'not valid UTF-8' }, { text: '{"b":1}' }]);
  });
});
