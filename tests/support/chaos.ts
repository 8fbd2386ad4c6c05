// What the chaos files share: repetition counts, a private runtime directory,
// pools cleaned up after every test (failed or not), and the proof that a
// scenario left nothing behind — every process recorded before the fault
// (pid + start time) gone, then nothing of the run in the environment scan.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Pool } from '@snakepit/python-bridge';
import { afterAll, expect } from 'vitest';
import { printRuns, settleRuns } from './chaosResults.js';
import { killOwners } from './ownerProcess.js';
import { usePoolCleanUp } from './pools.js';
import type { PoolCleanUp } from './pools.js';
import type { GoneReport, ProcessRef } from './processes.js';
import {
  cmdlineOf,
  descendantsOf,
  processesOfRun,
  refOf,
  snapshot,
  waitFor,
  waitUntilGone,
} from './processes.js';

/** Repetitions of each scenario: SNAKEPIT_CHAOS_REPEAT (CI: 3; `pnpm chaos`: 20). */
export const REPEAT = Number(process.env.SNAKEPIT_CHAOS_REPEAT ?? 3);
/** `1 … REPEAT`, for `it.each`. */
export const repetitions = Array.from({ length: REPEAT }, (_, i) => i + 1);
/**
 * The full durations (a 15 s import, a 30 s GIL hold): set by
 * `pnpm chaos`. CI runs the same scenarios with shorter ones.
 */
export const IS_FULL = process.env.SNAKEPIT_CHAOS_FULL === '1';
/** Python fixtures (adapters acting out bad behaviour). */
export const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
/** The chaos fixture adapter (tests/fixtures/chaos_adapter.py). */
export const chaosAdapter = { adapter: 'chaos_adapter', pythonPath: [FIXTURES] };
/** Heartbeats that detect a hung worker in ~2 s even on a loaded machine. */
export const FAST_HEARTBEAT = { intervalMs: 300, timeoutMs: 1_000, maxMissed: 2 } as const;

/**
 * Sets up a chaos file: a private runtime directory (no other file's reaper
 * touches this file's runs, nor theirs the orphans this file leaves on
 * purpose), and after every test its repetition recorded, its owners killed,
 * then {@link usePoolCleanUp}'s clean-up; after the file, its table printed.
 */
export function useChaos(prefix: string): PoolCleanUp & { runtimeDir: string } {
  const runtimeDir = mkdtempSync(join(tmpdir(), `snakepit-${prefix}-`));
  process.env.SNAKEPIT_RUNTIME_DIR = runtimeDir;
  const cleanUp = usePoolCleanUp(prefix, async () => {
    settleRuns();
    await killOwners();
  });
  afterAll(() => {
    printRuns();
    rmSync(runtimeDir, { recursive: true, force: true });
  });
  return { ...cleanUp, runtimeDir };
}

/**
 * Every process of the runs right now: this process's descendants and
 * whatever carries one of the run ids, each with its start time.
 */
export function recordProcesses(...runIds: string[]): ProcessRef[] {
  return snapshot([...descendantsOf(process.pid), ...runIds.flatMap(processesOfRun)]);
}

/**
 * Polls until every process of `tracked` is gone (or `timeoutMs` after
 * `sinceMs`), then requires the environment scan of the runs to be empty.
 */
export async function expectAllGone(
  tracked: readonly ProcessRef[],
  runIds: readonly string[],
  { sinceMs = performance.now(), timeoutMs = 10_000 } = {},
): Promise<GoneReport> {
  const report = await waitUntilGone(tracked, { sinceMs, timeoutMs });
  expect(
    report.survivors.map((r) => `${r.pid} ${cmdlineOf(r.pid)}`),
    'survivors',
  ).toEqual([]);
  await waitFor(
    () => runIds.every((runId) => processesOfRun(runId).length === 0),
    3_000,
    `empty environment scan: ${runIds.flatMap(processesOfRun).map(cmdlineOf).join('; ')}`,
  );
  return report;
}

/**
 * Every scenario's clean ending: stops `pool`, then requires everything
 * recorded `before` the fault, and everything of the run now, to be gone.
 * `stopMs` is how long `pool.stop()` took.
 */
export async function stopAndExpectAllGone(
  pool: Pool,
  before: readonly ProcessRef[],
): Promise<GoneReport & { readonly stopMs: number }> {
  const stopAt = performance.now();
  const tracked = [...before, ...recordProcesses(pool.runId)];
  await pool.stop();
  const stopMs = performance.now() - stopAt;
  return { ...(await expectAllGone(tracked, [pool.runId], { sinceMs: stopAt })), stopMs };
}

/** The `code` of a SnakepitError (or any error with one), else the message. */
export function codeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) return String(error.code);
  return error instanceof Error ? error.message : String(error);
}

/** Settles with the error a promise rejected with (or fails the test if it resolved). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if ('error' in outcome) return outcome.error;
  throw new Error(`expected a rejection, got ${JSON.stringify(outcome.value)}`);
}

/** Restarts of all the pool's slots so far. */
export const restartsOf = (pool: Pool): number =>
  pool.stats().workers.reduce((n, w) => n + w.restarts, 0);

/** Every slot serving again (ready or busy) with a live process, none of them in `replaced`. */
export async function waitForFullPool(
  pool: Pool,
  replaced: readonly ProcessRef[],
  timeoutMs = 30_000,
): Promise<void> {
  const gone = new Set(replaced.map((r) => r.pid));
  await waitFor(
    () =>
      pool
        .stats()
        .workers.every(
          (w) =>
            (w.state === 'ready' || w.state === 'busy') &&
            w.pid !== undefined &&
            !gone.has(w.pid) &&
            refOf(w.pid),
        ),
    timeoutMs,
    `pool back to ${pool.stats().size} ready workers`,
    50,
  );
}
