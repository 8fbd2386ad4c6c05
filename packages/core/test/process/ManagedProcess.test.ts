import { afterEach, describe, expect, it } from 'vitest';
import { readProcStat } from '../../src/process/procfs.js';
import { spawnProcess } from '../../src/process/spawnProcess.js';
import type { ManagedProcess } from '../../src/process/ManagedProcess.js';
import { isSnakepitError } from '../../src/errors/SnakepitError.js';
import { isGone, waitFor } from './procHelpers.js';

const started: ManagedProcess[] = [];

async function sh(script: string, onOutput?: (line: string) => void): Promise<ManagedProcess> {
  const proc = await spawnProcess({
    command: '/bin/sh',
    args: ['-c', script],
    runId: 'test-run',
    workerId: 'w1',
    ...(onOutput ? { onOutput: (_stream: string, line: string) => onOutput(line) } : {}),
  });
  started.push(proc);
  return proc;
}

afterEach(() => {
  for (const proc of started.splice(0)) proc.signalGroup('SIGKILL');
});

describe('spawnProcess', () => {
  it('puts the run id, owner pid, worker id and token in the environment', async () => {
    const lines: string[] = [];
    const proc = await sh(
      'echo "$SNAKEPIT_RUN_ID $SNAKEPIT_OWNER_PID $SNAKEPIT_WORKER_ID $SNAKEPIT_WORKER_TOKEN"',
      (l) => lines.push(l),
    );
    await proc.exited;
    await waitFor(() => lines.length > 0);
    expect(lines[0]).toBe(`test-run ${process.pid} w1 ${proc.token}`);
    expect(proc.token).toMatch(/^[0-9a-f]{32}$/);
  });

  it('makes the child the leader of its own process group', async () => {
    const proc = await sh('exec sleep 30');
    expect(readProcStat(proc.pid)).toMatchObject({ pgrp: proc.pid, session: proc.pid });
  });

  it('rejects a relative or missing executable with SPAWN_FAILED', async () => {
    await expect(spawnProcess({ command: 'sh', runId: 'r', workerId: 'w' })).rejects.toSatisfy(
      (e) => isSnakepitError(e, 'SPAWN_FAILED'),
    );
    await expect(
      spawnProcess({ command: '/nonexistent/bin', runId: 'r', workerId: 'w' }),
    ).rejects.toSatisfy((e) => isSnakepitError(e, 'SPAWN_FAILED'));
  });
});

describe('ManagedProcess.stop (kill ladder)', () => {
  it('ends gracefully when the process honours the request', async () => {
    const proc = await sh('read line <&3; exit 0');
    const record = await proc.stop({
      cause: 'shutdown',
      reason: 'test',
      requestGraceful: () => proc.control.write('bye\n'),
      gracefulTimeoutMs: 5_000,
    });
    expect(record).toMatchObject({
      method: 'graceful',
      exitCode: 0,
      isForcefullyTerminated: false,
      cause: 'shutdown',
      reason: 'test',
    });
    expect(record.steps.map((s) => s.step)).toEqual(['graceful_requested']);
  });

  it('escalates to SIGTERM when the graceful request is ignored', async () => {
    const proc = await sh('exec sleep 30');
    const record = await proc.stop({
      cause: 'shutdown',
      requestGraceful: () => {},
      gracefulTimeoutMs: 100,
    });
    expect(record).toMatchObject({
      method: 'terminated',
      signal: 'SIGTERM',
      isForcefullyTerminated: false,
      reason: 'shutdown',
    });
    const [graceful, sigterm, ...rest] = record.steps;
    expect([graceful?.step, sigterm?.step, rest]).toEqual(['graceful_requested', 'sigterm', []]);
    // Wall-clock times, in order, at least the graceful budget apart.
    expect(sigterm!.atMs - graceful!.atMs).toBeGreaterThanOrEqual(90);
  });

  it('SIGKILLs a process that ignores SIGTERM, within the budget', async () => {
    const proc = await sh('trap "" TERM; echo ready; while :; do sleep 0.05; done', () => {});
    await new Promise((r) => setTimeout(r, 100));
    const record = await proc.stop({
      cause: 'heartbeat_timeout',
      gracefulTimeoutMs: 0,
      killAfterMs: 200,
    });
    expect(record).toMatchObject({
      method: 'killed',
      signal: 'SIGKILL',
      isForcefullyTerminated: true,
      cause: 'heartbeat_timeout',
      reason: 'heartbeat timeout',
    });
    expect(record.steps.map((s) => s.step)).toEqual(['sigterm', 'sigkill']);
    expect(record.cleanupMs).toBeLessThan(2_000);
  });

  it('terminates a stopped (SIGSTOP) process: SIGCONT lets SIGTERM through', async () => {
    const proc = await sh('exec sleep 30');
    process.kill(proc.pid, 'SIGSTOP');
    const record = await proc.stop({ cause: 'shutdown', gracefulTimeoutMs: 0, killAfterMs: 2_000 });
    expect(record.method).toBe('terminated');
  });

  it('kills grandchildren with the group, even when the leader exits first', async () => {
    const pids: number[] = [];
    const proc = await sh('sleep 30 & echo $!; sleep 30 & echo $!; wait', (l) =>
      pids.push(Number(l)),
    );
    await waitFor(() => pids.length === 2);
    await proc.stop({ cause: 'shutdown', gracefulTimeoutMs: 0 });
    await waitFor(() => pids.every(isGone));
  });

  it('is idempotent and handles a process that already exited', async () => {
    const proc = await sh('exit 3');
    await proc.exited;
    const first = proc.stop({ cause: 'shutdown', reason: 'late' });
    const second = proc.stop({ cause: 'killed', reason: 'later' });
    expect(await first).toBe(await second);
    expect(await first).toMatchObject({ method: 'exited', exitCode: 3, cleanupMs: 0, steps: [] });
  });
});
