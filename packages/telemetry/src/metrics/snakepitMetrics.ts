import type { TelemetryEventName } from '../mapping/telemetryEventNames.js';
import { HISTOGRAM_BUCKETS as B } from './histogramBuckets.js';
import { SNAKEPIT_ATTRIBUTES as A } from './snakepitAttributes.js';

/** The kind of an OpenTelemetry instrument, as this package uses them. */
export type MetricKind = 'observable_counter' | 'histogram' | 'observable_updowncounter';

/** What one Snakepit instrument is: the table in docs/observability.md, as data. */
export interface MetricDefinition {
  /** The OpenTelemetry instrument name. */
  readonly name: string;
  readonly kind: MetricKind;
  /** UCUM unit: `s` for every duration, `{thing}` annotations for counts. */
  readonly unit: string;
  readonly description: string;
  /** The event the values come from. */
  readonly event: TelemetryEventName;
  /** Attribute keys always set (each value from a bounded set). */
  readonly attributes: readonly string[];
  /** Attribute keys set only when the event carries them (`snakepit.pool.id` on worker events…). */
  readonly optionalAttributes?: readonly string[];
  /** Explicit histogram bucket boundaries, in the unit (advice: a View may override it). */
  readonly buckets?: readonly number[];
}

const POOL = { optionalAttributes: [A.poolId] } as const;

function counter(
  event: TelemetryEventName,
  unit: string,
  description: string,
  attributes: readonly string[],
  optionalAttributes: readonly string[] = [],
): MetricDefinition & { readonly kind: 'observable_counter' } {
  return {
    name: event,
    kind: 'observable_counter',
    unit,
    description,
    event,
    attributes,
    optionalAttributes,
  };
}

/**
 * Every instrument Snakepit records. Each discrete event has a counter of
 * the same name (Prometheus adds `_total`), kept as running totals and
 * reported through an asynchronous counter; durations are histograms in
 * seconds; workers by state and queue depth are observed at collection.
 */
