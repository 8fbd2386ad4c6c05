import type { ChildSpec, DynamicSupervisor } from '@snakepit/actors';
import { SnakepitError } from '@snakepit/core';
import { StartFailures } from './StartFailures.js';
import type { WorkerSlot } from './WorkerSlot.js';
import type { WorkerSlots } from './WorkerSlots.js';

/** What {@link startWorkers} starts, and how. */
export interface StartWorkersOptions {
  readonly poolId: string;
  readonly slots: WorkerSlots;
  readonly supervisor: DynamicSupervisor;
  /** Failed starts in a row of one slot that fail the pool's start. */
  readonly startAttempts: number;
  /** The child spec of `slot`, which tells `onExit` every abnormal end of its worker. */
  readonly specOf: (
    slot: WorkerSlot,
    onExit: (slot: WorkerSlot, error: Error) => void,
  ) => ChildSpec;
}

/**
 * Starts every slot's worker under the supervisor and waits until each has
 * been ready. Resolves with nothing then, or with the `POOL_STOPPED` error to
 * throw (with the last start error as `cause`) when one slot failed
 * `startAttempts` starts in a row, or the supervisor gave up. It always settles.
 */
export async function startWorkers(
  options: StartWorkersOptions,
): Promise<SnakepitError | undefined> {
  const { poolId, slots, supervisor } = options;
  const failures = new StartFailures(options.startAttempts);
  const exits: { last?: Error } = {};
  const onExit = (slot: WorkerSlot, error: Error) => {
    exits.last = error;
    failures.add(slot, error);
  };
  // A child whose actor cannot even be created fails `startChild`, and a
  // supervisor that gave up refuses the next: the pool must still be stopped.
  let startError: Error | undefined;
  try {
    for (const slot of slots.all) {
      if (failures.isExhausted) break;
      await supervisor.startChild(options.specOf(slot, onExit));
    }
  } catch (error) {
    startError = error as Error;
  }
  const outcome =
    startError === undefined
      ? await Promise.race([
          slots.whenAllReady().then(() => 'ready' as const),
          supervisor.exited.then(() => 'failed' as const),
          failures.exhausted.then(() => 'exhausted' as const),
        ])
      : failures.isExhausted
        ? 'exhausted'
        : 'failed';
  failures.close();
  if (outcome === 'ready') return undefined;
  const why =
    outcome === 'exhausted'
      ? failures.describe()
      : (exits.last?.message ?? startError?.message ?? 'they kept failing');
  return new SnakepitError('POOL_STOPPED', `Pool ${poolId} could not start its workers: ${why}`, {
    cause: outcome === 'exhausted' ? failures.last : (exits.last ?? startError),
  });
}
