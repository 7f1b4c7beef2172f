/**
 * History rows written backwards into one buffer (proto.ts) are the bytes of the plain field-by-field encoding: every
 * item a Buffer.concat of its key and JSON value fields, the step last (HistoryRecord: item = 1, step = 2).
 */
import { describe, expect, it } from 'vitest';
import { bytesField, history, item, varintField } from '../../src/transports/wandb/proto.js';

function plainHistory(step: number, items: ReadonlyArray<readonly [string, unknown]>): Buffer {
  return Buffer.concat([...items.map(([k, v]) => bytesField(1, item(k, JSON.stringify(v)))), bytesField(2, varintField(1, step))]);
}

describe('proto history', () => {
  const row: Array<readonly [string, unknown]> = [
    ['reward/mean', 0.625],
    ['episodes/count', 50],
    ['playbook/version', 'v3'],
    ['state/harness', 'ünïcödé ✓ \ud83d\ude00 and a lone \ud800'],
    ['extra/long', 'x'.repeat(70_000)],
    ['extra/nested', { a: [1, 2, { b: null }], c: 'd' }],
    ['fb/weights/ok', true],
    ['episodes/table', { _type: 'table-file', sha256: 'ab'.repeat(32), size: 6000, path: 'media/table/episodes/table_3_x.table.json' }],
    ['_step', 3],
    ['_runtime', 12.5],
    ['_timestamp', 1795539087.2467337],
  ];

  it.each([0, 1, 127, 128, 300, 2 ** 31, 2 ** 32 - 1, 2 ** 40])('step %d', (step) => {
    expect(history(step, row).toString('hex')).toBe(plainHistory(step, row).toString('hex'));
  });

  it('an empty row and a row of one item', () => {
    expect(history(5, []).toString('hex')).toBe(plainHistory(5, []).toString('hex'));
    expect(history(0, [['k', '']]).toString('hex')).toBe(plainHistory(0, [['k', '']]).toString('hex'));
  });
});
