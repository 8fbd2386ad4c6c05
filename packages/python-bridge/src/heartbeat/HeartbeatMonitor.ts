import type { Clock } from '@snakepit/core/runtime';
import type { ResolvedHeartbeatOptions } from './detectionBudget.js';
import { HeartbeatTicker } from './HeartbeatTicker.js';
import type { TickerMember } from './HeartbeatTicker.js';

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
 *
 * Monitors on one clock with the same interval and timeout are pinged
 * together by a shared {@link HeartbeatTicker}: two timers per thread, not
 * two per worker.
 */
export class HeartbeatMonitor {
  readonly #options: ResolvedHeartbeatOptions;
  readonly #clock: Clock;
  readonly #handlers: HeartbeatHandlers;
  readonly #ticker: HeartbeatTicker;
  readonly #member: TickerMember;
  /** Send time (monotonic ms) of each ping not yet answered nor judged, by sequence number. */
  readonly #inFlight = new Map<number, number>();
  #misses = 0;
  /** End of the latest `Busy` on the monotonic clock; `undefined` when none. */
  #busyUntilMs: number | undefined;
  #isStopped = true;
  #isHung = false;

  /** Creates a stopped monitor; {@link HeartbeatMonitor.start} sends the first ping. */
  constructor(options: ResolvedHeartbeatOptions, clock: Clock, handlers: HeartbeatHandlers) {
    this.#options = options;
    this.#clock = clock;
    this.#handlers = handlers;
    this.#ticker = HeartbeatTicker.for(clock, options.intervalMs, options.timeoutMs);
    this.#member = {
      ping: () => this.#ping(),
      checkTimeouts: (nowMs) => this.#checkTimeouts(nowMs),
    };
  }

  /** Consecutive misses so far. */
  get consecutiveMisses(): number {
    return this.#misses;
  }

  /** Starts pinging: the first ping goes out at once. */
  start(): void {
    if (!this.#isStopped) return;
    this.#isStopped = false;
    this.#ticker.join(this.#member);
  }

  /** Stops pinging and forgets pings in flight. */
  stop(): void {
    this.#isStopped = true;
    this.#ticker.leave(this.#member);
    this.#inFlight.clear();
  }

  /** Feeds a `Pong` (of any ping: all are proof of life). */
  pong(seq: number): void {
    this.#misses = 0;
    const sentAtMs = this.#inFlight.get(seq);
    if (sentAtMs === undefined) return;
    this.#inFlight.delete(seq);
    this.#handlers.onReceived?.(seq, this.#clock.now() - sentAtMs);
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

  #ping(): boolean {
    if (this.#isStopped) return false;
    const seq = this.#handlers.sendPing();
    if (seq === undefined) return false;
    this.#inFlight.set(seq, this.#clock.now());
    return true;
  }

  #checkTimeouts(nowMs: number): void {
    // In send order (a Map keeps insertion order): the oldest is judged first.
    for (const [seq, sentAtMs] of this.#inFlight) {
      if (sentAtMs + this.#options.timeoutMs > nowMs) return;
      this.#inFlight.delete(seq);
      this.#onTimeout(seq);
    }
  }

  #onTimeout(seq: number): void {
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
