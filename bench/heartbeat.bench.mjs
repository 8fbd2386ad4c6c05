// Heartbeat cost benchmark (issue 18 item 6: "heartbeats of many workers cost
// almost nothing"), side by side in one run:
//   a. CPU of N idle workers (default 100, `start: 'forkserver'`, default
//      placement and heartbeat), % of one core, Node (process.cpuUsage: every
//      thread) + Python (every process of the run: workers, guardians, the fork
//      server; schedstat ns), per transport, heartbeats on vs off.
//      Target: ≤ 1 % of one core, Node + Python, with heartbeats on.
//   b. where it goes: the same windows per thread — Node's threads by name,
//      Python's by process role and thread (grpc names its own threads; a
//      Python thread is numbered in start order).
//   c. the floor: N bare Python processes echoing 16 bytes on a socketpair,
//      all pinged at once every 2 s from one timer on the main thread (one
//      wake-up of each process per interval and nothing else), vs idle.
//
// Build first: `pnpm exec tsc -b`, then `node bench/heartbeat.bench.mjs`
// (~3 min). Env: BENCH_HB_WORKERS (100; 10 quick), BENCH_HB_WINDOW_S (10;
// 3 quick), BENCH_SETTLE_S (5; 1 quick), BENCH_TRANSPORTS (framed,grpc),
// BENCH_HB_CASES (on,off), BENCH_HB_FLOOR (1; 0 skips part c), BENCH_HB_START
// (forkserver; `spawn` leaves out the fork server's per-worker exit poll).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePython } from '@snakepit/core/process';
import { createPool } from '@snakepit/python-bridge';
import { startSocketEchoPeer } from './peers.mjs';
import { cpuSince, cpuSnapshot, printRows, runPids, sleep } from './stats.mjs';

const num = (name, fallback) => Number(process.env[name] ?? fallback);
const WORKERS = num('BENCH_HB_WORKERS', 100);
const WINDOW_S = num('BENCH_HB_WINDOW_S', 10);
// A shared-placement pool of 100 is idle a few seconds after it is ready; a
// dedicated one (BENCH_PLACEMENT) keeps compiling for ~40 s (pool.bench.mjs).
const SETTLE_S = num('BENCH_SETTLE_S', 5);
const TRANSPORTS = (process.env.BENCH_TRANSPORTS ?? 'framed,grpc').split(',');
const CASES = (process.env.BENCH_HB_CASES ?? 'on,off').split(',');
const PLACEMENT = process.env.BENCH_PLACEMENT; // undefined: the default ('auto')
const START = process.env.BENCH_HB_START ?? 'forkserver';
const IS_FLOOR = process.env.BENCH_HB_FLOOR !== '0';
const TARGET_PCT = 1;
const INTERVAL_MS = 2_000; // the default heartbeat interval

// A private runtime directory: this benchmark reaps nobody else's runs.
const RUNTIME_DIR = mkdtempSync(join(tmpdir(), 'snakepit-bench-hb-'));
process.env.SNAKEPIT_RUNTIME_DIR = RUNTIME_DIR;

const pct = (us, windowMs) => (100 * us) / (windowMs * 1000);

function readOr(path, fallback) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

/** Every thread of `pid`: its id, name (comm) and time on CPU (schedstat, ns). */
function threadsOf(pid) {
  let tids = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    return [];
  }
  return tids
    .sort((a, b) => a - b)
    .map((tid) => ({
      tid,
      comm: readOr(`/proc/${pid}/task/${tid}/comm`, '?').trim(),
      ns: Number(readOr(`/proc/${pid}/task/${tid}/schedstat`, '0').split(' ')[0]),
    }));
}

/**
 * A label per thread that is the same in every worker: Node's by name (its
 * main thread apart); Python's by role (fork server, guardian shell, worker)
 * and then grpc's own name, or the Python thread's start order.
 */
function threadKeys(pid) {
  const threads = threadsOf(pid);
  if (pid === process.pid) {
    return threads.map((t) => ({ ...t, key: `node: ${t.tid === pid ? 'main' : t.comm}` }));
  }
  const role = (threads[0]?.comm ?? '?') === 'sh' ? 'guardian' : threads[0]?.comm;
  let pythonIndex = 0;
  return threads.map((t) => {
    const isPythonThread = t.comm === 'python' || t.comm === 'python3';
    const name = isPythonThread ? `thread ${pythonIndex++}` : t.comm;
    return { ...t, key: `${role === 'python' ? 'worker' : role}: ${name}` };
  });
}

function threadSnapshot(pids) {
  const byTid = new Map();
  for (const pid of [process.pid, ...pids]) {
    for (const t of threadKeys(pid)) byTid.set(`${pid}/${t.tid}`, t);
  }
  return byTid;
}

