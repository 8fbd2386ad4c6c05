import { z } from 'zod';
import type { Clock, EventBus, ExecuteTracer } from '@snakepit/core';
import type { BuiltInStrategyName, RestartStrategy } from '@snakepit/actors';
import { pythonWorkerOptionsShape } from '../worker/PythonWorkerOptions.js';
import type { PythonProcessOptions } from '../worker/PythonProcessOptions.js';
import type { AssignableTo } from '../options/AssignableTo.js';

const count = (min: number, max: number) => z.number().int().min(min).max(max);

const BUILT_IN_STRATEGIES: readonly unknown[] = ['one_for_one', 'one_for_all', 'rest_for_one'];

/** A built-in strategy's name, or an object with a string `name` and a synchronous `decide`. */
function isRestartStrategy(value: unknown): value is BuiltInStrategyName | RestartStrategy {
  if (BUILT_IN_STRATEGIES.includes(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const { name, decide } = value as Partial<Record<keyof RestartStrategy, unknown>>;
  // An async decide answers a Promise, which the supervisor can only escalate on.
  return (
    typeof name === 'string' &&
    typeof decide === 'function' &&
    decide.constructor.name !== 'AsyncFunction'
  );
}

/**
 * The pool's own fields of `poolOptionsSchema` (besides the workers'). A
 * named literal so that the declaration files keep each field's comment.
 * Not on the package's entry (the CLI reaches `poolOptionsSchema` through
 * `@snakepit/python-bridge/internal`), yet not tagged internal either:
 * `stripInternal` would remove it from under `poolOptionsSchema`, which names it.
 */
export const poolOwnOptionsShape = {
  /** Names the pool in events and metrics. @default 'pool' */
  id: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,32}$/)
    .default('pool'),
  /** Number of workers. @default 2 */
  size: count(1, 1000).default(2),
  /** Calls one worker runs at once; more wait in the queue. @default 1 */
  concurrency: count(1, 1024).default(1),
  /** Calls that may wait for a free worker; more fail with `POOL_SATURATED`. @default 1000 */
  maxQueue: count(0, 1_000_000).default(1000),
  /** How long a call may wait for a free worker. @default 30000 */
  queueTimeoutMs: count(1, 3_600_000).default(30_000),
  /**
   * Workers starting at once (spawn to Ready). @default the CPU count with
   * `start: 'spawn'` (a start is ~190 ms of CPU), 8 × that with
   * `'forkserver'` (a forked start is ~17 ms of CPU and mostly waiting)
   */
  startConcurrency: count(1, 1000).optional(),
  /**
   * Tries `createPool` gives each worker: when one fails to start this many
   * times in a row (a bad adapter, no descriptors left, a start budget too
   * small), `createPool` stops the pool and rejects with `POOL_STOPPED`
   * instead of retrying for ever. Once the pool is up, restarts follow
   * `restart`. @default 3
   */
  startAttempts: count(1, 1000).default(3),
  /**
   * Where each worker's control plane runs: its own worker thread
   * (`dedicated`), one thread per core shared by the workers (`shared`), or
   * the main thread (`inline`); `auto` is `dedicated` up to
   * `AUTO_PLACEMENT_MAX_DEDICATED` workers and `shared` beyond (see
   * `resolvePlacement`). @default 'auto'
   */
  placement: z.enum(['auto', 'dedicated', 'shared', 'inline']).default('auto'),
  /**
   * How workers start: `spawn`, a new interpreter each (imports grpc and the
   * adapter every time), or `forkserver`, forked from one per-pool process
   * that imported them once (see docs/forkserver.md). @default 'spawn'
   */
  start: z.enum(['spawn', 'forkserver']).default('spawn'),
  /** The fork server's settings (with `start: 'forkserver'`). */
  forkServer: z
    .object({
      /**
       * Modules the fork server imports before forking: they must start no
       * thread and initialise no CUDA at import. @default [adapter]
       */
      preload: z
        .array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/))
        .max(100)
        .optional(),
    })
    .strict()
    .default({}),
  /**
   * Replace a worker's process after this many calls, this long, or once
   * its Python RSS exceeds this; the replacement starts before the old
   * process stops. All off by default.
   */
  recycle: z
    .object({
      /** Calls a process serves before it is replaced. */
      maxRequests: count(1, 1e12).optional(),
      /** Age of a process at which it is replaced, ms. */
      maxUptimeMs: count(1_000, 1e12).optional(),
      /** Python RSS at which a process is replaced, bytes. */
      maxRssBytes: count(1024 * 1024, 1e15).optional(),
    })
    .strict()
    .default({}),
  /** Before starting, reap the processes of runs whose owner died (see `reapOrphans`). @default true */
  reapOrphans: z.boolean().default(true),
  /**
   * Start the run's watchdog: a tiny `sh` process that kills the run's
   * workers if this Node process dies without stopping them. @default false
   */
  watchdog: z.boolean().default(false),
  /**
   * Put each worker in its own cgroup v2 (where ours is writable and the
   * kernel has `cgroup.kill`), so that stopping it also kills what it forked
   * that left its process group with `setsid()`. `auto` falls back to
   * process groups (with a `snakepit.run.cgroup` event saying why);
   * `require` fails with `CGROUP_UNAVAILABLE` instead. @default 'auto'
   */
  cgroup: z.enum(['auto', 'off', 'require']).default('auto'),
  /** Restart intensity and backoff of the pool's supervisor. */
  restart: z
    .object({
      /**
       * How the pool's supervisor answers a worker's exit: a built-in
       * strategy's name or a `RestartStrategy` of your own. @default 'one_for_one'
       */
      strategy: z
        .custom<BuiltInStrategyName | RestartStrategy>(isRestartStrategy, {
          message:
            "'one_for_one', 'one_for_all', 'rest_for_one' or a RestartStrategy (an object with a string `name` and a synchronous `decide` function)",
        })
        .optional(),
      /** Restarts allowed within `periodMs` before the pool gives up. @default max(3, 2 × size) */
      maxRestarts: count(0, 100_000).optional(),
      /** The window `maxRestarts` counts in, ms. @default 10000 */
      periodMs: count(1, 3_600_000).default(10_000),
      /** Delay before a restart, growing with consecutive restarts; `false`: at once. */
      backoff: z
        .union([
          z.literal(false),
          z
            .object({
              /** Delay before the first restart, ms. @default 100 */
              minDelayMs: count(0, 600_000).default(100),
              /** Upper bound of the delay before jitter, ms. @default 10000 */
              maxDelayMs: count(0, 3_600_000).default(10_000),
            })
            .strict(),
        ])
        .default({ minDelayMs: 100, maxDelayMs: 10_000 }),
    })
    .strict()
    .default({ periodMs: 10_000, backoff: { minDelayMs: 100, maxDelayMs: 10_000 } }),
};

