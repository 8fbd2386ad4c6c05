/**
 * `@snakepit/python-bridge`: supervised pools of Python workers
 * (`createPool`), or one worker on its own (`startPythonWorker`), with the
 * errors, bus and run id an app shares with `@snakepit/telemetry`.
 *
 * @packageDocumentation
 * @module @snakepit/python-bridge
 */
// What an app needs to run Python code under supervision: a pool, or one
// worker on its own, and their options, results and views. The plumbing
// (control channel, heartbeat, worker process, schemas) is internal; the CLI
// reaches what it needs through `@snakepit/python-bridge/internal`
// (docs/adr/0010-public-surface.md). `test/api` snapshots this list.
export { createPool } from './pool/createPool.js';
export { poolChild } from './pool/poolChild.js';
export type { PoolChild, PoolChildOptions, PoolRef } from './pool/poolChild.js';
export { pythonWorkerChild } from './pool/pythonWorkerChild.js';
export type { PythonWorkerChild, PythonWorkerChildOptions } from './pool/pythonWorkerChild.js';
export type { Pool, PoolCallOptions, PoolStats } from './pool/Pool.js';
export type {
  PoolOptions,
  PoolForkServerOptions,
  PoolRecycleOptions,
  PoolRestartOptions,
  PoolBackoffOptions,
} from './pool/PoolOptions.js';
export type { PythonProcessOptions } from './worker/PythonProcessOptions.js';
export type { HeartbeatOptions } from './heartbeat/heartbeatOptions.js';
export type { WorkerSlotView } from './pool/WorkerSlot.js';
export { startPythonWorker } from './worker/startPythonWorker.js';
export type { PythonWorker } from './worker/PythonWorker.js';
export type { PythonWorkerOptions } from './worker/PythonWorkerOptions.js';
export type { WorkerStats } from './worker/WorkerProcess.js';
export type { ExecuteOptions } from './client/WorkerClient.js';
export { PYTHON_PACKAGE_DIR } from './worker/startWorkerProcess.js';
// The pool's event and tracing vocabulary is declared once, in @snakepit/core.
export type { PoolWorkerState, ExecuteOutcome, ExecuteTracer, ExecuteTrace } from '@snakepit/core';
// The list behind `PoolWorkerState` (the keys of `PoolStats.byState`), for code that iterates it.
export { POOL_WORKER_STATES } from '@snakepit/core';

// What an app that uses a pool needs from @snakepit/core, so that it names
// one package: the typed errors it catches, the bus and the run id it shares with
// telemetry.
export { SnakepitError, isSnakepitError, PythonError, EventBus } from '@snakepit/core';
export type { SnakepitErrorCode, SnakepitErrorDetails, SnakepitErrorOptions } from '@snakepit/core';
export { createRunId } from '@snakepit/core/run';
