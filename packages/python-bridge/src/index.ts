/**
 * `@snakepit/python-bridge`: Python worker processes, their control channel,
 * heartbeats and the gRPC data plane.
 *
 * @packageDocumentation
 * @module @snakepit/python-bridge
 */
export { FrameDecoder, encodeFrame, MAX_FRAME_BYTES } from './control/FrameDecoder.js';
export { ControlChannel } from './control/ControlChannel.js';
export type { ControlChannelHandlers } from './control/ControlChannel.js';
export { HeartbeatMonitor } from './heartbeat/HeartbeatMonitor.js';
export type { HeartbeatHandlers } from './heartbeat/HeartbeatMonitor.js';
export { heartbeatOptionsSchema, DEFAULT_HEARTBEAT_OPTIONS } from './heartbeat/heartbeatOptions.js';
export type { HeartbeatOptions, ResolvedHeartbeatOptions } from './heartbeat/heartbeatOptions.js';
export { detectionBudgetMs, selfTerminationWindowMs } from './heartbeat/detectionBudget.js';
export {
  startWorkerProcess,
  PYTHON_PACKAGE_DIR,
  GRPC_FORK_SUPPORT_ENV,
} from './worker/startWorkerProcess.js';
export { readTestedVersions, untestedVersion } from './worker/testedVersions.js';
export type { TestedRange, TestedVersions } from './worker/testedVersions.js';
export type { WorkerLaunch } from './worker/startWorkerProcess.js';
export { WorkerProcess } from './worker/WorkerProcess.js';
export type { WorkerStats, WorkerProcessSettings } from './worker/WorkerProcess.js';
export { WorkerClient } from './client/WorkerClient.js';
export type { ExecuteOptions } from './client/WorkerClient.js';
export { PythonWorker } from './worker/PythonWorker.js';
export { startPythonWorker } from './worker/startPythonWorker.js';
export { pythonWorkerOptionsSchema } from './worker/PythonWorkerOptions.js';
export type {
  PythonWorkerOptions,
  ResolvedPythonWorkerOptions,
} from './worker/PythonWorkerOptions.js';
export { createPool } from './pool/createPool.js';
export { Pool } from './pool/Pool.js';
export type { PoolCallOptions, PoolStats } from './pool/Pool.js';
export { poolOptionsSchema } from './pool/PoolOptions.js';
export type {
  PoolOptions,
  PoolForkServerOptions,
  PoolRecycleOptions,
  PoolRestartOptions,
  PoolBackoffOptions,
  ResolvedPoolOptions,
} from './pool/PoolOptions.js';
export type { PythonProcessOptions } from './worker/PythonProcessOptions.js';
export type { WorkerSlotView } from './pool/WorkerSlot.js';
export type { PoolWorkerState, ExecuteOutcome } from './pool/PoolEvents.js';
export type { ExecuteTracer, ExecuteTrace } from './pool/ExecuteTracer.js';

// What an app that uses a pool needs from @snakepit/core, so that it names
// one package: the typed errors it catches, the bus and the run id it shares with
// telemetry.
export { SnakepitError, isSnakepitError, PythonError, createRunId, EventBus } from '@snakepit/core';
export type { SnakepitErrorCode, SnakepitErrorOptions } from '@snakepit/core';
