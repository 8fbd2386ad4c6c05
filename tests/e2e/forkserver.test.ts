// What only `start: 'forkserver'` has: the fork server itself. (The lifecycle,
// heartbeat and chaos tests run against forked workers too: the test command
// runs them again with SNAKEPIT_TEST_START=forkserver.)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EventBus, isSnakepitError } from '@snakepit/core';
import type { SnakepitEventMap } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import { usePools } from '../support/pools.js';
import { processesOfRun, readStat, waitFor } from '../support/processes.js';

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
const startPool = usePools('forkserver');

function forkServerOf(runId: string): number | undefined {
  return processesOfRun(runId).find((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'snakepit-zygote';
    } catch {
      return false;
    }
  });
}

describe("start: 'forkserver'", () => {
  it('forks every worker from one fork server, each in its own session, and serves', async () => {
    const pool = await startPool({ size: 3, start: 'forkserver' });
    const zygote = forkServerOf(pool.runId);
    expect(zygote).toBeDefined();
    const workers = pool.stats().workers.map((w) => w.pid ?? -1);
    for (const pid of workers) {
      const stat = readStat(pid);
      expect(stat?.ppid).toBe(zygote);
      expect(stat?.pgrp).toBe(pid); // leads its own group, like a spawned worker
      expect(readFileSync(`/proc/${pid}/comm`, 'utf8').trim()).not.toBe('snakepit-zygote');
    }
    expect(await pool.execute('add', { a: 2, b: 3 })).toBe(5);
  });

  it('relays a forked worker’s stdout and stderr as its own log lines', async () => {
    const bus = new EventBus();
    const lines: SnakepitEventMap['snakepit.worker.log'][] = [];
    bus.on('snakepit.worker.log', (e) => lines.push(e));
    const pool = await startPool({ size: 1, start: 'forkserver', bus });
    await pool.execute('emit', { text: 'to stdout', stream: 'stdout' });
    await pool.execute('emit', { text: 'to stderr', stream: 'stderr' });
    await waitFor(() => lines.some((l) => l.line === 'to stderr'), 5_000, 'relayed lines');
    const worker = pool.stats().workers[0]!;
    expect(lines.find((l) => l.line === 'to stdout')).toMatchObject({
      workerId: worker.id,
      stream: 'stdout',
    });
    expect(lines.find((l) => l.line === 'to stderr')).toMatchObject({
      workerId: worker.id,
      stream: 'stderr',
    });
  });

  it('restarts a SIGKILLed fork server; its workers die with it and are replaced', async () => {
    const bus = new EventBus();
    const terminated: SnakepitEventMap['snakepit.worker.process.terminated'][] = [];
    bus.on('snakepit.worker.process.terminated', (e) => terminated.push(e));
    const pool = await startPool({ size: 2, start: 'forkserver', bus });
    const zygote = forkServerOf(pool.runId)!;
    const before = pool.stats().workers.map((w) => w.pid);
    process.kill(zygote, 'SIGKILL');
    await waitFor(
      () => {
        const now = pool.stats().workers;
        return now.every((w) => w.state === 'ready' && !before.includes(w.pid));
      },
      20_000,
      'both workers replaced',
    );
    const restarted = forkServerOf(pool.runId);
    expect(restarted).toBeDefined();
    expect(restarted).not.toBe(zygote);
    expect(terminated.find((e) => e.workerId === 'pool.forkserver')?.exit.signal).toBe('SIGKILL');
    for (const w of pool.stats().workers) expect(readStat(w.pid ?? -1)?.ppid).toBe(restarted);
    expect(await pool.execute('add', { a: 1, b: 1 })).toBe(2);
  });

  it('refuses a preload module that starts a thread at import, naming it', async () => {
    const error = await startPool({
      size: 1,
      start: 'forkserver',
      adapter: 'threaded_import_adapter',
      pythonPath: [FIXTURES],
    }).catch((e: unknown) => e);
    expect(isSnakepitError(error, 'POOL_STOPPED')).toBe(true);
    expect((error as Error).message).toMatch(/FORK_UNSAFE.*import-time-poller/s);
    expect((error as Error).message).toContain("start: 'spawn'");
  });

  it('reports an adapter that fails to import with its traceback', async () => {
    const error = await startPool({
      size: 1,
      start: 'forkserver',
      adapter: 'no_such_adapter',
    }).catch((e: unknown) => e);
    expect(isSnakepitError(error, 'POOL_STOPPED')).toBe(true);
    expect((error as Error).message).toContain('ModuleNotFoundError');
  });

  it('forks workers that import the adapter themselves when it is not preloaded', async () => {
    const pool = await startPool({
      size: 1,
      start: 'forkserver',
      adapter: 'threaded_import_adapter',
      pythonPath: [FIXTURES],
      forkServer: { preload: [] },
    });
    expect(await pool.execute('ping')).toBe('pong');
  });
});
