import type { Attributes } from '@opentelemetry/api';
import type { ExitCause, ExitRecord } from '@snakepit/core';
import type { AttributeFactory } from './AttributeFactory.js';
import type { TelemetryEventName } from '../mapping/telemetryEventNames.js';
import type { CounterTable } from './CounterTable.js';
import type { Counters } from './createCounters.js';
import { SNAKEPIT_ATTRIBUTES as A } from './snakepitAttributes.js';
import { SNAKEPIT_METRICS } from './snakepitMetrics.js';
import type { SnakepitCounterKey } from './snakepitMetrics.js';

// Records, not arrays: the compiler rejects a missing or an unknown key, so
// a cause added to core's union fails this package's build instead of
// silently going unseeded.
const EXIT_CAUSES: Readonly<Record<ExitCause, true>> = {
  shutdown: true,
  recycled: true,
  crashed: true,
  heartbeat_timeout: true,
  start_failed: true,
  killed: true,
};
const EXIT_METHODS: Readonly<Record<ExitRecord['method'], true>> = {
  graceful: true,
  terminated: true,
  killed: true,
  exited: true,
};

const PER_WORKER: readonly SnakepitCounterKey[] = [
  'heartbeatSent',
  'heartbeatReceived',
  'heartbeatTimeout',
  'processStarted',
  'logDropped',
];

/**
 * Creates the series of the worker counters at 0 when a worker starts, so
 * that the first scrape of a healthy pool has every one of them (a counter
 * series is otherwise born with its first event: dashboards show "no data",
 * `absent()` alerts misfire).
 *
 * - Per worker slot, with the exact labels later events use: heartbeats
 *   sent, received and missed, processes started, log records dropped.
 * - Per pool, for each closed exit cause (terminations) and each closed
 *   exit method (cleanups), without the worker id: the cause and method of
 *   a worker's end are known only then, and seeding every worker × cause ×
 *   method would be 24 series per slot. These series stay at 0; they make
 *   `sum(…)` and `sum by (snakepit_exit_reason | snakepit_exit_method)`
 *   return 0 instead of nothing.
 *
 * Every label value goes through the {@link AttributeFactory} guard, a pool
 * or slot is seeded once, and a counter whose event is switched off
 * (`events`) is not seeded: it would read 0 while nobody counts.
 */
export class CounterSeeds {
  readonly #attributes: AttributeFactory;
  readonly #limit: number;
  readonly #perWorker: readonly CounterTable[];
  readonly #terminated: CounterTable | undefined;
  readonly #cleanedUp: CounterTable | undefined;
  readonly #seededWorkers = new Set<string>();
  readonly #seededPools = new Set<string | undefined>();

  /**
   * @param events The mapped events: only their counters are seeded.
   * @param limit The most slots and pools remembered (past it, seeding is repeated, harmlessly).
   */
  constructor(
    counters: Counters,
    attributes: AttributeFactory,
    events: readonly TelemetryEventName[],
    limit: number,
  ) {
    const mapped = (key: SnakepitCounterKey) => events.includes(SNAKEPIT_METRICS[key].event);
    this.#attributes = attributes;
    this.#limit = limit;
    this.#perWorker = PER_WORKER.filter(mapped).map((key) => counters[key]);
    this.#terminated = mapped('processTerminated') ? counters.processTerminated : undefined;
    this.#cleanedUp = mapped('cleanupCompleted') ? counters.cleanupCompleted : undefined;
  }

  /** Seeds the series of worker `workerId` of pool `poolId` (and of the pool, once). */
  workerStarted(poolId: string | undefined, workerId: string): void {
    const key = poolId === undefined ? workerId : `${poolId}\u0000${workerId}`;
    if (!this.#seededWorkers.has(key)) {
      if (this.#seededWorkers.size < this.#limit) this.#seededWorkers.add(key);
      const worker = this.#attributes.worker(poolId, workerId);
      for (const table of this.#perWorker) table.add(worker, 0);
    }
    if (this.#seededPools.has(poolId)) return;
    if (this.#seededPools.size < this.#limit) this.#seededPools.add(poolId);
    this.#seedPool(this.#terminated, poolId, A.exitReason, Object.keys(EXIT_CAUSES));
    this.#seedPool(this.#cleanedUp, poolId, A.exitMethod, Object.keys(EXIT_METHODS));
  }

  #seedPool(
    table: CounterTable | undefined,
    poolId: string | undefined,
    key: string,
    values: readonly string[],
  ): void {
    if (!table) return;
    for (const value of values) {
      const labels: Attributes = { [key]: this.#attributes.bounded(key, value) };
      table.add(this.#attributes.withPool(poolId, labels), 0);
    }
  }
}
