// Pool benchmark (issue "Python worker actor, heartbeat monitor and Pool"),
// side by side in one run:
//   a. execute round trip and throughput: pool of 1 and of 8 vs a bare
//      nice-grpc client on one worker vs a JSON-lines-over-stdio Python process;
//   b. heartbeat CPU cost of 100 workers (2 s interval): heartbeats on vs off,
//      and, with BENCH_TRANSPORT=grpc, the same pings made as gRPC Health calls;
//   c. time to start and stop pools of 1, 10, 100 workers per placement;
//   d. memory per worker (Python PSS, Node RSS growth) for 10 and 100 workers.
//
// Build first: `pnpm exec tsc -b packages/python-bridge`, then `node bench/pool.bench.mjs`.
// The full run takes 3–6 min on 2 cores: part b alone needs two 100-worker pools
// and three 20 s windows, part c a 100-thread dedicated pool. Run parts apart
// with BENCH_PARTS=a (~40 s), BENCH_PARTS=b, BENCH_PARTS=c,d.
// Scale with env vars: BENCH_PARTS (a,b,c,d), BENCH_ROUND_TRIPS, BENCH_CONCURRENCY,
// BENCH_THROUGHPUT_S, BENCH_HB_WORKERS, BENCH_HB_WINDOW_S, BENCH_SETTLE_S,
// BENCH_HB_DEDICATED=1 (also measure dedicated placement; BENCH_DEDICATED_SETTLE_S), BENCH_SIZES (1,10,100),
// BENCH_START_CONCURRENCY.
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { resolvePython } from '@snakepit/core/process';
import { createPool, startPythonWorker } from '@snakepit/python-bridge';
import { openRawGrpcClient, startJsonLinesPeer, startSocketEchoPeer } from './peers.mjs';
import {
  argvOf,
  collectGarbage,
  cpuSince,
  cpuSnapshot,
  interleavedThroughput,
  printRows,
  printTable,
  pssBytes,
  ratio,
  rssBytesOf,
  runPids,
  sleep,
  summarize,
} from './stats.mjs';

const num = (name, fallback) => Number(process.env[name] ?? fallback);
const PARTS = new Set((process.env.BENCH_PARTS ?? 'a,b,c,d').split(','));
const ROUND_TRIPS = num('BENCH_ROUND_TRIPS', 1500);
const ROUNDS = 3;
const WARMUP = num('BENCH_WARMUP', 1500); // per case: grpc-js needs ~5000 calls before its JIT settles
const CONCURRENCY = num('BENCH_CONCURRENCY', 64);
const THROUGHPUT_S = num('BENCH_THROUGHPUT_S', 3);
const THROUGHPUT_ROUNDS = 6;
const HB_WORKERS = num('BENCH_HB_WORKERS', 100);
const HB_INTERVAL_MS = 2000;
const HB_WINDOW_S = num('BENCH_HB_WINDOW_S', 20);
const SETTLE_S = num('BENCH_SETTLE_S', 3);
const HB_DEDICATED = process.env.BENCH_HB_DEDICATED === '1';
// 100 fresh isolates keep compiling and collecting for ~40 s after the start
// (Node CPU of an idle dedicated pool: 12 % in the first 10 s, ~1.3 % after 50 s).
const DEDICATED_SETTLE_S = num('BENCH_DEDICATED_SETTLE_S', 45);
const settleSeconds = (placement) =>
  placement === 'dedicated' ? Math.max(SETTLE_S, DEDICATED_SETTLE_S) : SETTLE_S;
const SIZES = (process.env.BENCH_SIZES ?? '1,10,100').split(',').map(Number);
// The pools' transport: the default (framed) unless BENCH_TRANSPORT says otherwise.
const TRANSPORT_OPTION = process.env.BENCH_TRANSPORT
  ? { transport: process.env.BENCH_TRANSPORT }
  : {};
const START_CONCURRENCY = num('BENCH_START_CONCURRENCY', 4);
const PLACEMENTS = ['dedicated', 'shared', 'inline'];
// A small JSON payload (~110 bytes).
const ARGS = {
  id: 42,
  name: 'snakepit',
  tags: ['a', 'b', 'c'],
  values: [1.5, 2.5, 3.5],
  nested: { ok: true },
};

