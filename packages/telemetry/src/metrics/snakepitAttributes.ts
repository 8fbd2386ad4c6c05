/**
 * Attribute keys on Snakepit metrics and spans. Prometheus shows them with
 * dots turned into underscores (`snakepit.pool.id` → `snakepit_pool_id`).
 * Every value on a metric comes from a bounded set; pids and full reasons
 * appear on spans only.
 */
export const SNAKEPIT_ATTRIBUTES = {
  poolId: 'snakepit.pool.id',
  workerId: 'snakepit.worker.id',
  workerState: 'snakepit.worker.state',
  runId: 'snakepit.run.id',
  exitReason: 'snakepit.exit.reason',
  exitCause: 'snakepit.exit.cause',
  exitMethod: 'snakepit.exit.method',
  exitSignal: 'snakepit.exit.signal',
  exitForced: 'snakepit.exit.forced',
  uptimeMs: 'snakepit.worker.uptime_ms',
  startMs: 'snakepit.worker.start_ms',
  cleanupMs: 'snakepit.cleanup.duration_ms',
  heartbeatSeq: 'snakepit.heartbeat.seq',
  heartbeatMissed: 'snakepit.heartbeat.missed',
  supervisorId: 'snakepit.supervisor.id',
  childId: 'snakepit.supervisor.child.id',
  strategy: 'snakepit.supervisor.strategy',
  escalation: 'snakepit.supervisor.escalation',
  isAbnormal: 'snakepit.exit.abnormal',
  orphanSignal: 'snakepit.orphan.signal',
  orphanFoundBy: 'snakepit.orphan.found_by',
  registryOperation: 'snakepit.registry.operation',
  registryCode: 'snakepit.registry.code',
  command: 'snakepit.command',
  outcome: 'snakepit.execute.outcome',
  rejectionReason: 'snakepit.rejection.reason',
  recycleReason: 'snakepit.recycle.reason',
  errorType: 'error.type',
  processPid: 'process.pid',
  processExitCode: 'process.exit.code',
  logIostream: 'log.iostream',
  pythonLogger: 'snakepit.python.logger',
} as const;

/** The value a bounded attribute takes once its limit of distinct values is reached. */
export const OTHER_ATTRIBUTE_VALUE = '_other';
