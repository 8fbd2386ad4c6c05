/** A handle returned by {@link Clock.setTimeout}. */
export interface TimerHandle {
  /** Stops the timer if it has not fired yet; a no-op otherwise. */
  cancel(): void;
}

/**
 * Time as Snakepit sees it. Inject a {@link ManualClock} in tests of
 * deadlines, backoff and heartbeats instead of sleeping.
 */
export interface Clock {
  /** Monotonic milliseconds, for durations. */
  now(): number;
  /** Wall-clock Unix milliseconds, for timestamps sent across processes. */
  wallNow(): number;
  /**
   * Calls `callback` once, `delayMs` milliseconds from now. The real clock's
   * timers are unref'd: they do not keep the process alive.
   */
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
}

/** The real clock: `performance.now()` and Node timers (unref'd). */
export const realClock: Clock = {
  now: () => performance.now(),
  wallNow: () => Date.now(),
  setTimeout(callback, delayMs) {
    const timer = setTimeout(callback, delayMs);
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};
