import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EventBus, isSnakepitError } from '@snakepit/core';
import { runtimeDir } from '@snakepit/core/process';
import { createPool } from '@snakepit/python-bridge';
import type { Pool } from '@snakepit/python-bridge';
import { describe, expect, it } from 'vitest';
import { testMatrix, usePools } from '../support/pools.js';
import { FIXTURES } from '../support/chaos.js';
import { isGone, processesOfRun, waitFor } from '../support/processes.js';

const startPool = usePools('pool');

function pidOf(pool: Pool, index: number): number {
  const pid = pool.stats().workers[index]?.pid;
  if (pid === undefined) throw new Error(`worker ${index} has no pid`);
  return pid;
}

describe.each(['dedicated', 'shared', 'inline'] as const)(
  'a pool with %s placement',
  (placement) => {
    it('serves concurrent calls on every worker and stops leaving nothing behind', async () => {
      const pool = await startPool({ size: 2, placement });
      expect(pool.stats().byState.ready).toBe(2);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => pool.execute('add', [i, 1])),
      );
      expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const pids = pool.stats().workers.map((w) => w.pid);
      expect(new Set(pids).size).toBe(2);
      await pool.stop();
      await waitFor(() => processesOfRun(pool.runId).length === 0, 5_000, 'no process left');
      expect(pool.stats().state).toBe('stopped');
      await expect(pool.execute('add', [1, 1])).rejects.toSatisfy((e) =>
        isSnakepitError(e, 'POOL_STOPPED'),
      );
    });

    it('reports every crashed process (process.terminated) and leaves no socket file behind', async () => {
      // Dedicated threads lost this event for most crashes: the thread's result
      // overtook its last events, and the port was closed on them.
      const bus = new EventBus();
      const terminated = new Set<number>();
      bus.on('snakepit.worker.process.terminated', (e) => {
        if (e.pid !== undefined) terminated.add(e.pid);
      });
      const restart = { backoff: false as const, maxRestarts: 100 };
      const pool = await startPool({ size: 1, placement, bus, restart });
      for (let i = 0; i < 4; i++) {
        const victim = pidOf(pool, 0);
        process.kill(victim, 'SIGKILL');
        await waitFor(() => {
          const now = pool.stats().workers[0];
          return now?.state === 'ready' && now.pid !== victim;
        });
        await waitFor(() => terminated.has(victim), 2_000, `terminated event of ${victim}`);
      }
      // And no socket file is left behind by the SIGKILLed ones.
      const sockets = readdirSync(join(runtimeDir(), 'runs', pool.runId)).filter((name) =>
        /^pool\.w\d+\..*\.sock$/.test(name),
      );
      expect(sockets).toHaveLength(1);
    });
  },
);