const tag = randomBytes(3).toString('hex');
const runIds = [];
const newRunId = (what) => {
  const runId = `bench-${tag}-${what}`;
  runIds.push(runId);
  return runId;
};
/** Everything started and not yet stopped: stopped in `finally`, whatever happened. */
const live = new Set();
const track = (thing, stop) => {
  const entry = { thing, stop };
  live.add(entry);
  return async () => {
    live.delete(entry);
    await stop();
  };
};

const mb = (bytes) => bytes / 2 ** 20;
const pct = (us, windowMs) => (100 * us) / (windowMs * 1000);
const fmtRate = (perS) => Math.round(perS);

async function startPool(options) {
  const runId = newRunId(options.id ?? 'pool');
  const pool = await createPool({
    ...{ startConcurrency: START_CONCURRENCY, ...TRANSPORT_OPTION },
    ...options,
    runId,
  });
  const stop = track(pool, () => pool.stop());
  return { pool, runId, stop };
}

const workerPids = (pool) =>
  pool
    .stats()
    .workers.map((w) => w.pid)
    .filter((pid) => pid !== undefined);

// ---------------------------------------------------------------------------
// a. Round trip and throughput

async function sequential(fn, count) {
  const samples = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

async function partA(python) {
  const pool1 = await startPool({ id: 'p1', size: 1 });
  const pool1c8 = await startPool({ id: 'p1c8', size: 1, concurrency: 8 });
  const pool8 = await startPool({ id: 'p8', size: 8 });
  const workerRunId = newRunId('raw');
  // Over gRPC: the baseline is a bare nice-grpc client on the same worker.
  const worker = await startPythonWorker({
    workerId: 'raw',
    runId: workerRunId,
    transport: 'grpc',
  });
  const stopWorker = track(worker, () => worker.stop());
  const raw = await openRawGrpcClient(worker.ready.grpcAddress);
  const jsonl = await startJsonLinesPeer(python);
  const stopJsonl = track(jsonl, () => jsonl.stop());
  try {
    const cases = [
      {
        name: 'raw nice-grpc Execute, 1 worker',
        call: () => raw.execute('echo', ARGS),
        pids: [worker.pid],
      },
      {
        name: 'PythonWorker.execute (WorkerClient)',
        call: () => worker.execute('echo', ARGS),
        pids: [worker.pid],
      },
      {
        name: 'pool(1).execute',
        call: () => pool1.pool.execute('echo', ARGS),
        pids: workerPids(pool1.pool),
      },
      {
        name: 'pool(8).execute',
        call: () => pool8.pool.execute('echo', ARGS),
        pids: workerPids(pool8.pool),
      },
      { name: 'JSON lines over stdio', call: () => jsonl.call('echo', ARGS), pids: [jsonl.pid] },
    ];
    const check = await pool1.pool.execute('echo', ARGS);
    if (JSON.stringify(check) !== JSON.stringify(ARGS))
      throw new Error(`echo returned ${JSON.stringify(check)}`);

    // Latency: interleaved rounds, so that drift (CPU frequency, GC, neighbours) hits all alike.
    for (const c of cases) await sequential(c.call, WARMUP);
    const samples = new Map(cases.map((c) => [c.name, []]));
    const cpu = new Map(cases.map((c) => [c.name, { nodeUs: 0, pythonUs: 0 }]));
    const perRound = Math.ceil(ROUND_TRIPS / ROUNDS);
    const latencyPhase = cpuSnapshot([...new Set(cases.flatMap((c) => c.pids))]);
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of cases) {
        const before = cpuSnapshot(c.pids);
        samples.get(c.name).push(...(await sequential(c.call, perRound)));
        const used = cpuSince(before);
        cpu.get(c.name).nodeUs += used.nodeUs;
        cpu.get(c.name).pythonUs += used.pythonNsUs;
      }
    }
    const phase = cpuSince(latencyPhase);
    const latency = new Map(cases.map((c) => [c.name, summarize(samples.get(c.name))]));
    printTable(
      `a. execute('echo', ~110 B JSON) round trip, sequential (${perRound * ROUNDS} calls each, ${ROUNDS} interleaved rounds)`,
      cases.map((c) => ({ name: c.name, ...latency.get(c.name) })),
    );
    printRows(
      `a. CPU per sequential call (Node: process.cpuUsage, all threads; Python: schedstat of the process); rest of the machine meanwhile: ${pct(phase.othersUs, phase.windowMs).toFixed(0)} % of one core`,
      ['what', 'Node µs/call', 'Python µs/call'],
      cases.map((c) => {
        const n = samples.get(c.name).length;
        return [c.name, cpu.get(c.name).nodeUs / n, cpu.get(c.name).pythonUs / n];
      }),
    );

    // Throughput: closed loops, CONCURRENCY calls outstanding.
    const tcases = [
      {
        name: 'raw nice-grpc Execute, 1 worker (8 handler threads)',
        call: cases[0].call,
        pids: [worker.pid],
      },
      {
        name: 'pool(1), concurrency 1 (default)',
        call: cases[2].call,
        pids: workerPids(pool1.pool),
      },
      {
        name: 'pool(1), concurrency 8',
        call: () => pool1c8.pool.execute('echo', ARGS),
        pids: workerPids(pool1c8.pool),
      },
      { name: 'pool(8), concurrency 1', call: cases[3].call, pids: workerPids(pool8.pool) },
      { name: 'JSON lines over stdio, pipelined', call: cases[4].call, pids: [jsonl.pid] },
    ];
    const measured = await interleavedThroughput(tcases, {
      concurrency: CONCURRENCY,
      rounds: THROUGHPUT_ROUNDS,
      sliceSeconds: THROUGHPUT_S / THROUGHPUT_ROUNDS,
    });
    const throughput = new Map([...measured].map(([name, m]) => [name, m.perS]));
    printRows(
      `a. throughput, ${CONCURRENCY} calls outstanding, ${THROUGHPUT_S} s each in ${THROUGHPUT_ROUNDS} interleaved slices (CPU: % of one core while counting)`,
      [
        'what',
        'calls/s',
        'Node %',
        'Python %',
        'Node µs/call',
        'Python µs/call',
        'rest of machine %',
      ],
      tcases.map((c) => {
        const m = measured.get(c.name);
        return [
          c.name,
          fmtRate(m.perS),
          m.nodePct,
          m.pythonPct,
          m.nodeUsPerCall,
          m.pythonUsPerCall,
          m.othersPct,
        ];
      }),
    );

    const rawL = latency.get(cases[0].name);
    const clientL = latency.get(cases[1].name);
    const p1L = latency.get(cases[2].name);
    const p8L = latency.get(cases[3].name);
    const jlL = latency.get(cases[4].name);
    const rawT = throughput.get(tcases[0].name);
    const jlT = throughput.get(tcases[4].name);
    printRows(
      'a. ratios (target: pool / raw gRPC ≤ 1.2×)',
      ['ratio', 'median', 'p99'],
      [
        ['pool(1) / raw gRPC, latency', ratio(p1L.median, rawL.median), ratio(p1L.p99, rawL.p99)],
        ['pool(8) / raw gRPC, latency', ratio(p8L.median, rawL.median), ratio(p8L.p99, rawL.p99)],
        [
          'PythonWorker / raw gRPC, latency',
          ratio(clientL.median, rawL.median),
          ratio(clientL.p99, rawL.p99),
        ],
        ['pool(1) / JSON lines, latency', ratio(p1L.median, jlL.median), ratio(p1L.p99, jlL.p99)],
        [
          'raw gRPC / JSON lines, latency',
          ratio(rawL.median, jlL.median),
          ratio(rawL.p99, jlL.p99),
        ],
      ],
    );
    printRows(
      'a. throughput ratios (> 1×: the first is slower)',
      ['ratio', 'value'],
      [
        ['raw gRPC / pool(1) c=1 (calls/s)', ratio(rawT, throughput.get(tcases[1].name))],
        ['raw gRPC / pool(1) c=8 (calls/s)', ratio(rawT, throughput.get(tcases[2].name))],
        ['raw gRPC / pool(8) (calls/s)', ratio(rawT, throughput.get(tcases[3].name))],
        ['JSON lines / pool(1) c=8 (calls/s)', ratio(jlT, throughput.get(tcases[2].name))],
        ['JSON lines / pool(8) (calls/s)', ratio(jlT, throughput.get(tcases[3].name))],
      ],
    );
  } finally {
    raw.close();
    await Promise.all([stopWorker(), stopJsonl(), pool1.stop(), pool1c8.stop(), pool8.stop()]);
  }
}

