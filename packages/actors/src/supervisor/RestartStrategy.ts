import type { Clock } from '@snakepit/core';
import type { ChildType, RestartType } from '../child/ChildSpec.js';
import type { ExitReason } from '../exit/ExitReason.js';

/** A child as a strategy sees it (read-only, in start order). */
export interface ChildView {
  readonly id: string;
  readonly restart: RestartType;
  readonly type: ChildType;
  /** `restarting`: waiting for a delayed restart, or for a retry after a failed start. */
  readonly status: 'running' | 'stopped' | 'restarting';
  /** `clock.now()` of the last successful start, if any. */
  readonly startedAtMs: number | undefined;
  /** Restarts of this child since the supervisor started. */
  readonly restartCount: number;
  /** Restarts since the child last ran longer than its backoff reset window. */
  readonly consecutiveRestarts: number;
}

/** One child's end, as given to a strategy. */
export interface ChildExit {
  readonly childId: string;
  readonly reason: ExitReason;
  /**
   * `true` when a restart attempt failed to start the child: OTP then tries
   * again (counting toward intensity) whatever the restart type.
   */
  readonly isStartFailure: boolean;
  /** `clock.now()` when the supervisor handled the exit. */
  readonly atMs: number;
}

/** A past restart decision of this supervisor. */
export interface RestartRecord {
  readonly childId: string;
  readonly atMs: number;
}

/** What a strategy may consult besides the exit and the children. */
export interface StrategyContext {
  readonly clock: Clock;
  readonly nowMs: number;
  /** This supervisor's restart decisions, oldest first (the last 256). */
  readonly restarts: readonly RestartRecord[];
  /** Exits this supervisor handled, oldest first (the last 256), this one included. */
  readonly exits: readonly ChildExit[];
  /** The backoff delay the child is due for its next restart (0 without backoff), ms. */
  backoffDelayMs(childId: string): number;
}

/**
 * What to do about an exit:
 * - `ignore`: leave the child stopped (a `temporary` child is removed);
 * - `restart`: stop the listed children that still run (reverse start order,
 *   each within its shutdown budget), then after `delayMs` start them all in
 *   start order. Counts one restart toward intensity; exceeding it escalates.
 *   `temporary` children in the list are stopped and removed, never started;
 * - `escalate`: stop every child (reverse start order) and exit `shutdown`,
 *   leaving the decision to the parent supervisor.
 */
export type RestartDecision =
  | { readonly action: 'ignore' }
  | { readonly action: 'restart'; readonly childIds: readonly string[]; readonly delayMs?: number }
  | { readonly action: 'escalate'; readonly reason: string };

/**
 * How a supervisor reacts to a child's exit. The built-ins (`oneForOne`,
 * `oneForAll`, `restForOne`) are written on this interface, so a custom
 * strategy has the same power. `decide` must be synchronous and must not
 * throw (a throw is treated as `escalate`).
 */
export interface RestartStrategy {
  /** Shown in events and errors. */
  readonly name: string;
  /** Decides what to do about `exit`, given the children and the restart history. */
  decide(
    exit: ChildExit,
    children: readonly ChildView[],
    context: StrategyContext,
  ): RestartDecision;
}
