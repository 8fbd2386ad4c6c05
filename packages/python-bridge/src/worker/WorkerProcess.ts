import { SnakepitError } from '@snakepit/core/runtime';
import type { Clock, EventBus, ExitCause, ExitRecord } from '@snakepit/core/runtime';
import type { ManagedProcess } from '@snakepit/core/process';
import { relayedOutput } from './relayedOutput.js';
import type { OutputHandler } from './relayedOutput.js';
import type { v1 } from '@snakepit/proto';
import type { ControlChannel } from '../control/ControlChannel.js';
import { HeartbeatMonitor } from '../heartbeat/HeartbeatMonitor.js';
import type { ResolvedHeartbeatOptions } from '../heartbeat/detectionBudget.js';

/** What the worker reported in its latest `Pong`. */
export interface WorkerStats {
  readonly rssBytes: number;
  readonly cpuTimeUs: number;
  readonly inFlight: number;
  readonly completed: number;
  /** When the Pong arrived (monotonic clock, ms). */
  readonly atMs: number;
}

/** How a {@link WorkerProcess} watches and stops its process. */
export interface WorkerProcessSettings {
  readonly heartbeat: ResolvedHeartbeatOptions | false;
  readonly shutdownTimeoutMs: number;
  readonly killAfterMs: number;
}

/** The parts a started worker is made of (see `startWorkerProcess`). */
export interface WorkerProcessParts {
  readonly id: string;
  readonly runId: string;
  /** The pool the worker belongs to, when it does (carried by its events). */
  readonly poolId?: string | undefined;
  readonly proc: ManagedProcess;
  readonly channel: ControlChannel;
  readonly ready: v1.Ready;
  readonly bus: EventBus;
  /** Where the output a forked worker relays on its control channel goes. */
  readonly onOutput?: OutputHandler;
  readonly clock: Clock;
  readonly settings: WorkerProcessSettings;
}

interface PendingPing {
  readonly sentAtMs: number;
  readonly resolve: (latencyMs: number) => void;
}

/**
 * The control plane of one Python worker: its process, its control channel
 * and its heartbeat. It lives on the thread that spawned the process (which
 * must outlive it: `docs/architecture.md#children-of-an-ended-thread-stay-zombies`);
 * the data plane (gRPC) is `WorkerClient`'s.
 */
export class WorkerProcess {
  readonly id: string;
  readonly runId: string;
  readonly pid: number;
  /** What the worker announced in its `Ready` frame. */
  readonly ready: v1.Ready;
  /** Settles with the exit record when the process has ended, however it ended. */
  readonly exited: Promise<ExitRecord>;
  readonly #parts: WorkerProcessParts;
  readonly #pendingPings = new Map<number, PendingPing>();
  readonly #heartbeat: HeartbeatMonitor | undefined;
  #nextSeq = 1;
  #stopReason: { readonly cause: ExitCause; readonly reason: string } | undefined;
  #stats: WorkerStats | undefined;