describe('pool supervision', () => {
  it('fails the call of a worker killed mid-call with WORKER_CRASHED and returns to full size', async () => {
    const pool = await startPool({ size: 2 });
    const victim = pidOf(pool, 0);
    const call = pool.execute('sleep', { seconds: 10 }).catch((e: unknown) => e);
    await waitFor(() => pool.stats().workers.some((w) => w.inFlight === 1));
    const busyPid = pool.stats().workers.find((w) => w.inFlight === 1)!.pid!;
    process.kill(busyPid, 'SIGKILL');
    expect(isSnakepitError(await call, 'WORKER_CRASHED')).toBe(true);
    await waitFor(
      () =>
        pool.stats().byState.ready === 2 && !pool.stats().workers.some((w) => w.pid === busyPid),
      10_000,
      'pool back to full size with a new process',
    );
    expect(pool.stats().workers.find((w) => w.restarts === 1)).toBeDefined();
    await expect(pool.execute('add', [2, 2])).resolves.toBe(4);
    expect(victim).toBeGreaterThan(0);
  });

  it('fails a call whose handler exits the process (os._exit) and restarts the worker', async () => {
    const pool = await startPool({ size: 1 });
    const first = pidOf(pool, 0);
    const error = await pool.execute('crash', { code: 7 }).catch((e: unknown) => e);
    expect(isSnakepitError(error, 'WORKER_CRASHED')).toBe(true);
    await waitFor(
      () => pool.stats().byState.ready === 1 && pidOf(pool, 0) !== first,
      10_000,
      'restart',
    );
    await expect(pool.execute('add', [1, 1])).resolves.toBe(2);
  });

  it('refuses payloads over maxPayloadBytes both ways with PAYLOAD_TOO_LARGE, and keeps serving', async () => {
    const pool = await startPool({ size: 1, maxPayloadBytes: 64 * 1024 });
    const big = await pool
      .execute('echo', { text: 'x'.repeat(100 * 1024) })
      .catch((e: unknown) => e);
    expect(isSnakepitError(big, 'PAYLOAD_TOO_LARGE')).toBe(true);
    const bytes = new Uint8Array(50 * 1024);
    await expect(pool.execute('echo_bytes', bytes)).resolves.toHaveLength(50 * 1024);
    // A result over the limit: Python's gRPC refuses to send it.
    const result = await pool.execute('blob', { kib: 200 }).catch((e: unknown) => e);
    expect(isSnakepitError(result, 'PAYLOAD_TOO_LARGE')).toBe(true);
    // Just over the limit, within gRPC's room for the envelope: refused all the same.
    const justOver = await pool.execute('blob', { kib: 100 }).catch((e: unknown) => e);
    expect(isSnakepitError(justOver, 'PAYLOAD_TOO_LARGE')).toBe(true);
    expect((justOver as Error).message).toMatch(
      /^Result of `blob` is \d+ bytes, over the limit of 65536/,
    );
    await expect(pool.execute('add', [2, 3])).resolves.toBe(5);
    expect(pool.stats().workers[0]!.restarts).toBe(0);
  });

  it('replaces a worker whose data plane broke while its heartbeat answers (issue 20, defect 6)', async () => {
    const bus = new EventBus();
    const recycled: string[] = [];
    bus.on('snakepit.pool.worker.recycled', (e) => recycled.push(e.reason));
    const pool = await startPool({
      size: 1,
      adapter: 'chaos_adapter',
      pythonPath: [FIXTURES],
      heartbeat: { intervalMs: 200 },
      bus,
    });
    const brokenPid = await pool.execute<number>('break_data_plane');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Each failure marks the slot unhealthy and the next Pong clears it again: the
    // calls keep failing until the slot is replaced.
    const deadline = Date.now() + 20_000;
    let answer: unknown;
    while (Date.now() < deadline) {
      answer = await pool.execute('add', { a: 1, b: 2 }).catch((error: unknown) => error);
      if (answer === 3) break;
      expect(
        isSnakepitError(answer, 'WORKER_CRASHED') || isSnakepitError(answer, 'POOL_SATURATED'),
      ).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(answer).toBe(3);
    expect(recycled).toEqual(['data plane failing']);
    expect(pool.stats().workers[0]!.pid).not.toBe(brokenPid);
    await waitFor(() => isGone(brokenPid), 10_000, 'the broken worker gone');
  });

  it('lets many calls share one AbortSignal without a MaxListenersExceededWarning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const pool = await startPool({ size: 2, concurrency: 8 });
      const { signal } = new AbortController();
      const calls = (options: { timeoutMs?: number }) =>
        Array.from({ length: 16 }, () =>
          pool.execute('sleep', { seconds: 0.2 }, { signal, ...options }),
        );
      await Promise.all([...calls({}), ...calls({ timeoutMs: 10_000 })]);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });

  it('keeps the capacity of a timed-out call until Python has finished it (issue 20, risks)', async () => {
    const pool = await startPool({ size: 1, heartbeat: { intervalMs: 200 } });
    const startedAt = Date.now();
    const abandoned = await pool
      .execute('sleep', { seconds: 1.5 }, { timeoutMs: 200 })
      .catch((error: unknown) => error);
    expect(isSnakepitError(abandoned, 'EXECUTE_TIMEOUT')).toBe(true);
    // Python still runs it: the worker is busy, and the next call waits for it.
    expect(pool.stats().workers[0]).toMatchObject({ inFlight: 1, state: 'busy' });
    const next = pool.execute('add', { a: 1, b: 1 }).then((value) => ({ value, at: Date.now() }));
    const answered = await next;
    expect(answered.value).toBe(2);
    expect(answered.at - startedAt).toBeGreaterThanOrEqual(1_400);
    await waitFor(() => pool.stats().workers[0]?.inFlight === 0, 5_000, 'capacity back');
  });

  it('retries an idempotent call on another worker when its worker dies', async () => {
    const pool = await startPool({ size: 2 });
    const call = pool.execute('sleep', { seconds: 1 }, { idempotent: true });
    await waitFor(() => pool.stats().workers.some((w) => w.inFlight === 1));
    process.kill(pool.stats().workers.find((w) => w.inFlight === 1)!.pid!, 'SIGKILL');
    await expect(call).resolves.toBe(1);
  });

  it('declares a SIGSTOPped worker hung and has a replacement serving within 3 s (500 ms heartbeat)', async () => {
    const pool = await startPool({
      size: 1,
      heartbeat: { intervalMs: 500, timeoutMs: 500, maxMissed: 3 },
    });
    const stopped = pidOf(pool, 0);
    const t0 = Date.now();
    process.kill(stopped, 'SIGSTOP');
    await waitFor(
      () => pool.stats().workers[0]?.state === 'ready' && pidOf(pool, 0) !== stopped,
      10_000,
      'replacement',
    );
    const elapsedMs = Date.now() - t0;
    await expect(pool.execute('add', [1, 2])).resolves.toBe(3);
    await waitFor(() => isGone(stopped), 5_000, 'hung worker gone');
    expect(elapsedMs).toBeLessThan(3_000);
  });

  it('does not kill a worker that announced Busy while holding the GIL, but kills one that did not', async () => {
    const pool = await startPool({
      size: 2,
      heartbeat: { intervalMs: 300, timeoutMs: 300, maxMissed: 3 },
    });
    const announced = pool.execute('hold_gil', { seconds: 3, announce_busy: true });
    await expect(announced).resolves.toBe(3);
    expect(pool.stats().workers.every((w) => w.restarts === 0)).toBe(true);
    const silent = pool.execute('hold_gil', { seconds: 5 }).catch((e: unknown) => e);
    expect(isSnakepitError(await silent, 'WORKER_CRASHED')).toBe(true);
    await waitFor(() => pool.stats().byState.ready === 2, 10_000, 'replacement');
    expect(pool.stats().workers.some((w) => w.restarts === 1)).toBe(true);
  });

  it('gives up with POOL_STOPPED and the Python traceback when the adapter cannot be imported', async () => {
    const runId = `pool-${randomBytes(4).toString('hex')}`;
    const error = await createPool({
      runId,
      ...testMatrix(),
      size: 2,
      adapter: 'no_such_adapter',
    }).catch((e: unknown) => e);
    expect(isSnakepitError(error, 'POOL_STOPPED')).toBe(true);
    expect(String((error as Error).cause)).toContain('ModuleNotFoundError');
    await waitFor(() => processesOfRun(runId).length === 0, 5_000, 'no process left');
  });

  it('gives up after startAttempts failed starts even when backoff keeps them under the restart intensity', async () => {
    // Each start fails after a 0.4 s import and the intensity allows 1000
    // restarts: before startAttempts, createPool stayed pending for ever.
    const runId = `pool-${randomBytes(4).toString('hex')}`;
    const startedAt = performance.now();
    const error = await createPool({
      runId,
      ...testMatrix(),
      size: 1,
      adapter: 'slow_import_adapter',
      pythonPath: [FIXTURES],
      env: { SNAKEPIT_CHAOS_IMPORT_S: '0.4', SNAKEPIT_CHAOS_IMPORT_FAIL: '1' },
      startAttempts: 2,
      restart: { maxRestarts: 1000, backoff: { minDelayMs: 200, maxDelayMs: 200 } },
      // Forked workers import the adapter themselves (a fork server that
      // preloaded it would fail first, with PRELOAD_FAILED).
      forkServer: { preload: [] },
    }).catch((e: unknown) => e);
    expect(isSnakepitError(error, 'POOL_STOPPED')).toBe(true);
    expect((error as Error).message).toMatch(
      /worker pool\.w1 failed to start 2 times in a row \(startAttempts: 2\)/,
    );
    expect(String((error as Error).cause)).toContain('failing on purpose');
    expect(performance.now() - startedAt).toBeLessThan(20_000);
    await waitFor(() => processesOfRun(runId).length === 0, 5_000, 'no process left');
  });
});

