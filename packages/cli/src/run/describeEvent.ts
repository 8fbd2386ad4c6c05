import type { SnakepitEventMap, SnakepitEventName } from '@snakepit/core';

/** How much an entry matters: `debug` entries are only in JSON logs. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** What kind of lifecycle step an event is, for the live page's timeline. */
export type LifecycleKind =
  | 'started'
  | 'stopped'
  | 'crashed'
  | 'heartbeat'
  | 'restarted'
  | 'failed'
  | 'recycled'
  | 'reaped'
  | 'state'
  | 'log'
  | 'run';

/** One event, in words. */
export interface EventDescription {
  readonly level: LogLevel;
  readonly kind: LifecycleKind;
  readonly message: string;
  readonly workerId?: string;
}

/** Facts the descriptions need beyond the event itself. */
export interface DescribeContext {
  /** Heartbeat misses that make a worker hung, to say "missed 1 of 3". */
  readonly maxMissed?: number;
}

type Describer<N extends SnakepitEventName> = (
  e: SnakepitEventMap[N],
  context: DescribeContext,
) => EventDescription;

const ms = (value: number): string =>
  value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;

const pidText = (pid: number | undefined): string => (pid === undefined ? '' : ` (pid ${pid})`);

// "SnakepitError: …" reads better without the class name (an error code such
// as HEARTBEAT_TIMEOUT stays: it says what happened),
// and a start failure's traceback once (in the final error) is enough.
const why = (reason: string): string =>
  (reason.split('\n')[0] ?? '').replace(/^[A-Za-z]*Error: /, '');

const DESCRIBERS: { readonly [N in SnakepitEventName]?: Describer<N> } = {
  'snakepit.worker.process.started': (e) => ({
    level: 'info',
    kind: 'started',
    workerId: e.workerId,
    message: `${e.workerId} started: pid ${e.pid ?? '?'}, ready in ${ms(e.startMs)}`,
  }),
  'snakepit.worker.process.terminated': (e) => {
    const { exit } = e;
    const how =
      exit.signal !== undefined ? `signal ${exit.signal}` : `exit code ${String(exit.exitCode)}`;
    // Recycling stops a process on purpose too.
    const isNormal = exit.cause === 'shutdown' || exit.cause === 'recycled';
    return {
      level: isNormal ? 'info' : 'warn',
      kind: isNormal ? 'stopped' : 'crashed',
      workerId: e.workerId,
      message: isNormal
        ? `${e.workerId}${pidText(e.pid)} stopped (${exit.method}) after ${ms(exit.uptimeMs)}`
        : `${e.workerId}${pidText(e.pid)} ended: ${exit.reason}, ${how}, after ${ms(exit.uptimeMs)}`,
    };
  },
  'snakepit.worker.cleanup.completed': (e) => ({
    level: 'debug',
    kind: 'stopped',
    workerId: e.workerId,
    message: `${e.workerId}${pidText(e.pid)} cleaned up (${e.method}) in ${ms(e.durationMs)}`,
  }),
  'snakepit.worker.heartbeat.timeout': (e, c) => ({
    level: 'warn',
    kind: 'heartbeat',
    workerId: e.workerId,
    message:
      `${e.workerId}${pidText(e.pid)} missed heartbeat ${e.missed}` +
      (c.maxMissed === undefined
        ? ''
        : ` of ${c.maxMissed}${e.missed >= c.maxMissed ? ': hung, killing it' : ''}`),
  }),
  'snakepit.worker.log': (e) => ({
    level: e.stream === 'stderr' ? 'warn' : 'info',
    kind: 'log',
    workerId: e.workerId,
    message: `${e.workerId} ${e.stream}| ${e.line}`,
  }),
  'snakepit.supervisor.child.exited': (e) => ({
    level: 'debug',
    kind: e.isAbnormal ? 'crashed' : 'stopped',
    workerId: e.childId,
    message: `${e.childId} exited: ${why(e.reason)}`,
  }),
  'snakepit.supervisor.child.restarted': (e) => ({
    level: 'warn',
    kind: 'restarted',
    workerId: e.childId,
    message: `${e.childId} restarted (#${e.restartCount}, after ${ms(e.delayMs)}): ${why(e.reason)}`,
  }),
  'snakepit.supervisor.child.start_failed': (e) => ({
    level: 'warn',
    kind: 'failed',
    workerId: e.childId,
    message: `${e.childId} failed to start: ${why(e.reason)}`,
  }),
  'snakepit.supervisor.escalated': (e) => ({
    level: 'error',
    kind: 'failed',
    message: `supervisor ${e.supervisorId} gave up: ${e.restartsInPeriod} restarts within ${ms(e.periodMs)} (at most ${e.maxRestarts} allowed); last: ${e.childId}: ${why(e.reason)}`,
  }),
  'snakepit.supervisor.shutdown': (e) => ({
    level: 'debug',
    kind: 'stopped',
    message: `supervisor ${e.supervisorId} shut down (${e.cause}) in ${ms(e.durationMs)}`,
  }),
  'snakepit.pool.failed': (e) => ({
    level: 'error',
    kind: 'failed',
    message: `pool ${e.poolId} failed: ${why(e.reason)}`,
  }),
  'snakepit.pool.worker.recycled': (e) => ({
    level: 'info',
    kind: 'recycled',
    workerId: e.workerId,
    message: `${e.workerId}${pidText(e.pid)} is being recycled (${e.reason})`,
  }),
  'snakepit.pool.worker.state': (e) => ({
    level: 'debug',
    kind: 'state',
    workerId: e.workerId,
    message: `${e.workerId}: ${e.from} → ${e.to}`,
  }),
  'snakepit.pool.queue.rejected': (e) => ({
    level: 'warn',
    kind: 'failed',
    message: `pool ${e.poolId} rejected a call (${e.reason})`,
  }),
  'snakepit.orphan.reaped': (e) => ({
    level: 'warn',
    kind: 'reaped',
    ...(e.workerId === undefined ? {} : { workerId: e.workerId }),
    message: `reaped pid ${e.pid} of dead run ${e.runId} (${e.signal})`,
  }),
  'snakepit.registry.error': (e) => ({ level: 'warn', kind: 'failed', message: e.message }),
  'snakepit.run.cgroup': (e) => ({
    level: 'info',
    kind: 'run',
    message:
      e.path === undefined
        ? `cgroups off (${e.reason ?? 'not asked for'}): process groups, the guardians and the death signal cover the workers and their children, but not a child that calls setsid()`
        : `cgroups on: each worker gets a cgroup under ${e.path}, so everything it starts dies with it, setsid() escapees included`,
  }),
  'snakepit.actor.thread.terminated': (e) => ({
    level: 'error',
    kind: 'failed',
    message: `actor ${e.actorId}: thread ${e.threadId} terminated (${e.reason})`,
  }),
};

/**
 * Describes a lifecycle event for logs and the live page, or returns
 * `undefined` for the frequent ones nobody reads line by line (heartbeats
 * sent and received, calls, queue depth): those are metrics.
 */
export function describeEvent<N extends SnakepitEventName>(
  name: N,
  payload: SnakepitEventMap[N],
  context: DescribeContext = {},
): EventDescription | undefined {
  const describe: Describer<N> | undefined = DESCRIBERS[name];
  return describe?.(payload, context);
}
