import type { Attributes } from '@opentelemetry/api';
import { SNAKEPIT_ATTRIBUTES as A } from '../metrics/snakepitAttributes.js';
import type { ListenerTable, MappingContext } from './ListenerTable.js';

/** Listeners of the `snakepit.pool.*` events. */
export function poolListeners({
  instruments: m,
  counters: c,
  attributes: at,
  pools,
}: MappingContext): ListenerTable {
  // Execute is the hot path: one attribute set per (pool, command, outcome),
  // built once, so a call costs a string key and a map look-up.
  const callAttributes = new Map<string, Attributes>();
  const callAttributesOf = (
    poolId: string,
    command: string,
    outcome: string,
    errorCode: string | undefined,
  ): Attributes => {
    const key = `${poolId}\u0000${command}\u0000${outcome}\u0000${errorCode ?? ''}`;
    let attributes = callAttributes.get(key);
    if (!attributes) {
      attributes = at.withPool(poolId, {
        [A.command]: at.bounded(A.command, command),
        [A.outcome]: at.bounded(A.outcome, outcome),
        ...(errorCode === undefined ? {} : { [A.errorType]: at.bounded(A.errorType, errorCode) }),
      });
      if (callAttributes.size < 10_000) callAttributes.set(key, attributes);
    }
    return attributes;
  };
  return {
    'snakepit.pool.execute.completed': (p) => {
      const attributes = callAttributesOf(p.poolId, p.command, p.outcome, p.errorCode);
      c.executeCompleted.add(attributes);
      m.executeDuration.record(p.durationMs / 1000, attributes);
      m.queueWaitTime.record(p.queueWaitMs / 1000, at.pool(p.poolId));
    },
    'snakepit.pool.queue.rejected': (p) => {
      c.queueRejected.add(
        at.withPool(p.poolId, { [A.rejectionReason]: at.bounded(A.rejectionReason, p.reason) }),
      );
    },
    'snakepit.pool.worker.state': (p) => {
      pools.setState(p.poolId, p.workerId, p.to);
    },
    'snakepit.pool.queue.depth': (p) => {
      pools.setDepth(p.poolId, p.depth);
    },
    'snakepit.pool.worker.recycled': (p) => {
      c.workerRecycled.add(
        at.withWorker(p.poolId, p.workerId, {
          [A.recycleReason]: at.reason(A.recycleReason, p.reason),
        }),
      );
    },
    'snakepit.pool.failed': (p) => {
      c.poolFailed.add(at.pool(p.poolId));
    },
  };
}
