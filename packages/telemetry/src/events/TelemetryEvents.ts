/**
 * The events telemetry maps, and the fields it reads from each: a structural
 * contract, not a copy of the declarations. Core declares the worker,
 * registry and orphan events; `@snakepit/actors` the supervisor and actor
 * events; the pool (in `@snakepit/python-bridge`) the `snakepit.pool.*`
 * events. This package depends on neither of the latter two: any emitter whose
 * payloads have these fields is mapped, and a type test checks that the real
 * declarations stay assignable to these shapes.
 */

/** How a kill-ladder step is named in {@link ExitStep}. */
export type ExitStepName = 'graceful_requested' | 'sigterm' | 'sigkill' | 'reaped' | (string & {});

/** One rung of the kill ladder, when the exit record lists them. */
export interface ExitStep {
  readonly step: ExitStepName;
  /** Wall-clock Unix milliseconds. */
  readonly atMs: number;
}

/** The fields of core's `ExitRecord` telemetry reads (`steps` is optional, proposed). */
export interface ExitRecordShape {
  readonly exitCode: number | undefined;
  readonly signal: string | undefined;
  readonly reason: string;
  readonly method: string;
  readonly isForcefullyTerminated: boolean;
  readonly uptimeMs: number;
  readonly cleanupMs: number;
  /** Kill-ladder steps in order; become span events on the stop span. */
  readonly steps?: readonly ExitStep[];
}

/** Facts every worker event carries (`poolId` is optional, proposed). */
export interface WorkerEventShape {
  readonly workerId: string;
  readonly runId: string;
  readonly pid: number | undefined;
  /** Wall-clock Unix milliseconds. */
  readonly timestampMs: number;
  /** The pool the worker slot belongs to, when it belongs to one. */
  readonly poolId?: string;
}

/** Facts every supervisor event carries. */
export interface SupervisorEventShape {
  readonly supervisorId: string;
  readonly timestampMs: number;
}

/** A pool worker's lifecycle state. */
export type PoolWorkerState = 'starting' | 'ready' | 'busy' | 'unhealthy' | 'stopping' | 'stopped';

/** How one `execute` call ended. */
export type ExecuteOutcome = 'ok' | 'error' | 'timeout' | 'aborted' | 'crashed';

/** Why the pool refused to queue a call. */
export type QueueRejectionReason = 'full' | 'timeout' | 'stopped';

/** Every event telemetry maps, by name, with the fields it reads. */
export interface TelemetryEventMap {
  'snakepit.worker.process.started': WorkerEventShape & { readonly startMs: number };
  'snakepit.worker.process.terminated': WorkerEventShape & { readonly exit: ExitRecordShape };
  'snakepit.worker.cleanup.completed': WorkerEventShape & {
    readonly durationMs: number;
    readonly method: string;
  };
  'snakepit.worker.heartbeat.sent': WorkerEventShape & { readonly seq: number };
  'snakepit.worker.heartbeat.received': WorkerEventShape & {
    readonly seq: number;
    readonly latencyMs: number;
  };
  'snakepit.worker.heartbeat.timeout': WorkerEventShape & {
    readonly seq: number;
    readonly missed: number;
  };
  'snakepit.supervisor.child.exited': SupervisorEventShape & {
    readonly childId: string;
    readonly reason: string;
    readonly isAbnormal: boolean;
  };
  'snakepit.supervisor.child.restarted': SupervisorEventShape & {
    readonly childId: string;
    readonly reason: string;
    readonly strategy: string;
    readonly delayMs: number;
    readonly restartCount: number;
  };
  'snakepit.supervisor.child.start_failed': SupervisorEventShape & {
    readonly childId: string;
    readonly reason: string;
  };
  'snakepit.supervisor.escalated': SupervisorEventShape & {
    readonly childId: string;
    readonly reason: string;
    readonly escalation: string;
  };
  'snakepit.actor.thread.terminated': { readonly reason: string; readonly timestampMs: number };
  'snakepit.orphan.reaped': {
    readonly runId: string;
    readonly pid: number;
    readonly signal: string;
    readonly workerId?: string;
    readonly foundBy?: string;
  };
  'snakepit.registry.error': { readonly operation: string; readonly code?: string };
  'snakepit.pool.execute.completed': {
    readonly poolId: string;
    readonly workerId: string;
    readonly command: string;
    readonly outcome: ExecuteOutcome;
    readonly durationMs: number;
    readonly queueWaitMs: number;
    /** The `SnakepitError` code of a failed call, when known. */
    readonly errorCode?: string;
  };
  'snakepit.pool.queue.rejected': {
    readonly poolId: string;
    readonly reason: QueueRejectionReason;
  };
  'snakepit.pool.worker.state': {
    readonly poolId: string;
    readonly workerId: string;
    readonly from: PoolWorkerState | undefined;
    readonly to: PoolWorkerState;
  };
  'snakepit.pool.queue.depth': { readonly poolId: string; readonly depth: number };
  'snakepit.pool.worker.recycled': {
    readonly poolId: string;
    readonly workerId: string;
    readonly reason: string;
  };
  'snakepit.pool.failed': { readonly poolId: string; readonly reason: string };
}

/** The name of an event telemetry maps. */
export type TelemetryEventName = keyof TelemetryEventMap;

/** Every event telemetry maps, in a stable order. */
export const TELEMETRY_EVENT_NAMES: readonly TelemetryEventName[] = [
  'snakepit.worker.process.started',
  'snakepit.worker.process.terminated',
  'snakepit.worker.cleanup.completed',
  'snakepit.worker.heartbeat.sent',
  'snakepit.worker.heartbeat.received',
  'snakepit.worker.heartbeat.timeout',
  'snakepit.supervisor.child.exited',
  'snakepit.supervisor.child.restarted',
  'snakepit.supervisor.child.start_failed',
  'snakepit.supervisor.escalated',
  'snakepit.actor.thread.terminated',
  'snakepit.orphan.reaped',
  'snakepit.registry.error',
  'snakepit.pool.execute.completed',
  'snakepit.pool.queue.rejected',
  'snakepit.pool.worker.state',
  'snakepit.pool.queue.depth',
  'snakepit.pool.worker.recycled',
  'snakepit.pool.failed',
];
