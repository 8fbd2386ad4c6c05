// Fork server benchmark (issue "Warm start: a fork server…"), side by side in one run:
//   a. time to all-ready — createPool() until it resolves — for 1, 10, 50 and 100
//      workers, `start: 'spawn'` vs `start: 'forkserver'`, with a light adapter (the
//      demo adapter: grpc only) and a heavy one (bench/heavy_adapter.py: ~500 ms of
//      CPU at import, like numpy/torch). Target: 100 light workers ≤ 1.5 s.
//   b. restart latency of one crashed worker (SIGKILL → its replacement is ready),
//      backoff off. Target: ≤ 100 ms with the fork server.
//   c. memory: PSS per worker (forked workers share the fork server's pages).
//   d. placement by size: time to all-ready and Node's RSS growth for 10, 25, 50
//      and 100 light workers, `placement: 'dedicated'` vs `'shared'`, under each
//      start mode, one run each: the figures behind `placement: 'auto'`.
// Placement `shared` (one actor thread per core, as for large pools) unless
// BENCH_PLACEMENT says otherwise.
//
// Build first: `pnpm exec tsc -b`, then `node bench/forkserver.bench.mjs`.
// Env: BENCH_RUNS (3; 1 in quick mode; always 1 for 50 and 100 workers), BENCH_SIZES (1,10,50,100; 1,10 quick),
// BENCH_PARTS (a,b,c,d), BENCH_ADAPTERS (light,heavy), BENCH_PLACEMENT (shared),
// BENCH_PLACEMENT_SIZES (part d: 10,25,50,100; 10,25 quick).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { EventBus } from '@snakepit/core';
import { createPool } from '@snakepit/python-bridge';
import { isQuick } from './record.mjs';
import { printRows, pssBytes, runPids, sleep, summarize } from './stats.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? (isQuick ? 1 : 3));
const SIZES = (process.env.BENCH_SIZES ?? (isQuick ? '1,10' : '1,10,50,100'))
  .split(',')
  .map(Number);
const PARTS = new Set((process.env.BENCH_PARTS ?? 'a,b,c,d').split(','));
const PLACEMENT_SIZES = (process.env.BENCH_PLACEMENT_SIZES ?? (isQuick ? '10,25' : '10,25,50,100'))
  .split(',')
  .map(Number);
const ADAPTERS = (process.env.BENCH_ADAPTERS ?? 'light,heavy').split(',');
const PLACEMENT = process.env.BENCH_PLACEMENT ?? 'shared';
const MODES = ['spawn', 'forkserver'];
const HERE = fileURLToPath(new URL('.', import.meta.url));
const ADAPTER_OPTIONS = {
  light: { adapter: 'snakepit_worker.demo_adapter' },
  heavy: { adapter: 'heavy_adapter', pythonPath: [HERE] },
};
const READY_TARGET_MS = 1_500;
const RESTART_TARGET_MS = 100;

// A private runtime directory: this benchmark reaps nobody else's runs.
const RUNTIME_DIR = mkdtempSync(join(tmpdir(), 'snakepit-bench-fs-'));
process.env.SNAKEPIT_RUNTIME_DIR = RUNTIME_DIR;

const poolOptions = (mode, adapter, size, extra = {}) => ({
  ...ADAPTER_OPTIONS[adapter],
  size,
  start: mode,
  placement: PLACEMENT,
  // The default of each mode (CPU count for spawn, 8 × for forkserver): with
  // every heavy spawn at once, 100 × 0.7 s of CPU outlasts the start timeout.
  reapOrphans: false,
  restart: { maxRestarts: 1000, backoff: false },
  ...extra,
});

async function timeToReady(mode, adapter, size) {
  const startedAt = performance.now();
  const pool = await createPool(poolOptions(mode, adapter, size));
  const readyMs = performance.now() - startedAt;
  await pool.stop();
  return readyMs;
}

/** Time to all-ready and the growth of this process's RSS (the actor threads) at that point. */
async function readyAndNodeRss(mode, size, placement) {
  const rssBefore = process.memoryUsage.rss();
  const startedAt = performance.now();
  const pool = await createPool(poolOptions(mode, 'light', size, { placement }));
  const readyMs = performance.now() - startedAt;
  const rssBytes = process.memoryUsage.rss() - rssBefore;
  await pool.stop();
  // Let the stopped threads' memory go before the next pool is measured.
  await sleep(500);
  return { readyMs, rssBytes };
}