// ---------------------------------------------------------------------------
// b, c, d. Many workers: start/stop time, memory, heartbeat cost

/** Python PSS of a run (workers and their guardians) and the workers' RSS, bytes. */
function memoryOf(runId, pool) {
  const all = runPids(runId);
  const workers = workerPids(pool);
  return {
    processes: all.length,
    pssAll: all.reduce((sum, pid) => sum + pssBytes(pid), 0),
    pssWorkers: workers.reduce((sum, pid) => sum + pssBytes(pid), 0),
    rssWorkers: workers.reduce((sum, pid) => sum + rssBytesOf(pid), 0),
  };
}

async function nodeRss() {
  await collectGarbage();
  return process.memoryUsage().rss;
}

/** Waits (up to 5 s) until no process of `runId` is left; returns how many were left at once and at the end. */
async function leftovers(runId) {
  const atOnce = runPids(runId).length;
  const deadline = performance.now() + 5000;
  let left = atOnce;
  while (left > 0 && performance.now() < deadline) {
    await sleep(50);
    left = runPids(runId).length;
  }
  return { atOnce, left };
}

/**
 * One CPU window over `pids` (and this Node process). `startLoad` (optional)
 * starts periodic calls and returns `{ sent(), failed(), stop() }`; the load
 * runs SETTLE_S before the window opens, so that connections and JIT are warm.
 */