const { workerId: _workerId, ...workerShape } = pythonWorkerOptionsShape;

/** Validation schema of {@link PoolOptions}; the defaults live here. */
export const poolOptionsSchema: z.ZodObject<
  Omit<typeof pythonWorkerOptionsShape, 'workerId'> & typeof poolOwnOptionsShape,
  z.core.$strict
> = z.object({ ...workerShape, ...poolOwnOptionsShape }).strict();

/**
 * Options of `createPool`, as users write them: the pool's own options and
 * those of its workers' Python processes ({@link PythonProcessOptions}).
 * `poolOptionsSchema` validates them and holds the defaults; an option set to
 * `undefined` takes its default.
 */
export interface PoolOptions extends PythonProcessOptions {
  /**
   * Names the pool in events, metrics and worker ids (`<id>.w1`…): letters,
   * digits, `_`, `.` and `-`, at most 32.
   * @default 'pool'
   */
  readonly id?: string | undefined;
  /**
   * Number of workers (1–1000).
   * @default 2
   */
  readonly size?: number | undefined;
  /**
   * Calls one worker runs at once (1–1024); more wait in the queue.
   * @default 1
   */
  readonly concurrency?: number | undefined;
  /**
   * Calls that may wait for a free worker (0–1000000); more fail at once
   * with `POOL_SATURATED`.
   * @default 1000
   */
  readonly maxQueue?: number | undefined;
  /**
   * Longest wait for a free worker, in ms (1–3600000); beyond it the call
   * fails with `POOL_SATURATED`.
   * @default 30000
   */
  readonly queueTimeoutMs?: number | undefined;
  /**
   * Workers starting at once, spawn to `Ready` (1–1000).
   * @default the CPU count with `start: 'spawn'` (a start is ~190 ms of CPU),
   *   8 × that with `'forkserver'` (a forked start is ~17 ms of CPU and mostly waiting)
   */
  readonly startConcurrency?: number | undefined;
  /**
   * Starts `createPool` gives each worker (1–1000): when one fails to start
   * this many times in a row (a bad adapter, no descriptors left, a start
   * budget too small), `createPool` stops the pool and rejects with
   * `POOL_STOPPED` instead of retrying for ever. Once the pool is up,
   * restarts follow `restart`.
   * @default 3
   */
  readonly startAttempts?: number | undefined;
  /**
   * Where each worker's control plane (its actor: heartbeat, process
   * ownership) runs: its own worker thread (`'dedicated'`: one worker's
   * event-loop stall cannot delay another's heartbeat), one thread per core
   * shared by the workers (`'shared'`: far faster to start and lighter past
   * a few dozen workers), or the main thread (`'inline'`). `'auto'` is
   * `'dedicated'` up to 10 workers (or the CPU count, if larger) and
   * `'shared'` beyond: see docs/capacity-planning.md for the figures.
   * @default 'auto'
   */
  readonly placement?: 'auto' | 'dedicated' | 'shared' | 'inline' | undefined;
  /**
   * How workers start: `'spawn'`, a new interpreter each (which imports grpc
   * and the adapter every time), or `'forkserver'`, forked from one per-pool
   * process that imported them once (faster starts and restarts, less memory;
   * see docs/forkserver.md).
   * @default 'spawn'
   */
  readonly start?: 'spawn' | 'forkserver' | undefined;
  /** The fork server's settings (used with `start: 'forkserver'`). @default {} */
  readonly forkServer?: PoolForkServerOptions | undefined;
  /**
   * When to replace a worker's process: the replacement starts before the
   * old process stops gracefully. @default {} (never)
   */
  readonly recycle?: PoolRecycleOptions | undefined;
  /**
   * Before starting, kill the verified processes of runs whose owner died
   * and remove their registry files (see `reapOrphans`).
   * @default true
   */
  readonly reapOrphans?: boolean | undefined;
  /**
   * Start the run's watchdog: a tiny `sh` process that kills the run's
   * workers if this Node process dies without stopping them.
   * @default false
   */
  readonly watchdog?: boolean | undefined;
  /**
   * Put each worker in a cgroup v2 of its own (where ours is writable and the
   * kernel has `cgroup.kill`), so that stopping it also kills what it forked,
   * `setsid()` escapees included. `'auto'` falls back to process groups (with
   * a `snakepit.run.cgroup` event saying why); `'require'` fails with
   * `CGROUP_UNAVAILABLE` instead; `'off'` uses process groups only.
   * @default 'auto'
   */
  readonly cgroup?: 'auto' | 'off' | 'require' | undefined;
  /**
   * Restart intensity and backoff of the pool's supervisor.
   * @default `{ maxRestarts: max(3, 2 × size), periodMs: 10000, backoff: { minDelayMs: 100, maxDelayMs: 10000 } }`
   */
  readonly restart?: PoolRestartOptions | undefined;
  /** Where lifecycle events go (see `pool.events`). @default a new `EventBus` */
  readonly bus?: EventBus;
  /** Time source of timers and deadlines (tests pass a `ManualClock`). @default `realClock` */
  readonly clock?: Clock;
  /**
   * Traces each call and sends W3C trace context to Python
   * (`createExecuteTracing` in `@snakepit/telemetry`).
   * @default the tracer attached to `bus` at call time (`bus.executeTracer`:
   *   `createTelemetry`/`setupTelemetry` attach one), else none
   */
  readonly tracer?: ExecuteTracer;
}