async function restartLatencies(mode, adapter) {
  const bus = new EventBus();
  const pool = await createPool(poolOptions(mode, adapter, 2, { bus }));
  const samples = [];
  for (let i = 0; i < (isQuick ? 3 : 7); i++) {
    const victim = pool.stats().workers[0];
    const replaced = new Promise((resolve) => {
      const off = bus.on('snakepit.pool.worker.state', (e) => {
        if (e.workerId === victim.id && e.to === 'ready') {
          off();
          resolve(performance.now());
        }
      });
    });
    const killedAt = performance.now();
    process.kill(victim.pid, 'SIGKILL');
    samples.push((await replaced) - killedAt);
    await sleep(200);
  }
  await pool.stop();
  return summarize(samples);
}

async function memoryPerWorker(mode, adapter, size) {
  const pool = await createPool(poolOptions(mode, adapter, size));
  await sleep(500);
  const workers = pool.stats().workers.map((w) => w.pid);
  const workerPss = workers.reduce((sum, pid) => sum + pssBytes(pid), 0) / workers.length;
  const all = runPids(pool.runId).reduce((sum, pid) => sum + pssBytes(pid), 0);
  await pool.stop();
  return { workerPss, perWorkerAll: all / size };
}

const mb = (bytes) => bytes / 1024 / 1024;
const median = (values) => summarize(values).median;

console.log(`# fork server vs spawn (placement ${PLACEMENT}, ${RUNS} run(s) each)`);

if (PARTS.has('a')) {
  for (const adapter of ADAPTERS) {
    const rows = [];
    for (const size of SIZES) {
      const times = { spawn: [], forkserver: [] };
      // Alternate the modes so that a change of machine load hits both alike.
      // Large pools of the heavy adapter cost a minute of CPU per spawn run: once.
      const runs = size >= 50 ? 1 : RUNS;
      for (let run = 0; run < runs; run++) {
        for (const mode of MODES) times[mode].push(await timeToReady(mode, adapter, size));
      }
      const spawn = median(times.spawn);
      const fork = median(times.forkserver);
      rows.push([`${size} workers`, spawn, fork, spawn / fork]);
    }
    printRows(
      `a. time to all-ready, ${adapter} adapter (median ms)`,
      ['workers', 'spawn ms', 'forkserver ms', 'spawn/forkserver ×'],
      rows,
    );
    const hundred = rows.find((r) => r[0] === '100 workers');
    if (adapter === 'light' && hundred) {
      const verdict = hundred[2] <= READY_TARGET_MS ? 'met' : 'missed';
      console.log(`target: 100 light workers ready ≤ ${READY_TARGET_MS} ms — ${verdict}`);
    }
  }
}

if (PARTS.has('b')) {
  const rows = [];
  for (const adapter of ADAPTERS) {
    for (const mode of MODES) {
      const s = await restartLatencies(mode, adapter);
      rows.push([`${adapter}, ${mode}`, s.median, s.max, s.n]);
    }
  }
  printRows(
    'b. restart of a SIGKILLed worker until its replacement is ready (backoff off)',
    ['adapter, mode', 'median ms', 'max ms', 'n'],
    rows,
  );
  const fork = rows.find((r) => r[0] === 'light, forkserver');
  if (fork) {
    const verdict = fork[1] <= RESTART_TARGET_MS ? 'met' : 'missed';
    console.log(`target: restart ≤ ${RESTART_TARGET_MS} ms with the fork server — ${verdict}`);
  }
}

if (PARTS.has('c')) {
  const rows = [];
  const size = isQuick ? 4 : 10;
  for (const adapter of ADAPTERS) {
    for (const mode of MODES) {
      const m = await memoryPerWorker(mode, adapter, size);
      rows.push([`${adapter}, ${mode}`, mb(m.workerPss), mb(m.perWorkerAll)]);
    }
  }
  printRows(
    `c. memory with ${size} workers (PSS, MB)`,
    ['adapter, mode', 'per worker MB', 'per worker incl. guardians and fork server MB'],
    rows,
  );
}

if (PARTS.has('d')) {
  const rows = [];
  for (const mode of MODES) {
    for (const size of PLACEMENT_SIZES) {
      const dedicated = await readyAndNodeRss(mode, size, 'dedicated');
      const shared = await readyAndNodeRss(mode, size, 'shared');
      rows.push([
        `${size} workers, ${mode}`,
        dedicated.readyMs,
        shared.readyMs,
        dedicated.readyMs / shared.readyMs,
        mb(dedicated.rssBytes),
        mb(shared.rssBytes),
      ]);
    }
  }
  printRows(
    'd. placement by size: time to all-ready and Node RSS growth, light adapter (1 run each)',
    [
      'workers, mode',
      'dedicated ms',
      'shared ms',
      'dedicated/shared ×',
      'dedicated Node +MB',
      'shared Node +MB',
    ],
    rows,
  );
}

rmSync(RUNTIME_DIR, { recursive: true, force: true });
