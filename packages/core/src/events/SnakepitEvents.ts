/** How a worker process ended, execa-style. */
export interface ExitRecord {
  /** Exit code when the process exited by itself, else `undefined`. */
  readonly exitCode: number | undefined;
  /** Signal name when a signal ended the process, else `undefined`. */
  readonly signal: NodeJS.Signals | undefined;
  /** Why it ended, in words: `'stopped'`, `'crashed'`, `'heartbeat timeout'`… */
  readonly reason: string;
  /** How the stop ended it: by itself, by SIGTERM, or by SIGKILL. `'exited'` if nobody stopped it. */
  readonly method: 'graceful' | 'terminated' | 'killed' | 'exited';
  /** Whether SIGKILL was needed. */
  readonly isForcefullyTerminated: boolean;
  /** Time from spawn to exit. */
  readonly uptimeMs: number;
  /** Time from the stop request to the process being reaped (0 if it was not stopped). */
  readonly cleanupMs: number;
}

/** Facts every worker event carries. */
export interface WorkerEventBase {
  readonly workerId: string;
  readonly runId: string;
  readonly pid: number | undefined;
  /** Wall-clock Unix milliseconds. */
  readonly timestampMs: number;
}

/**
 * Every event Snakepit emits, by name. Packages add theirs by declaration
 * merging (`declare module '@snakepit/core' { interface SnakepitEventMap … }`).
 */
export interface SnakepitEventMap {
  'snakepit.worker.process.started': WorkerEventBase & {
    /** Time from spawn to `Ready`. */
    readonly startMs: number;
    /** Where the worker serves gRPC, e.g. `unix:///…/w1.sock`. */
    readonly grpcAddress: string;
  };
  'snakepit.worker.process.terminated': WorkerEventBase & { readonly exit: ExitRecord };
  'snakepit.worker.cleanup.completed': WorkerEventBase & {
    readonly durationMs: number;
    readonly method: ExitRecord['method'];
  };
  'snakepit.worker.heartbeat.sent': WorkerEventBase & { readonly seq: number };
  'snakepit.worker.heartbeat.received': WorkerEventBase & {
    readonly seq: number;
    readonly latencyMs: number;
    /** Resident memory of the Python process, from its Pong. */
    readonly rssBytes: number;
    /** Calls the Python process was running when it answered, from its Pong. */
    readonly inFlight?: number;
  };
  'snakepit.worker.heartbeat.timeout': WorkerEventBase & {
    readonly seq: number;
    readonly missed: number;
  };
  /**
   * One line of a worker's output, its line end (`\n`, `\r\n` or a lone
   * `\r`) dropped. A line over 64 KiB comes as several events of at most
   * 64 KiB each, cut between UTF-8 characters; spawned and forked workers
   * split alike.
   */
  'snakepit.worker.log': WorkerEventBase & {
    readonly stream: 'stdout' | 'stderr' | 'control';
    readonly line: string;
  };
  /**
   * The run registry could not be read or written, or a registry file was
   * corrupt. The registry then keeps working in memory; other guards hold.
   */
  'snakepit.registry.error': {
    /** What failed: `open`, `write`, `remove`, `read`, `reap`… */
    readonly operation: string;
    readonly message: string;
    /** The run concerned, when known. */
    readonly runId?: string;
    /** The errno code (`EACCES`, `ENOSPC`…) or `CORRUPT`, when known. */
    readonly code?: string;
  };
  /**
   * Whether the run's workers get cgroups (see `cgroup.ts`): `path` when
   * they do, `reason` when the run relies on process groups alone.
   */
  'snakepit.run.cgroup': {
    readonly runId: string;
    readonly path?: string;
    readonly reason?: string;
  };
  /** A process left behind by a dead run was killed. */
  'snakepit.orphan.reaped': {
    readonly runId: string;
    readonly pid: number;
    /** The signal that ended it: `SIGTERM`, or `SIGKILL` when it outlived the grace period. */
    readonly signal: NodeJS.Signals;
    /** The worker slot it belonged to (a grandchild carries its worker's id), when known. */
    readonly workerId?: string;
    /** How it was found: listed in the registry, or by the scan of process environments. */
    readonly foundBy?: 'registry' | 'scan';
  };
}

/** The name of a Snakepit event. */
export type SnakepitEventName = keyof SnakepitEventMap;
