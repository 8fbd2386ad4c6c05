import type { Clock, EventBus, PoolWorkerState } from '@snakepit/core';
import { CallQueue } from './CallQueue.js';
import type { WaitOptions } from './CallQueue.js';

/** What a {@link Router} needs of a slot (`WorkerSlot` in a pool). */
export interface RoutedSlot {
  readonly state: PoolWorkerState;
  readonly inFlight: number;
  /** Takes the capacity of one call. */
  claim(): void;
  /** Gives back the capacity of one call. */
  release(): void;
}

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
export class Router<S extends RoutedSlot> {
  readonly #slots: readonly S[];
  readonly #options: RouterOptions;
  readonly #queue: CallQueue<S>;

  /** Routes calls to `slots`, whose states the slots themselves keep. */
  constructor(slots: readonly S[], options: RouterOptions) {
    this.#slots = slots;
    this.#options = options;
    this.#queue = new CallQueue<S>(
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
  acquire(wait: WaitOptions): Promise<S> {
    const slot = this.#pick();
    if (slot) return Promise.resolve(this.#claim(slot));
    const waiting = this.#queue.wait(wait);
    this.#emitDepth();
    return waiting;
  }

  /** Gives back the capacity of a call that ended, and serves the queue. */
  release(slot: S): void {
    slot.release();
    this.dispatch();
  }

  /** Hands free workers to queued calls (after a call ends or a worker becomes ready). */
  dispatch(): void {
    let moved = false;
    for (let slot = this.#pick(); slot && this.#queue.size > 0; slot = this.#pick()) {
      if (!this.#queue.take(this.#claim(slot))) {
        slot.release();
        break;
      }
      moved = true;
    }
    if (moved) this.#emitDepth();
  }

  /** Fails every queued call with `error`. */
  rejectAll(error: Parameters<CallQueue<S>['rejectAll']>[0]): void {
    this.#queue.rejectAll(error);
  }

  #claim(slot: S): S {
    slot.claim();
    return slot;
  }

  #pick(): S | undefined {
    let best: S | undefined;
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