/** The fork server's settings: {@link PoolOptions.forkServer}. */
export interface PoolForkServerOptions {
  /**
   * Modules the fork server imports before forking (at most 100): they must
   * start no thread and initialise no CUDA at import.
   * @default [adapter]
   */
  readonly preload?: string[] | undefined;
}

/**
 * When to replace a worker's process: {@link PoolOptions.recycle}. Each
 * limit is off when absent.
 */
export interface PoolRecycleOptions {
  /** Calls a process serves before it is replaced (≥ 1). */
  readonly maxRequests?: number | undefined;
  /** Age of a process at which it is replaced, in ms (≥ 1000). */
  readonly maxUptimeMs?: number | undefined;
  /** Python RSS at which a process is replaced, in bytes (≥ 1 MiB), as the heartbeat reports it. */
  readonly maxRssBytes?: number | undefined;
}

/**
 * Restart intensity and backoff of the pool's supervisor:
 * {@link PoolOptions.restart}. More than `maxRestarts` restarts within
 * `periodMs` stop the pool (`snakepit.pool.failed`).
 */
export interface PoolRestartOptions {
  /**
   * How the pool's supervisor answers a worker's exit: `'one_for_one'`,
   * `'one_for_all'`, `'rest_for_one'`, or a `RestartStrategy` of your own
   * (from `@snakepit/actors`). The strategy sees the workers as children
   * `<id>.w1`…, in slot order; `maxRestarts`, `periodMs`, `backoff` and
   * `startAttempts` still apply on top of its decisions. An `ignore` leaves
   * that worker stopped: the pool then serves with one worker fewer.
   * @default 'one_for_one'
   */
  readonly strategy?: BuiltInStrategyName | RestartStrategy | undefined;
  /**
   * Restarts allowed within `periodMs` before the pool gives up (0–100000).
   * @default max(3, 2 × size)
   */
  readonly maxRestarts?: number | undefined;
  /**
   * The window `maxRestarts` counts in, in ms (1–3600000).
   * @default 10000
   */
  readonly periodMs?: number | undefined;
  /**
   * Delay before restarting a worker, growing with its consecutive restarts;
   * `false` restarts at once.
   * @default `{ minDelayMs: 100, maxDelayMs: 10000 }`
   */
  readonly backoff?: false | PoolBackoffOptions | undefined;
}

