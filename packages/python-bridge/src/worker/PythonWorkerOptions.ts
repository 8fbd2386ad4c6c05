import { z } from 'zod';
import type { Clock, EventBus } from '@snakepit/core';
import { heartbeatOptionsSchema } from '../heartbeat/heartbeatOptions.js';
import type { AssignableTo } from '../options/AssignableTo.js';
import type { PythonProcessOptions } from './PythonProcessOptions.js';

const ms = (min: number, max: number) => z.number().int().min(min).max(max);

/**
 * The fields of `pythonWorkerOptionsSchema`. A named literal so that the
 * declaration files keep each field's comment for whoever derives a schema
 * from it (`poolOptionsSchema`, the CLI's config file). Not tagged
 * internal: `stripInternal` would remove it from the declarations that name it.
 */
export const pythonWorkerOptionsShape = {
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
  /**
   * Largest argument or result payload; larger calls fail with `PAYLOAD_TOO_LARGE`.
   * @default 256 MiB with `transport: 'framed'`, 4 MiB over gRPC
   */
  maxPayloadBytes: z
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .optional(),
  /**
   * The data plane: length-prefixed frames on a Unix socket, for which the
   * worker never imports grpc, or gRPC. @default 'framed'
   */
  transport: z.enum(['grpc', 'framed']).default('framed'),
  /** Extra environment for the worker. */
  env: z.record(z.string(), z.string()).default({}),
  /** Working directory of the Python processes; it must exist. */
  cwd: z.string().optional(),
};

/** Validation schema of {@link PythonWorkerOptions}; defaults live here. */
export const pythonWorkerOptionsSchema: z.ZodObject<
  typeof pythonWorkerOptionsShape,
  z.core.$strict
> = z.object(pythonWorkerOptionsShape).strict();

/** Options of `startPythonWorker`, as users write them. */
export interface PythonWorkerOptions extends PythonProcessOptions {
  /** Worker slot name, unique in its run: letters, digits, `_`, `.` and `-`, at most 32. */
  readonly workerId: string;
  /** Where lifecycle events go. @default a new `EventBus` */
  readonly bus?: EventBus;
  /** Time source of timers and deadlines (tests pass a `ManualClock`). @default `realClock` */
  readonly clock?: Clock;
}

// The interface documents what the schema accepts: neither may drift.
type Input = z.input<typeof pythonWorkerOptionsSchema>;
type Documented = Omit<PythonWorkerOptions, 'bus' | 'clock'>;
type _SchemaAcceptsInterface = AssignableTo<Documented, Input>;
type _InterfaceAcceptsSchema = AssignableTo<Input, Documented>;
type _SameKeysA = AssignableTo<keyof Documented, keyof Input>;
type _SameKeysB = AssignableTo<keyof Input, keyof Documented>;

/** {@link PythonWorkerOptions} after validation and defaults. */
export type ResolvedPythonWorkerOptions = z.output<typeof pythonWorkerOptionsSchema>;
