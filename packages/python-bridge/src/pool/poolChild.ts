import type { ChildHandle, ChildSpec, ExitReason, ShutdownBudget } from '@snakepit/actors';
import { SnakepitError, realClock } from '@snakepit/core';
import type { Clock } from '@snakepit/core';
import { parseOptions } from '@snakepit/core/options';
import { createPool } from './createPool.js';
import type { Pool, PoolCallOptions } from './Pool.js';
import { poolOptionsSchema } from './PoolOptions.js';
import type { PoolOptions } from './PoolOptions.js';

/** How the parent supervisor treats a pool child (see `ChildSpec`). */
export interface PoolChildOptions {
  /** @default 'permanent' */
  readonly restart?: ChildSpec['restart'];
  /**
   * @default 'infinity': the pool bounds its own stop (calls drain for at
   * most `shutdownTimeoutMs`, then each worker's kill ladder). A number of ms
   * or `'brutal_kill'` kills the workers (SIGKILL) when it runs out.
   */
  readonly shutdown?: ShutdownBudget;
}

/** An address for a supervised pool that survives its restarts. */
export interface PoolRef {
  /** The child's id: the pool's `id`. */
  readonly id: string;
  /** The running pool; `undefined` before its first start and once it has ended, until restarted. */
  readonly current: Pool | undefined;
  /** `current.execute(…)`; rejects `POOL_STOPPED` while no pool runs. */
  execute<T = unknown>(command: string, args?: unknown, options?: PoolCallOptions): Promise<T>;
  /** `current.stream(…)`; throws `POOL_STOPPED` while no pool runs. */
  stream<T = unknown>(
    command: string,
    args?: unknown,
    options?: PoolCallOptions,
  ): AsyncGenerator<T>;
}

/** A pool as a supervised child: give `spec` to a supervisor, call it through `ref`. */
export interface PoolChild {
  readonly spec: ChildSpec;
  readonly ref: PoolRef;
}

/**
 * A whole pool of Python workers as the child of an app's supervisor
 * (`createSupervisor({ children: [poolChild(a).spec, …] })`). Each start is
 * a `createPool(options)` (a failed one is a failed start, counted by the
 * parent); stopping the child stops the pool (drain, then each worker's kill
 * ladder). A pool that gives up, its workers having failed beyond its
 * restart intensity, ends with its `POOL_STOPPED` error: an abnormal exit, so
 * the parent's strategy decides (escalation, as a nested supervisor's).
 *
 * @throws {SnakepitError} `INVALID_OPTIONS` for bad pool options, at the call.
 */
export function poolChild(
  options: PoolOptions = {},
  childOptions: PoolChildOptions = {},
): PoolChild {
  const { bus: _bus, clock = realClock, tracer: _tracer, ...rest } = options;
  const id = parseOptions(poolOptionsSchema, rest, 'pool').id;
  let current: Pool | undefined;
  const spec: ChildSpec = {
    id,
    type: 'supervisor',
    restart: childOptions.restart ?? 'permanent',
    shutdown: childOptions.shutdown ?? 'infinity',
    async start() {
      const pool = await createPool(options);
      current = pool;
      const handle = new PoolHandle(pool, clock);
      void handle.exited.then(() => {
        if (current === pool) current = undefined;
      });
      return handle;
    },
  };
  const notRunning = () => new SnakepitError('POOL_STOPPED', `Pool ${id} is not running`);
  const ref: PoolRef = {
    id,
    get current() {
      return current;
    },
    execute<T>(command: string, args?: unknown, callOptions?: PoolCallOptions) {
      if (!current) return Promise.reject(notRunning());
      return current.execute<T>(command, args, callOptions);
    },
    async *stream<T>(command: string, args?: unknown, callOptions?: PoolCallOptions) {
      if (!current) throw notRunning();
      yield* current.stream<T>(command, args, callOptions);
    },
  };
  return { spec, ref };
}

/** A running pool as a `ChildHandle`. */
class PoolHandle implements ChildHandle {
  readonly exited: Promise<ExitReason>;
  readonly #pool: Pool;
  readonly #clock: Clock;

  constructor(pool: Pool, clock: Clock) {
    this.#pool = pool;
    this.#clock = clock;
    this.exited = pool.whenEnded().then((failure) => failure ?? 'shutdown');
  }

  async stop(_reason: 'shutdown', budget: ShutdownBudget): Promise<void> {
    const pool = this.#pool;
    const timer =
      budget === 'brutal_kill'
        ? undefined
        : typeof budget === 'number'
          ? this.#clock.setTimeout(() => void pool.kill().catch(() => {}), budget)
          : undefined;
    try {
      await (budget === 'brutal_kill' ? pool.kill() : pool.stop());
    } catch {
      // A handle's stop must not reject; `exited` still settles when the pool has ended.
    } finally {
      timer?.cancel();
    }
  }
}
