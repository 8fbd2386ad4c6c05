// Ownership benchmark (issue "Process ownership", the bench/ item of "Done when"):
//   a. owner SIGKILL → last worker gone, for 10 workers (dedicated placement)
//      and 100 workers (shared placement, to save threads). The owner is the
//      chaos tests' script (tests/support/owner.mjs); every process is named by
//      pid + start time and polled until gone. Target: ≤ 100 ms.
//   b. graceful `pool.stop()` of 100 idle workers (shared placement), in this
//      process: until stop() resolves, and until no process of the run is left.
//      Target: ≤ 1 s.
// Median and max of BENCH_RUNS runs each (default 5), plus where the time went.
//
// Build first: `pnpm exec tsc -b`, then `node bench/ownership.bench.mjs`.
// Env: BENCH_RUNS (5), BENCH_PARTS (a,b), BENCH_KILL_CASES (10:dedicated,100:shared),
// BENCH_STOP_SIZE (100), BENCH_STOP_PLACEMENT (shared).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { EventBus } from '@snakepit/core';
import { createPool } from '@snakepit/python-bridge';
import { isAlive, printRows, printTable, refOf, runPids, sleep, summarize } from './stats.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PARTS = new Set((process.env.BENCH_PARTS ?? 'a,b').split(','));
const KILL_CASES = (process.env.BENCH_KILL_CASES ?? '10:dedicated,100:shared')
  .split(',')
  .map((c) => c.split(':'))
  .map(([size, placement]) => ({ size: Number(size), placement }));
const STOP_SIZE = Number(process.env.BENCH_STOP_SIZE ?? 100);
const STOP_PLACEMENT = process.env.BENCH_STOP_PLACEMENT ?? 'shared';
const KILL_TARGET_MS = 100;
const STOP_TARGET_MS = 1_000;
const OWNER_SCRIPT = fileURLToPath(new URL('../tests/support/owner.mjs', import.meta.url));

// A private runtime directory: this benchmark reaps nobody else's runs.
const RUNTIME_DIR = mkdtempSync(join(tmpdir(), 'snakepit-bench-'));
process.env.SNAKEPIT_RUNTIME_DIR = RUNTIME_DIR;
const tag = randomBytes(3).toString('hex');
const runIds = [];
const newRunId = (what) => {
  const runId = `own-${tag}-${what}-${runIds.length}`;
  runIds.push(runId);
  return runId;
};

