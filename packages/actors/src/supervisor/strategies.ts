import { isNormalExit } from '../exit/ExitReason.js';
import type {
  ChildExit,
  ChildView,
  RestartDecision,
  RestartStrategy,
  StrategyContext,
} from './RestartStrategy.js';

/**
 * Whether OTP would restart `child` after `exit`: `permanent` always,
 * `transient` unless the exit is `normal`/`shutdown`, `temporary` never. A
 * failed restart attempt is always retried.
 */
export function isRestartRequired(exit: ChildExit, child: ChildView): boolean {
  if (exit.isStartFailure) return true;
  if (child.restart === 'permanent') return true;
  if (child.restart === 'transient') return !isNormalExit(exit.reason);
  return false;
}

function groupStrategy(
  name: string,
  select: (children: readonly ChildView[], index: number) => readonly ChildView[],
): RestartStrategy {
  return {
    name,
    decide(
      exit: ChildExit,
      children: readonly ChildView[],
      context: StrategyContext,
    ): RestartDecision {
      const index = children.findIndex((c) => c.id === exit.childId);
      const child = children[index];
      if (!child || !isRestartRequired(exit, child)) return { action: 'ignore' };
      const childIds = select(children, index).map((c) => c.id);
      return { action: 'restart', childIds, delayMs: context.backoffDelayMs(child.id) };
    },
  };
}

/** OTP `one_for_one`: restart only the child that exited. */
export const oneForOne: RestartStrategy = groupStrategy('one_for_one', (children, index) =>
  children.slice(index, index + 1),
);

/** OTP `one_for_all`: stop all other children, then restart them all. */
export const oneForAll: RestartStrategy = groupStrategy('one_for_all', (children) => children);

/** OTP `rest_for_one`: restart the child and every child started after it. */
export const restForOne: RestartStrategy = groupStrategy('rest_for_one', (children, index) =>
  children.slice(index),
);
