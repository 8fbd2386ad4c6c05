import type { ExitRecord } from '@snakepit/core';
import type { v1 } from '@snakepit/proto';
import { createDataPlaneClient } from '../client/createDataPlaneClient.js';
import type { DataPlaneClient } from '../client/DataPlaneClient.js';
import type { ExecuteOptions } from '../client/WorkerClient.js';
import type { WorkerProcess, WorkerStats } from './WorkerProcess.js';

/**
 * One Python worker driven from the current thread: its control plane
 * (`WorkerProcess`: process, heartbeat, kill ladder) and its data plane
 * (`WorkerClient` over gRPC, or `FramedWorkerClient` with the framed
 * transport). Pools host the control plane on an actor thread
 * instead; this is the simple form for scripts and tests.
 */
export class PythonWorker {
  /** @internal The worker process: control channel, heartbeat, kill ladder. */
  readonly process: WorkerProcess;
  /** @internal The data-plane client. */
  readonly client: DataPlaneClient;

  /**
   * @internal Connects a data-plane client to a started worker (the transport its
   * `Ready` announced); it closes when the process
   * exits. Built by {@link startPythonWorker}; not meant to be called directly.
   */
  constructor(process: WorkerProcess, maxPayloadBytes?: number) {
    this.process = process;
    this.client = createDataPlaneClient(process.id, process.ready, maxPayloadBytes);
    void process.exited.then(() => this.client.close());
  }

  /** The worker's slot name (`workerId`), unique in its run. */
  get id(): string {
    return this.process.id;
  }

  /** The worker's process id. */
  get pid(): number {
    return this.process.pid;
  }

  /** What the worker announced in its `Ready` frame. */
  get ready(): v1.Ready {
    return this.process.ready;
  }

  /** Settles with the exit record when the process has ended, however it ended. */
  get exited(): Promise<ExitRecord> {
    return this.process.exited;
  }

  /** The latest stats the worker reported in a `Pong`, if any. */
  get stats(): WorkerStats | undefined {
    return this.process.stats;
  }

  /** Control-channel round trip, ms. */
  ping(): Promise<number> {
    return this.process.ping();
  }

  /**
   * Runs `command` on this worker and resolves with its result (JSON, or a
   * `Uint8Array` for bytes). A completed call is proof of life.
   *
   * @throws {PythonError} when the handler raised.
   * @throws {SnakepitError} `UNKNOWN_COMMAND`, `SERIALIZATION_FAILED`,
   *   `PAYLOAD_TOO_LARGE`, `EXECUTE_TIMEOUT`, `ABORTED`, `WORKER_CRASHED`.
   */
  async execute(command: string, args?: unknown, options?: ExecuteOptions): Promise<unknown> {
    const result = await this.client.execute(command, args, options);
    this.process.recordLife();
    return result;
  }

  /**
   * Runs a generator `command` and yields its items.
   *
   * @throws {PythonError} when the handler raised.
   * @throws {SnakepitError} as {@link execute} does.
   */
  stream(command: string, args?: unknown, options?: ExecuteOptions): AsyncGenerator<unknown> {
    return this.client.stream(command, args, options);
  }

  /** Kill ladder: `Shutdown` → SIGTERM → SIGKILL. Idempotent. */
  stop(reason = 'stopped'): Promise<ExitRecord> {
    return this.process.stop('shutdown', reason);
  }

  /** SIGTERM → SIGKILL without asking first. */
  kill(reason: string): Promise<ExitRecord> {
    return this.process.kill('killed', reason);
  }
}
