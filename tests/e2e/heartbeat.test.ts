import { randomBytes } from 'node:crypto';
import { createPool } from '@snakepit/python-bridge';
import type { Pool } from '@snakepit/python-bridge';
import { afterEach, describe, expect, it } from 'vitest';
import { killRun } from '../support/processes.js';
import { waitFor } from '../support/processes.js';

const pools: Pool[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) {
    await pool.stop().catch(() => {});
    killRun(pool.runId);
  }
});

describe('heartbeats with default settings', () => {
  it('replace a SIGSTOPped worker within the 10 s budget', async () => {
    const pool = await createPool({ size: 1, runId: `hb-${randomBytes(4).toString('hex')}` });
    pools.push(pool);
    const stopped = pool.stats().workers[0]!.pid!;
    const t0 = Date.now();
    process.kill(stopped, 'SIGSTOP');
    await waitFor(
      () => pool.stats().byState.ready === 1 && pool.stats().workers[0]!.pid !== stopped,
      15_000,
      'replacement',
    );
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('never judge a busy-looping worker hung when both cores are saturated', async () => {
    const durationMs = Number(process.env.SNAKEPIT_LOAD_TEST_MS ?? 60_000);
    const pool = await createPool({ size: 4, runId: `hb-${randomBytes(4).toString('hex')}` });
    pools.push(pool);
    const timeouts: unknown[] = [];
    pool.events.on('snakepit.worker.heartbeat.timeout', (e) => timeouts.push(e));
    // Four workers spinning on two cores: every core is saturated throughout.
    const load = Array.from({ length: 4 }, () => pool.execute('cpu', { ms: durationMs }));
    await Promise.all(load);
    expect(timeouts).toEqual([]);
    expect(pool.stats().workers.every((w) => w.restarts === 0)).toBe(true);
  }, 180_000);
});
