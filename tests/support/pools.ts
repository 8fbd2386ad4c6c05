import { randomBytes } from 'node:crypto';
import { createPool } from '@snakepit/python-bridge';
import type { Pool, PoolOptions } from '@snakepit/python-bridge';
import { afterEach } from 'vitest';
import { killRun } from './processes.js';

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
      killRun(pool.runId);
    }
  });
  return async (options = {}) => {
    const pool = await createPool({
      runId: `${prefix}-${randomBytes(4).toString('hex')}`,
      ...options,
    });
    pools.push(pool);
    return pool;
  };
}
