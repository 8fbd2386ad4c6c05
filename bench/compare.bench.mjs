// Snakepit against the alternatives, side by side in one run (issue 8, the
// README's headline table):
//   snakepit  a pool (createPool, defaults: the framed transport, dedicated
//             placement, heartbeats on)
//   snakepitGrpc  the same pool with `transport: 'grpc'` (parts c and d)
//   jsonl     a python-shell-style worker: JSON lines on stdin/stdout
//   plain     plain child_process.spawn of a Python socket server, no guards
//   grpc      raw grpcio: a bare nice-grpc client on a grpcio server (generated
//             code only, none of snakepit_worker's guards)
// on:
//   a. orphans: the owner (a Node process) SIGKILLed with N workers, each with
//      one grandchild: processes of its tree still alive after ORPHAN_WAIT_MS;
//   b. hung worker (SIGSTOP): time until the owner knows (heartbeat.timeout)
//      and until a replacement answers; the alternatives have nothing that
//      notices (a call without a timeout hangs; one with a timeout fails, the
//      process stays);
//   c. execute('echo', ~110 B JSON) latency (sequential, interleaved rounds)
//      and throughput (64 outstanding), one worker each;
//   d. N idle workers: CPU (% of one core, Node + Python) — for Snakepit the
//      heartbeat, also measured with heartbeats off; start (until every
//      worker answers) and stop (until every process is gone) times;
//   e. payload sweep (issue 18): execute('echo_bytes', N bytes) round trip,
//      1 KiB … 64 MiB, one worker, gRPC (maxPayloadBytes raised to 128 MiB)
//      against framed (payloads over 1 MiB in parts); MB/s counts the payload
//      both ways (2 × N per round trip).
//
// Build first (`pnpm build`); `node bench/compare.bench.mjs`. BENCH_QUICK=1
// runs it in ~1 min; the full run takes ~5 min on 2 cores.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { EventBus } from '@snakepit/core';
import { resolvePython } from '@snakepit/core/process';
import { createPool } from '@snakepit/python-bridge';
import { startJsonLinesPeer, startPlainSocketPeer, startRawGrpcPeer } from './peers.mjs';
import { isQuick, record, recordSummary } from './record.mjs';
import {
  cpuSince,
  cpuSnapshot,
  describeProcesses,
  descendantsOf,
  interleavedThroughput,
  isAlive,
  printRows,
  refOf,
  ratio,
  runPids,
  sleep,
  summarize,
} from './stats.mjs';

const num = (name, full, quick) => Number(process.env[name] ?? (isQuick ? quick : full));
const ORPHAN_WORKERS = num('BENCH_ORPHAN_WORKERS', 4, 2);
const ORPHAN_RUNS = num('BENCH_ORPHAN_RUNS', 3, 1);
const ORPHAN_WAIT_MS = 3_000;
const HUNG_RUNS = num('BENCH_HUNG_RUNS', 3, 1);
const HUNG_WINDOW_MS = num('BENCH_HUNG_WINDOW_MS', 10_000, 2_000);
const FAST_HEARTBEAT = { intervalMs: 500 };
const ROUND_TRIPS = num('BENCH_ROUND_TRIPS', 1500, 300);
const WARMUP = num('BENCH_WARMUP', 1500, 300);
const ROUNDS = 3;
const CONCURRENCY = 64;
const THROUGHPUT_S = num('BENCH_THROUGHPUT_S', 3, 1);
const IDLE_WORKERS = num('BENCH_IDLE_WORKERS', 10, 4);
const IDLE_WINDOW_S = num('BENCH_IDLE_WINDOW_S', 20, 3);
const SETTLE_S = num('BENCH_SETTLE_S', 3, 1);
// A new pool's actor threads keep compiling and collecting after the start (3 % of
// a core for 10 dedicated workers in the first seconds, measured): wait longer
// before its idle window so that the window measures the heartbeat, not the JIT.
const POOL_SETTLE_S = num('BENCH_POOL_SETTLE_S', 20, 2);
const START_RUNS = num('BENCH_START_RUNS', 3, 1);
const ARGS = {
  id: 42,
  name: 'snakepit',
  tags: ['a', 'b', 'c'],
  values: [1.5, 2.5, 3.5],
  nested: { ok: true },
};
const OWNER_SCRIPT = fileURLToPath(new URL('../tests/support/owner.mjs', import.meta.url));
const ALT_OWNER_SCRIPT = fileURLToPath(new URL('./compare_owner.mjs', import.meta.url));