function killRun(runId) {
  for (const pid of runPids(runId)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** Starts an owner with `spec` and resolves with it and its `ready` line. */
function startOwner(spec) {
  const child = spawn(process.execPath, [OWNER_SCRIPT, JSON.stringify(spec)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const ready = new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (text) => {
      const line = JSON.parse(text);
      if (line.event === 'ready') resolve(line);
      if (line.event === 'error') reject(new Error(line.message));
    });
    void exited.then(() => reject(new Error(`owner exited before ready\n${stderr}`)));
  });
  return { child, ready, exited };
}

/** Polls `refs` (every ms) until all are gone; returns when each went, from `sinceMs`. */
async function goneTimes(refs, sinceMs, timeoutMs = 10_000) {
  const goneAt = new Map();
  let pending = [...refs];
  while (pending.length > 0 && performance.now() - sinceMs < timeoutMs) {
    pending = pending.filter((ref) => {
      if (isAlive(ref)) return true;
      goneAt.set(ref, performance.now() - sinceMs);
      return false;
    });
    if (pending.length > 0) await sleep(1);
  }
  return { goneAt, survivors: pending };
}

async function killOnce({ size, placement }) {
  const runId = newRunId(`kill${size}`);
  const owner = startOwner({ runId, pool: { size, placement } });
  const ready = await owner.ready;
  const workers = ready.workers;
  const others = ready.descendants.filter((d) => !workers.some((w) => w.pid === d.pid));
  const ownerRef = { pid: ready.pid, startTime: ready.startTime };
  const killedAt = performance.now();
  owner.child.kill('SIGKILL');
  const { goneAt, survivors } = await goneTimes([ownerRef, ...workers, ...others], killedAt);
  await owner.exited;
  killRun(runId);
  if (survivors.length > 0) throw new Error(`${survivors.length} processes survived the owner`);
  const max = (list) => Math.max(...list.map((ref) => goneAt.get(ref)));
  return {
    lastWorker: max(workers),
    all: max([...workers, ...others]),
    firstWorker: Math.min(...workers.map((ref) => goneAt.get(ref))),
    // The owner counts as gone once the kernel has torn it down and we reaped it.
    owner: goneAt.get(ownerRef),
  };
}

async function benchKill() {
  const rows = [];
  const details = [];
  for (const kill of KILL_CASES) {
    const samples = { lastWorker: [], all: [], firstWorker: [], owner: [] };
    for (let i = 0; i < RUNS; i++) {
      const result = await killOnce(kill);
      for (const key of Object.keys(samples)) samples[key].push(result[key]);
      await sleep(500); // let the machine settle between runs
    }
    const name = `${kill.size} workers, ${kill.placement}`;
    rows.push({ name: `${name}: last worker gone`, ...summarize(samples.lastWorker) });
    rows.push({ name: `${name}: everything gone`, ...summarize(samples.all) });
    const median = (key) => summarize(samples[key]).median;
    details.push([name, ...['owner', 'firstWorker', 'lastWorker', 'all'].map(median)]);
  }
  printTable(
    `a. owner SIGKILL → processes gone (${RUNS} runs each; target ≤ ${KILL_TARGET_MS} ms)`,
    rows,
  );
  printRows(
    'a. where the time goes (medians, ms after the SIGKILL): owner torn down and reaped, first worker gone, last worker gone, last guardian gone',
    ['case', 'owner gone', 'first worker', 'last worker', 'everything'],
    details,
  );
  return rows;
}

async function stopOnce() {
  const runId = newRunId(`stop${STOP_SIZE}`);
  const bus = new EventBus();
  const pool = await createPool({ runId, size: STOP_SIZE, placement: STOP_PLACEMENT, bus });
  const cleanups = [];
  bus.on('snakepit.worker.cleanup.completed', (e) =>
    cleanups.push({ atMs: performance.now(), durationMs: e.durationMs, method: e.method }),
  );
  const refs = runPids(runId).map((pid) => ({ pid, startTime: refOf(pid)?.startTime }));
  await sleep(1_000); // idle: let the start-up load pass
  const stopAt = performance.now();
  await pool.stop();
  const stopMs = performance.now() - stopAt;
  const { goneAt, survivors } = await goneTimes(refs, stopAt);
  killRun(runId);
  if (survivors.length > 0) throw new Error(`${survivors.length} processes survived pool.stop()`);
  const lastCleanupMs = Math.max(...cleanups.map((c) => c.atMs)) - stopAt;
  return {
    stopMs,
    goneMs: Math.max(...goneAt.values()),
    lastCleanupMs,
    cleanupMedianMs: summarize(cleanups.map((c) => c.durationMs)).median,
    graceful: cleanups.filter((c) => c.method === 'graceful').length,
    count: cleanups.length,
  };
}

async function benchStop() {
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    results.push(await stopOnce());
    await sleep(500);
  }
  const name = `${STOP_SIZE} idle workers, ${STOP_PLACEMENT}`;
  const rows = [
    { name: `${name}: pool.stop() resolved`, ...summarize(results.map((r) => r.stopMs)) },
    { name: `${name}: every process gone`, ...summarize(results.map((r) => r.goneMs)) },
  ];
  printTable(`b. graceful pool.stop() (${RUNS} runs; target ≤ ${STOP_TARGET_MS} ms)`, rows);
  printRows(
    'b. where the time goes (per run, ms after stop()): last cleanup.completed event, median per-worker cleanup, stop() resolved; workers that exited gracefully',
    ['run', 'last worker cleaned', 'cleanup per worker', 'stop() resolved', 'graceful'],
    results.map((r, i) => [
      i + 1,
      r.lastCleanupMs,
      r.cleanupMedianMs,
      r.stopMs,
      `${r.graceful}/${r.count}`,
    ]),
  );
  return rows;
}

function verdict(rows, pattern, targetMs) {
  for (const row of rows.filter((r) => pattern.test(r.name))) {
    const isMet = row.median <= targetMs;
    console.log(
      `${isMet ? 'met   ' : 'MISSED'} ${row.name}: median ${Math.round(row.median)} ms, max ${Math.round(row.max)} ms (target ≤ ${targetMs} ms)`,
    );
  }
}

try {
  console.log(`ownership benchmark: ${RUNS} runs per case, runtime dir ${RUNTIME_DIR}`);
  const killRows = PARTS.has('a') ? await benchKill() : [];
  const stopRows = PARTS.has('b') ? await benchStop() : [];
  console.log('\ntargets');
  verdict(killRows, /last worker gone/, KILL_TARGET_MS);
  verdict(stopRows, /./, STOP_TARGET_MS);
} finally {
  for (const runId of runIds) killRun(runId);
  rmSync(RUNTIME_DIR, { recursive: true, force: true });
}
