// One worker, side by side in one run: spawn → Ready, control-channel
// Ping/Pong round trip, and Execute round trip over the default (framed)
// transport (medians and p99).
import { randomBytes } from 'node:crypto';
import { startPythonWorker } from '@snakepit/python-bridge';
import { isQuick, record } from './record.mjs';
import { printTable, summarize } from './stats.mjs';

const STARTS = Number(process.env.BENCH_STARTS ?? (isQuick ? 3 : 10));
const ROUND_TRIPS = Number(process.env.BENCH_ROUND_TRIPS ?? 2000);
// A client needs a few thousand calls to warm up (nice-grpc's: latency 2.4 → 0.85 ms).
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5000);
const runId = `bench-${randomBytes(4).toString('hex')}`;

async function timeStarts() {
  const samples = [];
  for (let i = 0; i < STARTS; i++) {
    const t0 = performance.now();
    const worker = await startPythonWorker({ workerId: `s${i}`, runId });
    samples.push(performance.now() - t0);
    await worker.stop();
  }
  return samples;
}

async function timeSequential(fn) {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples = [];
  for (let i = 0; i < ROUND_TRIPS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

const starts = await timeStarts();
const worker = await startPythonWorker({ workerId: 'rt', runId });
try {
  const pings = await timeSequential(() => worker.ping());
  const executes = await timeSequential(() => worker.execute('echo', { x: 1 }));
  const ping = summarize(pings);
  const execute = summarize(executes);
  printTable(
    `One Python worker (${worker.ready.pythonVersion}, framed transport); ${ROUND_TRIPS} sequential round trips`,
    [
      { name: 'spawn → Ready (resolve, spawn, import, bind)', ...summarize(starts) },
      { name: 'control channel Ping → Pong', ...ping },
      { name: 'Execute echo (JSON), framed', ...execute },
    ],
  );
  console.log(`ratio Execute / Ping (median): ${(execute.median / ping.median).toFixed(1)}×`);
  record('ratios', 'framed Execute / control Ping (median)', execute.median / ping.median, '×');
} finally {
  await worker.stop();
}
