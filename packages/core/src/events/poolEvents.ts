import type { SnakepitErrorCode } from '../errors/SnakepitError.js';

/** Every state a pool worker slot goes through, in lifecycle order. */
export const POOL_WORKER_STATES = [
  'starting',
  'ready',
  'busy',
  'unhealthy',
  'stopping',
  'stopped',
] as const;

/** The states a pool worker slot goes through (see {@link POOL_WORKER_STATES}). */
export type PoolWorkerState = (typeof POOL_WORKER_STATES)[number];

/** How one call through the pool ended. */
export type ExecuteOutcome = 'ok' | 'error' | 'timeout' | 'aborted' | 'crashed';

/** Why the pool refused or dropped a queued call. */
export type QueueRejectionReason = 'full' | 'timeout' | 'stopped';

/** Why a worker's process is due for replacement (the pool's `recycle` options). */
export type RecycleReason = 'max requests' | 'max uptime' | 'max rss' | 'data plane failing';

/** The `snakepit.pool.*` events (emitted by `@snakepit/python-bridge`'s pool). */
export interface PoolEventMap {
  /** A call through the pool finished, however it ended. */
  'snakepit.pool.execute.completed': {
    readonly poolId: string;
    readonly workerId: string;
    readonly command: string;
    readonly outcome: ExecuteOutcome;
    readonly durationMs: number;
    readonly queueWaitMs: number;
    /** The `SnakepitError` code of a failed call (`PYTHON_ERROR` when the handler raised). */
    readonly errorCode?: SnakepitErrorCode;
  };
  /** A call was refused or dropped before reaching a worker. */
  'snakepit.pool.queue.rejected': {
    readonly poolId: string;
    readonly reason: QueueRejectionReason;
  };
  /** Calls waiting for a free worker, after each change. */
  'snakepit.pool.queue.depth': { readonly poolId: string; readonly depth: number };
  /** A worker changed state. */
  'snakepit.pool.worker.state': {
    readonly poolId: string;
    readonly workerId: string;
    readonly from: PoolWorkerState;
    readonly to: PoolWorkerState;
  };
  /** A worker's process is being replaced (`recycle` options). */
  'snakepit.pool.worker.recycled': {
    readonly poolId: string;
    readonly workerId: string;
    /** The process being replaced; it finishes its calls in flight, then stops (`cause: 'recycled'`). */
    readonly pid: number | undefined;
    readonly reason: RecycleReason;
  };
  /** The pool's supervisor gave up (restart intensity exceeded): the pool stopped. */
  'snakepit.pool.failed': { readonly poolId: string; readonly reason: string };
}
