import { z } from 'zod';
import type { Clock, EventBus } from '@snakepit/core';
import type { ExecuteTracer } from './ExecuteTracer.js';
import { pythonWorkerOptionsSchema } from '../worker/PythonWorkerOptions.js';

const count = (min: number, max: number) => z.number().int().min(min).max(max);

/** Validation schema of {@link PoolOptions}; the defaults live here. */
export const poolOptionsSchema = pythonWorkerOptionsSchema
  .omit({ workerId: true })
  .extend({
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
     * (`dedicated`, the default), a few shared threads (`shared`, for large
     * pools), or the main thread (`inline`).
     */
    placement: z.enum(['dedicated', 'shared', 'inline']).default('dedicated'),
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
        maxRequests: count(1, 1e12).optional(),
        maxUptimeMs: count(1_000, 1e12).optional(),
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
        /** Restarts allowed within `periodMs` before the pool gives up. @default max(3, 2 × size) */
        maxRestarts: count(0, 100_000).optional(),
        /** @default 10000 */
        periodMs: count(1, 3_600_000).default(10_000),
        /** Delay before a restart, growing with consecutive restarts; `false`: at once. */
        backoff: z
          .union([
            z.literal(false),
            z
              .object({
                minDelayMs: count(0, 600_000).default(100),
                maxDelayMs: count(0, 3_600_000).default(10_000),
              })
              .strict(),
          ])
          .default({ minDelayMs: 100, maxDelayMs: 10_000 }),
      })
      .strict()
      .default({ periodMs: 10_000, backoff: { minDelayMs: 100, maxDelayMs: 10_000 } }),
  })
  .strict();

/** Options of `createPool`, as users write them. */
export type PoolOptions = z.input<typeof poolOptionsSchema> & {
  /** Where lifecycle events go (a new bus when absent; see `pool.events`). */
  readonly bus?: EventBus;
  readonly clock?: Clock;
  /** Traces each call and sends W3C trace context to Python (`createExecuteTracing` in `@snakepit/telemetry`). */
  readonly tracer?: ExecuteTracer;
};

/** {@link PoolOptions} after validation and defaults. */
export type ResolvedPoolOptions = z.output<typeof poolOptionsSchema>;
