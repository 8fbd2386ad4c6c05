import { z } from 'zod';
import type { Clock, EventBus } from '@snakepit/core';
import { heartbeatOptionsSchema } from '../heartbeat/heartbeatOptions.js';

const ms = (min: number, max: number) => z.number().int().min(min).max(max);

/** Validation schema of {@link PythonWorkerOptions}; defaults live here. */
export const pythonWorkerOptionsSchema = z
  .object({
    /** Worker slot name, unique in its run. */
    workerId: z.string().regex(/^[A-Za-z0-9_.-]{1,32}$/),
    /** Run id; one is generated per process when absent. */
    runId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/)
      .optional(),
    /** Interpreter path; see `resolvePython` for the search order. */
    python: z.string().min(1).optional(),
    /** Python module with the commands. */
    adapter: z
      .string()
      .regex(/^[A-Za-z_][\w.]*$/)
      .default('snakepit_worker.demo_adapter'),
    /** Extra directories for `PYTHONPATH` (e.g. where the adapter lives). */
    pythonPath: z.array(z.string()).default([]),
    /** Time from spawn to `Ready`. @default 10000 */
    startTimeoutMs: ms(100, 600_000).default(10_000),
    /** Time given to a `Shutdown` before SIGTERM. @default 5000 */
    shutdownTimeoutMs: ms(0, 300_000).default(5_000),
    /** Time given to SIGTERM before SIGKILL. @default 2000 */
    killAfterMs: ms(0, 60_000).default(2_000),
    /** Concurrent calls the worker's gRPC server runs. @default 8 */
    maxConcurrency: z.number().int().min(1).max(1024).default(8),
    /** Ping/Pong liveness checks; `false` turns them off. @default DEFAULT_HEARTBEAT_OPTIONS */
    heartbeat: z
      .union([z.literal(false), heartbeatOptionsSchema])
      .default(() => heartbeatOptionsSchema.parse({})),
    /**
     * Python exits by itself when no `Ping` arrives for this long; 0 disables.
     * @default three detection budgets (at least 10 s) with heartbeats on, else 0
     */
    selfTerminateAfterMs: ms(0, 3_600_000).optional(),
    /** Largest argument or result payload; larger calls fail with `PAYLOAD_TOO_LARGE`. @default 4 MiB */
    maxPayloadBytes: z
      .number()
      .int()
      .min(1024)
      .max(1024 * 1024 * 1024)
      .default(4 * 1024 * 1024),
    /** Extra environment for the worker. */
    env: z.record(z.string(), z.string()).default({}),
    cwd: z.string().optional(),
  })
  .strict();

/** Options of `startPythonWorker`, as users write them. */
export type PythonWorkerOptions = z.input<typeof pythonWorkerOptionsSchema> & {
  /** Where lifecycle events go. */
  readonly bus?: EventBus;
  readonly clock?: Clock;
};

/** {@link PythonWorkerOptions} after validation and defaults. */
export type ResolvedPythonWorkerOptions = z.output<typeof pythonWorkerOptionsSchema>;
