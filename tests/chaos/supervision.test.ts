// Issue 8's supervision scenarios against real workers: 3 (actor thread
// terminated), 4 (worker SIGSTOPped: replaced; and its owner SIGKILLed
// meanwhile), 5 (a hung worker that ignores SIGTERM), 9 (crash loop →
// backoff → escalation), 11 (a long GIL-holding call with and without
// `Busy`), 17 (half the pool killed at once under load), and issue 20's 18
// (handlers raising a BaseException that is not an Exception) and 19 (a
// worker's wall clock stepped ±1 h inside `busy()`). Each records the
// processes before the fault (pid + start time) and ends with none of them
// left and an empty environment scan. Build first (`pnpm build`).
import './../support/trackThreads.js';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SnakepitEventMap } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import {
  FAST_HEARTBEAT,
  FIXTURES,
  IS_FULL,
  codeOf,
  expectAllGone,
  stopAndExpectAllGone,
  recordProcesses,
  rejectionOf,
  repetitions,
  useChaos,
  chaosAdapter,
  restartsOf,
  waitForFullPool,
} from '../support/chaos.js';
import {
  BASE_EXCEPTION_HANDLERS,
  BASE_EXCEPTION_KINDS,
  raiseBaseException,
} from '../support/baseExceptions.js';
import { startRun } from '../support/chaosResults.js';
import { startOwner } from '../support/ownerProcess.js';
import type { ProcessRef } from '../support/processes.js';
import {
  descendantsOf,
  isAlive,
  processesOfRun,
  readStat,
  refOf,
  snapshot,
  waitFor,
  waitUntilGone,
  workersOfRun,
} from '../support/processes.js';
import { liveThreads } from '../support/trackThreads.js';

const { startPool, runtimeDir } = useChaos('chaos-sup');

/** The worker process of `pid` and its guardian (the worker's only child at start). */
function workerAndGuardian(pid: number): ProcessRef[] {
  return snapshot([pid, ...descendantsOf(pid)]);
}

describe('3. actor thread terminated', () => {
  it.each(repetitions)(
    'run %i: the thread dies → its worker process is killed, the slot restarts, the others serve on',
    async () => {
      const run = startRun('3. actor thread terminated');
      const pool = await startPool({ size: 3, placement: 'dedicated' });
      const before = recordProcesses(pool.runId);
      const workers = pool.stats().workers.map((w) => refOf(w.pid!)!);
      const threads = liveThreads();
      expect(threads.length).toBeGreaterThanOrEqual(3);

      const victim = threads[Math.floor(Math.random() * threads.length)]!;
      const faultAt = performance.now();
      await victim.terminate();
      // Exactly one worker (the one that thread spawned: PDEATHSIG is per thread) dies.
      await waitFor(() => workers.some((w) => !isAlive(w)), 5_000, 'a worker process gone', 5);
      const diedMs = performance.now() - faultAt;
      const dead = workers.filter((w) => !isAlive(w));
      expect(dead).toHaveLength(1);
      await waitForFullPool(pool, dead);
      run.measure(performance.now() - faultAt, `worker gone after ${Math.round(diedMs)} ms`);

      expect(restartsOf(pool)).toBe(1);
      expect(workers.filter(isAlive)).toHaveLength(2);
      await expect(
        Promise.all([1, 2, 3, 4, 5, 6].map((i) => pool.execute('add', { a: i, b: 1 }))),
      ).resolves.toEqual([2, 3, 4, 5, 6, 7]);

      await stopAndExpectAllGone(pool, before);
      run.ok();
    },
    60_000,
  );
});