const KINDS = [
  ['snakepit', 'Snakepit pool'],
  ['jsonl', 'python-shell-style JSON lines (stdio)'],
  ['plain', 'plain child_process, no guards'],
  ['grpc', 'raw grpcio + nice-grpc'],
];
// The pool again over gRPC: measured beside the others in parts c and d.
const GRPC_POOL = ['snakepitGrpc', 'Snakepit pool, gRPC transport'];
const GRPC_OPTIONS = { transport: 'grpc' };
const isPoolKind = (kind) => kind === 'snakepit' || kind === 'snakepitGrpc';
const LABEL = Object.fromEntries([...KINDS, GRPC_POOL]);
const SECTION = {
  a: `a. owner SIGKILLed with ${ORPHAN_WORKERS} workers + 1 grandchild each: processes alive ${ORPHAN_WAIT_MS / 1000} s later`,
  b: 'b. hung worker (SIGSTOP): time until detected / replaced',
  c: `c. execute('echo', ~110 B JSON), one worker: latency (sequential) and throughput (${CONCURRENCY} outstanding)`,
  d: `d. ${IDLE_WORKERS} idle workers: CPU, start and stop`,
  e: "e. execute('echo_bytes', N bytes), one worker: round trip, sequential",
};
const MIB = 1024 * 1024;
const PAYLOAD_SIZES = [1024, 16 * 1024, 256 * 1024, MIB, 4 * MIB, 16 * MIB, 64 * MIB];
/** Bytes moved per size and kind: calls = this / size, at least 5, at most 300. */
const PAYLOAD_BUDGET_BYTES = num('BENCH_PAYLOAD_BUDGET_BYTES', 512 * MIB, 128 * MIB);

// A private runtime directory (sockets, registry): this benchmark reaps nobody else's runs.
const DIR = mkdtempSync(join(tmpdir(), 'snakepit-cmp-'));
process.env.SNAKEPIT_RUNTIME_DIR = DIR;
const tag = randomBytes(3).toString('hex');
const runIds = [];
const newRunId = (what) => {
  runIds.push(`cmp-${tag}-${what}-${runIds.length}`);
  return runIds.at(-1);
};
/** Processes to SIGKILL at the end whatever happened (survivors of part a, stopped peers). */
const strays = [];
const python = await resolvePython({});
let sockets = 0;
const socketPath = (kind) => join(DIR, `${kind}-${sockets++}.sock`);

/** Starts one worker of `kind`: `{ pid, call(command, args), stop() }`. */
function startPeer(kind) {
  if (kind === 'jsonl') return startJsonLinesPeer(python.path);
  if (kind === 'plain') return startPlainSocketPeer(python.path, socketPath(kind));
  return startRawGrpcPeer(python.path, socketPath(kind));
}

const killQuietly = (pid, signal = 'SIGKILL') => {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
};

// ---------------------------------------------------------------------------
// a. Orphans

function startOwner(kind, runId) {
  const args =
    kind === 'snakepit'
      ? [
          OWNER_SCRIPT,
          JSON.stringify({
            runId,
            pool: { size: ORPHAN_WORKERS },
            grandchildren: Array(ORPHAN_WORKERS).fill(1),
          }),
        ]
      : [
          ALT_OWNER_SCRIPT,
          JSON.stringify({ kind, n: ORPHAN_WORKERS, python: python.path, dir: DIR }),
        ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const ready = new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (text) => {
      const line = JSON.parse(text);
      if (line.event === 'ready') resolve(line);
      if (line.event === 'error') reject(new Error(line.message));
    });
    void exited.then(() => reject(new Error(`${kind} owner exited before ready`)));
  });
  return { child, ready, exited };
}