describe('pool queueing', () => {
  it('queues calls beyond capacity and refuses them when the queue is full', async () => {
    const pool = await startPool({ size: 1, maxQueue: 1 });
    const first = pool.execute('sleep', { seconds: 0.5 });
    const second = pool.execute('add', [1, 1]);
    const third = pool.execute('add', [1, 1]).catch((e: unknown) => e);
    expect(isSnakepitError(await third, 'POOL_SATURATED')).toBe(true);
    await expect(first).resolves.toBe(0.5);
    await expect(second).resolves.toBe(2);
  });

  it('fails a call that waited longer than queueTimeoutMs, and an aborted one', async () => {
    const pool = await startPool({ size: 1, queueTimeoutMs: 100 });
    const busy = pool.execute('sleep', { seconds: 0.5 });
    const late = await pool.execute('add', [1, 1]).catch((e: unknown) => e);
    expect(isSnakepitError(late, 'POOL_SATURATED')).toBe(true);
    const controller = new AbortController();
    const aborted = pool
      .execute('add', [1, 1], { signal: controller.signal })
      .catch((e: unknown) => e);
    controller.abort();
    expect(isSnakepitError(await aborted, 'ABORTED')).toBe(true);
    await busy;
  });

  // Issue 20, defect 5: `timeoutMs` used to start only once a worker took the
  // call (a `timeoutMs: 1000` call behind a wedged worker was pending after 5 s).
  it('fails a call whose timeoutMs ran out in the queue with EXECUTE_TIMEOUT, and serves the one behind it', async () => {
    const pool = await startPool({ size: 1 });
    const busy = pool.execute('sleep', { seconds: 3 });
    const startedAt = performance.now();
    const queued = pool.execute('add', [1, 1], { timeoutMs: 300 }).catch((e: unknown) => e);
    const behind = pool.execute('add', [2, 2]);
    const error = await queued;
    const failedAfterMs = performance.now() - startedAt;
    expect(isSnakepitError(error, 'EXECUTE_TIMEOUT')).toBe(true);
    expect((error as Error).message).toMatch(/still waiting for a worker after 300 ms/);
    expect(failedAfterMs).toBeGreaterThanOrEqual(290);
    expect(failedAfterMs).toBeLessThan(1_500);
    expect(pool.stats().queued).toBe(1);
    await expect(busy).resolves.toBe(3);
    await expect(behind).resolves.toBe(4);
  });

  it('gives the worker only what the queue left of timeoutMs', async () => {
    const pool = await startPool({ size: 1 });
    const busy = pool.execute('sleep', { seconds: 1 });
    // 1.5 s of work fits in 1.8 s, but not in what is left after ~1 s in the queue.
    const error = await pool
      .execute('sleep', { seconds: 1.5 }, { timeoutMs: 1_800 })
      .catch((e: unknown) => e);
    expect(isSnakepitError(error, 'EXECUTE_TIMEOUT')).toBe(true);
    expect((error as Error).message).toMatch(
      /within 1800 ms .*ms of it spent waiting for a worker/,
    );
    expect((error as { details: { queueWaitMs: number } }).details.queueWaitMs).toBeGreaterThan(
      500,
    );
    await busy;
  });

  it('streams the items of a generator command', async () => {
    const pool = await startPool({ size: 1 });
    const items: unknown[] = [];
    for await (const item of pool.stream('count', { n: 5 })) items.push(item);
    expect(items).toEqual([0, 1, 2, 3, 4]);
  });
});