async function cpuWindow(pids, startLoad, seconds = HB_WINDOW_S) {
  const load = startLoad?.();
  if (load) await sleep(SETTLE_S * 1000);
  const sentBefore = load?.sent() ?? 0;
  const before = cpuSnapshot(pids);
  await sleep(seconds * 1000);
  const used = cpuSince(before);
  const extra = load ? { pings: load.sent() - sentBefore, failed: load.failed() } : {};
  await load?.stop();
  return { ...used, processes: pids.length, ...extra };
}

/**
 * Periodic load like N heartbeat timers: `calls[i]()` every HB_INTERVAL_MS,
 * the timers staggered over the interval. Returns a starter for {@link cpuWindow}.
 */
function periodicLoad(calls) {
  return () => {
    let sent = 0;
    let failed = 0;
    const inFlight = new Set();
    const timers = calls.map((call, i) =>
      setTimeout(
        () => {
          const tick = () => {
            sent++;
            const pending = call().catch(() => failed++);
            inFlight.add(pending);
            void pending.finally(() => inFlight.delete(pending));
          };
          tick();
          timers[i] = setInterval(tick, HB_INTERVAL_MS);
        },
        (i * HB_INTERVAL_MS) / calls.length,
      ),
    );
    return {
      sent: () => sent,
      failed: () => failed,
      async stop() {
        for (const timer of timers) clearInterval(timer);
        await Promise.all(inFlight);
      },
    };
  };
}

/** A worker's gRPC address, from its `--socket` argument (the pool does not expose it). */
function grpcAddressOf(pid) {
  const argv = argvOf(pid);
  const i = argv.indexOf('--socket');
  if (i < 0) throw new Error(`no --socket in the command line of ${pid}: ${argv.join(' ')}`);
  return `unix://${argv[i + 1]}`;
}

/** The Health RPC on every worker of `pool`, through bare nice-grpc clients. */
async function openHealthClients(pool) {
  const clients = await Promise.all(
    workerPids(pool).map((pid) => openRawGrpcClient(grpcAddressOf(pid))),
  );
  await Promise.all(clients.map((c) => c.health()));
  return {
    calls: clients.map((c) => () => c.health()),
    close: () => clients.forEach((c) => c.close()),
  };
}

/**
 * The floor of any socket heartbeat at this rate: HB_WORKERS bare Python
 * processes echoing 16 bytes on a socketpair (fd 3), pinged on the same
 * schedule, vs the same processes idle. Windows of half the usual length.
 */
async function socketFloor(python, hb) {
  const peers = [];
  const stop = track(peers, () => Promise.all(peers.map((p) => p.stop())));
  try {
    for (let i = 0; i < HB_WORKERS; i += 8) {
      const batch = Math.min(8, HB_WORKERS - i);
      peers.push(
        ...(await Promise.all(Array.from({ length: batch }, () => startSocketEchoPeer(python)))),
      );
    }
    const pids = peers.map((p) => p.pid);
    const message = Buffer.alloc(16, 7);
    await sleep(SETTLE_S * 1000);
    hb['floor: bare Python peers, idle'] = await cpuWindow(pids, undefined, HB_WINDOW_S / 2);
    const load = periodicLoad(peers.map((p) => () => p.roundTrip(message)));
    hb['floor: 16 B socketpair echo'] = await cpuWindow(pids, load, HB_WINDOW_S / 2);
  } finally {
    await stop();
  }
}

