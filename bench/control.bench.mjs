// Control channel overhead, side by side in one run: control-channel
// Ping → Pong vs the gRPC Health RPC (same worker) vs a raw byte echo between
// Node and a bare Python process over a socketpair on fd 3 (the transport the
// control channel itself uses). Median / p99 round trip and CPU per round trip.
//
// Build first: `pnpm exec tsc -b packages/python-bridge`, then `node bench/control.bench.mjs`.
// Scale with BENCH_ROUND_TRIPS (default 4000 each) and BENCH_WARMUP (3000 each).
import { resolvePython } from '@snakepit/core/process';
import { startPythonWorker } from '@snakepit/python-bridge';
import { openRawGrpcClient, startSocketEchoPeer } from './peers.mjs';
import {
  cpuSince,
  cpuSnapshot,
  printRows,
  printTable,
  ratio,
  runPids,
  sleep,
  summarize,
} from './stats.mjs';

const num = (name, fallback) => Number(process.env[name] ?? fallback);
const ROUND_TRIPS = num('BENCH_ROUND_TRIPS', 4000);
const WARMUP = num('BENCH_WARMUP', 3000); // grpc-js needs thousands of calls before its JIT settles
const ROUNDS = 4;
const IDLE_MS = 2000;
// As many bytes as a framed Ping (4-byte length + ControlFrame{ping{seq, sentUnixMs}}).
const RAW_MESSAGE = Buffer.alloc(16, 7);

async function sequential(fn, count) {
  const samples = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

const t0 = performance.now();
const python = await resolvePython({});
const runId = `bench-ctl-${process.pid}`;
console.log(
  `control benchmark: Node ${process.version}, Python ${python.pythonVersion}, grpcio ${python.grpcVersion}; ` +
    `${ROUND_TRIPS} sequential round trips each after ${WARMUP} warm-up, ${ROUNDS} interleaved rounds`,
);
// No heartbeat: its pings would share the channel being measured.
// Over gRPC: its Health call is one of the cases measured.
const worker = await startPythonWorker({
  ...{ workerId: 'ctl', runId, heartbeat: false },
  transport: 'grpc',
});
let grpc;
let peer;
try {
  grpc = await openRawGrpcClient(worker.ready.grpcAddress);
  peer = await startSocketEchoPeer(python.path);
  const cases = [
    {
      name: 'raw Unix socketpair echo, 16 B (Node ↔ bare Python)',
      call: () => peer.roundTrip(RAW_MESSAGE),
      pid: peer.pid,
    },
    {
      name: 'control channel Ping → Pong (worker.ping())',
      call: () => worker.ping(),
      pid: worker.pid,
    },
    { name: 'gRPC Health (nice-grpc ↔ grpcio, UDS)', call: () => grpc.health(), pid: worker.pid },
  ];

  // Python's idle CPU (grpcio's own threads and timers), µs per ms, is subtracted from its share.
  const idleOf = new Map();
  for (const pid of [worker.pid, peer.pid]) {
    const before = cpuSnapshot([pid]);
    await sleep(IDLE_MS);
    const used = cpuSince(before);
    idleOf.set(pid, used.pythonNsUs / used.windowMs);
  }

  for (const c of cases) await sequential(c.call, WARMUP);
  const samples = new Map(cases.map((c) => [c.name, []]));
  const cpu = new Map(
    cases.map((c) => [c.name, { nodeUs: 0, pythonUs: 0, pythonTickUs: 0, idleUs: 0, windowMs: 0 }]),
  );
  const perRound = Math.ceil(ROUND_TRIPS / ROUNDS);
  const phase = cpuSnapshot([]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of cases) {
      const before = cpuSnapshot([c.pid]);
      samples.get(c.name).push(...(await sequential(c.call, perRound)));
      const used = cpuSince(before);
      const acc = cpu.get(c.name);
      acc.nodeUs += used.nodeUs;
      acc.pythonUs += used.pythonNsUs;
      acc.pythonTickUs += used.pythonTickUs;
      acc.idleUs += idleOf.get(c.pid) * used.windowMs;
      acc.windowMs += used.windowMs;
    }
  }
  const others = cpuSince(phase);
  const stats = new Map(cases.map((c) => [c.name, summarize(samples.get(c.name))]));
  printTable(
    'Round trip, sequential (one outstanding)',
    cases.map((c) => ({ name: c.name, ...stats.get(c.name) })),
  );
  const perRt = new Map(
    cases.map((c) => {
      const n = samples.get(c.name).length;
      const acc = cpu.get(c.name);
      return [
        c.name,
        {
          node: acc.nodeUs / n,
          python: (acc.pythonUs - acc.idleUs) / n,
          pythonTicks: acc.pythonTickUs / n,
        },
      ];
    }),
  );
  printRows(
    `CPU per round trip, µs (Node: process.cpuUsage; Python: schedstat of its threads, less its idle rate, and utime+stime ticks, unadjusted). Rest of the machine meanwhile: ${((100 * others.othersUs) / (others.windowMs * 1000)).toFixed(0)} % of one core`,
    ['what', 'Node µs', 'Python µs', 'Python µs (ticks)', 'total µs', 'Python idle µs/s'],
    cases.map((c) => {
      const p = perRt.get(c.name);
      return [c.name, p.node, p.python, p.pythonTicks, p.node + p.python, idleOf.get(c.pid) * 1000];
    }),
  );
  const [rawName, pingName, healthName] = cases.map((c) => c.name);
  const row = (label, a, b) => {
    const sa = stats.get(a);
    const sb = stats.get(b);
    const ca = perRt.get(a);
    const cb = perRt.get(b);
    return [
      label,
      ratio(sa.median, sb.median),
      ratio(sa.p99, sb.p99),
      ratio(ca.node, cb.node),
      ratio(ca.python, cb.python),
      ratio(ca.node + ca.python, cb.node + cb.python),
    ];
  };
  printRows(
    'Ratios',
    ['ratio', 'median', 'p99', 'Node CPU', 'Python CPU', 'total CPU'],
    [
      row('control Ping / raw socket echo', pingName, rawName),
      row('gRPC Health / raw socket echo', healthName, rawName),
      row('gRPC Health / control Ping', healthName, pingName),
    ],
  );
} finally {
  grpc?.close();
  await peer?.stop();
  await worker.stop();
  let left = runPids(runId).length;
  for (let i = 0; i < 50 && left > 0; i++) {
    await sleep(100);
    left = runPids(runId).length;
  }
  console.log(
    `\ncleanup: ${left} process(es) of this run left; total time ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  if (left > 0) process.exitCode = 1;
}
