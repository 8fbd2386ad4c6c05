import type { SnakepitEventName } from '@snakepit/core';

/**
 * Every event telemetry maps, in a stable order. The payloads are core's
 * (`SnakepitEventMap`); this list only says which of them are mapped, and
 * `satisfies` keeps it to declared names.
 */
export const TELEMETRY_EVENT_NAMES = [
  'snakepit.worker.process.started',
  'snakepit.worker.process.terminated',
  'snakepit.worker.cleanup.completed',
  'snakepit.worker.heartbeat.sent',
  'snakepit.worker.heartbeat.received',
  'snakepit.worker.heartbeat.timeout',
  'snakepit.worker.log',
  'snakepit.supervisor.child.exited',
  'snakepit.supervisor.child.restarted',
  'snakepit.supervisor.child.start_failed',
  'snakepit.supervisor.escalated',
  'snakepit.actor.thread.terminated',
  'snakepit.orphan.reaped',
  'snakepit.registry.error',
  'snakepit.pool.execute.completed',
  'snakepit.pool.queue.rejected',
  'snakepit.pool.worker.state',
  'snakepit.pool.queue.depth',
  'snakepit.pool.worker.recycled',
  'snakepit.pool.failed',
] as const satisfies readonly SnakepitEventName[];

/** The name of an event telemetry maps. */
export type TelemetryEventName = (typeof TELEMETRY_EVENT_NAMES)[number];
