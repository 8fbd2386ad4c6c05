import type { Attributes } from '@opentelemetry/api';
import { CardinalityGuard } from './CardinalityGuard.js';
import { reasonClass } from './reasonClass.js';
import { SNAKEPIT_ATTRIBUTES as A } from './snakepitAttributes.js';

/**
 * Builds metric attributes with bounded values. Attribute sets that recur on
 * hot paths (a worker's heartbeats) are built once and reused: the SDK keys
 * its series by them and never mutates them, and the reuse saves an
 * allocation and the guard look-ups per event.
 */
export class AttributeFactory {
  readonly #limit: number;
  readonly #guards = new Map<string, CardinalityGuard>();
  readonly #workerCache = new Map<string, Attributes>();
  readonly #poolCache = new Map<string, Attributes>();

  /** @param limit Distinct values kept per attribute key before `_other`. */
  constructor(limit: number) {
    this.#limit = limit;
  }

  /** `value` for attribute `key`, or `_other` once the key has `limit` distinct values. */
  bounded(key: string, value: string): string {
    let guard = this.#guards.get(key);
    if (!guard) this.#guards.set(key, (guard = new CardinalityGuard(this.#limit)));
    return guard.admit(value);
  }

  /** A bounded class of a free-text reason (see `reasonClass`). */
  reason(key: string, reason: string): string {
    return this.bounded(key, reasonClass(reason));
  }

  /** `{ snakepit.pool.id?, snakepit.worker.id }`, cached per worker slot. */
  worker(poolId: string | undefined, workerId: string): Attributes {
    const cacheKey = poolId === undefined ? workerId : `${poolId}\u0000${workerId}`;
    const cached = this.#workerCache.get(cacheKey);
    if (cached) return cached;
    const attributes: Attributes =
      poolId === undefined
        ? { [A.workerId]: this.bounded(A.workerId, workerId) }
        : {
            [A.poolId]: this.bounded(A.poolId, poolId),
            [A.workerId]: this.bounded(A.workerId, workerId),
          };
    // The cache is bounded too: past the limit, ids are `_other` anyway.
    if (this.#workerCache.size < this.#limit) this.#workerCache.set(cacheKey, attributes);
    return attributes;
  }

  /** `{ snakepit.pool.id }` (empty when there is no pool), cached per pool. */
  pool(poolId: string | undefined): Attributes {
    if (poolId === undefined) return {};
    const cached = this.#poolCache.get(poolId);
    if (cached) return cached;
    const attributes: Attributes = { [A.poolId]: this.bounded(A.poolId, poolId) };
    if (this.#poolCache.size < this.#limit) this.#poolCache.set(poolId, attributes);
    return attributes;
  }

  /** The worker attributes plus `extra` (a fresh object). */
  withWorker(poolId: string | undefined, workerId: string, extra: Attributes): Attributes {
    return { ...this.worker(poolId, workerId), ...extra };
  }

  /** The pool attributes plus `extra` (a fresh object). */
  withPool(poolId: string | undefined, extra: Attributes): Attributes {
    return { ...this.pool(poolId), ...extra };
  }
}
