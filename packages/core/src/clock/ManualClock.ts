import type { Clock, TimerHandle } from './Clock.js';

interface PendingTimer {
  readonly id: number;
  readonly dueMs: number;
  readonly callback: () => void;
}

/** A clock that moves only when told to, for deterministic tests. */
export class ManualClock implements Clock {
  #nowMs: number;
  #wallOffsetMs: number;
  #nextId = 0;
  #timers: PendingTimer[] = [];

  /**
   * Creates a clock whose `now()` starts at `startMs` (default 0) and whose
   * `wallNow()` starts at `wallStartMs` (Unix ms, default 1_700_000_000_000,
   * in November 2023). Time moves only with {@link ManualClock.advance}.
   */
  constructor(startMs = 0, wallStartMs = 1_700_000_000_000) {
    this.#nowMs = startMs;
    this.#wallOffsetMs = wallStartMs - startMs;
  }

  now(): number {
    return this.#nowMs;
  }

  wallNow(): number {
    return this.#nowMs + this.#wallOffsetMs;
  }

  /**
   * Schedules `callback` to fire once {@link ManualClock.advance} reaches
   * `delayMs` milliseconds from now (a negative delay counts as 0); it never
   * fires by itself.
   */
  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const timer = { id: this.#nextId++, dueMs: this.#nowMs + Math.max(0, delayMs), callback };
    this.#timers.push(timer);
    return { cancel: () => (this.#timers = this.#timers.filter((t) => t !== timer)) };
  }

  /** Number of timers not yet fired or cancelled. */
  get pendingTimers(): number {
    return this.#timers.length;
  }

  /** Moves time forward by `ms`, firing due timers in order (ties by creation). */
  advance(ms: number): void {
    const targetMs = this.#nowMs + ms;
    for (;;) {
      const next = this.#earliestDue(targetMs);
      if (next === undefined) break;
      this.#timers = this.#timers.filter((t) => t !== next);
      this.#nowMs = next.dueMs;
      next.callback();
    }
    this.#nowMs = targetMs;
  }

  #earliestDue(limitMs: number): PendingTimer | undefined {
    let best: PendingTimer | undefined;
    for (const timer of this.#timers) {
      if (timer.dueMs > limitMs) continue;
      if (!best || timer.dueMs < best.dueMs || (timer.dueMs === best.dueMs && timer.id < best.id)) {
        best = timer;
      }
    }
    return best;
  }
}