export const SNAKEPIT_METRICS = {
  heartbeatSent: counter(
    'snakepit.worker.heartbeat.sent',
    '{heartbeat}',
    'Pings sent to workers.',
    [A.workerId],
    [A.poolId],
  ),
  heartbeatReceived: counter(
    'snakepit.worker.heartbeat.received',
    '{heartbeat}',
    'Pongs received from workers.',
    [A.workerId],
    [A.poolId],
  ),
  heartbeatTimeout: counter(
    'snakepit.worker.heartbeat.timeout',
    '{heartbeat}',
    'Pings left unanswered within the heartbeat timeout (misses).',
    [A.workerId],
    [A.poolId],
  ),
  processStarted: counter(
    'snakepit.worker.process.started',
    '{process}',
    'Worker processes that reached Ready.',
    [A.workerId],
    [A.poolId],
  ),
  processTerminated: counter(
    'snakepit.worker.process.terminated',
    '{process}',
    'Worker processes that ended, by reason and kill-ladder method.',
    [A.workerId, A.exitReason, A.exitMethod],
    [A.poolId],
  ),
  cleanupCompleted: counter(
    'snakepit.worker.cleanup.completed',
    '{cleanup}',
    'Worker cleanups (process reaped, registry entry removed), by method.',
    [A.workerId, A.exitMethod],
    [A.poolId],
  ),
  childExited: counter(
    'snakepit.supervisor.child.exited',
    '{exit}',
    'Supervised children that ended on their own.',
    [A.supervisorId, A.childId, A.isAbnormal],
  ),
  childRestarted: counter(
    'snakepit.supervisor.child.restarted',
    '{restart}',
    'Children restarted by a supervisor.',
    [A.supervisorId, A.childId, A.strategy, A.exitReason],
  ),
  childStartFailed: counter(
    'snakepit.supervisor.child.start_failed',
    '{attempt}',
    'Restart attempts that failed to start a child.',
    [A.supervisorId, A.childId],
  ),
  supervisorEscalated: counter(
    'snakepit.supervisor.escalated',
    '{escalation}',
    'Supervisors that gave up (restart intensity exceeded) and escalated.',
    [A.supervisorId, A.escalation],
  ),
  threadTerminated: counter(
    'snakepit.actor.thread.terminated',
    '{thread}',
    'Actor threads terminated as a last resort (a zombie child may remain).',
    [A.exitReason],
  ),
  orphanReaped: counter(
    'snakepit.orphan.reaped',
    '{process}',
    'Processes of dead runs killed by the orphan reaper.',
    [A.orphanSignal, A.orphanFoundBy],
  ),
  registryError: counter(
    'snakepit.registry.error',
    '{error}',
    'Run registry failures (the registry then works in memory).',
    [A.registryOperation, A.registryCode],
  ),
  executeCompleted: counter(
    'snakepit.pool.execute.completed',
    '{call}',
    'Pool execute calls, by command and outcome.',
    [A.poolId, A.command, A.outcome],
    [A.errorType],
  ),
  queueRejected: counter(
    'snakepit.pool.queue.rejected',
    '{call}',
    'Calls the pool refused to queue, by reason.',
    [A.poolId, A.rejectionReason],
  ),
  workerRecycled: counter(
    'snakepit.pool.worker.recycled',
    '{process}',
    'Worker processes replaced by the pool’s recycle policy, by reason.',
    [A.poolId, A.workerId, A.recycleReason],
  ),
  poolFailed: counter(
    'snakepit.pool.failed',
    '{failure}',
    'Pools stopped because their supervisor gave up (restart intensity exceeded).',
    [A.poolId],
  ),
  logDropped: {
    ...counter(
      'snakepit.worker.log',
      '{record}',
      'Worker output lines and Python log records not exported: the worker was over its log record budget.',
      [A.workerId],
      [A.poolId],
    ),
    name: 'snakepit.worker.log.dropped',
  },
  heartbeatDuration: {
    name: 'snakepit.worker.heartbeat.duration',
    kind: 'histogram',
    unit: 's',
    description: 'Heartbeat round trip (Ping sent to Pong received).',
    event: 'snakepit.worker.heartbeat.received',
    attributes: [A.workerId],
    ...POOL,
    buckets: B.heartbeat,
  },
  startDuration: {
    name: 'snakepit.worker.start.duration',
    kind: 'histogram',
    unit: 's',
    description: 'Worker start, from spawn to Ready.',
    event: 'snakepit.worker.process.started',
    attributes: [],
    ...POOL,
    buckets: B.start,
  },
  cleanupDuration: {
    name: 'snakepit.worker.cleanup.duration',
    kind: 'histogram',
    unit: 's',
    description: 'Worker stop, from the stop request to the process reaped.',
    event: 'snakepit.worker.cleanup.completed',
    attributes: [A.exitMethod],
    ...POOL,
    buckets: B.cleanup,
  },
  uptime: {
    name: 'snakepit.worker.uptime',
    kind: 'histogram',
    unit: 's',
    description: 'Worker process lifetime at termination, by reason.',
    event: 'snakepit.worker.process.terminated',
    attributes: [A.exitReason],
    ...POOL,
    buckets: B.uptime,
  },
  executeDuration: {
    name: 'snakepit.pool.execute.duration',
    kind: 'histogram',
    unit: 's',
    description: 'Execute calls, from dispatch to a worker to the reply (queue wait excluded).',
    event: 'snakepit.pool.execute.completed',
    attributes: [A.poolId, A.command, A.outcome],
    optionalAttributes: [A.errorType],
    buckets: B.call,
  },
  queueWaitTime: {
    name: 'snakepit.pool.queue.wait_time',
    kind: 'histogram',
    unit: 's',
    description: 'Time calls waited in the pool queue for a worker.',
    event: 'snakepit.pool.execute.completed',
    attributes: [A.poolId],
    buckets: B.call,
  },
  workerCount: {
    name: 'snakepit.pool.worker.count',
    kind: 'observable_updowncounter',
    unit: '{worker}',
    description: 'Pool workers by lifecycle state.',
    event: 'snakepit.pool.worker.state',
    attributes: [A.poolId, A.workerState],
  },
  queueDepth: {
    name: 'snakepit.pool.queue.depth',
    kind: 'observable_updowncounter',
    unit: '{call}',
    description: 'Calls waiting in the pool queue.',
    event: 'snakepit.pool.queue.depth',
    attributes: [A.poolId],
  },
} as const satisfies Record<string, MetricDefinition>;

/** The key of an instrument in {@link SNAKEPIT_METRICS}. */
export type SnakepitMetricKey = keyof typeof SNAKEPIT_METRICS;

/** The keys of the counters in {@link SNAKEPIT_METRICS}. */
export type SnakepitCounterKey = {
  [K in SnakepitMetricKey]: (typeof SNAKEPIT_METRICS)[K]['kind'] extends 'observable_counter'
    ? K
    : never;
}[SnakepitMetricKey];
