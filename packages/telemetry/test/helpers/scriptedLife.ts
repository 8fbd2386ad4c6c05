import type {} from '@snakepit/actors';
import type { EventBus, ExitRecord } from '@snakepit/core';
import { emit, poolScript, T0 } from './emitters.js';

/** The kill ladder of the hung worker in {@link hangAndRestart}. */
export const KILL_STEPS: ExitRecord['steps'] = [
  { step: 'sigterm', atMs: T0 + 8_000 },
  { step: 'sigkill', atMs: T0 + 10_000 },
];

/** Pool `p1` starts two workers (w0, w1), serves calls and heartbeats. */
export function startAndServe(bus: EventBus): void {
  const s = poolScript(bus, 'p1');
  s.state('w0', 'stopped', 'starting');
  s.state('w1', 'stopped', 'starting');
  s.started('w0', 200, 180, 1001);
  s.state('w0', 'starting', 'ready');
  s.started('w1', 250, 220, 1002);
  s.state('w1', 'starting', 'ready');
  s.heartbeat('w0', 2_000, 1, 0.5);
  s.heartbeat('w0', 4_000, 2, 1.5);
  s.heartbeat('w0', 6_000, 3, 12);
  s.heartbeat('w1', 2_000, 1, 0.75);
  s.execute('echo', 'ok', 5, 0);
  s.execute('echo', 'ok', 30, 12);
  s.execute('fail', 'error', 8, 2, 'PYTHON_ERROR');
  emit(bus, 'snakepit.pool.queue.depth', { poolId: 'p1', depth: 3 });
  emit(bus, 'snakepit.pool.queue.rejected', { poolId: 'p1', reason: 'full' });
}

/** w1 hangs (three missed pings), is killed, and its supervisor restarts it. */
export function hangAndRestart(bus: EventBus): void {
  const s = poolScript(bus, 'p1');
  s.missed('w1', 4_000, 2, 1);
  s.missed('w1', 6_000, 3, 2);
  s.missed('w1', 8_000, 4, 3);
  s.state('w1', 'ready', 'unhealthy');
  s.state('w1', 'unhealthy', 'stopping');
  s.terminated('w1', 10_100, 1002, {
    exitCode: undefined,
    signal: 'SIGKILL',
    cause: 'heartbeat_timeout',
    reason: 'heartbeat timeout',
    method: 'killed',
    isForcefullyTerminated: true,
    uptimeMs: 9_850,
    cleanupMs: 2_100,
    steps: KILL_STEPS,
  });
  s.state('w1', 'stopping', 'stopped');
  supervisorRestartsHungW1(bus, T0 + 10_200, 1);
  s.state('w1', 'stopped', 'starting');
  s.started('w1', 10_400, 190, 1003);
  s.state('w1', 'starting', 'ready');
}

/**
 * The rarer events: a failed start, an escalation, a reaped orphan, a
 * registry error, a recycled worker, a failed pool, a terminated thread.
 */
export function rareEvents(bus: EventBus): void {
  const at = T0 + 11_000;
  bus.emit('snakepit.supervisor.child.start_failed', {
    supervisorId: 'pool-p1',
    timestampMs: at,
    childId: 'w2',
    reason: 'SnakepitError: Worker w2 did not become ready',
  });
  bus.emit('snakepit.supervisor.escalated', {
    supervisorId: 'root',
    timestampMs: at,
    childId: 'pool-p1',
    reason: 'Error: boom',
    escalation: 'reached_max_restart_intensity',
    restartsInPeriod: 4,
    maxRestarts: 3,
    periodMs: 5_000,
  });
  bus.emit('snakepit.orphan.reaped', {
    runId: 'old',
    pid: 999,
    signal: 'SIGTERM',
    foundBy: 'registry',
  });
  bus.emit('snakepit.registry.error', { operation: 'write', message: 'no space', code: 'ENOSPC' });
  emit(bus, 'snakepit.pool.worker.recycled', {
    poolId: 'p1',
    workerId: 'w0',
    pid: 1001,
    reason: 'max requests',
  });
  emit(bus, 'snakepit.pool.failed', { poolId: 'p2', reason: 'Restart intensity reached' });
  bus.emit('snakepit.actor.thread.terminated', {
    actorId: 'a1',
    threadId: 3,
    reason: 'stop timeout',
    timestampMs: at,
  });
}

