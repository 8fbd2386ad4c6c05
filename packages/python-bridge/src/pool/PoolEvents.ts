import type { SnakepitErrorCode } from '@snakepit/core';
import type { RecycleReason } from './recycleReason.js';

/** The states a pool worker goes through. */
export type PoolWorkerState = 'starting' | 'ready' | 'busy' | 'unhealthy' | 'stopping' | 'stopped';

/** How one call through the pool ended. */
export type ExecuteOutcome = 'ok' | 'error' | 'timeout' | 'aborted' | 'crashed';

declare module '@snakepit/core' {
  interface SnakepitEventMap {
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
      readonly reason: 'full' | 'timeout' | 'stopped';
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
      readonly reason: RecycleReason;
    };
    /** The pool's supervisor gave up (restart intensity exceeded): the pool stopped. */
    'snakepit.pool.failed': { readonly poolId: string; readonly reason: string };
  }
}
