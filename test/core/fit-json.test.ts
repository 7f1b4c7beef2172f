/** A structure over a target's value limit stays valid JSON: its strings are cut, each with its own marker. */
import { describe, expect, it } from 'vitest';
import { fitJson } from '../../src/core/mapping-runtime.js';

describe('fitJson', () => {
  it('keeps a structure that fits as is', () => {
    expect(fitJson({ a: [1, 'two'] }, 100)).toBe('{"a":[1,"two"]}');
  });

  it('cuts the long strings of a long conversation, keeping every message, valid JSON within the limit', () => {
    const messages = [
      { role: 'user', content: 'q'.repeat(150_000) },
      { role: 'assistant', content: 'a'.repeat(150_000) },
      { role: 'user', content: 'short' },
    ];
    const text = fitJson(messages, 200_000);
    expect(text.length).toBeLessThanOrEqual(200_000);
    const parsed = JSON.parse(text) as Array<{ role: string; content: string }>;
    expect(parsed.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(parsed[0].content).toMatch(/^q+…\[truncated \d+ chars\]$/);
    expect(parsed[1].content).toMatch(/^a+…\[truncated \d+ chars\]$/);
    expect(parsed[2].content).toBe('short');
  });

  it('falls back to cutting the text when even empty strings do not fit', () => {
    const text = fitJson(
      Array.from({ length: 1000 }, () => ''),
      100,
    );
    expect(text.length).toBeLessThanOrEqual(100);
    expect(text).toMatch(/…\[truncated \d+ chars\]$/);
  });
});
