import { z } from 'zod';
import type { ResolvedHeartbeatOptions } from './detectionBudget.js';

/** Validation schema of {@link HeartbeatOptions}; the defaults live here. */
export const heartbeatOptionsSchema = z
  .object({
    /** Time between two pings. @default 2000 */
    intervalMs: z.number().int().min(100).max(60_000).default(2_000),
    /**
     * A ping not answered within this is a miss. A Pong takes well under a
     * millisecond; 1 s leaves room for a saturated machine while keeping the
     * worst-case detection (2 s × 3 + 1 s = 7 s) well inside the brief's 10 s.
     * @default 1000
     */
    timeoutMs: z.number().int().min(50).max(300_000).default(1_000),
    /** Consecutive misses that make a worker hung. @default 3 */
    maxMissed: z.number().int().min(1).max(100).default(3),
  })
  .strict();

/** Heartbeat settings, as users write them. */
export type HeartbeatOptions = z.input<typeof heartbeatOptionsSchema>;

export type { ResolvedHeartbeatOptions } from './detectionBudget.js';

/** The defaults: a ping every 2 s, a miss after 1 s, hung after 3 misses in a row (≤ 7 s). */
export const DEFAULT_HEARTBEAT_OPTIONS: ResolvedHeartbeatOptions = heartbeatOptionsSchema.parse({});