/**
 * Backoff between restarts of one worker: {@link PoolRestartOptions.backoff}.
 * The delay doubles per consecutive restart, plus up to 20 % jitter, and
 * starts again from `minDelayMs` after a worker ran 10 s (the actors'
 * `DEFAULT_BACKOFF_OPTIONS`).
 */
export interface PoolBackoffOptions {
  /**
   * Delay before the first restart, in ms (0–600000).
   * @default 100
   */
  readonly minDelayMs?: number | undefined;
  /**
   * Upper bound of the delay before jitter, in ms (0–3600000).
   * @default 10000
   */
  readonly maxDelayMs?: number | undefined;
}

// The interfaces document what the schema accepts: neither may drift, at any level.
type Input = z.input<typeof poolOptionsSchema>;
type Documented = Omit<PoolOptions, 'bus' | 'clock' | 'tracer'>;
type _SchemaAcceptsInterface = AssignableTo<Documented, Input>;
type _InterfaceAcceptsSchema = AssignableTo<Input, Documented>;
type _SameKeysA = AssignableTo<keyof Documented, keyof Input>;
type _SameKeysB = AssignableTo<keyof Input, keyof Documented>;
type ForkServerInput = NonNullable<Input['forkServer']>;
type _SameForkServerKeysA = AssignableTo<keyof PoolForkServerOptions, keyof ForkServerInput>;
type _SameForkServerKeysB = AssignableTo<keyof ForkServerInput, keyof PoolForkServerOptions>;
type RecycleInput = NonNullable<Input['recycle']>;
type _SameRecycleKeysA = AssignableTo<keyof PoolRecycleOptions, keyof RecycleInput>;
type _SameRecycleKeysB = AssignableTo<keyof RecycleInput, keyof PoolRecycleOptions>;
type RestartInput = NonNullable<Input['restart']>;
type _SameRestartKeysA = AssignableTo<keyof PoolRestartOptions, keyof RestartInput>;
type _SameRestartKeysB = AssignableTo<keyof RestartInput, keyof PoolRestartOptions>;
type BackoffInput = Exclude<RestartInput['backoff'], false | undefined>;
type _SameBackoffKeysA = AssignableTo<keyof PoolBackoffOptions, keyof BackoffInput>;
type _SameBackoffKeysB = AssignableTo<keyof BackoffInput, keyof PoolBackoffOptions>;

/** {@link PoolOptions} after validation and defaults. */
export type ResolvedPoolOptions = z.output<typeof poolOptionsSchema>;
