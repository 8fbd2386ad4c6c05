import type { ActorRef } from '@snakepit/actors';
import type { Clock, ExecuteOutcome, PoolWorkerState } from '@snakepit/core';
import { createDataPlaneClient } from '../client/createDataPlaneClient.js';
import type { DataPlaneClient } from '../client/DataPlaneClient.js';
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

/** What a {@link WorkerSlot} is built with. */
export interface WorkerSlotSettings {
  readonly clock: Clock;
  /** Calls one worker runs at once. */
  readonly concurrency: number;
  /** How long a replaced process's client stays open for its calls in flight, ms. */
  readonly drainMs: number;
  /** Whether Pongs come (`heartbeat` not `false`): only they can free an abandoned call. */
  readonly hasHeartbeat: boolean;
  readonly maxPayloadBytes?: number | undefined;
  /** Told every state change, after it happened. */
  readonly onState: (slot: WorkerSlot, from: PoolWorkerState) => void;
}

/**
 * The main-thread side of one pool worker: its state, its gRPC client and
 * its calls in flight. The process itself is owned by the worker actor.
 *
 * The slot is the one owner of this state: the child spec, the router, the
 * pool and the worker's private signals (see `workerSignals`) each tell it
 * what happened through an intent method, and read it through getters.
 */
export class WorkerSlot {
  readonly id: string;
  readonly #settings: WorkerSlotSettings;
  #state: PoolWorkerState = 'stopped';
  #pid: number | undefined;
  #client: DataPlaneClient | undefined;
  #actor: ActorRef<WorkerActor> | undefined;
  #inFlight = 0;
  #starts = 0;
  #failedStarts = 0;
  #readyAtMs: number | undefined;
  #lastPongAtMs: number | undefined;
  #callsCompleted = 0;
  #transportFailuresInARow = 0;
  #abandoned = 0;
  /** A miss was reported and no Pong or told call has cleared it since. */
  #hasMissSinceLife = false;
  #rssBytes: number | undefined;
  #isRecycling = false;
  #recycleRequestedAtMs: number | undefined;
  #token: string | undefined;
  #onReady: (() => void) | undefined;

  /** An empty (`stopped`) slot named `id`. */
  constructor(id: string, settings: WorkerSlotSettings) {
    this.id = id;
    this.#settings = settings;
  }

  /** The slot's state. */
  get state(): PoolWorkerState {
    return this.#state;
  }

  /** The current process's pid, once ready. */
  get pid(): number | undefined {
    return this.#pid;
  }

  /** The data-plane client of the current process, once ready. */
  get client(): DataPlaneClient | undefined {
    return this.#client;
  }

  /** The worker actor that owns the current process, while it lives. */
  get actor(): ActorRef<WorkerActor> | undefined {
    return this.#actor;
  }

  /** Calls claimed on this slot (abandoned ones included). */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** Starts that failed since the slot's process was last ready. */
  get failedStarts(): number {
    return this.#failedStarts;
  }

  /** When the current process became ready (clock ms). */
  get readyAtMs(): number | undefined {
    return this.#readyAtMs;
  }

  /** Calls completed by the current process. */
  get callsCompleted(): number {
    return this.#callsCompleted;
  }

  /**
   * Calls in a row whose transport failed (`WORKER_CRASHED`) while the
   * current process lived on: its data plane is broken, whatever its heartbeat says.
   */
  get transportFailuresInARow(): number {
    return this.#transportFailuresInARow;
  }

  /**
   * Calls of `inFlight` whose caller gave up (timeout, abort) while Python
   * runs on: they hold their capacity until a Pong shows them finished.
   */
  get abandoned(): number {
    return this.#abandoned;
  }

  /** Resident memory of the current process, from its latest Pong. */
  get rssBytes(): number | undefined {
    return this.#rssBytes;
  }

  /** A replacement process is being started (see recycling). */
  get isRecycling(): boolean {
    return this.#isRecycling;
  }

  /** When the pending recycle was asked for (clock ms). */
  get recycleRequestedAtMs(): number | undefined {
    return this.#recycleRequestedAtMs;
  }

  /** Identity token of the slot's current process (as in the run registry). */
  get token(): string | undefined {
    return this.#token;
  }

  /** Whether a process is due to answer Ready: a (re)start or a recycle is under way. */
  get isAwaitingProcess(): boolean {
    return this.#state === 'starting' || this.#isRecycling;
  }

  /** The supervisor starts a process for this slot, registered with `token`. */
  starting(token: string): void {
    this.#token = token;
    this.#starts++;
    this.#setState('starting');
  }

  /** The worker actor exists; `onReady` is called once, when its process is ready. */
  spawned(actor: ActorRef<WorkerActor>, onReady: () => void): void {
    this.#actor = actor;
    this.#onReady = onReady;
  }

