// Queue benchmark (issue 20, defects 5 and 9): how long a pool takes to fail
// many queued calls at once, against the floor of that work (rejecting as
// many bare promises with errors). With an array queue (indexOf + splice)
// and one abort listener per call, 100k aborted calls blocked the event loop
// for 9 s and 200k for 28.5 s; the figures should now grow linearly.
//
// A pool of 1 worker busy with a long `sleep`; behind it, N calls queued:
//   abort:   all share one AbortController, aborted once;
//   timeout: all with `timeoutMs: 1`, which ends while they are queued.
// Each figure runs from the abort (or the end of the loop that queued them,
// past every deadline) until every call has settled.
//
// Build first: `pnpm build`, then `node bench/queue.bench.mjs`. Scale with
// BENCH_QUEUE_SIZES (default 10000,100000,200000; quick: 10000,50000).
import { SnakepitError } from '@snakepit/core';
import { createPool } from '@snakepit/python-bridge';
import { isQuick } from './record.mjs';
import { collectGarbage, printRows, ratio } from './stats.mjs';

const SIZES = (process.env.BENCH_QUEUE_SIZES ?? (isQuick ? '10000,50000' : '10000,100000,200000'))
  .split(',')
  .map(Number);
const TIMEOUT_MS = 1;

/** Rejecting `n` bare promises with SnakepitErrors: the floor of failing `n` calls. */
async function floorMs(n) {
  const rejects = [];
  const settled = Array.from({ length: n }, () =>
    new Promise((_, reject) => rejects.push(reject)).catch(() => 0),
  );
  const startedAt = performance.now();
  for (const reject of rejects) reject(new SnakepitError('ABORTED', 'aborted'));
  await Promise.all(settled);
  return performance.now() - startedAt;
}

async function abortMs(pool, n) {
  const controller = new AbortController();
  const calls = Array.from({ length: n }, () =>
    pool.execute('add', [1, 1], { signal: controller.signal }).catch(() => 0),
  );
  const startedAt = performance.now();
  controller.abort();
  await Promise.all(calls);
  return performance.now() - startedAt;
}

async function timeoutMs(pool, n) {
  let lastAt = 0;
  const calls = Array.from({ length: n }, () =>
    pool
      .execute('add', [1, 1], { timeoutMs: TIMEOUT_MS })
      .catch(() => (lastAt = performance.now())),
  );
  // Queueing them takes longer than their timeout: every deadline has passed
  // by now, and none could fire before.
  const dueAt = performance.now();
  await Promise.all(calls);
  return lastAt - dueAt;
}

const pool = await createPool({ size: 1, maxQueue: 1_000_000, placement: 'inline' });
try {
  const busy = pool.execute('sleep', { seconds: 3600 }).catch(() => 0);
  const rows = [];
  for (const n of SIZES) {
    await collectGarbage();
    const floor = await floorMs(n);
    await collectGarbage();
    const aborted = await abortMs(pool, n);
    await collectGarbage();
    const timedOut = await timeoutMs(pool, n);
    const perCallUs = (ms) => (ms * 1000) / n;
    rows.push([`abort ${n} queued calls`, aborted, perCallUs(aborted), ratio(aborted, floor)]);
    rows.push([
      `timeout of ${n} queued calls`,
      timedOut,
      perCallUs(timedOut),
      ratio(timedOut, floor),
    ]);
    rows.push([`floor: reject ${n} bare promises`, floor, perCallUs(floor), '1.00×']);
  }
  printRows(
    'Failing many queued calls at once (1 busy worker; until every call has settled)',
    ['what', 'ms', 'µs per call', 'vs floor'],
    rows,
  );
  void busy;
} finally {
  await pool.stop();
}