  /**
   * Takes over a started worker's parts and starts its heartbeat. Built by
   * {@link startWorkerProcess}; not meant to be called directly.
   */
  constructor(parts: WorkerProcessParts) {
    this.#parts = parts;
    this.id = parts.id;
    this.runId = parts.runId;
    this.pid = parts.proc.pid;
    this.ready = parts.ready;
    parts.channel.setHandlers({ onFrame: (frame) => this.#onFrame(frame), onClose: () => {} });
    const { heartbeat } = parts.settings;
    this.#heartbeat = heartbeat === false ? undefined : this.#createHeartbeat(heartbeat);
    this.exited = this.#watchExit();
    this.#heartbeat?.start();
  }

  /** The latest stats the worker reported in a `Pong`, if any. */
  get stats(): WorkerStats | undefined {
    return this.#stats;
  }

  /** Why the worker was (or is being) stopped, in words, if it was. */
  get stopReason(): string | undefined {
    return this.#stopReason?.reason;
  }

  /** Sends a `Ping` on the control channel; resolves with the round trip in ms. */
  ping(): Promise<number> {
    return new Promise((resolve, reject) => {
      const sentAtMs = this.#parts.clock.now();
      const seq = this.#sendPing();
      if (seq === undefined) {
        reject(new SnakepitError('WORKER_STOPPED', `Worker ${this.id} has no control channel`));
        return;
      }
      this.#pendingPings.set(seq, { sentAtMs, resolve });
    });
  }

  /** Counts a completed call as proof of life. */
  recordLife(): void {
    this.#heartbeat?.recordLife();
  }

  /**
   * Stops the worker with the kill ladder (`Shutdown` → SIGTERM → SIGKILL)
   * and resolves with its exit record. `reason` is the words beside the
   * cause (e.g. the recycle limit). Idempotent.
   */
  stop(cause: 'shutdown' | 'recycled' = 'shutdown', reason?: string): Promise<ExitRecord> {
    const { settings, channel } = this.#parts;
    return this.#stopWith(
      { cause, reason: reason ?? cause },
      {
        requestGraceful: () =>
          channel.send({ shutdown: { deadlineMs: settings.shutdownTimeoutMs } }),
        gracefulTimeoutMs: settings.shutdownTimeoutMs,
      },
    );
  }

  /**
   * Kills the worker without asking it first (SIGTERM → SIGKILL to its
   * group): `shutdown` when a stop has no time for the `Shutdown` rung,
   * `heartbeat_timeout` when it is hung, `killed` on request.
   */
  kill(
    cause: 'shutdown' | 'heartbeat_timeout' | 'killed',
    reason = cause.replaceAll('_', ' '),
  ): Promise<ExitRecord> {
    return this.#stopWith({ cause, reason }, {});
  }

  async #stopWith(
    why: { readonly cause: ExitCause; readonly reason: string },
    graceful: { requestGraceful?: () => void; gracefulTimeoutMs?: number },
  ): Promise<ExitRecord> {
    this.#stopReason ??= why;
    this.#heartbeat?.stop();
    await this.#parts.proc.stop({
      ...this.#stopReason,
      killAfterMs: this.#parts.settings.killAfterMs,
      ...graceful,
    });
    return this.exited;
  }

  #sendPing(): number | undefined {
    const seq = this.#nextSeq++;
    const sent = this.#parts.channel.send({
      ping: { seq, sentUnixMs: this.#parts.clock.wallNow() },
    });
    return sent ? seq : undefined;
  }

  #onFrame(frame: v1.ControlFrame): void {
    if (this.#parts.onOutput && relayedOutput(frame, this.#parts.onOutput)) return;
    if (frame.pong) this.#onPong(frame.pong);
    else if (frame.busy) this.#onBusy(frame.busy);
  }

  #onBusy(busy: v1.IBusy): void {
    const durationMs = busy.durationMs ?? 0;
    const untilUnixMs = busy.untilUnixMs ?? 0;
    // A worker older than `duration_ms` sends a wall-clock deadline only.
    if (durationMs === 0 && untilUnixMs > 0) this.#heartbeat?.busyUntil(untilUnixMs);
    else this.#heartbeat?.busyFor(durationMs);
  }

  #onPong(pong: v1.IPong): void {
    const seq = pong.seq ?? 0;
    const nowMs = this.#parts.clock.now();
    const stats = pong.stats;
    this.#stats = {
      rssBytes: stats?.rssBytes ?? 0,
      cpuTimeUs: stats?.cpuTimeUs ?? 0,
      inFlight: stats?.inFlight ?? 0,
      completed: stats?.completed ?? 0,
      atMs: nowMs,
    };
    this.#heartbeat?.pong(seq);
    const pending = this.#pendingPings.get(seq);
    if (!pending) return;
    this.#pendingPings.delete(seq);
    pending.resolve(nowMs - pending.sentAtMs);
  }

  #eventBase() {
    return {
      workerId: this.id,
      runId: this.runId,
      ...(this.#parts.poolId === undefined ? {} : { poolId: this.#parts.poolId }),
      pid: this.pid,
      timestampMs: this.#parts.clock.wallNow(),
    };
  }

  #createHeartbeat(options: ResolvedHeartbeatOptions): HeartbeatMonitor {
    const { bus, clock } = this.#parts;
    return new HeartbeatMonitor(options, clock, {
      sendPing: () => {
        const seq = this.#sendPing();
        if (seq !== undefined && bus.hasListeners('snakepit.worker.heartbeat.sent')) {
          bus.emit('snakepit.worker.heartbeat.sent', { ...this.#eventBase(), seq });
        }
        return seq;
      },
      onReceived: (seq, latencyMs) => {
        if (bus.hasListeners('snakepit.worker.heartbeat.received')) {
          const { rssBytes = 0, inFlight = 0 } = this.#stats ?? {};
          bus.emit('snakepit.worker.heartbeat.received', {
            ...this.#eventBase(),
            ...{ seq, latencyMs, rssBytes, inFlight },
          });
        }
      },
      onMissed: (seq, missed) =>
        bus.emit('snakepit.worker.heartbeat.timeout', { ...this.#eventBase(), seq, missed }),
      // A hung worker cannot honour a Shutdown frame: skip that rung.
      onHung: () => void this.kill('heartbeat_timeout'),
    });
  }

  async #watchExit(): Promise<ExitRecord> {
    const { proc, bus, channel } = this.#parts;
    await proc.exited;
    this.#heartbeat?.stop();
    channel.close();
    const record =
      this.#stopReason === undefined
        ? await proc.exitRecord('crashed')
        : await proc.stop(this.#stopReason);
    const base = this.#eventBase();
    bus.emit('snakepit.worker.process.terminated', { ...base, exit: record });
    bus.emit('snakepit.worker.cleanup.completed', {
      ...base,
      durationMs: record.cleanupMs,
      method: record.method,
    });
    return record;
  }
}
