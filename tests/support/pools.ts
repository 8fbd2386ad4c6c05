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
 * The data plane the suite runs under: `SNAKEPIT_TEST_TRANSPORT=framed` runs
 * the same pool, heartbeat and recycle tests over the framed transport (and
 * combines with `SNAKEPIT_TEST_START`). A test that sets `transport` keeps it.
 */
export function testTransport(): { transport?: 'grpc' | 'framed' } {
  const transport = process.env.SNAKEPIT_TEST_TRANSPORT;
  if (transport === undefined || transport === '') return {};
  if (transport !== 'grpc' && transport !== 'framed') {
    throw new Error(`SNAKEPIT_TEST_TRANSPORT must be grpc or framed, got \`${transport}\``);
  }
  return { transport };
}

/** The suite's start mode and transport, to spread into pool options. */
export function testMatrix(): { start?: 'spawn' | 'forkserver'; transport?: 'grpc' | 'framed' } {
  return { ...testStart(), ...testTransport() };
}

/** What {@link usePoolCleanUp} returns. */
export interface PoolCleanUp {
  /**
   * Creates a pool with a fresh run id (and the suite's start mode and
   * transport), cleaned up after the test.
   */
  startPool: (options?: PoolOptions) => Promise<Pool>;
  /** A fresh run id whose processes are SIGKILLed after the test (for pools made by hand). */
  newRunId: () => string;
}

/**
 * The one pool clean-up of the integration tests: after every test of this
 * file, failed or not, `beforeCleanUp` runs (e.g. to kill owner processes),
 * then each pool is stopped and whatever of each run survived is SIGKILLed
 * (and its cgroup removed).
 */
export function usePoolCleanUp(
  prefix: string,
  beforeCleanUp: () => void | Promise<void> = () => {},
): PoolCleanUp {
  const pools: Pool[] = [];
  const runIds: string[] = [];
  afterEach(async () => {
    await beforeCleanUp();
    for (const pool of pools.splice(0)) await pool.stop().catch(() => {});
    for (const runId of runIds.splice(0)) await killRun(runId);
  });
  const newRunId = () => {
    const runId = `${prefix}-${randomBytes(4).toString('hex')}`;
    runIds.push(runId);
    return runId;
  };
  return {
    newRunId,
    async startPool(options = {}) {
      const pool = await createPool({ runId: newRunId(), ...testMatrix(), ...options });
      // A run id given in `options` is cleaned up too.
      if (!runIds.includes(pool.runId)) runIds.push(pool.runId);
      pools.push(pool);
      return pool;
    },
  };
}

/** {@link usePoolCleanUp}'s `startPool`, for files that need nothing else. */
export function usePools(prefix: string): (options?: PoolOptions) => Promise<Pool> {
  return usePoolCleanUp(prefix).startPool;
}
