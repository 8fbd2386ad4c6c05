import { SNAKEPIT_ATTRIBUTES as A } from '../metrics/snakepitAttributes.js';
import type { ListenerTable, MappingContext } from './ListenerTable.js';

/** Listeners of the worker process, heartbeat and log events. */
export function workerListeners({
  instruments: m,
  counters: c,
  attributes,
  spans,
  seeds,
  logs,
}: MappingContext): ListenerTable {
  return {
    'snakepit.worker.log': (p) => logs.record(p),
    'snakepit.worker.heartbeat.sent': (p) => {
      c.heartbeatSent.add(attributes.worker(p.poolId, p.workerId));
    },
    'snakepit.worker.heartbeat.received': (p) => {
      const attrs = attributes.worker(p.poolId, p.workerId);
      c.heartbeatReceived.add(attrs);
      m.heartbeatDuration.record(p.latencyMs / 1000, attrs);
      spans.heartbeatReceived(p);
    },
    'snakepit.worker.heartbeat.timeout': (p) => {
      c.heartbeatTimeout.add(attributes.worker(p.poolId, p.workerId));
      spans.heartbeatTimedOut(p);
    },
    'snakepit.worker.process.started': (p) => {
      seeds.workerStarted(p.poolId, p.workerId);
      c.processStarted.add(attributes.worker(p.poolId, p.workerId));
      m.startDuration.record(p.startMs / 1000, attributes.pool(p.poolId));
      spans.started(p);
    },
    'snakepit.worker.process.terminated': (p) => {
      // The closed cause, not the words: a bounded label whatever the text says.
      const reason = attributes.bounded(A.exitReason, p.exit.cause);
      const method = attributes.bounded(A.exitMethod, p.exit.method);
      c.processTerminated.add(
        attributes.withWorker(p.poolId, p.workerId, {
          [A.exitReason]: reason,
          [A.exitMethod]: method,
        }),
      );
      m.uptime.record(
        p.exit.uptimeMs / 1000,
        attributes.withPool(p.poolId, { [A.exitReason]: reason }),
      );
      spans.terminated(p);
    },
    'snakepit.worker.cleanup.completed': (p) => {
      const method = attributes.bounded(A.exitMethod, p.method);
      c.cleanupCompleted.add(
        attributes.withWorker(p.poolId, p.workerId, { [A.exitMethod]: method }),
      );
      m.cleanupDuration.record(
        p.durationMs / 1000,
        attributes.withPool(p.poolId, { [A.exitMethod]: method }),
      );
      spans.cleanedUp(p);
    },
  };
}
