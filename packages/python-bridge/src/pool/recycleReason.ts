import type { RecycleReason } from '@snakepit/core';
import type { ResolvedPoolOptions } from './PoolOptions.js';
import type { WorkerSlot } from './WorkerSlot.js';

/** What recycling decisions read of a slot. */
export type RecycleFacts = Pick<
  WorkerSlot,
  | 'state'
  | 'isRecycling'
  | 'recycleRequestedAtMs'
  | 'transportFailuresInARow'
  | 'callsCompleted'
  | 'readyAtMs'
  | 'rssBytes'
>;

/**
 * How long after asking for a recycle the pool asks again (a replacement
 * that failed to start leaves the old process serving), beyond `startTimeoutMs`.
 */
export const RECYCLE_RETRY_AFTER_MS = 5_000;

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
  slot: RecycleFacts,
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

/**
 * Whether the pool should ask for `slot`'s process to be replaced now, and
 * why: it is due (see {@link recycleReason}) and serving, or `unhealthy`
 * because its data plane keeps failing, and no recycle asked for in the last
 * `startTimeoutMs` + {@link RECYCLE_RETRY_AFTER_MS} is still under way.
 */
export function recycleDecision(
  slot: RecycleFacts,
  options: Pick<ResolvedPoolOptions, 'recycle' | 'startTimeoutMs'>,
  nowMs: number,
): RecycleReason | undefined {
  const retryAfterMs = options.startTimeoutMs + RECYCLE_RETRY_AFTER_MS;
  if (slot.isRecycling && nowMs - (slot.recycleRequestedAtMs ?? 0) < retryAfterMs) return undefined;
  const reason = recycleReason(slot, options.recycle, nowMs);
  const isServing = slot.state === 'ready' || slot.state === 'busy';
  // A broken data plane leaves the slot `unhealthy`: replace it from there too.
  const isReplaceable =
    isServing || (reason === 'data plane failing' && slot.state === 'unhealthy');
  return isReplaceable ? reason : undefined;
}
