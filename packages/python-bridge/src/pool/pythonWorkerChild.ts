import type { ChildSpec, ShutdownBudget } from '@snakepit/actors';
import { parseOptions } from '@snakepit/core/options';
import { poolChild } from './poolChild.js';
import type { PoolChildOptions, PoolRef } from './poolChild.js';
import { poolOptionsSchema } from './PoolOptions.js';
import type { PoolOptions } from './PoolOptions.js';

/** Options of {@link pythonWorkerChild}: a pool's, but for its size and its restarts. */
export type PythonWorkerChildOptions = Omit<PoolOptions, 'size' | 'startAttempts' | 'restart'>;

/** One supervised Python worker: its child spec and an address that survives restarts. */
export interface PythonWorkerChild {
  readonly spec: ChildSpec;
  /** Calls the worker that runs now; `current` is the pool of one that holds it. */
  readonly ref: PoolRef;
}

/**
 * One Python worker as the child of an app's supervisor, whose strategy then
 * decides each of its restarts. It is a pool of one that never restarts its
 * worker itself: the same worker actor on its own thread, heartbeat and kill
 * ladder as in any pool, and every end of the worker (a crash, a hang, a
 * failed start) is an abnormal exit of this child (`POOL_STOPPED`; the
 * worker's own end is in the pool's events). A child of type `worker`
 * whose shutdown budget is the kill ladder's
 * (`shutdownTimeoutMs + killAfterMs + 2000`).
 *
 * @throws {SnakepitError} `INVALID_OPTIONS` for bad options, at the call.
 */
export function pythonWorkerChild(
  options: PythonWorkerChildOptions = {},
  childOptions: PoolChildOptions = {},
): PythonWorkerChild {
  const { bus: _bus, clock: _clock, tracer: _tracer, ...rest } = options;
  const resolved = parseOptions(poolOptionsSchema, rest, 'pool');
  const shutdown: ShutdownBudget =
    childOptions.shutdown ?? resolved.shutdownTimeoutMs + resolved.killAfterMs + 2_000;
  const { spec, ref } = poolChild(
    { ...options, size: 1, startAttempts: 1, restart: { maxRestarts: 0, backoff: false } },
    { ...childOptions, shutdown },
  );
  return { spec: { ...spec, type: 'worker' }, ref };
}
