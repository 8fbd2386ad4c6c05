import { z } from 'zod';
import type { ResolvedHeartbeatOptions } from './detectionBudget.js';
import type { AssignableTo } from '../options/AssignableTo.js';

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

/**
 * Heartbeat settings, as users write them: a miss is a `Ping` without a
 * `Pong` within `timeoutMs`; `maxMissed` misses in a row make a worker hung,
 * so a hang is detected within `intervalMs × maxMissed + timeoutMs`
 * (`detectionBudgetMs`). An option set to `undefined` takes its default.
 */
export interface HeartbeatOptions {
  /**
   * Time between two pings, in ms (100–60000).
   * @default 2000
   */
  readonly intervalMs?: number | undefined;
  /**
   * A ping not answered within this is a miss, in ms (50–300000).
   * @default 1000
   */
  readonly timeoutMs?: number | undefined;
  /**
   * Consecutive misses that make a worker hung (1–100).
   * @default 3
   */
  readonly maxMissed?: number | undefined;
}

// The interface documents what the schema accepts: neither may drift.
type Input = z.input<typeof heartbeatOptionsSchema>;
type _SchemaAcceptsInterface = AssignableTo<HeartbeatOptions, Input>;
type _InterfaceAcceptsSchema = AssignableTo<Input, HeartbeatOptions>;
type _SameKeysA = AssignableTo<keyof HeartbeatOptions, keyof Input>;
type _SameKeysB = AssignableTo<keyof Input, keyof HeartbeatOptions>;

export type { ResolvedHeartbeatOptions } from './detectionBudget.js';

/** The defaults: a ping every 2 s, a miss after 1 s, hung after 3 misses in a row (≤ 7 s). */
export const DEFAULT_HEARTBEAT_OPTIONS: ResolvedHeartbeatOptions = heartbeatOptionsSchema.parse({});
