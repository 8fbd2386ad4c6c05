// Issue 8's shutdown scenarios against real workers: 15 (a clean stop of busy,
// SIGTERM-ignoring and stopped workers together) and 16 (the owner SIGKILLed
// during its shutdown; a double SIGTERM to the CLI; and issue 20's: the same
// after a dead worker's pid went to an unrelated process). Scenario 15's
// wedged (GIL-held) and multiprocessing cases are in ownership.test.ts ("3.").
// Build first (`pnpm build`).
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FIXTURES,
  codeOf,
  expectAllGone,
  recordProcesses,
  repetitions,
  stopAndExpectAllGone,
  useChaos,
} from '../support/chaos.js';
import { startRun } from '../support/chaosResults.js';
import { startOwner } from '../support/ownerProcess.js';
import {
  descendantsOf,
  isAlive,
  killRefs,
  processesOfRun,
  readStat,
  snapshot,
  spawnWithPid,
  waitFor,
  waitUntilGone,
  workersOfRun,
} from '../support/processes.js';
import type { ProcessRef } from '../support/processes.js';
import { cleanUp, exitOf, startCli } from '../cli/cli.js';

const { startPool } = useChaos('chaos-stop');
const bystanders: ProcessRef[] = [];
afterEach(async () => {
  killRefs(bystanders.splice(0));
  await cleanUp();
});

const SHUTDOWN_TIMEOUT_MS = 1_500;
const KILL_AFTER_MS = 1_000;

describe('15. clean shutdown of busy, SIGTERM-ignoring and stopped workers together', () => {
  it.each(repetitions)(
    'run %i: a short call finishes, a long one fails typed, all are gone within the budget',
    async () => {
      const run = startRun('15. stop: busy + ignores SIGTERM + stopped');
      const pool = await startPool({
        size: 4,
        adapter: 'chaos_adapter',
        pythonPath: [FIXTURES],
        shutdownTimeoutMs: SHUTDOWN_TIMEOUT_MS,
        killAfterMs: KILL_AFTER_MS,
      });
      const methods = new Map<number | undefined, string>();
      pool.events.on('snakepit.worker.cleanup.completed', (e) => methods.set(e.pid, e.method));
      await Promise.all(pool.stats().workers.map(() => pool.execute('add', { a: 0, b: 0 })));
      // One worker ignores SIGTERM (idle: it still obeys Shutdown); then two busy ones.
      await pool.execute('ignore_sigterm');
      const deaf = pool.stats().workers.find((w) => w.inFlight === 0)!.pid!;
      const short = pool.execute('sleep', { seconds: 0.5 });
      const long = pool.execute('sleep', { seconds: 3600 }).catch((e: unknown) => e);
      await waitFor(() => pool.stats().workers.filter((w) => w.inFlight > 0).length === 2);
      const idle = pool.stats().workers.filter((w) => w.inFlight === 0);
      const stopped = idle.find((w) => w.pid !== deaf)?.pid;
      expect(stopped).toBeDefined();
      process.kill(stopped!, 'SIGSTOP');
      await waitFor(() => readStat(stopped!)?.state === 'T', 2_000, 'worker stopped');
      expect(recordProcesses(pool.runId).length).toBeGreaterThanOrEqual(8);

      const { lastGoneMs, stopMs } = await stopAndExpectAllGone(pool, []);
      run.measure(lastGoneMs, `pool.stop() ${Math.round(stopMs)} ms`);

      await expect(short).resolves.toBe(0.5);
      expect(codeOf(await long)).toBe('WORKER_CRASHED');
      expect(stopMs).toBeLessThanOrEqual(SHUTDOWN_TIMEOUT_MS + KILL_AFTER_MS + 1_500);
      expect(methods.get(stopped)).toBe('terminated');
      expect(methods.size).toBe(4);
      run.ok();
    },
    60_000,
  );
});

