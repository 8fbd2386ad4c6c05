import type { Clock, EventBus, PoolWorkerState } from '@snakepit/core';
import { WorkerSlot } from './WorkerSlot.js';
import type { WorkerSignal } from './workerSignals.js';

/** What the slots of one pool are built with. */
export interface WorkerSlotsSettings {
  readonly poolId: string;
  readonly size: number;
  readonly clock: Clock;
  /** The public bus: every state change is emitted there as `snakepit.pool.worker.state`. */
  readonly bus: EventBus;
  readonly concurrency: number;
  /** How long a replaced process's client stays open for its calls in flight, ms. */
  readonly drainMs: number;
  readonly hasHeartbeat: boolean;
  readonly maxPayloadBytes?: number | undefined;
  /** Records a ready process's verified identity in the run registry. */
  readonly recordRunning: (workerId: string, pid: number, token: string) => void;
}

/** What the pool's router is told by the slots. */
export interface SlotListener {
  /** `slot` became ready: queued calls may go there. */
  ready(slot: WorkerSlot): void;
  /** A Pong showed `calls` abandoned calls of `slot` finished: their capacity is free. */
  freed(slot: WorkerSlot, calls: number): void;
}

/** Worker slot states without a live process. */
const DOWN: ReadonlySet<PoolWorkerState> = new Set(['starting', 'stopped']);

/**
 * The slots `w1…wN` of one pool and their wiring: the worker actors' private
 * signals are delivered here (by id), every state change is published on the
 * public bus, and the router hears of slots that became ready or freed.
 *
 * It also keeps Node alive while a slot has no live process (starting, or
 * waiting out a restart backoff, when the pool's unref'd timers are all
 * there is), until {@link close}.
 */
export class WorkerSlots {
  /** Every slot, in order. */
  readonly all: readonly WorkerSlot[];
  readonly #settings: WorkerSlotsSettings;
  readonly #byId = new Map<string, WorkerSlot>();
  readonly #everReady = new Set<WorkerSlot>();
  readonly #allReady: Promise<void>;
  #resolveAllReady: () => void = () => {};
  #listener: SlotListener | undefined;
  #down: number;
  #keepAlive: NodeJS.Timeout | undefined;
  #isClosed = false;

  /** Builds `size` stopped slots. */
  constructor(settings: WorkerSlotsSettings) {
    this.#settings = settings;
    const { clock, concurrency, drainMs, hasHeartbeat, maxPayloadBytes } = settings;
    const slotSettings = { clock, concurrency, drainMs, hasHeartbeat, maxPayloadBytes };
    const onState = (slot: WorkerSlot, from: PoolWorkerState) => this.#onState(slot, from);
    this.all = Array.from(
      { length: settings.size },
      (_, i) => new WorkerSlot(`${settings.poolId}.w${i + 1}`, { ...slotSettings, onState }),
    );
    for (const slot of this.all) this.#byId.set(slot.id, slot);
    this.#down = this.all.length;
    this.#allReady = new Promise((resolve) => (this.#resolveAllReady = resolve));
    this.#updateKeepAlive();
  }

  /** Whether Node is being kept alive for a slot without a process. */
  get isKeepingAlive(): boolean {
    return this.#keepAlive !== undefined;
  }

  /** Sets who hears of ready and freed slots (the pool's router). */
  listen(listener: SlotListener): void {
    this.#listener = listener;
  }

  /** Resolves once every slot has been ready at least once. */
  whenAllReady(): Promise<void> {
    return this.#allReady;
  }

  /** Applies a worker actor's signal to its slot. */
  deliver(signal: WorkerSignal): void {
    const slot = this.#byId.get(signal.workerId);
    if (!slot) return;
    switch (signal.kind) {
      case 'ready':
        if (!slot.isAwaitingProcess) return;
        if (slot.token !== undefined) {
          this.#settings.recordRunning(slot.id, signal.pid, slot.token);
        }
        slot.ready(signal.pid, signal.grpcAddress, signal.dataAddress);
        return;
      case 'pong': {
        const freed = slot.pong(signal.rssBytes, signal.inFlight);
        if (freed > 0) this.#listener?.freed(slot, freed);
        return;
      }
      case 'heartbeatMissed':
        slot.heartbeatMissed();
        return;
    }
  }

  /** The pool stopped or failed: Node is no longer kept alive for its slots. */
  close(): void {
    this.#isClosed = true;
    this.#updateKeepAlive();
  }

  #onState(slot: WorkerSlot, from: PoolWorkerState): void {
    const to = slot.state;
    this.#down += Number(DOWN.has(to)) - Number(DOWN.has(from));
    this.#updateKeepAlive();
    this.#settings.bus.emit('snakepit.pool.worker.state', {
      poolId: this.#settings.poolId,
      workerId: slot.id,
      from,
      to,
    });
    if (to !== 'ready') return;
    this.#everReady.add(slot);
    if (this.#everReady.size === this.all.length) this.#resolveAllReady();
    this.#listener?.ready(slot);
  }

  #updateKeepAlive(): void {
    const isNeeded = !this.#isClosed && this.#down > 0;
    if (isNeeded && !this.#keepAlive) {
      // realClock's timers are unref'd (they must not keep an app alive): in
      // a restart backoff with no worker process left, nothing else would.
      this.#keepAlive = setInterval(() => {}, 1 << 30);
    } else if (!isNeeded && this.#keepAlive) {
      clearInterval(this.#keepAlive);
      this.#keepAlive = undefined;
    }
  }
}
