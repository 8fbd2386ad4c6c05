import type { PythonSpanRecord } from '@snakepit/core';
import type { ExecuteOptions } from './WorkerClient.js';

/** What a call answered, with the facts the pool's tracing needs. */
export interface CallResult {
  readonly value: unknown;
  /** Time Python spent in the handler, µs. */
  readonly handlerTimeUs: number;
  /** Python recorded the `snakepit.python.handler` span itself (an SDK is set up there). */
  readonly isHandlerSpanRecorded: boolean;
  /** The spans Python forwarded (asked by `ExecuteOptions.forwardPythonSpans`). */
  readonly pythonSpans?: readonly PythonSpanRecord[];
}

/**
 * The data plane of one Python worker as the pool and `PythonWorker` use
 * it, whatever carries it: gRPC (`WorkerClient`) or length-prefixed frames
 * (`FramedWorkerClient`). Both fail a call with the same typed errors.
 */
export interface DataPlaneClient {
  /** The worker's slot name. */
  readonly workerId: string;
  /** What carries the calls: length-prefixed frames, or gRPC. */
  readonly transport: 'framed' | 'grpc';
  /**
   * Runs `command` with `args` (JSON, or raw bytes as a `Uint8Array`).
   * @throws {PythonError} when the handler raised.
   * @throws {SnakepitError} `UNKNOWN_COMMAND`, `SERIALIZATION_FAILED`,
   *   `PAYLOAD_TOO_LARGE`, `EXECUTE_TIMEOUT`, `ABORTED` or `WORKER_CRASHED`.
   */
  execute(command: string, args?: unknown, options?: ExecuteOptions): Promise<unknown>;
  /**
   * Like {@link execute}, also giving the time Python spent in the handler, µs,
   * and whether Python recorded the handler's span itself.
   */
  call(command: string, args?: unknown, options?: ExecuteOptions): Promise<CallResult>;
  /** Runs a generator `command`; yields each item it produces. Same errors as `execute`. */
  stream(command: string, args?: unknown, options?: ExecuteOptions): AsyncGenerator<unknown>;
  /** Closes the connection; calls in flight fail with `WORKER_CRASHED`. Idempotent. */
  close(): void;
}