const nodeThreads = () => readdirSync(`/proc/${process.pid}/task`).length;

async function startTimed(options) {
  const rssBefore = await nodeRss();
  const threadsBefore = nodeThreads();
  const t0 = performance.now();
  const started = await startPool(options);
  const startMs = performance.now() - t0;
  const ready = started.pool.stats().byState.ready;
  return { ...started, startMs, rssBefore, ready, threads: nodeThreads() - threadsBefore };
}

async function stopTimed(started) {
  const t0 = performance.now();
  await started.stop();
  const stopMs = performance.now() - t0;
  return { stopMs, ...(await leftovers(started.runId)) };
}

async function partsBCD(python) {
  const startRows = [];
  const memRows = [];
  const hb = {};
  const record = (label, size, started, stopped, memory, rssAfter) => {
    startRows.push([
      label,
      size,
      `${started.ready}/${size}`,
      started.startMs,
      started.startMs / size,
      started.threads,
      stopped.stopMs,
      `${stopped.atOnce}/${stopped.left}`,
    ]);
    if (memory) {
      memRows.push([
        label,
        size,
        memory.processes,
        mb(memory.pssWorkers / size),
        mb(memory.pssAll / size),
        mb(memory.rssWorkers / size),
        mb((rssAfter - started.rssBefore) / size),
      ]);
    }
  };

  for (const size of SIZES) {
    for (const placement of PLACEMENTS) {
      const isHbCase =
        size === HB_WORKERS &&
        PARTS.has('b') &&
        (placement === 'shared' || (HB_DEDICATED && placement === 'dedicated'));
      if (!isHbCase && !PARTS.has('c') && !PARTS.has('d')) continue;
      const started = await startTimed({ id: `${placement.slice(0, 3)}${size}`, size, placement });
      let memory;
      let rssAfter;
      try {
        if (PARTS.has('d') && size >= 10) {
          await sleep(500);
          memory = memoryOf(started.runId, started.pool);
          rssAfter = await nodeRss();
        }
        if (isHbCase) {
          await sleep(settleSeconds(placement) * 1000);
          hb[`${placement}, heartbeats on`] = await cpuWindow(runPids(started.runId));
        }
      } finally {
        record(
          `${placement}${isHbCase ? ', heartbeats on' : ''}`,
          size,
          started,
          await stopTimed(started),
          memory,
          rssAfter,
        );
      }
      if (isHbCase) {
        const off = await startTimed({
          id: `${placement.slice(0, 3)}${size}off`,
          size,
          placement,
          heartbeat: false,
        });
        try {
          await sleep(settleSeconds(placement) * 1000);
          hb[`${placement}, heartbeats off`] = await cpuWindow(runPids(off.runId));
          // gRPC Health calls need gRPC workers: BENCH_TRANSPORT=grpc.
          if (placement === 'shared' && TRANSPORT_OPTION.transport === 'grpc') {
            const health = await openHealthClients(off.pool);
            try {
              hb[`${placement}, off + gRPC Health pings`] = await cpuWindow(
                runPids(off.runId),
                periodicLoad(health.calls),
              );
            } finally {
              health.close();
            }
          }
        } finally {
          record(`${placement}, heartbeats off`, size, off, await stopTimed(off));
        }
      }
    }
  }

  if (PARTS.has('b') && SIZES.includes(HB_WORKERS)) await socketFloor(python, hb);

  if (PARTS.has('c')) {
    printRows(
      `c. pool start (createPool until resolved, startConcurrency ${START_CONCURRENCY}) and stop (pool.stop() until resolved)`,
      [
        'placement',
        'workers',
        'ready',
        'start ms',
        'start ms/worker',
        'new Node threads',
        'stop ms',
        'procs left at stop/after 5 s',
      ],
      startRows,
    );
  }
  if (PARTS.has('d')) {
    printRows(
      'd. memory per worker, MiB (Python PSS: shared pages split; "+guard" adds each worker\'s guardian process)',
      [
        'placement',
        'workers',
        'procs',
        'PSS/worker',
        'PSS+guard/worker',
        'RSS/worker',
        'Node RSS growth/worker',
      ],
      memRows,
    );
  }
  if (PARTS.has('b') && Object.keys(hb).length > 0) printHeartbeat(hb);
}

