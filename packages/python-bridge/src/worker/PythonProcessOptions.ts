import type { HeartbeatOptions } from '../heartbeat/heartbeatOptions.js';

/**
 * Options of the Python processes, shared by `createPool` (every worker of
 * the pool) and `startPythonWorker`. Validated by `pythonWorkerOptionsSchema`,
 * which holds the defaults; an option set to `undefined` takes its default.
 */
export interface PythonProcessOptions {
  /**
   * Run id: names the run's registry file and is shared with telemetry.
   * Letters, digits, `_` and `-`, at most 40.
   * @default a new id (per pool for `createPool`, per Node process for `startPythonWorker`)
   */
  readonly runId?: string | undefined;
  /**
   * Path of the interpreter. When absent: `SNAKEPIT_PYTHON`, then `.venv`,
   * then `python3` on `PATH`, then `/usr/bin/python3`, the first that imports
   * grpc (see `resolvePython`).
   */
  readonly python?: string | undefined;
  /**
   * Python module with the commands (its `@command` functions).
   * @default 'snakepit_worker.demo_adapter'
   */
  readonly adapter?: string | undefined;
  /**
   * Extra `PYTHONPATH` directories, e.g. where the adapter lives.
   * @default []
   */
  readonly pythonPath?: string[] | undefined;
  /**
   * Time from spawn to the worker's `Ready`, in ms (100–600000); a slower
   * start fails with `WORKER_START_TIMEOUT`.
   * @default 10000
   */
  readonly startTimeoutMs?: number | undefined;
  /**
   * Graceful stop budget, in ms (0–300000): calls in flight drain, then
   * `Shutdown`; what is still running after it gets SIGTERM.
   * @default 5000
   */
  readonly shutdownTimeoutMs?: number | undefined;
  /**
   * Time given to SIGTERM before SIGKILL, in ms (0–60000).
   * @default 2000
   */
  readonly killAfterMs?: number | undefined;
  /**
   * Handler threads of each worker's Python gRPC server (1–1024).
   * @default 8
   */
  readonly maxConcurrency?: number | undefined;
  /**
   * Ping/Pong liveness checks on the control channel; `false` turns them off.
   * Long GIL-holding calls should announce themselves with `busy()`.
   * @default `{ intervalMs: 2000, timeoutMs: 1000, maxMissed: 3 }` (`DEFAULT_HEARTBEAT_OPTIONS`)
   */
  readonly heartbeat?: false | HeartbeatOptions | undefined;
  /**
   * Python exits by itself when no `Ping` arrives for this long, in ms
   * (0–3600000); 0 disables it.
   * @default three detection budgets, at least 10000, with heartbeats on; else 0
   */
  readonly selfTerminateAfterMs?: number | undefined;
  /**
   * Largest argument or result payload, in bytes (1 KiB–1 GiB); a larger
   * call fails with `PAYLOAD_TOO_LARGE` before it is sent, and the worker
   * serves on. Over gRPC both ends' message limits follow it; the framed
   * transport sends a payload over 64 KiB in 256 KiB parts, so it never needs
   * a frame that large, and a large `Uint8Array` argument is sent from the
   * caller's memory: leave it unchanged until the call settles.
   * @default 268435456 (256 MiB) with `transport: 'framed'`, 4194304 (4 MiB) over gRPC
   */
  readonly maxPayloadBytes?: number | undefined;
  /**
   * The data plane of `execute` and `stream`: `'framed'`, length-prefixed
   * protobuf frames on one Unix-socket connection per worker, calls
   * multiplexed by id (such a worker never imports grpc, so its Python needs
   * no grpcio, and it starts ~150 ms of CPU faster; a call costs a fraction
   * of a gRPC call), or `'grpc'`: a grpcio server in each worker, a gRPC
   * client here. Errors, deadlines, cancellation and payload limits are the
   * same on both (ADR 0012).
   * @default 'framed'
   */
  readonly transport?: 'grpc' | 'framed' | undefined;
  /**
   * Extra environment variables for the Python processes.
   * @default {}
   */
  readonly env?: Record<string, string> | undefined;
  /**
   * Working directory of the Python processes; it must exist
   * (`INVALID_OPTIONS` otherwise).
   * @default this process's working directory
   */
  readonly cwd?: string | undefined;
}
