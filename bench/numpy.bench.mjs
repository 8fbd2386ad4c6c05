// A numpy workload (issue 18): an 8×3×32×32 float32 batch (96 KiB as bytes)
// through a small MLP (bench/mlp_adapter.py), per transport:
//   a. one worker: the pool's round trip against the same work timed inside
//      Python; the difference is what the bridge costs per call;
//   b. throughput with `size` = cores and 4 calls outstanding per worker,
//      against the ceiling the in-process time allows on that many cores.
// Needs numpy in the workers' Python: `pip install numpy` (fails loudly without).
//
//   node bench/numpy.bench.mjs          (BENCH_ROUND_TRIPS, BENCH_THROUGHPUT_S)
import { randomFillSync } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createPool, createRunId } from '@snakepit/python-bridge';
import { isQuick, record, recordSummary } from './record.mjs';
import { summarize } from './stats.mjs';

const num = (name, full, quick) => Number(process.env[name] ?? (isQuick ? quick : full));
const ROUND_TRIPS = num('BENCH_ROUND_TRIPS', 3000, 300);
const THROUGHPUT_S = num('BENCH_THROUGHPUT_S', 4, 1);
const HERE = fileURLToPath(new URL('.', import.meta.url));
// One BLAS thread per worker: with a pool of `cores` workers each running calls
// concurrently, OpenBLAS's own threads per call oversubscribe the cores (measured:
// 89 batches/s over gRPC with its default threads).
const ADAPTER = { adapter: 'mlp_adapter', pythonPath: [HERE], env: { OPENBLAS_NUM_THREADS: '1' } };
const TRANSPORTS = ['grpc', 'framed'];
const CORES = availableParallelism();
const SECTION = {
  a: 'numpy MLP, 8×3×32×32 float32 per call, one worker: round trip vs in-process',
  b: `numpy MLP, throughput with size ${CORES} (cores), 4 outstanding per worker`,
};

// Random floats as bytes: what a TypeScript service would send a model.
const batch = new Float32Array(8 * 3 * 32 * 32);
randomFillSync(new Uint32Array(batch.buffer));
for (let i = 0; i < batch.length; i++) if (!Number.isFinite(batch[i])) batch[i] = 0;
const payload = new Uint8Array(batch.buffer);

async function poolFor(transport, size) {
  const pool = await createPool({ runId: createRunId('numpy'), size, transport, ...ADAPTER });
  try {
    const logits = await pool.execute('infer', payload);
    if (!(logits instanceof Uint8Array) || logits.byteLength !== 8 * 10 * 4)
      throw new Error(`infer returned ${logits?.byteLength} bytes, expected 320`);
  } catch (error) {
    await pool.stop();
    throw new Error(
      `the MLP adapter failed (is numpy installed in the workers' Python? pip install numpy): ${error.message}`,
    );
  }
  return pool;
}

async function roundTrip(transport) {
  const pool = await poolFor(transport, 1);
  try {
    for (let i = 0; i < 200; i++) await pool.execute('infer', payload);
    const samples = [];
    for (let i = 0; i < ROUND_TRIPS; i++) {
      const t0 = performance.now();
      await pool.execute('infer', payload);
      samples.push(performance.now() - t0);
    }
    const inProcessUs = await pool.execute('infer_in_process', { runs: ROUND_TRIPS });
    return { rtt: summarize(samples), inProcess: summarize(inProcessUs.map((us) => us / 1000)) };
  } finally {
    await pool.stop();
  }
}

async function throughput(transport) {
  const pool = await poolFor(transport, CORES);
  try {
    let calls = 0;
    const end = performance.now() + THROUGHPUT_S * 1000;
    await Promise.all(
      Array.from({ length: 4 * CORES }, async () => {
        while (performance.now() < end) {
          await pool.execute('infer', payload);
          calls++;
        }
      }),
    );
    return calls / THROUGHPUT_S;
  } finally {
    await pool.stop();
  }
}

const fmt = (v, d = 3) => v.toFixed(d);
console.log(`\n${SECTION.a}`);
console.log('transport  round trip ms  in-process ms  bridge ms  p99 ms');
const inProcess = {};
for (const transport of TRANSPORTS) {
  const { rtt, inProcess: local } = await roundTrip(transport);
  inProcess[transport] = local.median;
  const bridge = rtt.median - local.median;
  console.log(
    `${transport.padEnd(9)}  ${fmt(rtt.median).padStart(13)}  ${fmt(local.median).padStart(13)}  ${fmt(bridge).padStart(9)}  ${fmt(rtt.p99).padStart(6)}`,
  );
  recordSummary(SECTION.a, `${transport}: round trip`, rtt);
  recordSummary(SECTION.a, `${transport}: in-process`, local);
  record(SECTION.a, `${transport}: bridge (round trip − in-process)`, bridge, 'ms', {
    // The headline shows the default transport's.
    ...(transport === 'framed' ? { headline: 'numpy MLP bridge cost per call (framed)' } : {}),
  });
}
console.log(`\n${SECTION.b}`);
console.log('transport  batches/s  ceiling/s  of ceiling');
for (const transport of TRANSPORTS) {
  const perS = await throughput(transport);
  const ceiling = (CORES * 1000) / inProcess[transport];
  console.log(
    `${transport.padEnd(9)}  ${fmt(perS, 0).padStart(9)}  ${fmt(ceiling, 0).padStart(9)}  ${`${fmt((100 * perS) / ceiling, 1)} %`.padStart(10)}`,
  );
  record(SECTION.b, `${transport}: throughput`, perS, 'batches/s', { ceiling });
}
