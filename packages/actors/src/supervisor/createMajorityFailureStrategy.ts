import { isNormalExit } from '../exit/ExitReason.js';
import { invalidOption } from '@snakepit/core';
import type { RestartStrategy } from './RestartStrategy.js';
import { oneForOne } from './strategies.js';

/** Options of {@link createMajorityFailureStrategy}. */
export interface MajorityFailureStrategyOptions {
  /** How far back failures count, ms. @default 60000 */
  readonly windowMs?: number;
  /** Escalate when more than this fraction of the children failed in the window. @default 0.5 */
  readonly fraction?: number;
}

/** Defaults of {@link MajorityFailureStrategyOptions}. */
export const DEFAULT_MAJORITY_FAILURE_STRATEGY_OPTIONS: Required<MajorityFailureStrategyOptions> = {
  windowMs: 60_000,
  fraction: 0.5,
};

/**
 * An example strategy no built-in covers: restart only the child that
 * failed (as `one_for_one`), but escalate as soon as more than `fraction` of
 * the children have failed (abnormal exits, counted once per child) within
 * the last `windowMs`. When most of a pool dies together the cause is likely
 * shared (a bad deploy, a dead dependency), and restarting one by one only
 * hides it. Intensity still applies on top, as for every strategy.
 * @throws SnakepitError `INVALID_OPTIONS`
 */
export function createMajorityFailureStrategy(
  options: MajorityFailureStrategyOptions = {},
): RestartStrategy {
  const { windowMs, fraction } = { ...DEFAULT_MAJORITY_FAILURE_STRATEGY_OPTIONS, ...options };
  if (!Number.isFinite(windowMs) || windowMs <= 0) {
    throw invalidOption('windowMs', windowMs, 'a number > 0 (ms)');
  }
  if (!(fraction >= 0 && fraction < 1))
    throw invalidOption('fraction', fraction, 'a number in [0, 1)');
  return {
    name: 'majority_failure',
    decide(exit, children, context) {
      const failed = new Set(
        context.exits
          .filter((e) => e.atMs >= context.nowMs - windowMs && !isNormalExit(e.reason))
          .map((e) => e.childId),
      );
      const known = children.filter((c) => failed.has(c.id)).length;
      if (children.length > 0 && known > children.length * fraction) {
        return {
          action: 'escalate',
          reason: `${known} of ${children.length} children failed within ${windowMs} ms`,
        };
      }
      return oneForOne.decide(exit, children, context);
    },
  };
}