  /**
   * A process answered Ready at `grpcAddress` (or, serving the framed
   * transport, at `dataAddress`): the first after a (re)start,
   * or a recycled replacement, whose predecessor keeps its client until its
   * calls in flight have had `drainMs` to finish. Ignored (false) when the
   * slot expects no process.
   */
  ready(pid: number, grpcAddress: string, dataAddress = ''): boolean {
    if (!this.isAwaitingProcess) return false;
    const previous = this.#client;
    // A new process: the old one's abandoned calls are not running here.
    this.#forgetAbandoned();
    if (previous) this.#settings.clock.setTimeout(() => previous.close(), this.#settings.drainMs);
    this.#pid = pid;
    this.#client = createDataPlaneClient(
      this.id,
      { grpcAddress, dataAddress },
      this.#settings.maxPayloadBytes,
    );
    this.#callsCompleted = 0;
    this.#transportFailuresInARow = 0;
    this.#rssBytes = undefined;
    this.#isRecycling = false;
    const onReady = this.#onReady;
    this.#onReady = undefined;
    onReady?.();
    this.#readyAtMs = this.#settings.clock.now();
    this.#failedStarts = 0;
    this.#lastPongAtMs = this.#readyAtMs;
    this.#setState(this.#inFlight >= 1 && this.#state === 'busy' ? 'busy' : 'ready');
    return true;
  }

  /**
   * A Pong: the process is alive, uses `rssBytes` and runs `workerInFlight`
   * calls. Returns how many abandoned calls it shows finished, whose
   * capacity the caller must release.
   */
  pong(rssBytes: number, workerInFlight: number | undefined): number {
    this.#lastPongAtMs = this.#settings.clock.now();
    this.#hasMissSinceLife = false;
    this.#rssBytes = rssBytes;
    if (this.#state === 'unhealthy') this.#setState(this.#inFlight > 0 ? 'busy' : 'ready');
    if (workerInFlight === undefined) return 0;
    // Of the `workerInFlight` calls Python runs, `inFlight - abandoned` are live ones.
    const stillRunning = Math.max(0, workerInFlight - (this.#inFlight - this.#abandoned));
    const finished = Math.max(0, this.#abandoned - stillRunning);
    this.#abandoned -= finished;
    return finished;
  }

  /** A Ping went unanswered: route no calls here until a Pong. */
  heartbeatMissed(): void {
    this.#hasMissSinceLife = true;
    if (this.#state === 'ready' || this.#state === 'busy') this.#setState('unhealthy');
  }

  /** Takes the capacity of one call (the router picked this slot). */
  claim(): void {
    this.#inFlight++;
    if (this.#inFlight >= this.#settings.concurrency) this.#setState('busy');
  }

  /** Gives back the capacity of one call. */
  release(): void {
    this.#inFlight = Math.max(0, this.#inFlight - 1);
    if (this.#state === 'busy' && this.#inFlight < this.#settings.concurrency) {
      this.#setState('ready');
    }
  }

  /**
   * A call's transport failed (`WORKER_CRASHED`) before the actor noticed a
   * death: stop routing here (a Pong brings the slot back if the worker is in
   * fact alive; a few in a row have it replaced, see `recycleReason`).
   */
  transportFailed(): void {
    this.#transportFailuresInARow++;
    if (this.#state === 'ready' || this.#state === 'busy') this.#setState('unhealthy');
  }

  /**
   * A call claimed here ended with `outcome`. Returns whether its capacity is
   * free now; false for a call the caller gave up on while Python runs it
   * (it is abandoned until a Pong shows it finished, see {@link pong}).
   */
  callEnded(outcome: ExecuteOutcome): boolean {
    // A call's answer clears the actor's count of misses. Told only when there is
    // one to clear: a message to the actor's thread per call was 4 % of the
    // main thread's time in a framed echo profile.
    if (outcome === 'ok' && this.#hasMissSinceLife) {
      this.#hasMissSinceLife = false;
      this.#actor?.tell('recordLife');
    }
    // The data plane answered (a Python error is an answer too).
    if (outcome === 'ok' || outcome === 'error') this.#transportFailuresInARow = 0;
    this.#callsCompleted++;
    // Without heartbeats no Pong would ever say an abandoned call finished.
    const isAbandoned = outcome === 'timeout' || outcome === 'aborted';
    if (!isAbandoned || this.#state === 'stopped' || !this.#settings.hasHeartbeat) return true;
    this.#abandoned++;
    return false;
  }

  /** The pool asked the actor, at `atMs`, to replace the process. */
  recycleRequested(atMs: number): void {
    this.#isRecycling = true;
    this.#recycleRequestedAtMs = atMs;
  }

  /**
   * The worker actor ended (or could not be created), with `error` unless it
   * stopped normally. An error before the process was ready is a failed start.
   */
  exited(error?: Error): void {
    if (error && this.#readyAtMs === undefined) this.#failedStarts++;
    this.#forgetAbandoned();
    this.#client?.close();
    this.#client = undefined;
    this.#actor = undefined;
    this.#onReady = undefined;
    this.#pid = undefined;
    this.#readyAtMs = undefined;
    this.#isRecycling = false;
    this.#setState('stopped');
  }

  /** A snapshot for `Pool.stats()`. */
  view(): WorkerSlotView {
    const now = this.#settings.clock.now();
    return {
      id: this.id,
      pid: this.#pid,
      state: this.#state,
      restarts: Math.max(0, this.#starts - 1),
      inFlight: this.#inFlight,
      lastHeartbeatMs: this.#lastPongAtMs === undefined ? undefined : now - this.#lastPongAtMs,
      uptimeMs: this.#readyAtMs === undefined ? undefined : now - this.#readyAtMs,
    };
  }

  #forgetAbandoned(): void {
    this.#inFlight = Math.max(0, this.#inFlight - this.#abandoned);
    this.#abandoned = 0;
  }

  #setState(to: PoolWorkerState): void {
    if (this.#state === to) return;
    const from = this.#state;
    this.#state = to;
    this.#settings.onState(this, from);
  }
}