describe('4. worker SIGSTOPped (hung)', () => {
  it.each(repetitions)(
    'run %i: detected by heartbeat, SIGKILLed with its group, replaced',
    async () => {
      const run = startRun('4a. SIGSTOP → detected, replaced');
      const pool = await startPool({ size: 2, heartbeat: FAST_HEARTBEAT, ...chaosAdapter });
      const timeouts: SnakepitEventMap['snakepit.worker.heartbeat.timeout'][] = [];
      pool.events.on('snakepit.worker.heartbeat.timeout', (e) => timeouts.push(e));
      const grandchild = await pool.execute<number[]>('spawn_children', { n: 1 });
      const before = recordProcesses(pool.runId);
      const victimPid = readStat(grandchild[0]!)!.ppid;
      const victim = workerAndGuardian(victimPid);
      expect(victim.map((r) => r.pid)).toEqual(expect.arrayContaining(grandchild));

      const faultAt = performance.now();
      process.kill(victimPid, 'SIGSTOP');
      const report = await waitUntilGone(victim, { sinceMs: faultAt, timeoutMs: 15_000 });
      await waitForFullPool(pool, victim);
      run.measure(
        report.lastGoneMs,
        `replaced after ${Math.round(performance.now() - faultAt)} ms`,
      );

      expect(report.survivors).toEqual([]);
      // One event per missed ping, all of the stopped worker, up to the verdict.
      expect(new Set(timeouts.map((e) => e.pid))).toEqual(new Set([victimPid]));
      expect(Math.max(...timeouts.map((e) => e.missed))).toBe(FAST_HEARTBEAT.maxMissed);
      expect(restartsOf(pool)).toBe(1);
      await expect(pool.execute('add', { a: 1, b: 2 })).resolves.toBe(3);
      await stopAndExpectAllGone(pool, before);
      run.ok();
    },
    60_000,
  );

  it.each(repetitions)(
    'run %i: the owner SIGKILLed while a worker is stopped (before or during its replacement): nothing survives',
    async () => {
      const run = startRun('4b. SIGSTOP, then owner SIGKILL');
      const owner = startOwner({
        pool: { size: 3, heartbeat: FAST_HEARTBEAT, ...chaosAdapter },
        grandchildren: [1, 1, 1],
        stopped: 1,
      });
      const ready = await owner.next('ready');
      const tracked = snapshot([
        ...descendantsOf(owner.pid),
        ...processesOfRun(owner.runId),
      ]).filter((r) => r.pid !== owner.pid);
      expect(tracked.length).toBeGreaterThanOrEqual(9); // 3 workers, 3 guardians, 3 grandchildren
      expect(ready.workers.filter((w) => w.role === 'stopped')).toHaveLength(1);

      // Detection takes ~1–2 s: kills land before it, during it and during the replacement.
      const delayMs = Math.random() * 3_000;
      await sleep(delayMs);
      const late = snapshot(processesOfRun(owner.runId));
      const killedAt = owner.kill();
      const report = await waitUntilGone([...tracked, ...late], {
        sinceMs: killedAt,
        timeoutMs: 5_000,
      });
      run.measure(report.lastGoneMs, `killed ${Math.round(delayMs)} ms after SIGSTOP`);
      expect(report.survivors).toEqual([]);
      await expectAllGone([], [owner.runId]);
      run.ok();
    },
    120_000,
  );
});

describe('5. worker ignoring SIGTERM', () => {
  it.each(repetitions)(
    'run %i: hung and deaf to SIGTERM, it is SIGKILLed after killAfterMs and replaced',
    async () => {
      const run = startRun('5. hung, ignores SIGTERM → SIGKILL');
      const killAfterMs = 1_000;
      const pool = await startPool({
        size: 2,
        heartbeat: FAST_HEARTBEAT,
        killAfterMs,
        shutdownTimeoutMs: 500,
        ...chaosAdapter,
      });
      const cleanups: SnakepitEventMap['snakepit.worker.cleanup.completed'][] = [];
      pool.events.on('snakepit.worker.cleanup.completed', (e) => cleanups.push(e));
      const before = recordProcesses(pool.runId);
      // SIGTERM ignored, then the GIL held forever: no Pong, no Shutdown, no handler.
      const wedgedPid = await pool.execute<number>('wedge');
      const victim = workerAndGuardian(wedgedPid);

      const faultAt = performance.now();
      const report = await waitUntilGone(victim, { sinceMs: faultAt, timeoutMs: 15_000 });
      await waitForFullPool(pool, victim);
      run.measure(report.lastGoneMs, 'wedge → gone');

      expect(report.survivors).toEqual([]);
      const cleanup = cleanups.find((e) => e.pid === wedgedPid);
      expect(cleanup?.method).toBe('killed');
      expect(restartsOf(pool)).toBe(1);
      await expect(pool.execute('add', { a: 1, b: 2 })).resolves.toBe(3);
      await stopAndExpectAllGone(pool, before);
      run.ok();
    },
    60_000,
  );
});

