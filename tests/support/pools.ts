import { randomBytes } from 'node:crypto';
import { createPool } from '@snakepit/python-bridge';
import type { Pool, PoolOptions } from '@snakepit/python-bridge';
import { afterEach } from 'vitest';
import { killRun } from './processes.js';

/**
 * The start mode the suite runs under: `SNAKEPIT_TEST_START=forkserver` runs
 * the same lifecycle, heartbeat and chaos tests against forked workers (the
 * test command runs them once per mode). A test that sets `start` keeps it.
 */
export function testStart(): { start?: 'spawn' | 'forkserver' } {
  const start = process.env.SNAKEPIT_TEST_START;
  if (start === undefined || start === '') return {};
  if (start !== 'spawn' && start !== 'forkserver') {
    throw new Error(`SNAKEPIT_TEST_START must be spawn or forkserver, got \`${start}\``);
  }
  return { start };
}

/**
 * Returns a `startPool` for this test file: each pool gets a fresh run id,
 * and after every test each pool is stopped and anything of its run that
 * survived is SIGKILLed — even when the test failed.
 */
export function usePools(prefix: string): (options?: PoolOptions) => Promise<Pool> {
  const pools: Pool[] = [];
  afterEach(async () => {
    for (const pool of pools.splice(0)) {
      await pool.stop().catch(() => {});
      await killRun(pool.runId);
    }
  });
  return async (options = {}) => {
    const pool = await createPool({
      runId: `${prefix}-${randomBytes(4).toString('hex')}`,
      ...testStart(),
      ...options,
    });
    pools.push(pool);
    return pool;
  };
}
