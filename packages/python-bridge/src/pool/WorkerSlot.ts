import type { ActorRef } from '@snakepit/actors';
import type { Clock } from '@snakepit/core';
import { WorkerClient } from '../client/WorkerClient.js';
import type { PoolWorkerState } from './PoolEvents.js';
import type { WorkerActor } from './workerActor.js';

/** One worker as the pool sees it, per slot `w1…wN`; it outlives restarts. */
export interface WorkerSlotView {
  readonly id: string;
  readonly pid: number | undefined;
  readonly state: PoolWorkerState;
  /** Restarts of this slot so far. */
  readonly restarts: number;
  readonly inFlight: number;
  /** Time since the last Pong, ms; `undefined` before the first. */
  readonly lastHeartbeatMs: number | undefined;
  /** Time since the current process became ready, ms. */
  readonly uptimeMs: number | undefined;
}

/**
 * The main-thread side of one pool worker: its state, its gRPC client and
 * its calls in flight. The process itself is owned by the worker actor.
 */
export class WorkerSlot {
  readonly id: string;
  state: PoolWorkerState = 'stopped';
  pid: number | undefined;
  client: WorkerClient | undefined;
  actor: ActorRef<WorkerActor> | undefined;
  inFlight = 0;
  starts = 0;
  /** Starts that failed since the slot's process was last ready. */
  failedStarts = 0;
  readyAtMs: number | undefined;
  lastPongAtMs: number | undefined;
  /** Calls completed by the current process. */
  callsCompleted = 0;
  /**
   * Calls in a row whose transport failed (`WORKER_CRASHED`) while the
   * current process lived on: its data plane is broken, whatever its heartbeat says.
   */
  transportFailuresInARow = 0;
  /**
   * Calls of `inFlight` whose caller gave up (timeout, abort) while Python
   * runs on: they hold their capacity until a Pong shows them finished.
   */
  abandoned = 0;
  /** Resident memory of the current process, from its latest Pong. */
  rssBytes: number | undefined;
  /** A replacement process is being started (see recycling). */
  isRecycling = false;
  recycleRequestedAtMs: number | undefined;
  /** Identity token of the slot's current process (as in the run registry). */
  token: string | undefined;
  /** Called once when the current process becomes ready (frees its start permit). */
  onReady: (() => void) | undefined;
  readonly #clock: Clock;
  readonly #onState: (slot: WorkerSlot, from: PoolWorkerState) => void;

  readonly #maxPayloadBytes: number | undefined;

  constructor(
    id: string,
    clock: Clock,
    onState: (slot: WorkerSlot, from: PoolWorkerState) => void,
    maxPayloadBytes?: number,
  ) {
    this.id = id;
    this.#maxPayloadBytes = maxPayloadBytes;
    this.#clock = clock;
    this.#onState = onState;
  }

  /** Whether a call may be routed here now. */
  canTake(concurrency: number): boolean {
    return (this.state === 'ready' || this.state === 'busy') && this.inFlight < concurrency;
  }

  setState(to: PoolWorkerState): void {
    if (this.state === to) return;
    const from = this.state;
    this.state = to;
    this.#onState(this, from);
  }

  /**
   * A process answered Ready at `grpcAddress`: the first after a (re)start,
   * or a recycled replacement, whose predecessor keeps its client until its
   * calls in flight have had `drainMs` to finish.
   */
  becomeReady(pid: number, grpcAddress: string, drainMs: number): void {
    const previous = this.client;
    // A new process: the old one's abandoned calls are not running here.
    this.inFlight = Math.max(0, this.inFlight - this.abandoned);
    this.abandoned = 0;
    if (previous) this.#clock.setTimeout(() => previous.close(), drainMs);
    this.pid = pid;
    this.client = new WorkerClient(this.id, grpcAddress, this.#maxPayloadBytes);
    this.callsCompleted = 0;
    this.transportFailuresInARow = 0;
    this.rssBytes = undefined;
    this.isRecycling = false;
    this.onReady?.();
    this.onReady = undefined;
    this.readyAtMs = this.#clock.now();
    this.failedStarts = 0;
    this.lastPongAtMs = this.readyAtMs;
    this.setState(this.inFlight >= 1 && this.state === 'busy' ? 'busy' : 'ready');
  }

  /**
   * How many abandoned calls a Pong shows finished: the worker ran
   * `workerInFlight` calls, of which `inFlight - abandoned` are live ones.
   */
  abandonedFinished(workerInFlight: number): number {
    const stillRunning = Math.max(0, workerInFlight - (this.inFlight - this.abandoned));
    const finished = Math.max(0, this.abandoned - stillRunning);
    this.abandoned -= finished;
    return finished;
  }

  /** The process (or its actor) ended. */
  becomeStopped(): void {
    this.inFlight = Math.max(0, this.inFlight - this.abandoned);
    this.abandoned = 0;
    this.client?.close();
    this.client = undefined;
    this.actor = undefined;
    this.pid = undefined;
    this.readyAtMs = undefined;
    this.isRecycling = false;
    this.setState('stopped');
  }

  view(): WorkerSlotView {
    const now = this.#clock.now();
    return {
      id: this.id,
      pid: this.pid,
      state: this.state,
      restarts: Math.max(0, this.starts - 1),
      inFlight: this.inFlight,
      lastHeartbeatMs: this.lastPongAtMs === undefined ? undefined : now - this.lastPongAtMs,
      uptimeMs: this.readyAtMs === undefined ? undefined : now - this.readyAtMs,
    };
  }
}
