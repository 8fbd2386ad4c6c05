import type { ExitRecord } from '@snakepit/core';
import type { v1 } from '@snakepit/proto';
import { WorkerClient } from '../client/WorkerClient.js';
import type { ExecuteOptions } from '../client/WorkerClient.js';
import type { WorkerProcess, WorkerStats } from './WorkerProcess.js';

/**
 * One Python worker driven from the current thread: its control plane
 * (`WorkerProcess`: process, heartbeat, kill ladder) and its data plane
 * (`WorkerClient`: gRPC). Pools host the control plane on an actor thread
 * instead; this is the simple form for scripts and tests.
 */
export class PythonWorker {
  readonly process: WorkerProcess;
  readonly client: WorkerClient;

  /**
   * Connects a gRPC client to a started worker; it closes when the process
   * exits. Built by {@link startPythonWorker}; not meant to be called directly.
   */
  constructor(process: WorkerProcess, maxPayloadBytes?: number) {
    this.process = process;
    this.client = new WorkerClient(process.id, process.ready.grpcAddress, maxPayloadBytes);
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

  /** See {@link WorkerClient.execute}. A completed call is proof of life. */
  async execute(command: string, args?: unknown, options?: ExecuteOptions): Promise<unknown> {
    const result = await this.client.execute(command, args, options);
    this.process.recordLife();
    return result;
  }

  /** See {@link WorkerClient.stream}. */
  stream(command: string, args?: unknown, options?: ExecuteOptions): AsyncGenerator<unknown> {
    return this.client.stream(command, args, options);
  }

  /** Kill ladder: `Shutdown` → SIGTERM → SIGKILL. Idempotent. */
  stop(reason?: string): Promise<ExitRecord> {
    return this.process.stop(reason);
  }

  /** SIGTERM → SIGKILL without asking first. */
  kill(reason: string): Promise<ExitRecord> {
    return this.process.kill(reason);
  }
}