/** The pool stops both workers gracefully. */
export function stopAll(bus: EventBus): void {
  const s = poolScript(bus, 'p1');
  s.state('w0', 'ready', 'stopping');
  s.state('w1', 'ready', 'stopping');
  s.terminated('w0', 20_000, 1001, { uptimeMs: 19_800, cleanupMs: 40 });
  s.terminated('w1', 20_000, 1003, { uptimeMs: 9_600, cleanupMs: 40 });
  s.state('w0', 'stopping', 'stopped');
  s.state('w1', 'stopping', 'stopped');
  emit(bus, 'snakepit.pool.queue.depth', { poolId: 'p1', depth: 0 });
}

/**
 * One more round of work on pool `p1`, for a pool that keeps living while
 * Prometheus scrapes it: calls, heartbeats, a missed ping, a worker started and
 * killed, a supervisor restart, a failed start, a recycle, a failed pool, an
 * escalation and a reaped orphan. It moves only series the scripts above
 * create, and no worker's pool state. `round` keeps pids and sequence numbers
 * going up.
 */
export function workRound(bus: EventBus, round: number): void {
  const s = poolScript(bus, 'p1');
  const atMs = 30_000 + round * 1_000;
  const pid = 2_000 + round;
  s.heartbeat('w0', atMs, 100 + round, 0.5 + (round % 4));
  s.missed('w1', atMs, 100 + round, 1);
  s.execute('echo', 'ok', 5 + (round % 7), round % 3);
  s.execute('fail', 'error', 8, 2, 'PYTHON_ERROR');
  emit(bus, 'snakepit.pool.queue.rejected', { poolId: 'p1', reason: 'full' });
  s.started('w1', atMs, 150 + (round % 5) * 20, pid);
  s.terminated('w1', atMs + 500, pid, {
    exitCode: undefined,
    signal: 'SIGKILL',
    cause: 'heartbeat_timeout',
    reason: 'heartbeat timeout',
    method: 'killed',
    isForcefullyTerminated: true,
    uptimeMs: 500,
    cleanupMs: 2_000 + (round % 3) * 100,
    steps: KILL_STEPS,
  });
  const sup = supervisorRestartsHungW1(bus, T0 + atMs + 600, 1 + round);
  bus.emit('snakepit.supervisor.child.start_failed', {
    ...sup,
    childId: 'w2',
    reason: 'SnakepitError: Worker w2 did not become ready',
  });
  bus.emit('snakepit.supervisor.escalated', {
    supervisorId: 'root',
    timestampMs: T0 + atMs + 700,
    childId: 'pool-p1',
    reason: 'Error: boom',
    escalation: 'reached_max_restart_intensity',
    restartsInPeriod: 4,
    maxRestarts: 3,
    periodMs: 5_000,
  });
  bus.emit('snakepit.orphan.reaped', {
    runId: 'old',
    pid: 9_000 + round,
    signal: 'SIGTERM',
    foundBy: 'registry',
  });
  emit(bus, 'snakepit.pool.worker.recycled', {
    poolId: 'p1',
    workerId: 'w0',
    pid: 1001,
    reason: 'max requests',
  });
  emit(bus, 'snakepit.pool.failed', { poolId: 'p2', reason: 'Restart intensity reached' });
}

/** The pool's supervisor sees w1 exit as hung and restarts it; returns the events' base. */
function supervisorRestartsHungW1(bus: EventBus, timestampMs: number, restartCount: number) {
  const sup = { supervisorId: 'pool-p1', timestampMs };
  const reason = 'heartbeat timeout';
  bus.emit('snakepit.supervisor.child.exited', { ...sup, childId: 'w1', reason, isAbnormal: true });
  bus.emit('snakepit.supervisor.child.restarted', {
    ...sup,
    childId: 'w1',
    causeChildId: 'w1',
    reason,
    strategy: 'one_for_one',
    delayMs: 0,
    restartCount,
  });
  return sup;
}