async function orphansOnce(kind) {
  const owner = startOwner(kind, newRunId('orphan'));
  await owner.ready;
  const tree = describeProcesses(descendantsOf(owner.child.pid));
  const python = tree.filter((p) => /python/.test(p.cmd));
  const killedAt = performance.now();
  owner.child.kill('SIGKILL');
  await owner.exited;
  let lastGoneMs;
  while (performance.now() - killedAt < ORPHAN_WAIT_MS) {
    if (!tree.some(isAlive)) {
      lastGoneMs ??= performance.now() - killedAt;
      break;
    }
    await sleep(5);
  }
  const survivors = tree.filter(isAlive);
  const pythonSurvivors = python.filter(isAlive);
  for (const p of survivors) killQuietly(p.pid);
  return {
    processes: tree.length,
    survivors: pythonSurvivors.length,
    python: python.length,
    lastGoneMs,
    all: survivors.length,
  };
}

async function partA() {
  const rows = [];
  for (const [kind, label] of KINDS) {
    const results = [];
    for (let i = 0; i < ORPHAN_RUNS; i++) results.push(await orphansOnce(kind));
    const worst = results.reduce((a, b) => (b.survivors > a.survivors ? b : a));
    const gone = results.map((r) => r.lastGoneMs).filter((v) => v !== undefined);
    const goneMedian = gone.length === results.length ? summarize(gone).median : undefined;
    rows.push([label, `${worst.survivors}/${worst.python}`, worst.all, goneMedian ?? 'never']);
    record(SECTION.a, label, worst.survivors, 'Python processes left', {
      kind,
      metric: 'orphans',
      of: worst.python,
      text: `${worst.survivors} of ${worst.python}`,
      runs: ORPHAN_RUNS,
      lastGoneMs: goneMedian,
    });
  }
  printRows(
    `${SECTION.a} (worst of ${ORPHAN_RUNS} runs)`,
    ['kind', 'Python left', 'any process left', 'all gone after, ms (median)'],
    rows,
  );
}

// ---------------------------------------------------------------------------
// b. Hung worker

async function hungOnce(heartbeat) {
  const bus = new EventBus();
  const pool = await createPool({
    runId: newRunId('hung'),
    size: 1,
    bus,
    ...(heartbeat ? { heartbeat } : {}),
  });
  try {
    await pool.execute('echo', ARGS);
    const victim = pool.stats().workers[0].pid;
    let detectedAt;
    // One event per missed ping; the worker is hung at the maxMissed-th (3 in both cases).
    bus.on('snakepit.worker.heartbeat.timeout', (e) => {
      if (e.missed >= 3) detectedAt ??= performance.now();
    });
    strays.push(victim);
    const t0 = performance.now();
    process.kill(victim, 'SIGSTOP');
    const deadline = t0 + 30_000;
    let replacedAt;
    while (performance.now() < deadline && replacedAt === undefined) {
      await sleep(10);
      const w = pool.stats().workers[0];
      if (w.pid !== undefined && w.pid !== victim && w.state === 'ready')
        replacedAt = performance.now();
    }
    if (replacedAt !== undefined) await pool.execute('echo', ARGS);
    return { detectedMs: detectedAt && detectedAt - t0, replacedMs: replacedAt && replacedAt - t0 };
  } finally {
    await pool.stop();
  }
}

/** The alternatives: one call each to a SIGSTOPped worker, no timeout; does anything notice? */
async function hungAlternatives() {
  const peers = await Promise.all(KINDS.slice(1).map(([kind]) => startPeer(kind)));
  const outcomes = peers.map(() => 'pending');
  peers.forEach((p) => process.kill(p.pid, 'SIGSTOP'));
  peers.forEach((p, i) =>
    p.call('echo', ARGS).then(
      () => (outcomes[i] = 'answered'),
      (error) => (outcomes[i] = `failed: ${error.message}`),
    ),
  );
  await sleep(HUNG_WINDOW_MS);
  const seen = [...outcomes];
  for (const p of peers) {
    killQuietly(p.pid, 'SIGKILL');
    await p.stop().catch(() => {});
  }
  return seen;
}