describe('9. crash loop', () => {
  it.each(repetitions)(
    'run %i: restarts back off, the supervisor gives up, the pool reports it, nothing survives',
    async (i) => {
      const run = startRun('9. crash loop → backoff, escalation');
      const crashFile = join(runtimeDir, `crash-${i}`);
      const pool = await startPool({
        size: 2,
        adapter: 'crash_loop_adapter',
        pythonPath: [FIXTURES],
        env: { SNAKEPIT_CHAOS_CRASH_FILE: crashFile },
        // It crashes at import: forked workers must import it themselves.
        forkServer: { preload: [] },
        restart: {
          maxRestarts: 4,
          periodMs: 60_000,
          backoff: { minDelayMs: 100, maxDelayMs: 800 },
        },
      });
      const restarts: SnakepitEventMap['snakepit.supervisor.child.restarted'][] = [];
      const escalations: SnakepitEventMap['snakepit.supervisor.escalated'][] = [];
      const failures: SnakepitEventMap['snakepit.pool.failed'][] = [];
      pool.events.on('snakepit.supervisor.child.restarted', (e) => restarts.push(e));
      pool.events.on('snakepit.supervisor.escalated', (e) => escalations.push(e));
      pool.events.on('snakepit.pool.failed', (e) => failures.push(e));
      const before = recordProcesses(pool.runId);

      writeFileSync(crashFile, '');
      const faultAt = performance.now();
      await pool.execute('crash', { code: 1 }).catch(() => {});
      await waitFor(() => pool.stats().state === 'failed', 30_000, 'pool failed', 20);
      const failedMs = performance.now() - faultAt;
      // Processes born during the loop are in the environment scan.
      await expectAllGone(before, [pool.runId], { sinceMs: faultAt });
      run.measure(
        failedMs,
        `${restarts.length} restarts, delays ${restarts.map((r) => r.delayMs).join('/')}`,
      );
      rmSync(crashFile, { force: true });

      expect(restarts.length).toBeGreaterThanOrEqual(4);
      // Backoff: the delays of one child's consecutive restarts grow.
      const first = restarts[0]!.childId;
      const delays = restarts.filter((r) => r.childId === first).map((r) => r.delayMs);
      expect(delays.length).toBeGreaterThanOrEqual(2);
      expect(Math.max(...delays.slice(1))).toBeGreaterThan(delays[0]!);
      expect(escalations).toHaveLength(1);
      expect(escalations[0]!.escalation).toBe('reached_max_restart_intensity');
      expect(failures).toHaveLength(1);
      expect(codeOf(await rejectionOf(pool.execute('add', { a: 1, b: 2 })))).toBe('POOL_STOPPED');
      expect(workersOfRun(pool.runId)).toEqual([]);
      run.ok();
    },
    60_000,
  );
});

const HOLD_S = IS_FULL ? 30 : 4;

describe(`11. a ${HOLD_S} s GIL-holding call`, () => {
  it.each(repetitions)(
    'run %i: without Busy the worker is found hung and replaced; with Busy it finishes',
    async () => {
      const run = startRun(`11. ${HOLD_S} s GIL hold, with/without Busy`);
      const pool = await startPool({ size: 2, heartbeat: FAST_HEARTBEAT });
      const before = recordProcesses(pool.runId);

      const faultAt = performance.now();
      const [silent, announced] = await Promise.allSettled([
        pool.execute('hold_gil', { seconds: HOLD_S }),
        pool.execute('hold_gil', { seconds: HOLD_S, announce_busy: true }),
      ]);
      const ms = performance.now() - faultAt;
      run.measure(ms, 'both calls settled');

      expect(announced).toEqual({ status: 'fulfilled', value: HOLD_S });
      expect(silent.status).toBe('rejected');
      expect(codeOf((silent as PromiseRejectedResult).reason)).toBe('WORKER_CRASHED');
      // The silent one was killed long before its hold ended.
      await waitForFullPool(pool, []);
      expect(restartsOf(pool)).toBe(1);
      const survivors = before.filter(isAlive);
      expect(survivors.length).toBeGreaterThanOrEqual(2); // the Busy worker and its guardian
      await stopAndExpectAllGone(pool, before);
      run.ok();
    },
    HOLD_S * 1000 + 60_000,
  );
});

