/** Varints of small numbers (the path without BigInt) are the same bytes as the general encoding gives. */
import { describe, expect, it } from 'vitest';
import { varintField } from '../../src/transports/wandb/proto.js';

describe('proto varint', () => {
  it.each([1, 127, 128, 300, 16_383, 16_384, 2 ** 21, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1])('%d', (n) => {
    expect(varintField(1, n)).toEqual(varintField(1, BigInt(n)));
  });

  it('keeps the general encoding for negative and large numbers', () => {
    expect(varintField(1, -1)).toEqual(varintField(1, BigInt.asUintN(64, -1n)));
    expect(varintField(1, 2 ** 40)).toEqual(Buffer.from([0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20]));
  });
});
