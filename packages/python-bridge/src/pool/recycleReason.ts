import type { ResolvedPoolOptions } from './PoolOptions.js';
import type { WorkerSlot } from './WorkerSlot.js';

/** Why a worker's process is due for replacement. */
export type RecycleReason = 'max requests' | 'max uptime' | 'max rss';

/**
 * Whether `slot`'s current process has done enough under the `recycle`
 * options (calls completed, time since Ready, RSS from its latest Pong).
 */
export function recycleReason(
  slot: WorkerSlot,
  recycle: ResolvedPoolOptions['recycle'],
  nowMs: number,
): RecycleReason | undefined {
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
