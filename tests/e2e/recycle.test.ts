import type { SnakepitEventMap } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import { usePools } from '../support/pools.js';
import { isGone, waitFor, workersOfRun } from '../support/processes.js';

const startPool = usePools('recycle');

describe('recycling', () => {
  it('replaces a worker after maxRequests calls without failing a call, new process first', async () => {
    const pool = await startPool({ size: 1, recycle: { maxRequests: 5 } });
    const recycled: SnakepitEventMap['snakepit.pool.worker.recycled'][] = [];
    const ended: SnakepitEventMap['snakepit.worker.process.terminated'][] = [];
    pool.events.on('snakepit.pool.worker.recycled', (e) => recycled.push(e));
    pool.events.on('snakepit.worker.process.terminated', (e) => ended.push(e));
    const first = pool.stats().workers[0]!.pid!;
    const results: unknown[] = [];
    for (let i = 0; i < 5; i++) results.push(await pool.execute('add', [i, 0]));
    await waitFor(() => pool.stats().workers[0]!.pid !== first, 10_000, 'replacement ready');
    // Calls keep flowing while the old process drains.
    for (let i = 5; i < 9; i++) results.push(await pool.execute('add', [i, 0]));
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(recycled).toEqual([
      { poolId: pool.id, workerId: `${pool.id}.w1`, pid: first, reason: 'max requests' },
    ]);
    await waitFor(() => isGone(first), 10_000, 'old process gone');
    // The old process's end says why in a closed cause, the words beside it,
    // and the pool it belonged to; it drained, so the Shutdown rung sufficed.
    await waitFor(() => ended.length === 1, 10_000, 'old process terminated event');
    expect(ended[0]).toMatchObject({
      poolId: pool.id,
      pid: first,
      exit: { cause: 'recycled', reason: 'max requests', method: 'graceful' },
    });
    expect(ended[0]!.exit.steps.map((s) => s.step)).toEqual(['graceful_requested']);
    expect(pool.stats().workers[0]!.restarts).toBe(0); // a recycle is not a restart
    expect(workersOfRun(pool.runId)).toHaveLength(1);
  });

  it('replaces a worker whose Python RSS exceeds maxRssBytes (as reported in Pong)', async () => {
    const pool = await startPool({
      size: 1,
      // Pongs (which carry the RSS) often; a generous timeout, because a loaded
      // machine may not schedule the worker for a second while it allocates.
      heartbeat: { intervalMs: 200, timeoutMs: 5_000, maxMissed: 3 },
      recycle: { maxRssBytes: 200 * 1024 * 1024 },
    });
    const first = pool.stats().workers[0]!.pid!;
    await pool.execute('allocate', { mb: 250 });
    await waitFor(() => pool.stats().workers[0]!.pid !== first, 15_000, 'replacement');
    await expect(pool.execute('add', [1, 2])).resolves.toBe(3);
    await waitFor(() => isGone(first), 10_000, 'old process gone');
  });
});
