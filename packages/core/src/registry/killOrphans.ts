import { setTimeout as sleep } from 'node:timers/promises';
import { isStillRunning, signalVerified } from '../process/signalVerified.js';
import type { OrphanTarget } from './planRunReap.js';

/** How one target ended. */
export interface KillOutcome {
  readonly target: OrphanTarget;
  /** The signal that ended it; `undefined` if it was gone before the first one. */
  readonly signal: 'SIGTERM' | 'SIGKILL' | undefined;
  /** Whether it still ran after SIGKILL (uninterruptible sleep, or not ours to kill). */
  readonly hasSurvived: boolean;
}

const POLL_MS = 20;
// SIGKILL is delivered when the target is next scheduled: normally within
// microseconds, but a process in uninterruptible I/O (state D) dies later.
const KILL_SETTLE_MS = 1_000;

/**
 * The kill ladder for orphans: SIGTERM (+SIGCONT, so a stopped process sees
 * it) to every target and its group → wait until all are gone or
 * `termGraceMs` passed → SIGKILL to every group and to the targets still
 * running. Each signal re-checks the start time first, so a pid reused
 * meanwhile is never signalled. Never throws.
 *
 * @param termGraceMs how long to wait between SIGTERM and SIGKILL, in ms.
 */
export async function killOrphans(
  targets: readonly OrphanTarget[],
  termGraceMs: number,
): Promise<KillOutcome[]> {
  // Checked before any signal: a grandchild dies of its worker's group
  // signal before its own turn comes, and still counts as reaped.
  const signalled = targets.filter(isStillRunning);
  for (const target of signalled) {
    if (signalVerified(target, 'SIGTERM')) signalVerified(target, 'SIGCONT');
  }
  await waitUntil(() => !signalled.some(isStillRunning), termGraceMs);
  const needsKill = new Set(signalled.filter(isStillRunning));
  // Every group gets SIGKILL, even when its leader obeyed SIGTERM: members
  // that ignore SIGTERM must not outlive it.
  for (const target of signalled) signalVerified(target, 'SIGKILL');
  await waitUntil(() => ![...needsKill].some(isStillRunning), KILL_SETTLE_MS);
  return targets.map((target) => ({
    target,
    signal: !signalled.includes(target) ? undefined : needsKill.has(target) ? 'SIGKILL' : 'SIGTERM',
    hasSurvived: isStillRunning(target),
  }));
}

async function waitUntil(isDone: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!isDone() && Date.now() < deadline) {
    await sleep(Math.min(POLL_MS, Math.max(1, deadline - Date.now())));
  }
}
