import { isRestartRequired } from '@snakepit/actors';

/**
 * A restart strategy for a pool's workers: restart the worker that exited,
 * unless it was already restarted `maxPerMinute` times within the last
 * minute; then restart every worker of the pool (a worker that keeps dying
 * often shares its cause with the others: a bad model file, a leaked lock).
 * The pool's intensity (`restart.maxRestarts` in `restart.periodMs`) still
 * applies on top, and escalates when even that does not help.
 *
 * @param {{ maxPerMinute: number }} options
 * @returns {import('@snakepit/actors').RestartStrategy}
 */
export function workerThenPool({ maxPerMinute }) {
  return {
    name: 'worker_then_pool',
    decide(exit, children, context) {
      const child = children.find((c) => c.id === exit.childId);
      if (!child || !isRestartRequired(exit, child)) return { action: 'ignore' };
      const recent = context.restarts.filter(
        (r) => r.childId === exit.childId && r.atMs >= context.nowMs - 60_000,
      );
      const childIds = recent.length < maxPerMinute ? [exit.childId] : children.map((c) => c.id);
      return { action: 'restart', childIds, delayMs: context.backoffDelayMs(exit.childId) };
    },
  };
}
