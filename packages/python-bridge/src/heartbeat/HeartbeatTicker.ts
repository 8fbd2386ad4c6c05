import type { Clock, TimerHandle } from '@snakepit/core/runtime';

/** What a {@link HeartbeatTicker} drives: one worker's heartbeat. */
export interface TickerMember {
  /** Sends this member's next `Ping` now; returns whether one went out. */
  ping(): boolean;
  /** Counts the member's pings unanswered for `timeoutMs` at `nowMs` as misses. */
  checkTimeouts(nowMs: number): void;
}

/**
 * Drives the heartbeats of every worker on one clock (one thread: each thread
 * has its own real clock) that share an interval and a timeout: one timer
 * pings them all in one wake-up, and one timer per ping round judges the
 * answers, instead of two timers per worker per interval
 * (`docs/adr/0004-heartbeat-cost.md#batched-heartbeats-issue-18-item-6`).
 *
 * A member that joins pings at once and is then pinged with the others, so
 * the gap between two of its pings never exceeds `intervalMs`: the detection
 * budget (`detectionBudgetMs`) holds. A round is judged `timeoutMs` after
 * its last ping went out: never before any of its pings is `timeoutMs` old
 * (a Pong in time is never a miss), and later only by the round's own
 * sending time (a few ms for 100 workers).
 */
export class HeartbeatTicker {
  readonly #clock: Clock;
  readonly #intervalMs: number;
  readonly #timeoutMs: number;
  readonly #members = new Set<TickerMember>();
  /** When to judge pings, ascending: ping times only grow on a monotonic clock. */
  readonly #checksDueMs: number[] = [];
  #tick: TimerHandle | undefined;
  #check: TimerHandle | undefined;

  /** The ticker of `clock` for these settings, created on first use. */
  static for(clock: Clock, intervalMs: number, timeoutMs: number): HeartbeatTicker {
    let byKey = tickers.get(clock);
    if (!byKey) tickers.set(clock, (byKey = new Map<string, HeartbeatTicker>()));
    const key = `${intervalMs}/${timeoutMs}`;
    let ticker = byKey.get(key);
    if (!ticker) byKey.set(key, (ticker = new HeartbeatTicker(clock, intervalMs, timeoutMs)));
    return ticker;
  }

  private constructor(clock: Clock, intervalMs: number, timeoutMs: number) {
    this.#clock = clock;
    this.#intervalMs = intervalMs;
    this.#timeoutMs = timeoutMs;
  }

  /** Adds `member` and sends its first ping at once. */
  join(member: TickerMember): void {
    if (this.#members.has(member)) return;
    this.#members.add(member);
    this.#tick ??= this.#clock.setTimeout(() => this.#onTick(), this.#intervalMs);
    if (member.ping()) this.#checkAt(this.#clock.now() + this.#timeoutMs);
  }

  /** Removes `member`; the last one out stops the timers. */
  leave(member: TickerMember): void {
    if (!this.#members.delete(member) || this.#members.size > 0) return;
    this.#tick?.cancel();
    this.#check?.cancel();
    this.#tick = this.#check = undefined;
    this.#checksDueMs.length = 0;
  }

  #onTick(): void {
    // Armed before the round, so that the round's own time does not stretch the interval.
    this.#tick = this.#clock.setTimeout(() => this.#onTick(), this.#intervalMs);
    // A copy: a member's handler may stop (leave) or start (join) others.
    let isAnySent = false;
    for (const member of [...this.#members]) {
      if (this.#members.has(member) && member.ping()) isAnySent = true;
    }
    if (this.#members.size === 0) return;
    // Judged once the last of this round is `timeoutMs` old: none is judged early.
    if (isAnySent) this.#checkAt(this.#clock.now() + this.#timeoutMs);
  }

  #checkAt(dueMs: number): void {
    if (this.#checksDueMs.at(-1) === dueMs) return;
    this.#checksDueMs.push(dueMs);
    this.#armCheck();
  }

  #armCheck(): void {
    const dueMs = this.#checksDueMs[0];
    if (dueMs === undefined || this.#check) return;
    this.#check = this.#clock.setTimeout(
      () => this.#onCheck(),
      Math.max(0, dueMs - this.#clock.now()),
    );
  }

  #onCheck(): void {
    this.#check = undefined;
    const nowMs = this.#clock.now();
    // A timer may fire a fraction of a millisecond early: then it is re-armed.
    while ((this.#checksDueMs[0] ?? Infinity) <= nowMs) this.#checksDueMs.shift();
    for (const member of [...this.#members]) {
      if (this.#members.has(member)) member.checkTimeouts(nowMs);
    }
    this.#armCheck();
  }
}

const tickers = new WeakMap<Clock, Map<string, HeartbeatTicker>>();