async function partB() {
  const rows = [];
  const cases = [
    ['default heartbeat (2 s × 3 + 1 s)', undefined],
    ['heartbeat intervalMs 500', FAST_HEARTBEAT],
  ];
  for (const [name, heartbeat] of cases) {
    const runs = [];
    for (let i = 0; i < HUNG_RUNS; i++) runs.push(await hungOnce(heartbeat));
    const detected = runs.map((r) => r.detectedMs).filter((v) => v !== undefined);
    const replaced = runs.map((r) => r.replacedMs).filter((v) => v !== undefined);
    const d = detected.length ? summarize(detected) : undefined;
    const r = replaced.length ? summarize(replaced) : undefined;
    rows.push([
      `${LABEL.snakepit}, ${name}`,
      d?.median ?? 'never',
      d?.max ?? '',
      r?.median ?? 'never',
      `${replaced.length}/${runs.length}`,
    ]);
    const extra = { kind: 'snakepit', metric: heartbeat ? 'hungFast' : 'hung', runs: runs.length };
    if (d) recordSummary(SECTION.b, `${LABEL.snakepit}, ${name}: detected`, d, 'ms', extra);
    if (r)
      recordSummary(SECTION.b, `${LABEL.snakepit}, ${name}: replaced`, r, 'ms', {
        ...extra,
        metric: `${extra.metric}Replaced`,
      });
  }
  const outcomes = await hungAlternatives();
  KINDS.slice(1).forEach(([kind, label], i) => {
    const text =
      outcomes[i] === 'pending'
        ? `never (call still waiting after ${HUNG_WINDOW_MS / 1000} s)`
        : outcomes[i];
    rows.push([label, 'never', '', 'never', outcomes[i]]);
    record(SECTION.b, label, NaN, 'ms', { kind, metric: 'hung', text });
  });
  printRows(
    `${SECTION.b}, ms (${HUNG_RUNS} runs each; alternatives: one call without timeout, watched for ${HUNG_WINDOW_MS / 1000} s)`,
    ['case', 'detected median', 'detected max', 'replacement answers', 'replaced / outcome'],
    rows,
  );
}

// ---------------------------------------------------------------------------
// c. Latency and throughput

