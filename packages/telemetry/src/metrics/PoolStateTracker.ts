import type {
  Attributes,
  BatchObservableResult,
  ObservableUpDownCounter,
} from '@opentelemetry/api';
import { POOL_WORKER_STATES } from '@snakepit/core';
import type { AttributeFactory } from './AttributeFactory.js';
import { SNAKEPIT_ATTRIBUTES as A } from './snakepitAttributes.js';

/**
 * The current state of every pool worker slot and the queue depth of every
 * pool, from the `snakepit.pool.worker.state` and `snakepit.pool.queue.depth`
 * events, observed at collection time. Observing the tracked state (rather
 * than adding ±1 per transition) keeps the counts right when telemetry was
 * attached after the pool started: a slot first seen mid-life counts from then.
 */
export class PoolStateTracker {
  readonly #attributes: AttributeFactory;
  readonly #states = new Map<string, Map<string, string>>();
  readonly #depths = new Map<string, number>();
  readonly #stateAttributes = new Map<string, Attributes>();
  readonly #maxWorkersPerPool: number;

  /** @param maxWorkersPerPool Slots tracked per pool; past it, stopped slots are forgotten first. */
  constructor(attributes: AttributeFactory, maxWorkersPerPool: number) {
    this.#attributes = attributes;
    this.#maxWorkersPerPool = maxWorkersPerPool;
  }

  /** Records that `workerId` of `poolId` is now in state `to`. */
  setState(poolId: string, workerId: string, to: string): void {
    let workers = this.#states.get(poolId);
    if (!workers) this.#states.set(poolId, (workers = new Map<string, string>()));
    if (!workers.has(workerId) && workers.size >= this.#maxWorkersPerPool) {
      // Worker ids that are not slots (one per incarnation) must not grow this forever.
      for (const [id, state] of workers) {
        if (state === 'stopped') {
          workers.delete(id);
          break;
        }
      }
    }
    workers.set(workerId, to);
  }

  /** Records the current queue depth of `poolId`. */
  setDepth(poolId: string, depth: number): void {
    this.#depths.set(poolId, depth);
  }

  /** Reports workers by state and queue depths to a batch observable callback. */
  observe(
    result: BatchObservableResult,
    workerCount: ObservableUpDownCounter,
    queueDepth: ObservableUpDownCounter,
  ): void {
    for (const [poolId, workers] of this.#states) {
      // Every state is reported, zeros included.
      const counts = new Map<string, number>(POOL_WORKER_STATES.map((s) => [s, 0]));
      for (const state of workers.values()) counts.set(state, (counts.get(state) ?? 0) + 1);
      for (const [state, count] of counts) {
        result.observe(workerCount, count, this.#stateAttributesOf(poolId, state));
      }
    }
    for (const [poolId, depth] of this.#depths) {
      result.observe(queueDepth, depth, this.#attributes.pool(poolId));
    }
  }

  #stateAttributesOf(poolId: string, state: string): Attributes {
    const key = `${poolId}\u0000${state}`;
    let attributes = this.#stateAttributes.get(key);
    if (!attributes) {
      attributes = this.#attributes.withPool(poolId, {
        [A.workerState]: this.#attributes.bounded(A.workerState, state),
      });
      this.#stateAttributes.set(key, attributes);
    }
    return attributes;
  }
}
