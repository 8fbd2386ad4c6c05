/** Heartbeat settings after validation (see `heartbeatOptionsSchema`). */
export interface ResolvedHeartbeatOptions {
  /** Time between two pings. */
  readonly intervalMs: number;
  /** A ping not answered within this is a miss. */
  readonly timeoutMs: number;
  /** Consecutive misses that make a worker hung. */
  readonly maxMissed: number;
}

/**
 * The longest a hung worker goes undetected: the last ping before the hang
 * may have just been answered, then `maxMissed` pings time out.
 */
export function detectionBudgetMs(options: ResolvedHeartbeatOptions): number {
  return options.intervalMs * options.maxMissed + options.timeoutMs;
}

/**
 * How long Python waits without a `Ping` before it exits by itself: long
 * enough that the owner's own verdict (and a GC pause) comes first, short
 * enough that a worker whose owner froze does not linger.
 */
export function selfTerminationWindowMs(heartbeat: ResolvedHeartbeatOptions | false): number {
  return heartbeat === false ? 0 : Math.max(10_000, 3 * detectionBudgetMs(heartbeat));
}