describe('17. half the pool killed at once under load', () => {
  it.each(repetitions)(
    'run %i: callers get WORKER_CRASHED or succeed (idempotent retries), the pool recovers to full size',
    async () => {
      const run = startRun('17. half of 6 killed under load');
      const size = 6;
      const pool = await startPool({ size, maxQueue: 1000 });
      const crashed: string[] = [];
      pool.events.on('snakepit.pool.execute.completed', (e) => {
        if (e.outcome === 'crashed') crashed.push(e.workerId);
      });
      const before = recordProcesses(pool.runId);
      let isLoading = true;
      const errors: { idempotent: boolean; code: string }[] = [];
      let succeeded = 0;
      const caller = async (idempotent: boolean) => {
        // Ends with the test, failed or not (a stopped pool rejects at once).
        while (isLoading && pool.stats().state === 'running') {
          try {
            await pool.execute('sleep', { seconds: 0.02 }, { idempotent, timeoutMs: 20_000 });
            succeeded++;
          } catch (error) {
            errors.push({ idempotent, code: codeOf(error) });
            // A call that fails at once must not starve the event loop (timers, the test's timeout).
            await sleep(5);
          }
        }
      };
      const callers = Array.from({ length: 2 * size }, (_, i) => caller(i % 2 === 0));
      await sleep(500);
      const busy = pool.stats().workers.filter((w) => w.inFlight > 0);
      expect(busy).toHaveLength(size);
      const victims = pool.stats().workers.slice(0, size / 2);
      const victimRefs = victims.flatMap((w) => workerAndGuardian(w.pid!));
      const faultAt = performance.now();
      for (const w of victims) process.kill(w.pid!, 'SIGKILL');
      const report = await waitUntilGone(victimRefs, { sinceMs: faultAt, timeoutMs: 10_000 });
      await waitForFullPool(pool, victimRefs);
      const recoveredMs = performance.now() - faultAt;
      const successesAtRecovery = succeeded;
      await sleep(500);
      isLoading = false;
      await Promise.all(callers);
      const idempotentFailures = errors.filter((e) => e.idempotent).length;
      run.measure(
        recoveredMs,
        `${crashed.length} calls crashed, ${errors.length} failed (${idempotentFailures} idempotent)`,
      );

      expect(report.survivors).toEqual([]);
      expect(errors.filter((e) => e.code !== 'WORKER_CRASHED')).toEqual([]);
      expect(crashed.length, 'calls in flight on the killed workers').toBeGreaterThanOrEqual(3);
      expect(restartsOf(pool)).toBe(size / 2);
      expect(succeeded, 'calls served after the recovery').toBeGreaterThan(successesAtRecovery);
      await waitFor(() => pool.stats().byState.ready === size, 5_000, 'all idle after the load');
      await stopAndExpectAllGone(pool, before);
      run.ok();
    },
    60_000,
  );
});

describe('18. handlers raising a BaseException that is not an Exception', () => {
  it.each(repetitions)(
    'run %i: a pool of 1 answers every kind, from every kind of handler, with the Python error and serves on',
    async () => {
      const run = startRun('18. BaseException in handlers, pool of 1');
      const pool = await startPool({ size: 1, heartbeat: FAST_HEARTBEAT, ...chaosAdapter });
      const before = recordProcesses(pool.runId);
      const pid = pool.stats().workers[0]!.pid;
      // Before issue 20 the first call went unanswered: EXECUTE_TIMEOUT after 5 s.
      const calls = BASE_EXCEPTION_HANDLERS.flatMap((handler) =>
        BASE_EXCEPTION_KINDS.map(([kind, pythonType]) => ({ handler, kind, pythonType })),
      ).sort(() => Math.random() - 0.5);

      const faultAt = performance.now();
      for (const { handler, kind, pythonType } of calls) {
        const { got } = await raiseBaseException(pool, handler, kind, 5_000);
        expect(got, `${kind} from a ${handler} handler`).toBe(pythonType);
        await expect(pool.execute('add', { a: 1, b: 2 }, { timeoutMs: 5_000 })).resolves.toBe(3);
      }
      run.measure(performance.now() - faultAt, `${calls.length} raising calls, each then an add`);

      expect(pool.stats().workers[0]).toMatchObject({
        pid,
        state: 'ready',
        restarts: 0,
        inFlight: 0,
      });
      await stopAndExpectAllGone(pool, before);
      run.ok();
    },
    60_000,
  );
});