async function sequential(fn, count) {
  const samples = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

async function partC() {
  // concurrency 8: as many calls at once as the worker's gRPC server runs (and grpc's peer).
  const pool = await createPool({ runId: newRunId('lat'), size: 1, concurrency: 8 });
  const overGrpc = await createPool({
    ...{ runId: newRunId('lat'), size: 1, concurrency: 8 },
    ...GRPC_OPTIONS,
  });
  const pools = { snakepit: pool, snakepitGrpc: overGrpc };
  const peers = {};
  try {
    for (const [kind] of KINDS.slice(1)) peers[kind] = await startPeer(kind);
    const cases = [KINDS[0], GRPC_POOL, ...KINDS.slice(1)].map(([kind, label]) =>
      isPoolKind(kind)
        ? {
            kind,
            name: label,
            call: () => pools[kind].execute('echo', ARGS),
            pids: [pools[kind].stats().workers[0].pid],
          }
        : {
            kind,
            name: label,
            call: () => peers[kind].call('echo', ARGS),
            pids: [peers[kind].pid],
          },
    );
    for (const c of cases) {
      const reply = await c.call();
      if (JSON.stringify(reply) !== JSON.stringify(ARGS))
        throw new Error(`${c.kind} echo returned ${JSON.stringify(reply)}`);
      await sequential(c.call, WARMUP);
    }
    const samples = new Map(cases.map((c) => [c.kind, []]));
    const perRound = Math.ceil(ROUND_TRIPS / ROUNDS);
    for (let round = 0; round < ROUNDS; round++)
      for (const c of cases) samples.get(c.kind).push(...(await sequential(c.call, perRound)));
    const measured = await interleavedThroughput(cases, {
      concurrency: CONCURRENCY,
      rounds: 6,
      sliceSeconds: THROUGHPUT_S / 6,
    });
    const ours = summarize(samples.get('snakepit'));
    const oursT = measured.get(LABEL.snakepit).perS;
    const rows = cases.map((c) => {
      const s = summarize(samples.get(c.kind));
      const t = measured.get(c.name);
      recordSummary(SECTION.c, `${c.name}: latency`, s, 'ms', { kind: c.kind, metric: 'latency' });
      record(SECTION.c, `${c.name}: throughput`, t.perS, 'calls/s', {
        kind: c.kind,
        metric: 'throughput',
        nodeUsPerCall: t.nodeUsPerCall,
        pythonUsPerCall: t.pythonUsPerCall,
      });
      return [
        c.name,
        s.median,
        s.p99,
        ratio(ours.median, s.median),
        Math.round(t.perS),
        ratio(oursT, t.perS),
        t.nodeUsPerCall,
        t.pythonUsPerCall,
      ];
    });
    printRows(
      `${SECTION.c}; ${perRound * ROUNDS} calls each in ${ROUNDS} interleaved rounds, throughput ${THROUGHPUT_S} s each`,
      [
        'kind',
        'median ms',
        'p99 ms',
        'Snakepit / this',
        'calls/s',
        'Snakepit / this',
        'Node µs/call',
        'Python µs/call',
      ],
      rows,
    );
  } finally {
    await Promise.all([pool.stop(), overGrpc.stop(), ...Object.values(peers).map((p) => p.stop())]);
  }
}

// ---------------------------------------------------------------------------
// d. Idle CPU, start, stop

/** Starts IDLE_WORKERS of `kind` until each answers; returns pids, the time, and a stop. */
async function startMany(kind, options = {}) {
  const t0 = performance.now();
  if (isPoolKind(kind)) {
    const runId = newRunId('idle');
    const pool = await createPool({ runId, size: IDLE_WORKERS, ...options });
    const startMs = performance.now() - t0;
    return { startMs, pids: () => runPids(runId), stop: () => pool.stop() };
  }
  const peers = await Promise.all(Array.from({ length: IDLE_WORKERS }, () => startPeer(kind)));
  const startMs = performance.now() - t0;
  const pids = peers.map((p) => p.pid);
  return { startMs, pids: () => pids, stop: () => Promise.all(peers.map((p) => p.stop())) };
}

async function stopTimed(started) {
  const refs = started.pids().map((pid) => ({ pid, startTime: refOf(pid)?.startTime }));
  const t0 = performance.now();
  await started.stop();
  const stopMs = performance.now() - t0;
  // Until every process is gone: a worker may outlive stop() on its exit path.
  while (refs.some(isAlive) && performance.now() - t0 < 10_000) await sleep(5);
  return { stopMs, goneMs: performance.now() - t0 };
}

async function idleCpu(started, kind) {
  await sleep((isPoolKind(kind) ? POOL_SETTLE_S : SETTLE_S) * 1000);
  const pids = started.pids();
  const before = cpuSnapshot(pids);
  await sleep(IDLE_WINDOW_S * 1000);
  const used = cpuSince(before);
  const pct = (us) => (100 * us) / (used.windowMs * 1000);
  return { node: pct(used.nodeUs), python: pct(used.pythonNsUs), others: pct(used.othersUs) };
}

async function partD() {
  const cases = [
    ...[KINDS[0], GRPC_POOL, ...KINDS.slice(1)].map(([kind, label]) => [
      kind,
      label,
      kind === 'snakepitGrpc' ? GRPC_OPTIONS : {},
    ]),
    ['snakepit', `${LABEL.snakepit}, heartbeats off`, { heartbeat: false }],
  ];
  const rows = [];
  for (const [kind, label, options] of cases) {
    const starts = [];
    const stops = [];
    const gones = [];
    let cpu;
    const isMain = options.heartbeat === undefined;
    for (let i = 0; i < (isMain ? START_RUNS : 1); i++) {
      const started = await startMany(kind, options);
      starts.push(started.startMs);
      if (i === 0) cpu = await idleCpu(started, kind);
      const stopped = await stopTimed(started);
      stops.push(stopped.stopMs);
      gones.push(stopped.goneMs);
      await sleep(300);
    }
    const start = summarize(starts);
    const stop = summarize(gones);
    rows.push([
      label,
      cpu.node,
      cpu.python,
      cpu.node + cpu.python,
      cpu.others,
      start.median,
      summarize(stops).median,
      stop.median,
    ]);
    const extra = { kind, n: IDLE_WORKERS };
    const metric = (m) => ({ ...extra, metric: isMain ? m : `${m}NoHeartbeat` });
    record(
      SECTION.d,
      `${label}: idle CPU (Node + Python)`,
      cpu.node + cpu.python,
      '% of one core',
      {
        ...metric('idleCpu'),
        nodePct: cpu.node,
        pythonPct: cpu.python,
        windowS: IDLE_WINDOW_S,
      },
    );
    recordSummary(SECTION.d, `${label}: start ${IDLE_WORKERS}`, start, 'ms', metric('start'));
    recordSummary(
      SECTION.d,
      `${label}: stop ${IDLE_WORKERS} (every process gone)`,
      stop,
      'ms',
      metric('stop'),
    );
  }
  printRows(
    `${SECTION.d} (CPU: % of one core over ${IDLE_WINDOW_S} s; start/stop: median of ${START_RUNS} runs, ms)`,
    [
      'kind',
      'Node %',
      'Python %',
      'total %',
      'rest of machine %',
      'start ms',
      'stop() ms',
      'all gone ms',
    ],
    rows,
  );
}

// ---------------------------------------------------------------------------
// e. Payload sweep

async function partE() {
  const base = { size: 1, concurrency: 1, heartbeat: false };
  const pools = {
    snakepitGrpc: await createPool({
      ...{ ...base, runId: newRunId('pay'), maxPayloadBytes: 128 * MIB },
      ...GRPC_OPTIONS,
    }),
    snakepit: await createPool({ ...base, runId: newRunId('pay') }),
  };
  try {
    const rows = [];
    for (const size of PAYLOAD_SIZES) {
      const data = randomBytes(size);
      const calls = Math.min(300, Math.max(5, Math.round(PAYLOAD_BUDGET_BYTES / size)));
      const medians = {};
      for (const kind of ['snakepitGrpc', 'snakepit']) {
        const call = () => pools[kind].execute('echo_bytes', data);
        const reply = await call();
        if (!Buffer.from(reply).equals(data))
          throw new Error(`${kind} echo_bytes changed ${size} bytes`);
        await sequential(call, Math.min(calls, 20));
        const s = summarize(await sequential(call, calls));
        const mbPerS = (2 * size) / (s.median / 1000) / 1e6;
        recordSummary(SECTION.e, `${LABEL[kind]}: ${size} B round trip`, s, 'ms', {
          kind,
          bytes: size,
          mbPerS,
        });
        medians[kind] = { ms: s.median, mbPerS };
      }
      rows.push([
        size >= MIB ? `${size / MIB} MiB` : `${size / 1024} KiB`,
        calls,
        medians.snakepitGrpc.ms,
        Math.round(medians.snakepitGrpc.mbPerS),
        medians.snakepit.ms,
        Math.round(medians.snakepit.mbPerS),
        ratio(medians.snakepitGrpc.ms, medians.snakepit.ms),
      ]);
    }
    printRows(
      `${SECTION.e}; MB/s = 2 × N / median round trip (10^6 bytes)`,
      ['N', 'calls', 'gRPC ms', 'gRPC MB/s', 'framed ms', 'framed MB/s', 'gRPC / framed'],
      rows,
    );
  } finally {
    await Promise.all(Object.values(pools).map((pool) => pool.stop()));
  }
}

// ---------------------------------------------------------------------------

const t0 = performance.now();
console.log(
  `compare benchmark${isQuick ? ' (quick)' : ''}: Node ${process.version}, Python ${python.pythonVersion}, grpcio ${python.grpcVersion}`,
);
const parts = new Set((process.env.BENCH_PARTS ?? 'a,b,c,d,e').split(','));
let exitCode = 0;
try {
  if (parts.has('a')) await partA();
  if (parts.has('b')) await partB();
  if (parts.has('c')) await partC();
  if (parts.has('d')) await partD();
  if (parts.has('e')) await partE();
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  for (const pid of strays) killQuietly(pid);
  for (const runId of runIds) for (const pid of runPids(runId)) killQuietly(pid);
  rmSync(DIR, { recursive: true, force: true });
  console.log(`\ntotal time ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
process.exit(exitCode);
