import type { Clock, EventBus } from '@snakepit/core';
import { CallQueue } from './CallQueue.js';
import type { WaitOptions } from './CallQueue.js';
import type { WorkerSlot } from './WorkerSlot.js';

/** Settings of a {@link Router}. */
export interface RouterOptions {
  readonly poolId: string;
  /** Calls one worker runs at once. */
  readonly concurrency: number;
  readonly maxQueue: number;
  readonly queueTimeoutMs: number;
  readonly clock: Clock;
  readonly bus: EventBus;
}

/**
 * Hands calls to ready workers, the least loaded first, and parks the rest
 * in a bounded queue until a worker frees up or becomes ready. A slot's
 * capacity is claimed when a call is handed to it and released when the
 * call ends.
 */
export class Router {
  readonly #slots: readonly WorkerSlot[];
  readonly #options: RouterOptions;
  readonly #queue: CallQueue<WorkerSlot>;

  constructor(slots: readonly WorkerSlot[], options: RouterOptions) {
    this.#slots = slots;
    this.#options = options;
    this.#queue = new CallQueue<WorkerSlot>(
      { maxSize: options.maxQueue, timeoutMs: options.queueTimeoutMs, clock: options.clock },
      (reason) =>
        options.bus.emit('snakepit.pool.queue.rejected', { poolId: options.poolId, reason }),
    );
  }

  /** Calls waiting for a worker. */
  get queued(): number {
    return this.#queue.size;
  }

  /**
   * Resolves with a slot whose capacity is claimed for one call.
   * @throws {SnakepitError} `POOL_SATURATED` (queue full or wait too long),
   *   `ABORTED`, or the error of the call's deadline.
   */
  acquire(wait: WaitOptions): Promise<WorkerSlot> {
    const slot = this.#pick();
    if (slot) return Promise.resolve(this.#claim(slot));
    const waiting = this.#queue.wait(wait);
    this.#emitDepth();
    return waiting;
  }

  /** Gives back the capacity of a call that ended, and serves the queue. */
  release(slot: WorkerSlot): void {
    slot.inFlight = Math.max(0, slot.inFlight - 1);
    if (slot.state === 'busy' && slot.inFlight < this.#options.concurrency) slot.setState('ready');
    this.dispatch();
  }

  /** Hands free workers to queued calls (after a call ends or a worker becomes ready). */
  dispatch(): void {
    let moved = false;
    for (let slot = this.#pick(); slot && this.#queue.size > 0; slot = this.#pick()) {
      if (!this.#queue.take(this.#claim(slot))) {
        slot.inFlight--;
        break;
      }
      moved = true;
    }
    if (moved) this.#emitDepth();
  }

  /** Fails every queued call with `error`. */
  rejectAll(error: Parameters<CallQueue<WorkerSlot>['rejectAll']>[0]): void {
    this.#queue.rejectAll(error);
  }

  #claim(slot: WorkerSlot): WorkerSlot {
    slot.inFlight++;
    if (slot.inFlight >= this.#options.concurrency) slot.setState('busy');
    return slot;
  }

  #pick(): WorkerSlot | undefined {
    let best: WorkerSlot | undefined;
    for (const slot of this.#slots) {
      if (slot.state !== 'ready' || slot.inFlight >= this.#options.concurrency) continue;
      if (!best || slot.inFlight < best.inFlight) best = slot;
    }
    return best;
  }

  #emitDepth(): void {
    this.#options.bus.emit('snakepit.pool.queue.depth', {
      poolId: this.#options.poolId,
      depth: this.#queue.size,
    });
  }
}