const STEPPED_HOLD_S = 4;
/** How long a hang past its Busy may take to be found: Busy (2 s) + detection + SIGKILL, generously. */
const HANG_FOUND_WITHIN_MS = 20_000;

describe('19. the wall clock of a worker stepped ±1 h while busy() runs', () => {
  // Models NTP (or an operator) stepping one machine's clock, or an owner and a
  // worker whose clocks disagree: the fixture shifts `time.time` in the worker
  // process only, by +3600 s or −3600 s, just before `busy()`; the machine's
  // clock and the owner's are left alone. Before issue 20 the Busy deadline
  // was the worker's wall-clock time, compared with the owner's: −1 h ended an
  // announced hold at once (the worker was killed), +1 h hid a hang for an hour.
  it.each(repetitions)(
    `run %i: a ${STEPPED_HOLD_S} s GIL hold inside busy() finishes, a hang past its 2 s busy() is found (each step)`,
    async () => {
      const run = startRun('19. worker clock stepped ±1 h in busy()');
      const pool = await startPool({ size: 4, heartbeat: FAST_HEARTBEAT, ...chaosAdapter });
      const terminated: SnakepitEventMap['snakepit.worker.process.terminated'][] = [];
      const timeouts: SnakepitEventMap['snakepit.worker.heartbeat.timeout'][] = [];
      pool.events.on('snakepit.worker.process.terminated', (e) => terminated.push(e));
      pool.events.on('snakepit.worker.heartbeat.timeout', (e) => timeouts.push(e));
      const before = recordProcesses(pool.runId);
      const workers = pool.stats().workers.map((w) => refOf(w.pid!)!);

      const faultAt = performance.now();
      const stepped = (step_s: number, busy_s: number, hold_s: number) =>
        pool.execute('busy_with_stepped_clock', { step_s, busy_s, hold_s }).then(
          (value) => ({ value, ms: performance.now() - faultAt }),
          (error: unknown) => ({ error: codeOf(error), ms: performance.now() - faultAt }),
        );
      const pending = sleep(HANG_FOUND_WITHIN_MS).then(() => 'still pending' as const);
      const settled = <T>(call: Promise<T>) => Promise.race([call, pending]);
      const [announcedAhead, announcedBehind, hangAhead, hangBehind] = await Promise.all([
        settled(stepped(3600, STEPPED_HOLD_S + 2, STEPPED_HOLD_S)),
        settled(stepped(-3600, STEPPED_HOLD_S + 2, STEPPED_HOLD_S)),
        settled(stepped(3600, 2, 3600)), // holds the GIL for an hour: a real hang
        settled(stepped(-3600, 2, 3600)),
      ]);
      const hangs = [hangAhead, hangBehind];
      run.measure(performance.now() - faultAt, 'the two holds done, the two hangs found');

      expect({ announcedAhead, announcedBehind }).toMatchObject({
        announcedAhead: { value: STEPPED_HOLD_S },
        announcedBehind: { value: STEPPED_HOLD_S },
      });
      expect(hangs).toMatchObject([{ error: 'WORKER_CRASHED' }, { error: 'WORKER_CRASHED' }]);
      // Found only once its Busy had ended.
      for (const hang of hangs) expect((hang as { ms: number }).ms).toBeGreaterThan(2_000);
      const killedAsHung = () => terminated.filter((e) => e.exit.cause === 'heartbeat_timeout');
      await waitFor(() => killedAsHung().length >= 2, 10_000, 'two workers killed as hung');
      const killed = killedAsHung();
      expect(killed).toHaveLength(2);
      // Each judged by its missed pings. An announced worker may miss one too (a ping
      // left unread behind the GIL when its Busy is withdrawn), never maxMissed.
      for (const { pid } of killed) {
        const missed = timeouts.filter((e) => e.pid === pid).map((e) => e.missed);
        expect(Math.max(...missed)).toBe(FAST_HEARTBEAT.maxMissed);
      }
      // The two announced workers are the same processes, still serving.
      expect(workers.filter(isAlive)).toHaveLength(2);
      await waitForFullPool(pool, []);
      expect(restartsOf(pool)).toBe(2);
      await stopAndExpectAllGone(pool, before);
      run.ok();
    },
    60_000,
  );
});
