import type { PoolWorkerState } from '@snakepit/core';
import type { RoutedSlot } from '../../src/pool/Router.js';

/** A slot the test moves by hand; it keeps the router's claims as a real slot does. */
export class FakeSlot implements RoutedSlot {
  state: PoolWorkerState = 'ready';
  inFlight = 0;

  constructor(
    readonly id: string,
    private readonly concurrency = 1,
  ) {}

  claim(): void {
    this.inFlight++;
    if (this.inFlight >= this.concurrency) this.state = 'busy';
  }

  release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.state === 'busy' && this.inFlight < this.concurrency) this.state = 'ready';
  }
}

/** `count` ready fake slots `w1…wN`. */
export function fakeSlots(count: number, concurrency = 1): FakeSlot[] {
  return Array.from({ length: count }, (_, i) => new FakeSlot(`w${i + 1}`, concurrency));
}