function printHeartbeat(hb) {
  const rows = Object.entries(hb).map(([label, w]) => [
    label,
    w.processes,
    w.windowMs / 1000,
    pct(w.nodeUs, w.windowMs),
    pct(w.nodeMainUs, w.windowMs),
    pct(w.pythonTickUs, w.windowMs),
    pct(w.pythonNsUs, w.windowMs),
    pct(w.othersUs, w.windowMs),
    w.pings === undefined ? '' : `${w.pings} (${w.failed} failed)`,
  ]);
  printRows(
    `b. CPU of ${HB_WORKERS} idle workers, % of one core (Python: all workers and guardians; ticks = utime+stime, ns = schedstat)`,
    [
      'case',
      'procs',
      'window s',
      'Node %',
      'of which main thread %',
      'Python % (ticks)',
      'Python % (ns)',
      'rest of machine %',
      'pings in window',
    ],
    rows,
  );
  const diff = (on, off) => {
    const a = hb[on];
    const b = hb[off];
    if (!a || !b) return undefined;
    const node = pct(a.nodeUs, a.windowMs) - pct(b.nodeUs, b.windowMs);
    const main = pct(a.nodeMainUs, a.windowMs) - pct(b.nodeMainUs, b.windowMs);
    const pyTicks = pct(a.pythonTickUs, a.windowMs) - pct(b.pythonTickUs, b.windowMs);
    const pyNs = pct(a.pythonNsUs, a.windowMs) - pct(b.pythonNsUs, b.windowMs);
    const pings = a.pings ?? (HB_WORKERS * a.windowMs) / HB_INTERVAL_MS;
    const perPingUs = (((node + pyNs) / 100) * (a.windowMs * 1000)) / pings;
    return [
      `${on} − off`,
      node,
      main,
      pyTicks,
      pyNs,
      node + pyNs,
      perPingUs,
      node + pyNs <= 0.5 ? 'yes' : 'NO',
    ];
  };
  const diffs = [
    diff('shared, heartbeats on', 'shared, heartbeats off'),
    diff('dedicated, heartbeats on', 'dedicated, heartbeats off'),
    diff('shared, off + gRPC Health pings', 'shared, heartbeats off'),
    diff('floor: 16 B socketpair echo', 'floor: bare Python peers, idle'),
  ].filter(Boolean);
  printRows(
    `b. cost of pinging ${HB_WORKERS} workers every ${HB_INTERVAL_MS / 1000} s, % of one core (target ≤ 0.5 %)`,
    [
      'difference',
      'Node %',
      'of which main %',
      'Python % (ticks)',
      'Python % (ns)',
      'total % (Node + ns)',
      'CPU µs/ping',
      '≤ 0.5 %',
    ],
    diffs,
  );
}

// ---------------------------------------------------------------------------

async function checkNoLeftovers() {
  const deadline = performance.now() + 5000;
  let left = runIds.flatMap((id) => runPids(id));
  while (left.length > 0 && performance.now() < deadline) {
    await sleep(100);
    left = runIds.flatMap((id) => runPids(id));
  }
  const anyRun = runPids();
  console.log(
    `\ncleanup: ${left.length} process(es) of this benchmark's runs left; ${anyRun.length} process(es) with SNAKEPIT_RUN_ID on the machine${anyRun.length ? ` (pids ${anyRun.join(' ')})` : ''}`,
  );
  return left.length === 0;
}

const t0 = performance.now();
const python = await resolvePython({});
console.log(
  `pool benchmark: Node ${process.version}, Python ${python.pythonVersion} (${python.path}), grpcio ${python.grpcVersion}; parts ${[...PARTS].join(',')}`,
);
let isClean = false;
try {
  if (PARTS.has('a')) await partA(python.path);
  if (PARTS.has('b') || PARTS.has('c') || PARTS.has('d')) await partsBCD(python.path);
} finally {
  for (const entry of [...live])
    await entry.stop().catch((error) => console.error('cleanup failed:', error));
  isClean = await checkNoLeftovers();
  console.log(`total time ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
process.exit(isClean ? 0 : 1);
