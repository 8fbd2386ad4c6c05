// Actor runtime benchmark: run `pnpm exec tsc -b packages/actors && node bench/actors.bench.mjs`.
// Reports, in one run: tell/ask round trips per second inline vs on a thread;
// time to restart an actor on a warm (reused) thread vs a new thread; memory
// per actor for dedicated and shared placement with 1, 10 and 100 actors.
import { performance } from 'node:perf_hooks';
import { createActorHost, defineActor, spawnActor } from '../packages/actors/dist/index.js';
import { isQuick, record } from './record.mjs';

const ECHO_SOURCE = `export default {
  start: () => ({ n: 0 }),
  handlers: { inc(s) { s.n += 1; }, get(s) { return s.n; }, echo(_s, v) { return v; } },
};`;
const ECHO_MODULE = `data:text/javascript,${encodeURIComponent(ECHO_SOURCE)}`;
const echo = defineActor({
  start: () => ({ n: 0 }),
  handlers: {
    inc(s) {
      s.n += 1;
    },
    get(s) {
      return s.n;
    },
    echo(_s, v) {
      return v;
    },
  },
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

async function roundTrips(ref, asks, tells) {
  for (let i = 0; i < 200; i++) await ref.ask('echo', i);
  let t0 = performance.now();
  for (let i = 0; i < asks; i++) await ref.ask('echo', i);
  const askPerSec = asks / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  for (let i = 0; i < tells; i++) ref.tell('inc');
  await ref.ask('get');
  const tellPerSec = tells / ((performance.now() - t0) / 1000);
  return { askPerSec, tellPerSec };
}

async function throughput() {
  const inline = await spawnActor(echo, undefined);
  const inlineResult = await roundTrips(inline, 50_000, 200_000);
  await inline.stop();
  const host = createActorHost();
  const thread = await host.spawn(ECHO_MODULE, undefined);
  const threadResult = await roundTrips(thread, 10_000, 100_000);
  await host.close();
  return { inline: inlineResult, thread: threadResult };
}

async function restartTimes(runs = 15) {
  const warm = [];
  const host = createActorHost();
  let ref = await host.spawn(ECHO_MODULE, undefined);
  for (let i = 0; i < runs; i++) {
    await ref.stop();
    const t0 = performance.now();
    ref = await host.spawn(ECHO_MODULE, undefined);
    await ref.ask('get');
    warm.push(performance.now() - t0);
  }
  await host.close();
  const cold = [];
  for (let i = 0; i < runs; i++) {
    const fresh = createActorHost();
    const t0 = performance.now();
    const r = await fresh.spawn(ECHO_MODULE, undefined);
    await r.ask('get');
    cold.push(performance.now() - t0);
    await fresh.close();
  }
  return { warmMs: median(warm), coldMs: median(cold) };
}

async function memoryPerActor(placement, count) {
  globalThis.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const before = process.memoryUsage().rss;
  const host = createActorHost({
    placement,
    maxThreads: placement === 'shared' ? 2 : 256,
    startTimeoutMs: 120_000,
  });
  const refs = await Promise.all(
    Array.from({ length: count }, () => host.spawn(ECHO_MODULE, undefined)),
  );
  await Promise.all(refs.map((r) => r.ask('get')));
  globalThis.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const after = process.memoryUsage().rss;
  const threads = host.stats().threads;
  await host.close();
  return { placement, count, threads, perActorMb: (after - before) / count / 1024 / 1024 };
}

const t = await throughput();
console.log('\n## tell/ask throughput (one sender, sequential asks)');
console.log('| placement | ask round trips/s | tells/s |');
console.log('|---|---:|---:|');
console.log(`| inline | ${fmt(t.inline.askPerSec)} | ${fmt(t.inline.tellPerSec)} |`);
console.log(`| thread (dedicated) | ${fmt(t.thread.askPerSec)} | ${fmt(t.thread.tellPerSec)} |`);
for (const [placement, result] of [
  ['inline', t.inline],
  ['thread (dedicated)', t.thread],
]) {
  const section = 'tell/ask throughput (one sender, sequential asks)';
  record(section, placement, result.askPerSec, 'ask round trips/s', {
    'tells/s': result.tellPerSec,
  });
}
console.log(
  `ratio inline/thread: asks ×${fmt(t.inline.askPerSec / t.thread.askPerSec, 1)}, tells ×${fmt(t.inline.tellPerSec / t.thread.tellPerSec, 1)}`,
);

const r = await restartTimes();
console.log('\n## restart time: stop → new actor answers (median of 15)');
console.log('| thread | ms |');
console.log('|---|---:|');
console.log(`| warm (reused) | ${fmt(r.warmMs, 2)} |`);
console.log(`| new | ${fmt(r.coldMs, 2)} |`);
record(
  'restart time: stop → new actor answers (median of 15)',
  'warm (reused) thread',
  r.warmMs,
  'ms',
);
record('restart time: stop → new actor answers (median of 15)', 'new thread', r.coldMs, 'ms');
console.log(`ratio new/warm: ×${fmt(r.coldMs / r.warmMs, 1)}`);

console.log('\n## memory per actor (RSS delta / actors; shared = 2 threads)');
console.log('| placement | actors | threads | MB per actor |');
console.log('|---|---:|---:|---:|');
for (const placement of ['shared', 'dedicated']) {
  for (const count of isQuick ? [1, 10] : [1, 10, 100]) {
    const m = await memoryPerActor(placement, count);
    record(
      'memory per actor (RSS delta / actors; shared = 2 threads)',
      `${placement}, ${count} actors`,
      m.perActorMb,
      'MB per actor',
      { threads: m.threads },
    );
    console.log(`| ${m.placement} | ${m.count} | ${m.threads} | ${fmt(m.perActorMb, 2)} |`);
  }
}
