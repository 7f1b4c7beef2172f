/**
 * Spool acknowledgement with several batches in flight: batches settle in any order, but a sink's watermark may only
 * pass a contiguous prefix of settled batches (everything at or below it is done), so a crash never skips an event
 * that a later, faster batch overtook.
 */

interface Slot {
  /** Highest spool position in the batch (undefined when none of its events were spooled). */
  lastSeq?: number;
  state: 'open' | 'settled' | 'abandoned';
}

export class OrderedAcks {
  private readonly slots: Slot[] = [];

  /** @param ack called with the new watermark when the settled prefix grows past a spooled event */
  constructor(private readonly ack: (seq: number) => void) {}

  /** Registers a batch taken from the queue, in queue order. */
  open(lastSeq: number | undefined): Slot {
    const slot: Slot = { lastSeq, state: 'open' };
    this.slots.push(slot);
    return slot;
  }

  /** The batch was delivered or given up on: acknowledge as far as the contiguous settled prefix reaches. */
  settle(slot: Slot): void {
    slot.state = 'settled';
    let mark: number | undefined;
    while (this.slots.length > 0 && this.slots[0].state === 'settled') {
      const head = this.slots.shift()!;
      if (head.lastSeq !== undefined) mark = Math.max(mark ?? head.lastSeq, head.lastSeq);
    }
    if (mark !== undefined) this.ack(mark);
  }

  /** The batch was abandoned (close ran out of time): nothing at or after it is acknowledged by this process. */
  abandon(slot: Slot): void {
    slot.state = 'abandoned';
  }

  /** Batches taken but not yet acknowledged (in flight, or behind an unsettled one). */
  get unacknowledged(): number {
    return this.slots.length;
  }
}