/** CPU per thread label between two snapshots, µs (threads in both only). */
function threadCpuSince(before, after) {
  const byKey = new Map();
  for (const [id, t] of after) {
    const b = before.get(id);
    if (!b) continue;
    const entry = byKey.get(t.key) ?? { us: 0, threads: 0 };
    entry.us += (t.ns - b.ns) / 1000;
    entry.threads++;
    byKey.set(t.key, entry);
  }
  return byKey;
}

async function measure(transport, heartbeat) {
  const runId = `bench-hb-${transport}-${heartbeat}-${process.pid}`;
  const pool = await createPool({
    runId,
    size: WORKERS,
    start: START,
    transport,
    ...(PLACEMENT ? { placement: PLACEMENT } : {}),
    ...(heartbeat === 'off' ? { heartbeat: false } : {}),
  });
  try {
    await sleep(SETTLE_S * 1000);
    return await window(runPids(runId));
  } finally {
    await pool.stop();
  }
}

async function window(pids) {
  const threadsBefore = threadSnapshot(pids);
  const before = cpuSnapshot(pids);
  await sleep(WINDOW_S * 1000);
  const used = cpuSince(before);
  return {
    ...used,
    processes: pids.length,
    threads: threadCpuSince(threadsBefore, threadSnapshot(pids)),
  };
}

/** Part c: bare echo peers, idle and then pinged all at once every interval. */
async function floor() {
  const python = (await resolvePython({})).path;
  const peers = [];
  try {
    for (let i = 0; i < WORKERS; i += 10) {
      const batch = Array.from({ length: Math.min(10, WORKERS - i) }, () =>
        startSocketEchoPeer(python),
      );
      peers.push(...(await Promise.all(batch)));
    }
    const pids = peers.map((p) => p.pid);
    await sleep(SETTLE_S * 1000);
    const idle = await window(pids);
    const message = Buffer.alloc(16, 7);
    let round = Promise.resolve();
    const ping = () => (round = Promise.all(peers.map((p) => p.roundTrip(message))).then(() => {}));
    ping();
    const timer = setInterval(ping, INTERVAL_MS);
    try {
      await sleep(1000);
      return [
        { transport: 'floor: bare echo peers', heartbeat: 'off', ...idle },
        { transport: 'floor: bare echo peers', heartbeat: 'on', ...(await window(pids)) },
      ];
    } finally {
      clearInterval(timer);
      await round; // a peer whose reply is unread when its socket closes sees a reset
    }
  } finally {
    await Promise.all(peers.map((p) => p.stop()));
  }
}

const results = [];
const t0 = performance.now();
try {
  for (const transport of TRANSPORTS) {
    for (const heartbeat of CASES) {
      results.push({ transport, heartbeat, ...(await measure(transport, heartbeat)) });
    }
  }
  if (IS_FLOOR) results.push(...(await floor()));
} finally {
  rmSync(RUNTIME_DIR, { recursive: true, force: true });
}

printRows(
  `a. CPU of ${WORKERS} idle workers (start: '${START}', placement ${PLACEMENT ?? 'auto'}, default heartbeat), % of one core over ${WINDOW_S} s (target with heartbeats on: ≤ ${TARGET_PCT} %)`,
  [
    'case',
    'Node + Python %',
    'Node %',
    'of which main thread %',
    'Python %',
    'processes',
    'rest of machine %',
    `≤ ${TARGET_PCT} %`,
  ],
  results.map((r) => {
    const node = pct(r.nodeUs, r.windowMs);
    const python = pct(r.pythonNsUs, r.windowMs);
    return [
      `${r.transport}, heartbeats ${r.heartbeat}`,
      node + python,
      node,
      pct(r.nodeMainUs, r.windowMs),
      python,
      r.processes,
      pct(r.othersUs, r.windowMs),
      r.heartbeat === 'on' ? (node + python <= TARGET_PCT ? 'yes' : 'NO') : '',
    ];
  }),
);

// b. The busiest thread labels of each case (those above 0.05 % of a core).
for (const r of results) {
  const rows = [...r.threads]
    .map(([key, { us, threads }]) => [key, pct(us, r.windowMs), threads])
    .filter(([, p]) => p >= 0.05)
    .sort((a, b) => b[1] - a[1]);
  printRows(
    `b. where it goes: ${r.transport}, heartbeats ${r.heartbeat} — % of one core per thread label (schedstat)`,
    ['thread', '% of one core', 'threads'],
    rows,
  );
}
console.log(`\ntotal time ${((performance.now() - t0) / 1000).toFixed(1)} s`);
