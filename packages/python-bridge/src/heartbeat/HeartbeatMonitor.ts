import type { Clock, TimerHandle } from '@snakepit/core/runtime';
import type { ResolvedHeartbeatOptions } from './detectionBudget.js';

/** What a {@link HeartbeatMonitor} reports. */
export interface HeartbeatHandlers {
  /** Sends a `Ping`; returns its sequence number, or `undefined` if it could not be sent. */
  sendPing(): number | undefined;
  /** Called when the `Pong` of ping `seq` arrives in time, with the round trip in ms. */
  onReceived?(seq: number, latencyMs: number): void;
  /** Called when ping `seq` counts as a miss, with the misses in a row so far. */
  onMissed?(seq: number, consecutiveMisses: number): void;
  /** Called once when `maxMissed` consecutive pings went unanswered. */
  onHung(consecutiveMisses: number): void;
}

/**
 * Judges one worker's liveness by Ping/Pong. A ping unanswered within
 * `timeoutMs` is a miss; `maxMissed` consecutive misses make the worker hung
 * (a single slow ping never does). A `Busy` suspends the verdict: a miss
 * before its end does not count. Any sign of life (a Pong, a completed call)
 * clears the count. All timing goes through the injected clock, and deadlines
 * on its monotonic `now()`: a wall-clock step never moves them.
 */
export class HeartbeatMonitor {
  readonly #options: ResolvedHeartbeatOptions;
  readonly #clock: Clock;
  readonly #handlers: HeartbeatHandlers;
  readonly #inFlight = new Map<number, { sentAtMs: number; timer: TimerHandle }>();
  #misses = 0;
  /** End of the latest `Busy` on the monotonic clock; `undefined` when none. */
  #busyUntilMs: number | undefined;
  #tick: TimerHandle | undefined;
  #isStopped = true;
  #isHung = false;

  /** Creates a stopped monitor; {@link HeartbeatMonitor.start} sends the first ping. */
  constructor(options: ResolvedHeartbeatOptions, clock: Clock, handlers: HeartbeatHandlers) {
    this.#options = options;
    this.#clock = clock;
    this.#handlers = handlers;
  }

  /** Consecutive misses so far. */
  get consecutiveMisses(): number {
    return this.#misses;
  }

  /** Starts pinging: the first ping goes out at once. */
  start(): void {
    if (!this.#isStopped) return;
    this.#isStopped = false;
    this.#ping();
  }

  /** Stops pinging and forgets pings in flight. */
  stop(): void {
    this.#isStopped = true;
    this.#tick?.cancel();
    for (const { timer } of this.#inFlight.values()) timer.cancel();
    this.#inFlight.clear();
  }

  /** Feeds a `Pong` (of any ping: all are proof of life). */
  pong(seq: number): void {
    this.#misses = 0;
    const pending = this.#inFlight.get(seq);
    if (!pending) return;
    pending.timer.cancel();
    this.#inFlight.delete(seq);
    this.#handlers.onReceived?.(seq, this.#clock.now() - pending.sentAtMs);
  }

  /**
   * Feeds a `Busy`: misses in the next `durationMs` milliseconds, measured on
   * the clock's monotonic `now()`, do not count. `0` clears an earlier `Busy`.
   */
  busyFor(durationMs: number): void {
    this.#busyUntilMs = durationMs > 0 ? this.#clock.now() + durationMs : undefined;
  }

  /**
   * Feeds a `Busy` that carries only a wall-clock deadline (a worker older than
   * `Busy.duration_ms`): it becomes a duration once, on arrival, so that a
   * later wall-clock step does not move it. `0` clears.
   *
   * @deprecated Use {@link HeartbeatMonitor.busyFor}: this compares two
   * processes' wall clocks, which need not agree.
   */
  busyUntil(untilWallMs: number): void {
    this.busyFor(untilWallMs > 0 ? Math.max(0, untilWallMs - this.#clock.wallNow()) : 0);
  }

  /** Another proof of life, e.g. a completed call. */
  recordLife(): void {
    this.#misses = 0;
  }

  #ping(): void {
    if (this.#isStopped) return;
    const seq = this.#handlers.sendPing();
    if (seq !== undefined) {
      const timer = this.#clock.setTimeout(() => this.#onTimeout(seq), this.#options.timeoutMs);
      this.#inFlight.set(seq, { sentAtMs: this.#clock.now(), timer });
    }
    this.#tick = this.#clock.setTimeout(() => this.#ping(), this.#options.intervalMs);
  }

  #onTimeout(seq: number): void {
    this.#inFlight.delete(seq);
    if (this.#isStopped || this.#isHung) return;
    if (this.#busyUntilMs !== undefined && this.#clock.now() < this.#busyUntilMs) return;
    this.#misses++;
    this.#handlers.onMissed?.(seq, this.#misses);
    if (this.#misses >= this.#options.maxMissed) {
      this.#isHung = true;
      this.stop();
      this.#handlers.onHung(this.#misses);
    }
  }
}
