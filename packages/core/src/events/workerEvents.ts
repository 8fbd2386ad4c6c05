/**
 * Why a worker process ended, as a closed set: code that classifies an exit
 * switches on this, never on {@link ExitRecord.reason}'s text.
 *
 * - `shutdown`: its owner stopped it on purpose (`pool.stop()`, `worker.stop()`).
 * - `recycled`: the pool replaced it under its `recycle` policy (the text says which limit).
 * - `crashed`: it ended by itself, unasked (exception at top level, signal, OOM killer).
 * - `heartbeat_timeout`: it stopped answering Pings and was killed as hung.
 * - `start_failed`: it was stopped because its start failed (a `Fault`, no `Ready` in time, a version mismatch).
 * - `killed`: it was killed on request without being asked first (`worker.kill()`).
 */
export type ExitCause =
  | 'shutdown'
  | 'recycled'
  | 'crashed'
  | 'heartbeat_timeout'
  | 'start_failed'
  | 'killed';

/** One rung of the kill ladder that a stop climbed (see {@link ExitRecord.steps}). */
export interface ExitStep {
  /** `graceful_requested` (e.g. a `Shutdown` frame sent), `sigterm` or `sigkill` to the group. */
  readonly step: 'graceful_requested' | 'sigterm' | 'sigkill';
  /** Wall-clock Unix milliseconds. */
  readonly atMs: number;
}

/** How a worker process ended, execa-style. */
export interface ExitRecord {
  /** Exit code when the process exited by itself, else `undefined`. */
  readonly exitCode: number | undefined;
  /** Signal name when a signal ended the process, else `undefined`. */
  readonly signal: NodeJS.Signals | undefined;
  /** Why it ended, as a closed set (switch on this). */
  readonly cause: ExitCause;
  /** Why it ended, in words for humans: `'shutdown'`, `'crashed'`, `'max requests'`… */
  readonly reason: string;
  /** How the stop ended it: by itself, by SIGTERM, or by SIGKILL. `'exited'` if nobody stopped it. */
  readonly method: 'graceful' | 'terminated' | 'killed' | 'exited';
  /** Whether SIGKILL was needed. */
  readonly isForcefullyTerminated: boolean;
  /** Time from spawn to exit. */
  readonly uptimeMs: number;
  /** Time from the stop request to the process being reaped (0 if it was not stopped). */
  readonly cleanupMs: number;
  /** The kill-ladder rungs the stop climbed, in order (empty if nobody stopped it). */
  readonly steps: readonly ExitStep[];
}

/** Facts every worker event carries. */
export interface WorkerEventBase {
  readonly workerId: string;
  readonly runId: string;
  /** The pool the worker belongs to; absent for a worker started on its own (`startPythonWorker`). */
  readonly poolId?: string;
  readonly pid: number | undefined;
  /** Wall-clock Unix milliseconds. */
  readonly timestampMs: number;
}

/** The worker process and heartbeat events (emitted by `@snakepit/python-bridge`). */
export interface WorkerEventMap {
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
   * `\r`) dropped, or one record of Python's `logging` (stream `control`).
   * A line over 64 KiB comes as several events of at most 64 KiB each, cut
   * between UTF-8 characters; spawned and forked workers split alike.
   */
  'snakepit.worker.log': WorkerEventBase & {
    /** `stdout` or `stderr` for output, `control` for a `logging` record (sent on the control channel). */
    readonly stream: 'stdout' | 'stderr' | 'control';
    /** The line, or the record's formatted message (with its traceback: it may span lines; cut at 64 KiB). */
    readonly line: string;
    /** A `logging` record's level (stream `control`); absent for output lines. */
    readonly level?: 'debug' | 'info' | 'warning' | 'error' | 'critical';
    /** A `logging` record's logger name (stream `control`). */
    readonly logger?: string;
    /**
     * W3C `traceparent` of the span that was current in Python where the
     * record or line was written, when it was written inside a traced call
     * (the handler's span, or a user's span in it); else absent. Lines
     * written below Python's `sys.stdout` (C code, subprocesses), by threads
     * a handler started, or outside calls have none.
     */
    readonly traceparent?: string;
  };
}
