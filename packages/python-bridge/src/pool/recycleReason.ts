import type { ResolvedPoolOptions } from './PoolOptions.js';
import type { WorkerSlot } from './WorkerSlot.js';

/** Why a worker's process is due for replacement. */
export type RecycleReason = 'max requests' | 'max uptime' | 'max rss' | 'data plane failing';

/**
 * Calls in a row whose transport failed on a process that stays alive (its
 * heartbeat answers) before the process is replaced.
 */
export const MAX_TRANSPORT_FAILURES_IN_A_ROW = 3;

/**
 * Whether `slot`'s current process is due for replacement: its data plane
 * keeps failing while it lives, or it has done enough under the `recycle`
 * options (calls completed, time since Ready, RSS from its latest Pong).
 */
export function recycleReason(
  slot: WorkerSlot,
  recycle: ResolvedPoolOptions['recycle'],
  nowMs: number,
): RecycleReason | undefined {
  if (slot.transportFailuresInARow >= MAX_TRANSPORT_FAILURES_IN_A_ROW) return 'data plane failing';
  if (recycle.maxRequests !== undefined && slot.callsCompleted >= recycle.maxRequests) {
    return 'max requests';
  }
  if (
    recycle.maxUptimeMs !== undefined &&
    nowMs - (slot.readyAtMs ?? nowMs) >= recycle.maxUptimeMs
  ) {
    return 'max uptime';
  }
  if (recycle.maxRssBytes !== undefined && (slot.rssBytes ?? 0) > recycle.maxRssBytes) {
    return 'max rss';
  }
  return undefined;
}