describe('16. SIGKILL during shutdown; double SIGTERM (also after pid reuse)', () => {
  it.each(repetitions)(
    'run %i: the owner SIGKILLed 0–1.5 s into pool.stop(): nothing survives',
    async () => {
      const run = startRun('16a. owner SIGKILLed during stop');
      const owner = startOwner({
        pool: { size: 4, shutdownTimeoutMs: 3_000, killAfterMs: 1_000 },
        grandchildren: [1, 1],
        calls: [{ command: 'sleep', args: { seconds: 3600 } }, { command: 'hang' }],
        stopAfterReady: true,
      });
      await owner.next('ready');
      const tracked = snapshot([
        ...descendantsOf(owner.pid),
        ...processesOfRun(owner.runId),
      ]).filter((r) => r.pid !== owner.pid);
      expect(tracked.length).toBeGreaterThanOrEqual(10);
      await owner.next('stopping');
      const delayMs = Math.random() * 1_500;
      await sleep(delayMs);
      const late = snapshot(processesOfRun(owner.runId)).filter((r) => r.pid !== owner.pid);
      const killedAt = owner.kill();
      const report = await waitUntilGone([...tracked, ...late], {
        sinceMs: killedAt,
        timeoutMs: 5_000,
      });
      run.measure(report.lastGoneMs, `killed ${Math.round(delayMs)} ms into stop()`);
      expect(report.survivors).toEqual([]);
      await expectAllGone([], [owner.runId]);
      run.ok();
    },
    120_000,
  );

  it.each(repetitions)(
    'run %i: two SIGTERMs back to back to `snakepit run` with a stopped worker: it exits, nothing survives',
    async () => {
      const run = startRun('16b. double SIGTERM to the CLI');
      const cli = startCli(['run', '--workers', '2']);
      await waitFor(() => cli.runId() !== undefined, 30_000, 'run id printed', 50);
      const runId = cli.runId()!;
      await waitFor(() => workersOfRun(runId).length === 2, 30_000, 'two workers', 50);
      await waitFor(() => /ready/i.test(cli.output()), 30_000, 'pool ready', 50);
      // Each worker's guardian starts right after it: record them all.
      await waitFor(() => processesOfRun(runId).length >= 4, 10_000, 'workers and guardians', 50);
      const victim = workersOfRun(runId)[0]!;
      process.kill(victim, 'SIGSTOP');
      const tracked = snapshot([...descendantsOf(cli.pid), ...processesOfRun(runId)]);
      expect(tracked.length).toBeGreaterThanOrEqual(4);

      const signalAt = performance.now();
      cli.child.kill('SIGTERM');
      cli.child.kill('SIGTERM');
      const exit = await exitOf(cli, 15_000);
      const report = await expectAllGone(tracked, [runId], { sinceMs: signalAt });
      run.measure(report.lastGoneMs, `exit ${exit.code ?? exit.signal}`);
      expect(exit.code === 143 || exit.code === 0, cli.output()).toBe(true);
      run.ok();
    },
    60_000,
  );

  it.each(repetitions)(
    "run %i: a dead worker's pid reused by an unrelated process, then two SIGTERMs to `snakepit run`: that process lives, nothing of the run survives",
    async () => {
      const run = startRun('16c. pid reuse, double SIGTERM to the CLI');
      const cli = startCli(['run', '--workers', '2']);
      await waitFor(() => cli.runId() !== undefined, 30_000, 'run id printed', 50);
      const runId = cli.runId()!;
      await waitFor(() => workersOfRun(runId).length === 2, 30_000, 'two workers', 50);
      await waitFor(() => /ready/i.test(cli.output()), 30_000, 'pool ready', 50);
      const dead = workersOfRun(runId)[0]!;
      process.kill(dead, 'SIGKILL');
      await waitFor(
        () => {
          const workers = workersOfRun(runId);
          return (
            workers.length === 2 &&
            !workers.includes(dead) &&
            workers.every((pid) => cli.output().includes(`started: pid ${pid}`))
          );
        },
        30_000,
        'the dead worker replaced',
        50,
      );
      await waitFor(() => readStat(dead) === undefined, 10_000, `pid ${dead} reaped`, 20);
      // No SNAKEPIT_RUN_ID, a group of its own: `kill(-pid)` on the old pid hits it.
      const bystander = await spawnWithPid(dead);
      bystanders.push(bystander);
      expect(readStat(dead)?.pgrp).toBe(dead);
      await waitFor(() => processesOfRun(runId).length >= 4, 10_000, 'workers and guardians', 50);
      // A stopped worker holds the graceful stop for its budget: the second
      // signal lands during it and kills.
      const stopped = workersOfRun(runId)[0]!;
      process.kill(stopped, 'SIGSTOP');
      const tracked = snapshot([...descendantsOf(cli.pid), ...processesOfRun(runId)]);
      expect(tracked.map((r) => r.pid)).not.toContain(dead);

      cli.child.kill('SIGTERM');
      await waitFor(() => cli.output().includes('SIGTERM: stopping gracefully'), 5_000, 'first');
      const signalAt = performance.now();
      cli.child.kill('SIGTERM');
      const exit = await exitOf(cli, 15_000);
      const report = await expectAllGone(tracked, [runId], { sinceMs: signalAt });
      run.measure(report.lastGoneMs, `exit ${exit.code ?? exit.signal}`);
      expect(exit, cli.output()).toEqual({ code: 143, signal: null });
      expect(cli.output()).toMatch(/SIGTERM again: killed \d+ process/);
      expect(isAlive(bystander), `the unrelated process holding pid ${dead}`).toBe(true);
      run.ok();
    },
    90_000,
  );
});
